// When a rotation answers: a layer covers only some hours or weekdays (business hours,
// weekends, one half of a follow-the-sun pair), in the rotation's own time zone. Windows are
// computed from wall-clock times through the zone database, so a layer handing over at
// 08:00 and 20:00 New York time does so on both sides of a daylight-saving change, and the
// length of a window follows the clocks (an overnight window is 11 or 13 hours on the night
// the clocks change).
//
// Also the check that runs across rotations: one person on call in two rotations at once.

import type { Coverage, Id, IsoDate } from '../model';
import { addDays, dayOfWeek, localDateOf, startOfLocalDayMs, zonedMs } from './time';

export type { Coverage };

/** A rotation that answers at every hour of every day: what every rotation was before layers. */
export const ALWAYS: Coverage = { weekdays: null, hours: null };

export const coversAlways = (coverage: Coverage): boolean => coverage.weekdays === null && coverage.hours === null;

/** A half-open interval in epoch ms. */
export type Window = readonly [start: number, end: number];

/** The window a coverage opens on one local date, before clipping. */
function windowOn(date: IsoDate, coverage: Coverage, timeZone: string): Window | null {
  if (coverage.weekdays !== null && !coverage.weekdays.includes(dayOfWeek(date))) return null;
  if (coverage.hours === null)
    return [startOfLocalDayMs(date, timeZone), startOfLocalDayMs(addDays(date, 1), timeZone)];
  const { from, until } = coverage.hours;
  const endDate = until <= from ? addDays(date, 1) : date;
  return [zonedMs(date, from, timeZone), zonedMs(endDate, until, timeZone)];
}

/**
 * The windows in which a layer answers within [fromMs, toMs): sorted, disjoint, clipped to the
 * range, and touching windows joined (Monday–Friday all day is one window per week).
 */
export function coverageWindows(coverage: Coverage, timeZone: string, fromMs: number, toMs: number): Window[] {
  if (toMs <= fromMs) return [];
  if (coversAlways(coverage)) return [[fromMs, toMs]];
  const windows: Window[] = [];
  // A window opened the day before the range can still be open at its start (overnight hours).
  let date = addDays(localDateOf(fromMs, timeZone), -1);
  const lastDate = localDateOf(toMs, timeZone);
  for (; date <= lastDate; date = addDays(date, 1)) {
    const window = windowOn(date, coverage, timeZone);
    if (!window) continue;
    const start = Math.max(window[0], fromMs);
    const end = Math.min(window[1], toMs);
    if (end <= start) continue;
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) windows[windows.length - 1] = [last[0], Math.max(last[1], end)];
    else windows.push([start, end]);
  }
  return windows;
}

/** Whether the layer answers at `ms`. */
export function coversAt(coverage: Coverage, timeZone: string, ms: number): boolean {
  return coverageWindows(coverage, timeZone, ms, ms + 1).length > 0;
}

/**
 * The parts of `items` (anything with start and end in ms, such as schedule segments) that
 * fall inside `windows`, each part keeping the rest of its item. `windows` must be sorted and
 * disjoint, as coverageWindows gives them.
 */
export function clipToWindows<T extends { start: number; end: number }>(
  items: readonly T[],
  windows: readonly Window[],
): T[] {
  const parts: T[] = [];
  for (const item of items) {
    for (const [start, end] of windows) {
      if (end <= item.start) continue;
      if (start >= item.end) break;
      parts.push({ ...item, start: Math.max(start, item.start), end: Math.min(end, item.end) });
    }
  }
  return parts;
}

/** One person's time on call in one rotation, in one role. */
export interface Duty {
  rotationId: Id;
  engineerId: Id;
  start: number;
  end: number;
}

/** A person on call in two rotations at the same time. */
export interface DoubleDuty {
  engineerId: Id;
  rotationIds: [Id, Id];
  start: number;
  end: number;
}

/**
 * Every stretch in which someone is on call in two different rotations at once (a clash unless
 * the lead allows it). Duties within one rotation (primary and secondary of the same shift)
 * are that rotation's own business and are not reported here.
 */
export function doubleDuties(duties: readonly Duty[]): DoubleDuty[] {
  const byEngineer = new Map<Id, Duty[]>();
  for (const duty of duties) {
    if (duty.end <= duty.start) continue;
    const list = byEngineer.get(duty.engineerId) ?? [];
    list.push(duty);
    byEngineer.set(duty.engineerId, list);
  }
  const found: DoubleDuty[] = [];
  for (const [engineerId, list] of byEngineer) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    // Sweep in start order, keeping the duties still open; each new one is checked against them.
    let open: Duty[] = [];
    for (const duty of list) {
      open = open.filter((other) => other.end > duty.start);
      for (const other of open) {
        if (other.rotationId === duty.rotationId) continue;
        const [first, second] = other.rotationId < duty.rotationId ? [other, duty] : [duty, other];
        found.push({
          engineerId,
          rotationIds: [first.rotationId, second.rotationId],
          start: duty.start,
          end: Math.min(other.end, duty.end),
        });
      }
      open.push(duty);
    }
  }
  return found.sort((a, b) => a.start - b.start || a.engineerId - b.engineerId);
}
