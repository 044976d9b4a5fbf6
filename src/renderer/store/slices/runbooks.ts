// One pipeline's runbook at a time: its content and completeness, its revisions, the
// differences between two of them, and who its escalation path calls at a moment; and the
// team lead, whom every escalation path's team-lead level calls.
import type { TeamLead } from '../../../shared/domain/escalation';
import type { RunbookContent } from '../../../shared/domain/runbook';
import type { Id, IsoInstant } from '../../../shared/model';
import type { RevisionDiffView, RevisionSummary, RunbookView, WhoView } from '../../../shared/operations-views';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { invalidateAfter, onStale } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';

export interface RunbooksSlice {
  /** The pipeline whose runbook is open. */
  runbookPipelineId: Id | null;
  runbook: RunbookView | null;
  runbookState: Loadable;
  revisions: RevisionSummary[];
  who: WhoView | null;
  whoState: Loadable;
  openRunbook(pipelineId: Id): Promise<void>;
  saveRunbook(pipelineId: Id, content: RunbookContent, note: string): Promise<Result<RunbookView>>;
  restoreRevision(pipelineId: Id, revision: number): Promise<Result<RunbookView>>;
  loadRevisionDiff(pipelineId: Id, from: number, to: number): Promise<Result<RevisionDiffView>>;
  /** Who the escalation path calls for an incident starting at `at` (default: now). */
  loadWho(pipelineId: Id, at?: IsoInstant): Promise<void>;
  /** null: not set, so each team-lead level calls the contact it names itself. */
  teamLead: TeamLead | null;
  teamLeadState: Loadable;
  loadTeamLead(): Promise<void>;
  /** Stores the team lead and resolves the open escalation path again, at the same moment. */
  saveTeamLead(lead: TeamLead | null): Promise<Result<TeamLead | null>>;
}

export const createRunbooksSlice: SliceCreator<RunbooksSlice> = (set, get) => {
  const loadRevisions = async (pipelineId: Id) => {
    const result = await call('runbooks:revisions', { pipelineId });
    if (result.ok && get().runbookPipelineId === pipelineId) set({ revisions: result.value });
  };
  /** After a save or restore: the new content (its revisions and people are read again as stale). */
  const afterWrite = (pipelineId: Id, result: Result<RunbookView>) => {
    if (result.ok && get().runbookPipelineId === pipelineId) set({ runbook: result.value });
  };
  onStale(['runbooks:revisions'], () => {
    const open = get().runbookPipelineId;
    if (open !== null) return loadRevisions(open);
  });
  // The open escalation path is resolved again at the same moment.
  onStale(['escalation:who'], () => {
    const { runbookPipelineId: open, who } = get();
    if (open !== null) return get().loadWho(open, who?.pipeline.id === open ? who.at : undefined);
  });
  onStale(['team-lead:get'], () => {
    if (get().teamLeadState.status !== 'idle') return get().loadTeamLead();
  });

  return {
    runbookPipelineId: null,
    runbook: null,
    runbookState: idle,
    revisions: [],
    who: null,
    whoState: idle,
    teamLead: null,
    teamLeadState: idle,

    async openRunbook(pipelineId) {
      const loading: Loadable = { status: 'loading', error: null };
      if (get().runbookPipelineId === pipelineId) set({ runbookState: loading });
      else set({ runbookPipelineId: pipelineId, runbook: null, revisions: [], who: null, runbookState: loading });
      const [view] = await Promise.all([
        call('runbooks:get', { pipelineId }),
        loadRevisions(pipelineId),
        get().loadWho(pipelineId),
      ]);
      // A later choice wins over a slow answer for an earlier one.
      if (get().runbookPipelineId !== pipelineId) return;
      if (view.ok) set({ runbook: view.value, runbookState: { status: 'ready', error: null } });
      else set({ runbookState: { status: 'error', error: view.error.message } });
    },

    async saveRunbook(pipelineId, content, note) {
      const result = await call('runbooks:save', { pipelineId, content, note });
      afterWrite(pipelineId, result);
      if (result.ok) await invalidateAfter('runbooks:save');
      return result;
    },

    async restoreRevision(pipelineId, revision) {
      const result = await call('runbooks:restore', { pipelineId, revision });
      afterWrite(pipelineId, result);
      if (result.ok) await invalidateAfter('runbooks:restore');
      return result;
    },

    loadRevisionDiff(pipelineId, from, to) {
      return call('runbooks:diff', { pipelineId, from, to });
    },

    async loadWho(pipelineId, at) {
      set((s) => ({ whoState: { status: 'loading', error: s.whoState.error } }));
      const result = await call('escalation:who', at ? { pipelineId, at } : { pipelineId });
      if (get().runbookPipelineId !== pipelineId) return;
      if (result.ok) set({ who: result.value, whoState: { status: 'ready', error: null } });
      else set({ whoState: { status: 'error', error: result.error.message } });
    },

    async loadTeamLead() {
      set((s) => ({ teamLeadState: { status: 'loading', error: s.teamLeadState.error } }));
      const result = await call('team-lead:get', {});
      if (result.ok) set({ teamLead: result.value, teamLeadState: { status: 'ready', error: null } });
      else set({ teamLeadState: { status: 'error', error: result.error.message } });
    },

    async saveTeamLead(lead) {
      const result = await call('team-lead:set', { lead });
      if (!result.ok) return result;
      set({ teamLead: result.value, teamLeadState: { status: 'ready', error: null } });
      await invalidateAfter('team-lead:set');
      return result;
    },
  };
};
