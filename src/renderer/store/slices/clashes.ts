// Fixing a clash warning from wherever it is shown (Today, the Calendar, the Team screen):
// the ranked options come from the main process; applying one is an ordinary schedule edit
// (the calendar's applyEdit), so it is journaled and Undo takes it back.
import type { ClashFixes, ClashFixOption, ClashRef } from '../../../shared/domain/clash-fixes';
import { addDays, startOfLocalDayMs, toInstant } from '../../../shared/domain/time';
import type { Id, IsoDate, ModelWarning } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { readChannel } from '../../query/client';
import type { SliceCreator } from '../types';

export interface ClashSlice {
  /** The fix applied last, while it can still be undone from where it was applied. */
  clashFixApplied: { summary: string; undoLabel: string | null } | null;
  /** The fixes of a clash in the rotation named (the warning's), or the only rotation. */
  loadClashFixes(clash: ClashRef, rotationId?: Id): Promise<Result<ClashFixes>>;
  /** Applies an option; the refusal's words when it is refused. */
  applyClashFix(option: ClashFixOption): Promise<string | null>;
  undoClashFix(): Promise<string | null>;
  dismissClashFix(): void;
  /** The clash warnings a new time away makes (someone on call while away), to offer their fixes. */
  clashesOfTimeAway(engineerId: Id, startDate: IsoDate, endDate: IsoDate): Promise<ModelWarning[]>;
}

export const createClashSlice: SliceCreator<ClashSlice> = (set, get) => {
  const refusal = () => get().calendarMessage?.text ?? 'The schedule could not be changed.';
  return {
    clashFixApplied: null,
    loadClashFixes: (clash, rotationId) =>
      call('clashes:fixes', { clash, ...(rotationId !== undefined && { rotationId }) }),
    async applyClashFix(option) {
      // A fix in another rotation than the calendar's: the calendar works on that rotation, so the
      // edit is drawn there and Undo takes back the right rotation's edit.
      const { rotationId } = option.operation;
      if (rotationId !== get().calendarRotation?.id) {
        if (!get().calendarRotations.some((r) => r.id === rotationId)) await get().loadCalendarRotation();
        await get().chooseCalendarRotation(rotationId);
      }
      if (!(await get().applyEdit(option.operation))) return refusal();
      // What the journal's Undo then names: if it names something else later, another edit came after the fix.
      set({ clashFixApplied: { summary: option.summary, undoLabel: get().schedule?.canUndo ?? null } });
      return null;
    },
    async undoClashFix() {
      const applied = get().clashFixApplied;
      const lastEdit = get().schedule?.canUndo ?? null;
      if (applied?.undoLabel && lastEdit !== applied.undoLabel) {
        return 'The schedule was changed again since this fix: undo it from the calendar, where each edit is listed.';
      }
      if (!(await get().undoEdit())) return refusal();
      set({ clashFixApplied: null });
      return null;
    },
    dismissClashFix() {
      set({ clashFixApplied: null });
    },
    async clashesOfTimeAway(engineerId, startDate, endDate) {
      // Every rotation in use, each over the days in its own zone.
      const rotations = await readChannel('rotations:list', {}).catch(() => []);
      const views = await Promise.all(
        rotations
          .filter((r) => r.archivedAt === null)
          .map((rotation) => {
            const zone = rotation.timeZone;
            const from = toInstant(startOfLocalDayMs(startDate, zone));
            const to = toInstant(startOfLocalDayMs(addDays(endDate, 1), zone));
            return call('schedule:get', { rotationId: rotation.id, from, to });
          }),
      );
      return views.flatMap((view) =>
        view.ok
          ? view.value.warnings.filter((w) => w.kind === 'oncall_unavailable' && w.engineerIds.includes(engineerId))
          : [],
      );
    },
  };
};
