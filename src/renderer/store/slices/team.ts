// The Team screen: engineers (through the engineers slice), their time away and the rotation.
// Every change here moves the schedule, so the calendar's kept window is dropped and reloaded.
import type { ArgsIn } from '../../../shared/ipc/contract';
import type { Engineer, Id, Rotation, Unavailability } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { idle, type Loadable, type SliceCreator } from '../types';

/** What a save answers: the saved thing, or the main process's refusal in words. */
export type Saved<T> = Result<T>;

export interface TeamSlice {
  timeAway: Unavailability[];
  rotation: Rotation | null;
  teamState: Loadable;
  loadTeam(): Promise<void>;
  saveEngineer(input: ArgsIn<'engineers:save'>): Promise<Saved<Engineer>>;
  addTimeAway(input: ArgsIn<'unavailability:add'>): Promise<Saved<Unavailability>>;
  removeTimeAway(unavailabilityId: Id): Promise<Saved<null>>;
  saveRotation(input: ArgsIn<'rotations:create'> & { id?: Id }): Promise<Saved<Rotation>>;
}

export const createTeamSlice: SliceCreator<TeamSlice> = (set, get) => {
  const scheduleChanged = async () => {
    await Promise.all([get().loadTeam(), get().loadEngineers()]);
    await get().reloadSchedule();
  };
  return {
    timeAway: [],
    rotation: null,
    teamState: idle,
    async loadTeam() {
      set((s) => ({ teamState: { status: 'loading', error: s.teamState.error } }));
      const [away, rotations] = await Promise.all([call('unavailability:list', {}), call('rotations:list', {})]);
      if (away.ok && rotations.ok)
        set({
          timeAway: away.value,
          rotation: rotations.value[0] ?? null,
          teamState: { status: 'ready', error: null },
        });
      else {
        const failed = !away.ok ? away.error : !rotations.ok ? rotations.error : null;
        set({ teamState: { status: 'error', error: failed?.message ?? null } });
      }
    },
    async saveEngineer(input) {
      const result = await call('engineers:save', input);
      if (result.ok) await scheduleChanged();
      return result;
    },
    async addTimeAway(input) {
      const result = await call('unavailability:add', input);
      if (result.ok) await scheduleChanged();
      return result;
    },
    async removeTimeAway(unavailabilityId) {
      const result = await call('unavailability:remove', { unavailabilityId });
      if (result.ok) await scheduleChanged();
      return result;
    },
    async saveRotation({ id, ...draft }) {
      const result =
        id === undefined ? await call('rotations:create', draft) : await call('rotations:save', { id, ...draft });
      if (result.ok) await scheduleChanged();
      return result;
    },
  };
};
