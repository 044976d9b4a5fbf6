// The rest of the plan: pipelines, the ownership matrix and reviews, runbooks and their
// revisions, escalation, SLAs and risks.
import type { BusinessArea, OwnershipReview, Risk, Sla, SlaEvent } from '../../model';
import type { TeamLead } from '../../domain/escalation';
import type { PipelineRow } from '../../views';
import type {
  DeadlinesView,
  OwnershipMatrix,
  RevisionDiffView,
  RevisionSummary,
  RevisionView,
  ReviewsView,
  RiskRegister,
  RunbookView,
  SlaRow,
  WhoView,
} from '../../plan-views';
import {
  areaInput,
  deadlinesArgs,
  matrixArgs,
  pipelineInput,
  retireArgs,
  reviewInput,
  reviewRef,
  revisionDiffArgs,
  revisionRef,
  riskInput,
  riskRef,
  riskUpdate,
  runbookSaveArgs,
  slaEventInput,
  slaEventRef,
  slaInput,
  slaRef,
  teamLeadInput,
  whoArgs,
} from '../plan-schemas';
import { noArgs, pipelineRef } from '../schemas';
import { returns } from './define';

export const planChannels = {
  'areas:create': { args: areaInput, result: returns<BusinessArea>() },
  'pipelines:save': { args: pipelineInput, result: returns<PipelineRow>() },
  'pipelines:retire': { args: retireArgs, result: returns<PipelineRow>() },
  'ownership:matrix': { args: matrixArgs, result: returns<OwnershipMatrix>() },
  'reviews:list': { args: noArgs, result: returns<ReviewsView>() },
  'reviews:save': { args: reviewInput, result: returns<OwnershipReview>() },
  'reviews:delete': { args: reviewRef, result: returns<null>() },
  'runbooks:get': { args: pipelineRef, result: returns<RunbookView>() },
  'runbooks:save': { args: runbookSaveArgs, result: returns<RunbookView>() },
  'runbooks:revisions': { args: pipelineRef, result: returns<RevisionSummary[]>() },
  'runbooks:revision': { args: revisionRef, result: returns<RevisionView>() },
  'runbooks:diff': { args: revisionDiffArgs, result: returns<RevisionDiffView>() },
  'runbooks:restore': { args: revisionRef, result: returns<RunbookView>() },
  'escalation:who': { args: whoArgs, result: returns<WhoView>() },
  'team-lead:get': { args: noArgs, result: returns<TeamLead | null>() },
  'team-lead:set': { args: teamLeadInput, result: returns<TeamLead | null>() },
  'slas:list': { args: noArgs, result: returns<SlaRow[]>() },
  'slas:save': { args: slaInput, result: returns<Sla>() },
  'slas:delete': { args: slaRef, result: returns<null>() },
  'slas:deadlines': { args: deadlinesArgs, result: returns<DeadlinesView>() },
  'slas:events': { args: noArgs, result: returns<SlaEvent[]>() },
  'slas:add-event': { args: slaEventInput, result: returns<SlaEvent>() },
  'slas:remove-event': { args: slaEventRef, result: returns<null>() },
  'risks:list': { args: noArgs, result: returns<RiskRegister>() },
  'risks:create': { args: riskInput, result: returns<Risk>() },
  'risks:update': { args: riskUpdate, result: returns<Risk>() },
  'risks:delete': { args: riskRef, result: returns<null>() },
} as const;
