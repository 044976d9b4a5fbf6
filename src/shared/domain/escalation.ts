// "Who do I call now?": a runbook's escalation levels resolved to people at a moment. Pure:
// the caller passes the rotation and its overrides (the schedule is computed here with
// onCallAt), the pipeline's owners, the team lead setting and the engineers.
import type {
  Engineer,
  EscalationLevel,
  EscalationRole,
  Id,
  IsoInstant,
  Override,
  Ownership,
  Rotation,
  Unavailability,
} from '../model';
import { formatDay, yearIn } from '../format';
import { onCallAt, unavailableSpans } from './rotation';
import { NO_ROTATION, whyNobodyFrom } from './routing';
import { MS_PER_MINUTE, toInstant, toMs } from './time';

/**
 * Who the "team lead" escalation level calls: an engineer of the team, or a named contact
 * (a manager outside the rotation). Stored as one setting; when it is not set, a level's own
 * contact name is used (the example team's runbooks say "Data engineering lead").
 */
export type TeamLead = { kind: 'engineer'; engineerId: Id } | { kind: 'contact'; name: string; detail: string };

export const ESCALATION_ROLE_LABELS: Record<EscalationRole, string> = {
  oncall_primary: 'On-call primary',
  oncall_secondary: 'On-call secondary',
  pipeline_primary: 'Pipeline primary owner',
  pipeline_secondary: 'Pipeline secondary owner',
  team_lead: 'Team lead',
  contact: 'Contact',
};

export interface ResolvedLevel {
  /** 1-based, as the runbook lists them. */
  level: number;
  role: EscalationRole;
  roleLabel: string;
  afterMinutes: number;
  /** The incident's start plus afterMinutes: when this level is called. */
  startsAt: IsoInstant;
  engineerId: Id | null;
  /** Who to call; null when the role resolves to nobody (see problem). */
  name: string | null;
  /** How to reach them: the engineer's email or the contact's detail. */
  detail: string;
  /** Why this level needs attention: nobody in the role, away, or already called at an earlier level. */
  problem: string | null;
  /**
   * When this level reaches nobody: the level the call falls through to (the next one that
   * names someone), or null when none after it does. Null for a level that names someone.
   */
  fallsThroughTo: number | null;
}

export interface EscalationInput {
  levels: readonly Omit<EscalationLevel, 'id'>[];
  /** When the incident started; each level is resolved at its own start. */
  at: IsoInstant;
  ownership: Ownership | null;
  /** The rotation that answers for the pipeline; null when it names none. */
  rotation: Rotation | null;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability?: readonly Unavailability[];
  teamLead: TeamLead | null;
  /** The team's zone: for dates when no rotation answers for the pipeline. */
  teamZone?: string;
}

/**
 * Each level resolved at the minute it starts, so a hand-off between minute 0 and minute 30
 * is respected (at 08:50 the on-call primary is this week's, at 09:05 next week's).
 */
export function resolveEscalation(input: EscalationInput): ResolvedLevel[] {
  const byId = new Map(input.engineers.map((e) => [e.id, e]));
  const zone = input.rotation?.timeZone ?? input.teamZone ?? 'UTC';
  // Owners and the team lead can be away whether or not a rotation answers for the pipeline.
  const spans = unavailableSpans(input.unavailability ?? [], input.engineers, zone);
  const called = new Map<Id, number>();
  const startMs = toMs(input.at);
  // Dates in the problems name their year when it is not the incident's.
  const year = yearIn(startMs, zone);

  const levels = [...input.levels]
    .map((level, index) => ({ level, index }))
    .sort((a, b) => a.level.afterMinutes - b.level.afterMinutes || a.index - b.index);
  const chain = levels.map(({ level, index }) => {
    const ms = startMs + level.afterMinutes * MS_PER_MINUTE;
    const startsAt = toInstant(ms);
    const resolved: ResolvedLevel = {
      level: index + 1,
      role: level.role,
      roleLabel: ESCALATION_ROLE_LABELS[level.role],
      afterMinutes: level.afterMinutes,
      startsAt,
      engineerId: null,
      name: null,
      detail: level.contactDetail,
      problem: null,
      fallsThroughTo: null,
    };
    const person = (id: Id | null, nobody: string): ResolvedLevel => {
      if (id === null) return { ...resolved, problem: nobody };
      const engineer = byId.get(id);
      const away = spans.find((s) => s.engineerId === id && s.start <= ms && ms < s.end);
      const earlier = called.get(id);
      if (earlier === undefined) called.set(id, index + 1);
      const problems = [
        engineer && !engineer.active ? `${engineer.name} has left the team` : null,
        away
          ? `${engineer?.name ?? 'This engineer'} is away (${away.unavailability.reason || 'unavailable'}) until ${formatDay(away.unavailability.endDate, year)}`
          : null,
        earlier !== undefined ? `Already called at level ${earlier}` : null,
      ].filter((p): p is string => p !== null);
      return {
        ...resolved,
        engineerId: id,
        name: engineer?.name ?? `Engineer #${id}`,
        detail: engineer?.email ?? level.contactDetail,
        problem: problems.length ? problems.join('; ') : null,
      };
    };
    switch (level.role) {
      case 'oncall_primary':
      case 'oncall_secondary': {
        const role = level.role === 'oncall_primary' ? 'primary' : 'secondary';
        const rotation = input.rotation;
        if (!rotation) return person(null, NO_ROTATION);
        const pair = onCallAt(rotation, input.overrides, startsAt);
        return person(
          role === 'primary' ? pair.primaryId : pair.secondaryId,
          whyNobodyFrom(rotation, startsAt, role, level.afterMinutes === 0 ? 'now' : 'then'),
        );
      }
      case 'pipeline_primary':
        return person(input.ownership?.primaryEngineerId ?? null, 'The pipeline has no primary owner');
      case 'pipeline_secondary':
        return person(input.ownership?.secondaryEngineerId ?? null, 'The pipeline has no secondary owner');
      case 'team_lead': {
        const lead = input.teamLead;
        if (lead?.kind === 'engineer') return person(lead.engineerId, 'No team lead is set');
        if (lead?.kind === 'contact') return { ...resolved, name: lead.name, detail: lead.detail };
        return level.contactName.trim()
          ? { ...resolved, name: level.contactName }
          : { ...resolved, problem: 'No team lead is set: set one under “Who do I call now?” on the Runbooks screen' };
      }
      case 'contact':
        return level.contactName.trim()
          ? { ...resolved, name: level.contactName }
          : { ...resolved, problem: 'This contact level names nobody' };
    }
  });
  // A level that reaches nobody hands the call on to the next one that names someone.
  return chain.map((level, k) =>
    level.name === null
      ? { ...level, fallsThroughTo: chain.slice(k + 1).find((later) => later.name !== null)?.level ?? null }
      : level,
  );
}
