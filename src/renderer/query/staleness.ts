// What each channel reads and what each change makes stale, in one table. Every channel is
// tagged with the kinds of stored data (domains) it reads or writes; after a write succeeds,
// every query whose channel reads one of the written domains is refreshed. The mapped type
// makes a new channel a compile error until it is tagged here, so none can be forgotten.
// Only the channel's type: the channel list's module holds every schema (zod), which the app's
// first chunk would then load before any screen.
import type { Channel } from '../../shared/ipc/contract';

export const DOMAINS = [
  'app',
  'team',
  'rotations',
  'schedule',
  'fairness',
  'pipelines',
  'reviews',
  'runbooks',
  'slas',
  'risks',
  'drills',
  'publish',
  'snapshots',
  'jobs',
] as const;
export type Domain = (typeof DOMAINS)[number];

export type ChannelUse =
  | { reads: readonly Domain[] }
  | { writes: readonly Domain[] }
  /** Touches only files outside the team's data (a native save or open dialog). */
  | { outside: true };

const reads = (...domains: Domain[]): ChannelUse => ({ reads: domains });
const writes = (...domains: Domain[]): ChannelUse => ({ writes: domains });
const outside: ChannelUse = { outside: true };

/** Who is on call when, and everything measured from it. */
const ROSTER: Domain[] = ['schedule', 'team', 'rotations', 'fairness'];

export const channelUse: { [K in Channel]: ChannelUse } = {
  'app:info': reads('app'),
  'today:get': reads(...ROSTER, 'pipelines', 'runbooks', 'slas', 'drills', 'reviews', 'risks'),
  'clashes:fixes': reads(...ROSTER),

  'engineers:list': reads('team'),
  'engineers:save': writes('team'),
  'unavailability:list': reads('team'),
  'unavailability:add': writes('team'),
  'unavailability:remove': writes('team'),
  'team:time-zone': reads('team'),
  'team:set-time-zone': writes('team'),
  'team-lead:get': reads('team'),
  'team-lead:set': writes('team'),

  'rotations:list': reads('rotations'),
  'rotations:create': writes('rotations'),
  'rotations:save': writes('rotations'),
  'rotations:archive': writes('rotations'),
  'rotations:reorder': writes('rotations'),

  'schedule:get': reads(...ROSTER),
  'schedule:window': reads(...ROSTER),
  'schedule:preview': reads(...ROSTER),
  'schedule:apply': writes('schedule'),
  'schedule:undo': writes('schedule'),
  'schedule:redo': writes('schedule'),
  'override:set-reason': writes('schedule'),
  'plan:propose': reads(...ROSTER),
  'plan:propose-all': reads(...ROSTER),
  'swaps:suggest': reads(...ROSTER),

  'fairness:get': reads(...ROSTER),
  'fairness:team': reads(...ROSTER),
  'fairness:weights': reads('fairness'),
  'fairness:set-weights': writes('fairness'),
  'fairness:rotation-weights': reads('fairness', 'rotations'),
  'fairness:set-rotation-weights': writes('fairness'),
  'ledger:settings': reads('fairness'),
  'ledger:set-carry': writes('fairness'),
  'ledger:set-opening-balances': writes('fairness'),
  'ledger:clear-history': writes('fairness'),
  'holidays:list': reads('fairness'),
  'holidays:set-weight': writes('fairness'),
  'holidays:add-custom': writes('fairness'),
  'holidays:remove-custom': writes('fairness'),

  'snapshots:publish': writes('snapshots'),
  'snapshots:list': reads('snapshots'),
  'snapshots:changes': reads('snapshots', ...ROSTER),

  'areas:list': reads('pipelines'),
  'areas:create': writes('pipelines'),
  'pipelines:list': reads('pipelines', 'team'),
  'pipelines:save': writes('pipelines'),
  'pipelines:retire': writes('pipelines'),
  'ownership:set': writes('pipelines'),
  'ownership:history': reads('pipelines', 'team'),
  // The matrix shows each pipeline's runbook completeness and review state beside its owners.
  'ownership:matrix': reads('pipelines', 'team', 'reviews', 'runbooks'),
  'reviews:list': reads('reviews', 'pipelines', 'team'),
  'reviews:save': writes('reviews'),
  'reviews:delete': writes('reviews'),

  'runbooks:get': reads('runbooks', 'pipelines'),
  'runbooks:save': writes('runbooks'),
  'runbooks:revisions': reads('runbooks'),
  'runbooks:revision': reads('runbooks'),
  'runbooks:diff': reads('runbooks'),
  'runbooks:restore': writes('runbooks'),
  // Who an escalation path calls: its levels, the lead, and who is on call then.
  'escalation:who': reads('runbooks', ...ROSTER),

  'slas:list': reads('slas', 'pipelines'),
  'slas:save': writes('slas'),
  'slas:delete': writes('slas'),
  'slas:deadlines': reads('slas', 'pipelines'),
  'slas:events': reads('slas'),
  'slas:add-event': writes('slas'),
  'slas:remove-event': writes('slas'),

  'risks:list': reads('risks', 'pipelines'),
  'risks:create': writes('risks'),
  'risks:update': writes('risks'),
  'risks:delete': writes('risks'),

  'drills:list': reads('drills', 'runbooks'),
  'drills:on-call': reads(...ROSTER),
  'drills:get': reads('drills'),
  'drills:due': reads('drills', 'pipelines'),
  'drills:history': reads('drills'),
  'drills:report': reads('drills'),
  'drills:cadence': reads('drills'),
  'drills:schedule': writes('drills'),
  'drills:start': writes('drills'),
  'drills:cancel': writes('drills'),
  'drills:tick': writes('drills'),
  'drills:untick': writes('drills'),
  'drills:mark': writes('drills'),
  'drills:note': writes('drills'),
  'drills:finish': writes('drills'),
  'drills:followup-status': writes('drills'),
  'drills:edit-step': writes('drills'),
  'drills:set-cadence': writes('drills'),

  'publish:status': reads('publish'),
  'publish:save-target': writes('publish'),
  'publish:remove-target': writes('publish'),
  'publish:set-password': writes('publish'),
  'publish:sync': writes('publish'),

  'jobs:progress': reads('jobs'),
  'jobs:cancel': writes('jobs'),

  'recovery:status': reads('app'),
  // A restored backup or an applied import replaces the team's data: everything is read again.
  'recovery:restore': writes(...DOMAINS),
  'import:preview': reads('team'),
  'import:apply': writes(...DOMAINS),
  'export:list': reads(...DOMAINS),
  'export:ics': reads(...ROSTER),
  'export:csv': reads(...DOMAINS),
  'export:plan': reads(...DOMAINS),
  'export:backup': reads(...DOMAINS),

  'files:save-as': outside,
  'files:open': outside,
};

/** The channels whose answers a successful call of `channel` makes stale. */
export function staleAfter(channel: Channel): Channel[] {
  const use = channelUse[channel];
  if (!('writes' in use)) return [];
  const written = new Set<Domain>(use.writes);
  return (Object.keys(channelUse) as Channel[]).filter((name) => {
    const other = channelUse[name];
    return 'reads' in other && other.reads.some((domain) => written.has(domain));
  });
}
