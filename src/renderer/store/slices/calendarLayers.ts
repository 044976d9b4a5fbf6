// The calendar's rotations: which one the lead works on (its shifts are dragged, swapped and
// covered; the calendar slice loads and edits it) and which others are drawn beside it as
// layers, read-only, each loaded over the same window around the visible range.
import type { ScheduleOperation } from '../../../shared/ipc/schemas';
import type { Id, IsoInstant, Rotation } from '../../../shared/model';
import type { ScheduleView } from '../../../shared/views';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';
import type { VisibleRange } from './calendar';

/** How far beyond the visible range a layer is loaded: as far as the calendar's own window. */
const LAYER_MARGIN_MS = 91 * 86_400_000;

/** A request's reference to the rotation worked on: with several, the main process asks which. */
export const rotationRefOf = (rotation: Rotation | null): { rotationId?: Id } =>
  rotation ? { rotationId: rotation.id } : {};

/** An edit made on the calendar is the rotation's worked on, unless it names its own. */
export const withRotation = (operation: ScheduleOperation, rotation: Rotation | null): ScheduleOperation =>
  operation.op === 'reshape' || operation.op === 'remove' || operation.rotationId !== undefined
    ? operation
    : { ...operation, ...rotationRefOf(rotation) };

export interface CalendarLayersSlice {
  /** The rotation the calendar works on (its zone is the calendar's); null when there is none. */
  calendarRotation: Rotation | null;
  calendarRotationState: Loadable;
  /** The rotations in use (not archived), in the lead's order: the calendar's legend. */
  calendarRotations: Rotation[];
  /** The rotations drawn besides the one worked on; null until the lead chooses: all of them. */
  hiddenLayerIds: Id[];
  /** Each shown layer's schedule over a window around the visible range. */
  layerViews: Record<Id, ScheduleView>;
  /** Reads the rotations in use; the one worked on stays chosen while it is in use, else the lead's first. */
  loadCalendarRotation(): Promise<void>;
  /** Works on another rotation: the calendar loads its schedule, the others become layers. */
  chooseCalendarRotation(rotationId: Id): Promise<void>;
  showLayer(rotationId: Id, shown: boolean): void;
  /** Loads the shown layers that do not cover `range` yet. */
  loadLayers(range: VisibleRange): Promise<void>;
  /** Something changed the rotations or their schedules elsewhere: layers are read again. */
  dropLayers(): void;
}

export const createCalendarLayersSlice: SliceCreator<CalendarLayersSlice> = (set, get) => {
  // A layer asked for twice at once is loaded once; an answer for a dropped generation is ignored.
  const loading = new Set<Id>();
  let generation = 0;
  const covers = (view: ScheduleView | undefined, from: IsoInstant, to: IsoInstant) =>
    view !== undefined && view.from <= from && to <= view.to;

  return {
    calendarRotation: null,
    calendarRotationState: idle,
    calendarRotations: [],
    hiddenLayerIds: [],
    layerViews: {},

    async loadCalendarRotation() {
      set((s) => ({ calendarRotationState: { status: 'loading', error: s.calendarRotationState.error } }));
      const result = await call('rotations:list', {});
      if (!result.ok) {
        set({ calendarRotationState: { status: 'error', error: result.error.message } });
        return;
      }
      const active = result.value.filter((r) => r.archivedAt === null);
      const chosen = active.find((r) => r.id === get().calendarRotation?.id) ?? active[0] ?? null;
      set({
        calendarRotation: chosen,
        calendarRotations: active,
        calendarRotationState: { status: 'ready', error: null },
      });
    },

    async chooseCalendarRotation(rotationId) {
      const chosen = get().calendarRotations.find((r) => r.id === rotationId);
      if (!chosen || get().calendarRotation?.id === rotationId) return;
      set({ calendarRotation: chosen, plan: null, planState: idle, calendarMessage: null });
      await get().reloadSchedule();
      const range = get().visibleRange;
      if (range) await get().loadLayers(range);
    },

    showLayer(rotationId, shown) {
      set((s) => ({
        hiddenLayerIds: shown
          ? s.hiddenLayerIds.filter((id) => id !== rotationId)
          : [...new Set([...s.hiddenLayerIds, rotationId])],
      }));
      const range = get().visibleRange;
      if (shown && range) void get().loadLayers(range);
    },

    async loadLayers(range) {
      const { calendarRotations, calendarRotation, hiddenLayerIds, layerViews } = get();
      const wanted = calendarRotations.filter(
        (r) =>
          r.id !== calendarRotation?.id &&
          !hiddenLayerIds.includes(r.id) &&
          !loading.has(r.id) &&
          !covers(layerViews[r.id], range.from, range.to),
      );
      const mine = generation;
      const from = new Date(Date.parse(range.from) - LAYER_MARGIN_MS).toISOString();
      const to = new Date(Date.parse(range.to) + LAYER_MARGIN_MS).toISOString();
      await Promise.all(
        wanted.map(async (rotation) => {
          loading.add(rotation.id);
          const result = await call('schedule:get', { rotationId: rotation.id, from, to });
          loading.delete(rotation.id);
          if (mine !== generation) return;
          if (result.ok) set((s) => ({ layerViews: { ...s.layerViews, [rotation.id]: result.value } }));
          else
            set({
              calendarMessage: { tone: 'error', text: `${rotation.name} could not be shown: ${result.error.message}` },
            });
        }),
      );
    },

    dropLayers() {
      generation += 1;
      loading.clear();
      set({ layerViews: {} });
    },
  };
};
