// Operations: pipelines and their owners, the ownership matrix and reviews,
// runbooks and their revisions, escalation, SLAs and risks. One group per handler file.
import type { BusinessArea, Ownership, OwnershipChange, OwnershipReview, Risk, Sla, SlaEvent } from '../../model';
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
} from '../../operations-views';
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
} from '../operations-schemas';
import { noArgs, ownershipInput, pipelineRef } from '../schemas';
import { returns } from './define';

export const ownershipChannels = {
  'areas:list': { args: noArgs, result: returns<BusinessArea[]>() },
  'pipelines:list': { args: noArgs, result: returns<PipelineRow[]>() },
  'ownership:set': { args: ownershipInput, result: returns<Ownership>() },
  'ownership:history': { args: pipelineRef, result: returns<OwnershipChange[]>() },
} as const;

export const pipelineChannels = {
  'areas:create': { args: areaInput, result: returns<BusinessArea>() },
  'pipelines:save': { args: pipelineInput, result: returns<PipelineRow>() },
  'pipelines:retire': { args: retireArgs, result: returns<PipelineRow>() },
  'ownership:matrix': { args: matrixArgs, result: returns<OwnershipMatrix>() },
  'reviews:list': { args: noArgs, result: returns<ReviewsView>() },
  'reviews:save': { args: reviewInput, result: returns<OwnershipReview>() },
  'reviews:delete': { args: reviewRef, result: returns<null>() },
} as const;

export const runbookChannels = {
  'runbooks:get': { args: pipelineRef, result: returns<RunbookView>() },
  'runbooks:save': { args: runbookSaveArgs, result: returns<RunbookView>() },
  'runbooks:revisions': { args: pipelineRef, result: returns<RevisionSummary[]>() },
  'runbooks:revision': { args: revisionRef, result: returns<RevisionView>() },
  'runbooks:diff': { args: revisionDiffArgs, result: returns<RevisionDiffView>() },
  'runbooks:restore': { args: revisionRef, result: returns<RunbookView>() },
  'escalation:who': { args: whoArgs, result: returns<WhoView>() },
  'team-lead:get': { args: noArgs, result: returns<TeamLead | null>() },
  'team-lead:set': { args: teamLeadInput, result: returns<TeamLead | null>() },
} as const;

export const slaChannels = {
  'slas:list': { args: noArgs, result: returns<SlaRow[]>() },
  'slas:save': { args: slaInput, result: returns<Sla>() },
  'slas:delete': { args: slaRef, result: returns<null>() },
  'slas:deadlines': { args: deadlinesArgs, result: returns<DeadlinesView>() },
  'slas:events': { args: noArgs, result: returns<SlaEvent[]>() },
  'slas:add-event': { args: slaEventInput, result: returns<SlaEvent>() },
  'slas:remove-event': { args: slaEventRef, result: returns<null>() },
} as const;

export const riskChannels = {
  'risks:list': { args: noArgs, result: returns<RiskRegister>() },
  'risks:create': { args: riskInput, result: returns<Risk>() },
  'risks:update': { args: riskUpdate, result: returns<Risk>() },
  'risks:delete': { args: riskRef, result: returns<null>() },
} as const;

export const operationsChannels = {
  ...ownershipChannels,
  ...pipelineChannels,
  ...runbookChannels,
  ...slaChannels,
  ...riskChannels,
} as const;
