// Public holidays from the offline date-holidays package, merged with a calendar's custom
// days and weighted. This module imports the package (large, slow to construct), so only the
// main process and the CLI use it; the renderer gets Holiday[] over IPC and does its weight
// arithmetic with fairness.ts.

import Holidays from 'date-holidays';
import type { CustomHoliday, Holiday, HolidayCalendar, HolidayWeight, Id, IsoDate } from '../model';
import { DEFAULT_HOLIDAY_WEIGHT, MAJOR_HOLIDAY_WEIGHT } from './fairness';

/** The seeds' major holidays, by their names in the package's US data. */
export const DEFAULT_MAJOR_HOLIDAYS_US = [
  'Thanksgiving Day',
  'Christmas Eve',
  'Christmas Day',
  "New Year's Eve",
  "New Year's Day",
] as const;

/**
 * Default weights for a US calendar: each major holiday weighs MAJOR_HOLIDAY_WEIGHT and is
 * counted even where the package does not type it 'public' (Christmas Eve is 'optional',
 * New Year's Eve an 'observance'). Other public holidays take the calendar's defaultWeight.
 */
export const DEFAULT_HOLIDAY_WEIGHTS_US: readonly Omit<HolidayWeight, 'calendarId'>[] = DEFAULT_MAJOR_HOLIDAYS_US.map(
  (name) => ({
    name,
    weight: MAJOR_HOLIDAY_WEIGHT,
    include: true,
  }),
);

export function defaultHolidayWeights(calendarId: Id): HolidayWeight[] {
  return DEFAULT_HOLIDAY_WEIGHTS_US.map((w) => ({ ...w, calendarId }));
}

export const DEFAULT_US_CALENDAR: Omit<HolidayCalendar, 'id'> = {
  name: 'United States',
  country: 'US',
  region: null,
  includeTypes: ['public'],
  defaultWeight: DEFAULT_HOLIDAY_WEIGHT,
};

interface PackageHoliday {
  date: IsoDate;
  name: string;
  type: string;
  substitute: boolean;
}

const packageByPlace = new Map<string, Holidays>();
/**
 * The package's holidays of recently asked years, least recently used first. Bounded: asking
 * for thousands of years must cost time once, not memory for as long as the app runs.
 */
const holidaysByPlaceYear = new Map<string, PackageHoliday[]>();
const CACHED_YEARS = 64;

/** `region` is the package's state code ('CA', 'BY'), optionally followed by '-' and its region code. */
function packageFor(country: string, region: string | null): Holidays {
  const key = `${country}|${region ?? ''}`;
  let holidays = packageByPlace.get(key);
  if (!holidays) {
    // Names stay in the package's own language for the country ('Labor Day' in the US data;
    // forcing plain 'en' would give 'Labour Day'), which is what weights are keyed by.
    const [state, subRegion] = (region ?? '').split('-');
    holidays = state
      ? subRegion
        ? new Holidays(country, state, subRegion)
        : new Holidays(country, state)
      : new Holidays(country);
    if (!holidays.getCountries('en')[country]) throw new RangeError(`The holiday data has no country '${country}'`);
    packageByPlace.set(key, holidays);
  }
  return holidays;
}

function packageHolidays(country: string, region: string | null, year: number): PackageHoliday[] {
  const key = `${country}|${region ?? ''}|${year}`;
  let list = holidaysByPlaceYear.get(key);
  if (list) holidaysByPlaceYear.delete(key);
  else {
    list = packageFor(country, region)
      .getHolidays(year)
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type, substitute: h.substitute === true }));
    if (holidaysByPlaceYear.size >= CACHED_YEARS) holidaysByPlaceYear.delete(holidaysByPlaceYear.keys().next().value!);
  }
  holidaysByPlaceYear.set(key, list);
  return list;
}

/** A substitute day ("Christmas Day (substitute day)") takes the weight set for its holiday. */
function weightEntryFor(
  holiday: PackageHoliday,
  weights: ReadonlyMap<string, HolidayWeight>,
): HolidayWeight | undefined {
  return (
    weights.get(holiday.name) ??
    (holiday.substitute ? weights.get(holiday.name.replace(/\s*\([^)]*\)\s*$/, '')) : undefined)
  );
}

export interface HolidaySource {
  calendar: HolidayCalendar;
  weights: readonly HolidayWeight[];
  custom: readonly CustomHoliday[];
}

/**
 * Holidays from `fromDate` to `toDate` (both included): the package's holidays whose type the
 * calendar includes or whose weight entry says to include them, with the package's observed
 * and substitute days as it defines them, plus the calendar's custom days. Sorted by date.
 */
export function holidaysBetween(source: HolidaySource, fromDate: IsoDate, toDate: IsoDate): Holiday[] {
  const { calendar } = source;
  const weights = new Map(source.weights.filter((w) => w.calendarId === calendar.id).map((w) => [w.name, w]));
  const result: Holiday[] = [];
  for (let year = Number(fromDate.slice(0, 4)); year <= Number(toDate.slice(0, 4)); year += 1) {
    for (const holiday of packageHolidays(calendar.country, calendar.region, year)) {
      if (holiday.date < fromDate || holiday.date > toDate) continue;
      const entry = weightEntryFor(holiday, weights);
      if (!calendar.includeTypes.includes(holiday.type) && !entry?.include) continue;
      result.push({
        date: holiday.date,
        name: holiday.name,
        weight: entry?.weight ?? calendar.defaultWeight,
        source: 'public',
        type: holiday.type,
        substitute: holiday.substitute,
      });
    }
  }
  for (const day of source.custom) {
    if (day.calendarId !== calendar.id || day.date < fromDate || day.date > toDate) continue;
    result.push({
      date: day.date,
      name: day.name,
      weight: day.weight,
      source: 'custom',
      type: 'custom',
      substitute: false,
    });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
