// Time away as instants, and the checks on a schedule that become warnings.
import type { Engineer, Id, IsoInstant, ModelWarning, Override, Rotation, Unavailability } from '../model';
import { formatDay, formatMoment, yearIn } from '../format';
import { addDays, localDateOf, startOfLocalDayMs, toInstant, toMs } from './time';
import { computeSegmentsMs, shiftStartMs, type SegmentMs } from './rotation';
import { holderOf, mainPrimary } from './rotation-edits';

// ---------------------------------------------------------------------------------------
// Unavailability

/** The instants [start, end) an unavailability covers: whole local days in `timeZone`. */
export function unavailabilityMs(unavailability: Unavailability, timeZone: string): [number, number] {
  return [
    startOfLocalDayMs(unavailability.startDate, timeZone),
    startOfLocalDayMs(addDays(unavailability.endDate, 1), timeZone),
  ];
}

export interface UnavailableSpan {
  engineerId: Id;
  start: number;
  end: number;
  unavailability: Unavailability;
}

/**
 * Unavailability as instants. PTO dates are the engineer's own days, so they are read in the
 * engineer's time zone when the engineer is known, else in the rotation's.
 */
export function unavailableSpans(
  unavailability: readonly Unavailability[],
  engineers: readonly Engineer[],
  fallbackTimeZone: string,
): UnavailableSpan[] {
  const zones = new Map(engineers.map((e) => [e.id, e.timeZone]));
  return unavailability.map((u) => {
    const [start, end] = unavailabilityMs(u, zones.get(u.engineerId) ?? fallbackTimeZone);
    return { engineerId: u.engineerId, start, end, unavailability: u };
  });
}

// ---------------------------------------------------------------------------------------
// Checks

export interface ScheduleCheckInput {
  rotation: Rotation;
  overrides: readonly Override[];
  engineers: readonly Engineer[];
  unavailability: readonly Unavailability[];
  from: IsoInstant;
  to: IsoInstant;
  /** The most shifts in a row one engineer may be primary for (default 1). */
  maxConsecutiveShifts?: number;
  /** Dates in the messages name their year when it is not this one (default: the year of `from`). */
  currentYear?: number;
}

export function scheduleWarnings(input: ScheduleCheckInput): ModelWarning[] {
  const { rotation, engineers } = input;
  const zone = rotation.timeZone;
  const fromMs = toMs(input.from);
  const toMs_ = toMs(input.to);
  const segments = computeSegmentsMs(rotation, input.overrides, fromMs, toMs_);
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const nameOf = (id: Id) => byId.get(id)?.name ?? `Engineer #${id}`;
  const year = input.currentYear ?? yearIn(fromMs, zone);
  const moment = (ms: number) => formatMoment(ms, zone, year);
  const dateSpan = (start: number, end: number) => {
    const first = localDateOf(start, zone);
    const last = localDateOf(end - 1, zone);
    return first === last
      ? `on ${formatDay(first, year)}`
      : `from ${formatDay(first, year)} to ${formatDay(last, year)}`;
  };
  const warning = (
    kind: ModelWarning['kind'],
    message: string,
    engineerIds: Id[],
    start: number,
    end: number,
  ): ModelWarning => ({
    kind,
    message,
    link: { screen: 'calendar', date: localDateOf(start, zone), rotationId: rotation.id },
    engineerIds,
    from: toInstant(start),
    to: toInstant(end),
  });
  const warnings: ModelWarning[] = [];

  // Stretches of touching segments that share a property, e.g. "B is both roles".
  const stretches = <K>(keyOf: (s: SegmentMs) => K | null): { key: K; start: number; end: number }[] => {
    const found: { key: K; start: number; end: number }[] = [];
    for (const segment of segments) {
      const key = keyOf(segment);
      const last = found[found.length - 1];
      if (key === null) continue;
      if (last && last.key === key && last.end === segment.start) last.end = segment.end;
      else found.push({ key, start: segment.start, end: segment.end });
    }
    return found;
  };

  for (const { key, start, end } of stretches((s) =>
    s.primaryId !== null && s.primaryId === s.secondaryId ? s.primaryId : null,
  )) {
    warnings.push(
      warning(
        'same_primary_secondary',
        `${nameOf(key)} is both primary and secondary from ${moment(start)} to ${moment(end)}`,
        [key],
        start,
        end,
      ),
    );
  }

  for (const { start, end } of stretches((s) => (s.primaryId === null ? 'gap' : null))) {
    warnings.push(warning('gap', `Nobody is primary on call from ${moment(start)} to ${moment(end)}`, [], start, end));
  }

  // On call during unavailability: one warning per (absence, role), naming the overlapping days.
  const spans = unavailableSpans(input.unavailability, engineers, zone);
  for (const span of spans) {
    for (const role of ['primary', 'secondary'] as const) {
      let overlapStart = Infinity;
      let overlapEnd = -Infinity;
      for (const segment of segments) {
        if (holderOf(segment, role) !== span.engineerId) continue;
        const from = Math.max(segment.start, span.start);
        const to = Math.min(segment.end, span.end);
        if (from < to) {
          overlapStart = Math.min(overlapStart, from);
          overlapEnd = Math.max(overlapEnd, to);
        }
      }
      if (overlapStart < overlapEnd) {
        const why = span.unavailability.reason.trim() ? `PTO (${span.unavailability.reason.trim()})` : 'PTO';
        warnings.push(
          warning(
            'oncall_unavailable',
            `${nameOf(span.engineerId)} is on call (${role}) ${dateSpan(overlapStart, overlapEnd)} during ${why}`,
            [span.engineerId],
            overlapStart,
            overlapEnd,
          ),
        );
      }
    }
  }

  // Back-to-back: runs of whole shifts with the same main primary, longer than the limit.
  const limit = input.maxConsecutiveShifts ?? 1;
  if (segments.length > 0) {
    const firstShift = segments[0]!.shiftIndex;
    const lastShift = segments[segments.length - 1]!.shiftIndex;
    const wholeShifts = computeSegmentsMs(
      rotation,
      input.overrides,
      shiftStartMs(rotation, firstShift),
      shiftStartMs(rotation, lastShift + 1),
    );
    let run: { engineerId: Id; first: number; last: number } | null = null;
    const flush = () => {
      if (run && run.last - run.first + 1 > limit) {
        const start = shiftStartMs(rotation, run.first);
        const end = shiftStartMs(rotation, run.last + 1);
        const count = run.last - run.first + 1;
        warnings.push(
          warning(
            'back_to_back',
            `${nameOf(run.engineerId)} is primary for ${count} shifts in a row (limit ${limit}) ${dateSpan(start, end)}`,
            [run.engineerId],
            start,
            end,
          ),
        );
      }
    };
    for (let index = firstShift; index <= lastShift; index += 1) {
      const owner = mainPrimary(wholeShifts.filter((s) => s.shiftIndex === index));
      if (owner !== null && run && run.engineerId === owner && run.last === index - 1) run.last = index;
      else {
        flush();
        run = owner === null ? null : { engineerId: owner, first: index, last: index };
      }
    }
    flush();
  }

  // Someone who left the team but is still on call.
  for (const engineer of engineers.filter((e) => !e.active)) {
    for (const role of ['primary', 'secondary'] as const) {
      const held = segments.filter((s) => holderOf(s, role) === engineer.id);
      if (held.length === 0) continue;
      const start = held[0]!.start;
      const end = held[held.length - 1]!.end;
      warnings.push(
        warning(
          'inactive_scheduled',
          `${engineer.name} is no longer active but is still scheduled (${role}) ${dateSpan(start, end)}`,
          [engineer.id],
          start,
          end,
        ),
      );
    }
  }

  return warnings.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}
