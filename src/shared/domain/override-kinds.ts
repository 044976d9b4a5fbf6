// What made an override and why, in words: the one home of the kind labels (calendar, CLI,
// printed plan) and of the reasons Watchbill writes when the lead gives none, so an override
// never reads "manual:" with nothing after it.
import {
  LEGACY_OVERRIDE_KINDS,
  OVERRIDE_KINDS,
  type Engineer,
  type Id,
  type Override,
  type OverrideKind,
  type Rotation,
  type Unavailability,
} from '../model';
import { computeSegmentsMs, unavailableSpans, type Change, type OverrideDraft } from './rotation';
import { toMs } from './time';

export const OVERRIDE_KIND_LABELS: Record<OverrideKind, string> = {
  swap: 'swap',
  cover: 'cover',
  split: 'split',
  holiday_cover: 'holiday cover',
  time_away_cover: 'time-away cover',
  planned: 'planned',
  manual: 'manual (kind not recorded)',
};

/** Shown where an override made before version 60 has no reason. */
export const REASON_NOT_RECORDED = 'reason not recorded';

/** A kind as written by any version (backups and seeds from before version 60 say 'holiday', 'pto'). */
export function overrideKindOf(kind: string): OverrideKind | null {
  if ((OVERRIDE_KINDS as readonly string[]).includes(kind)) return kind as OverrideKind;
  return kind in LEGACY_OVERRIDE_KINDS ? LEGACY_OVERRIDE_KINDS[kind as keyof typeof LEGACY_OVERRIDE_KINDS] : null;
}

/** "time-away cover: Engineer C covers Engineer A's time away", as the CLI and the calendar show it. */
export function describeOverride(override: Pick<Override, 'kind' | 'reason'>): string {
  const label = OVERRIDE_KIND_LABELS[override.kind];
  const reason = override.reason.trim() || REASON_NOT_RECORDED;
  // The planner's reasons begin with what they are ("planned 2027-Q1: …"): say it once.
  return reason.toLowerCase().startsWith(`${label} `) ? reason : `${label}: ${reason}`;
}

export interface ExplainContext {
  rotation: Rotation;
  /** The overrides before the change (at least those around it). */
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
}

/**
 * Gives every new override of a change a kind that says what made it and a reason when the
 * lead typed none. A plain cover of someone who is away then is a time-away cover. The reason
 * names who takes over from whom, read from the schedule as it was before the change.
 */
export function explainChange(change: Change, context: ExplainContext): Change {
  const { rotation, engineers } = context;
  const nameOf = (id: Id) => engineers.find((e) => e.id === id)?.name ?? `Engineer #${id}`;
  const spans = unavailableSpans(context.unavailability, engineers, rotation.timeZone);
  const displacedBy = (draft: OverrideDraft): Id[] => {
    const segments = computeSegmentsMs(rotation, context.overrides, toMs(draft.startsAt), toMs(draft.endsAt));
    const held = segments.map((s) => (draft.role === 'primary' ? s.primaryId : s.secondaryId));
    return [...new Set(held.filter((id): id is Id => id !== null && id !== draft.engineerId))];
  };
  const awayDuring = (id: Id, draft: OverrideDraft) =>
    spans.some((s) => s.engineerId === id && s.start < toMs(draft.endsAt) && s.end > toMs(draft.startsAt));
  // The main override a companion (someone displaced into the other role) belongs to.
  const mainOf = (draft: OverrideDraft) =>
    draft.twinIndex !== undefined && draft.twinIndex !== null ? change.add[draft.twinIndex] : undefined;

  const kinds = change.add.map((draft): OverrideKind => {
    const main = mainOf(draft) ?? draft;
    if (main.kind !== 'cover') return draft.kind;
    return displacedBy(main).some((id) => awayDuring(id, main)) ? 'time_away_cover' : 'cover';
  });

  const add = change.add.map((draft, i): OverrideDraft => {
    const kind = kinds[i]!;
    if (draft.reason.trim()) return { ...draft, kind };
    const who = nameOf(draft.engineerId);
    const displaced = displacedBy(draft).map(nameOf);
    const whom = displaced.length ? displaced.join(' and ') : null;
    const main = mainOf(draft);
    let reason: string;
    if (main && draft.kind !== 'swap') {
      reason = `${who} takes ${draft.role} while ${nameOf(main.engineerId)} covers ${main.role}`;
    } else if (kind === 'time_away_cover') {
      const away = displacedBy(draft).filter((id) => awayDuring(id, draft));
      reason = `${who} covers ${away.length ? away.map(nameOf).join(' and ') + "'s" : 'the'} time away`;
    } else if (kind === 'holiday_cover') {
      reason = whom ? `${who} covers the holiday for ${whom}` : `${who} covers the holiday`;
    } else if (kind === 'swap') {
      reason = whom ? `${who} takes ${whom}'s ${draft.role} duty in a swap` : `${who} takes ${draft.role} in a swap`;
    } else if (kind === 'split') {
      reason = whom ? `${who} takes part of ${whom}'s shift as ${draft.role}` : `${who} takes part of a shift`;
    } else {
      reason = whom ? `${who} covers ${whom} as ${draft.role}` : `${who} is ${draft.role}`;
    }
    return { ...draft, kind, reason };
  });
  return { ...change, add };
}
