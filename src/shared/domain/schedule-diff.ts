// What changed since publishing: the current schedule against a published one.

import type { Id, IsoDate, Role, Segment } from '../model';
import { toSegmentMs, type SegmentMs } from './rotation';
import { addDays, localDateOf, toInstant } from './time';

export interface ScheduleDifference {
  role: Role;
  startsAt: string;
  endsAt: string;
  /** Who held the role in the published schedule (null: nobody, or outside it). */
  beforeId: Id | null;
  afterId: Id | null;
  /** The local dates touched, in the rotation's zone. */
  dates: IsoDate[];
}

/** Where the current schedule differs from a published one: who, which role, which days. */
export function diffSchedules(
  published: readonly Segment[],
  current: readonly Segment[],
  timeZone: string,
): ScheduleDifference[] {
  const before = published.map(toSegmentMs).sort((a, b) => a.start - b.start);
  const now = current.map(toSegmentMs).sort((a, b) => a.start - b.start);
  const points = [...new Set([...before, ...now].flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const holderAt = (list: SegmentMs[], at: number, role: Role) => {
    const segment = list.find((s) => s.start <= at && at < s.end);
    return segment ? (role === 'primary' ? segment.primaryId : segment.secondaryId) : null;
  };
  const found: { role: Role; start: number; end: number; beforeId: Id | null; afterId: Id | null }[] = [];
  for (const role of ['primary', 'secondary'] as const) {
    for (let k = 0; k < points.length - 1; k += 1) {
      const start = points[k]!;
      const end = points[k + 1]!;
      const beforeId = holderAt(before, start, role);
      const afterId = holderAt(now, start, role);
      if (beforeId === afterId) continue;
      const last = found[found.length - 1];
      if (last && last.role === role && last.end === start && last.beforeId === beforeId && last.afterId === afterId)
        last.end = end;
      else found.push({ role, start, end, beforeId, afterId });
    }
  }
  return found
    .sort((a, b) => a.start - b.start || a.role.localeCompare(b.role))
    .map((d) => {
      const firstDate = localDateOf(d.start, timeZone);
      const lastDate = localDateOf(d.end - 1, timeZone);
      const dates: IsoDate[] = [];
      for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) dates.push(date);
      return {
        role: d.role,
        startsAt: toInstant(d.start),
        endsAt: toInstant(d.end),
        beforeId: d.beforeId,
        afterId: d.afterId,
        dates,
      };
    });
}
