// The printed plan's on-call table: one row per shift that covers a day of the quarter, with
// who holds it for most of the shift, and the holidays and cover inside it.
import { basePrimaryId, baseSecondaryId, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { addDays, localDateOf } from '../../shared/domain/time';
import type { Id, Override, Segment } from '../../shared/model';
import type { PlanData, PlanRotation } from './plan';
import { dayLabel, mdText, momentLabel, nbsp } from './plan-markdown';

/** Rows of week, dates, primary, secondary, holidays and cover, for the shifts from `firstMs` to `endMs`. */
export function shiftRows(
  data: Pick<PlanData, 'holidays'>,
  { rotation, segments, overrides: rotationOverrides }: PlanRotation,
  who: (id: Id | null) => string,
  firstMs: number,
  endMs: number,
): string[][] {
  const zone = rotation.timeZone;
  const overrides = new Map(rotationOverrides.map((o) => [o.id, o]));
  const rows: string[][] = [];
  // A shift's days run from its hand-off day to the day before the next hand-off. Week 1 is the
  // shift whose days hold the quarter's first day, even when it began in the quarter before:
  // whoever is called on 1 January must be in the table. Its dates start at the quarter's, and
  // a note says when the shift began. (A quarter that starts on a hand-off day starts with
  // that day's shift: the hours before the hand-off are the last shift's tail.)
  const firstDay = localDateOf(firstMs, zone);
  const lastDayOf = (index: number) => addDays(localDateOf(shiftBounds(rotation, index).endsAt, zone), -1);
  const containing = shiftIndexAt(rotation, firstMs);
  const first = lastDayOf(containing) >= firstDay ? containing : containing + 1;
  const last = shiftIndexAt(rotation, endMs - 1);
  for (let index = first; index <= last; index += 1) {
    const bounds = shiftBounds(rotation, index);
    const startDate = localDateOf(bounds.startsAt, zone);
    const began = startDate < firstDay ? startDate : null;
    const shownFrom = began ? firstDay : startDate;
    const lastDay = lastDayOf(index);
    const inShift = segments.filter((s) => s.shiftIndex === index);
    const main = (role: 'primary' | 'secondary') =>
      mainHolder(inShift, role) ??
      (role === 'primary' ? basePrimaryId(rotation, index) : baseSecondaryId(rotation, index));
    const notes: string[] = began ? [`Shift began ${dayLabel(began)}, before the quarter`] : [];
    for (const h of data.holidays)
      if (h.date >= shownFrom && h.date <= lastDay) notes.push(`${mdText(h.name)} (${dayLabel(h.date)})`);
    const changed = [...new Set(inShift.flatMap((s) => s.overrideIds))]
      .map((id) => overrides.get(id))
      .filter((o): o is Override => o !== undefined)
      .map(
        (o) =>
          `${who(o.engineerId)} ${o.role} ${momentLabel(maxIso(o.startsAt, bounds.startsAt), zone)}–${momentLabel(minIso(o.endsAt, bounds.endsAt), zone)}`,
      );
    rows.push([
      String(index - first + 1),
      `${nbsp(dayLabel(shownFrom))} – ${nbsp(dayLabel(lastDay))}`,
      nbsp(who(main('primary'))),
      nbsp(who(main('secondary'))),
      [...notes, ...changed].join('; ') || '—',
    ]);
  }
  return rows;
}

/** The engineer who holds `role` for most of a shift. */
function mainHolder(segments: readonly Segment[], role: 'primary' | 'secondary'): Id | null {
  const time = new Map<Id, number>();
  for (const s of segments) {
    const id = role === 'primary' ? s.primaryId : s.secondaryId;
    if (id !== null) time.set(id, (time.get(id) ?? 0) + Date.parse(s.endsAt) - Date.parse(s.startsAt));
  }
  let best: Id | null = null;
  for (const [id, ms] of time) if (best === null || ms > time.get(best)!) best = id;
  return best;
}

/** Keeps a short label on one line in a narrow table column. */

const maxIso = (a: string, b: string) => (Date.parse(a) > Date.parse(b) ? a : b);
const minIso = (a: string, b: string) => (Date.parse(a) < Date.parse(b) ? a : b);
