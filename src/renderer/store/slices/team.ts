// The Team screen: engineers (through the engineers slice), their time away, the rotations
// (in the lead's order, archived ones too) and the team's time zone.
// What each change makes stale (the calendar's window, the engineers) is src/renderer/query/staleness.ts's.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Engineer, Id, Rotation, Unavailability } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { onStale, save } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';

/** What a save answers: the saved thing, or the main process's refusal in words. */
export type Saved<T> = Result<T>;

export interface TeamSlice {
  timeAway: Unavailability[];
  /** Every rotation, archived ones too, in the lead's order. */
  rotations: Rotation[];
  teamState: Loadable;
  loadTeam(): Promise<void>;
  saveEngineer(input: ArgsIn<'engineers:save'>): Promise<Saved<Engineer>>;
  addTimeAway(input: ArgsIn<'unavailability:add'>): Promise<Saved<Unavailability>>;
  removeTimeAway(unavailabilityId: Id): Promise<Saved<null>>;
  saveRotation(input: ArgsIn<'rotations:create'> & { id?: Id }): Promise<Saved<Rotation>>;
  /** Archives a rotation (its schedule ends now, its history stays) or brings it back. */
  archiveRotation(rotationId: Id, archived: boolean): Promise<Saved<Rotation>>;
  /** Moves a rotation one place up (-1) or down (1) in the lead's order. */
  moveRotation(rotationId: Id, by: -1 | 1): Promise<Saved<Rotation[]>>;
  setTeamTimeZone(timeZone: string): Promise<Saved<string>>;
}

export const createTeamSlice: SliceCreator<TeamSlice> = (set, get) => {
  onStale(['unavailability:list', 'rotations:list', 'team:time-zone'], () => {
    if (get().teamState.status !== 'idle') return get().loadTeam();
  });
  return {
    timeAway: [],
    rotations: [],
    teamState: idle,
    async loadTeam() {
      set((s) => ({ teamState: { status: 'loading', error: s.teamState.error } }));
      const [away, rotations, zone] = await Promise.all([
        call('unavailability:list', {}),
        call('rotations:list', {}),
        call('team:time-zone', {}),
      ]);
      if (away.ok && rotations.ok && zone.ok)
        set({
          timeAway: away.value,
          rotations: rotations.value,
          teamTimeZone: zone.value,
          teamState: { status: 'ready', error: null },
        });
      else {
        const failed = !away.ok ? away.error : !rotations.ok ? rotations.error : !zone.ok ? zone.error : null;
        set({ teamState: { status: 'error', error: failed?.message ?? null } });
      }
    },
    async saveEngineer(input) {
      const result = await save('engineers:save', input);
      return result;
    },
    async addTimeAway(input) {
      const result = await save('unavailability:add', input);
      return result;
    },
    async removeTimeAway(unavailabilityId) {
      const result = await save('unavailability:remove', { unavailabilityId });
      return result;
    },
    async saveRotation({ id, ...draft }) {
      const result =
        id === undefined ? await save('rotations:create', draft) : await save('rotations:save', { id, ...draft });
      return result;
    },
    async archiveRotation(rotationId, archived) {
      const result = await save('rotations:archive', { rotationId, archived });
      return result;
    },
    async moveRotation(rotationId, by) {
      const ids = get().rotations.map((r) => r.id);
      const at = ids.indexOf(rotationId);
      const to = at + by;
      if (at < 0 || to < 0 || to >= ids.length) return { ok: true, value: get().rotations };
      [ids[at], ids[to]] = [ids[to]!, ids[at]!];
      const result = await save('rotations:reorder', { rotationIds: ids });
      return result;
    },
    async setTeamTimeZone(timeZone) {
      const result = await save('team:set-time-zone', { timeZone });
      if (result.ok) set({ teamTimeZone: result.value });
      return result;
    },
  };
};
