// The one rule for a moment typed by a person (the CLI's --at, a pasted date and time): with
// an offset it is that instant; without one it is a wall-clock time in the team's zone (the
// rotation's), because that is the clock the lead plans by and every screen shows.
import type { IsoInstant } from '../model';
import { isIsoDate, toInstant, zonedMs } from './time';

const MOMENT =
  /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

/** What a moment may look like, for messages and help texts. */
export const MOMENT_FORMS =
  "'YYYY-MM-DD HH:MM' or 'YYYY-MM-DDTHH:MM:SS' (team time), or an instant with an offset ('2026-11-21T15:00Z')";

/**
 * The instant `value` names, reading a time without an offset in `timeZone`; null when it is
 * not a date and time (or not a real one, such as 30 February). With `timeZone` null, only an
 * instant with an offset is one (the host's --now, which must not depend on the machine).
 */
export function parseMoment(value: string, timeZone: string | null): IsoInstant | null {
  const match = MOMENT.exec(value.trim());
  if (!match) return null;
  const [, date, hours, minutes, seconds, fraction, offset] = match;
  if (!isIsoDate(date!)) return null;
  const extraMs = Number(seconds ?? 0) * 1000 + Number((fraction ?? '').padEnd(3, '0'));
  if (!offset) return timeZone === null ? null : toInstant(zonedMs(date!, `${hours}:${minutes}`, timeZone) + extraMs);
  const colonOffset = /^[+-]\d{4}$/.test(offset) ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
  const ms = Date.parse(
    `${date}T${hours}:${minutes}:${seconds ?? '00'}${fraction ? `.${fraction}` : ''}${colonOffset}`,
  );
  return Number.isNaN(ms) ? null : toInstant(ms);
}
