// The moments the browser tests run at. Never the wall clock: each file chooses one of these
// (or its own) and starts its server there, so a test passes on any day the suite is run.

/**
 * Thu 3 Dec 2026, 02:00 UTC (Wed 21:00 in New York): inside the Thanksgiving split, with
 * Engineer B (id 2) primary and Engineer A (id 1) secondary — the primary's id higher than the
 * secondary's, which is what once broke a test that compared participants by id order.
 */
export const THANKSGIVING_SPLIT = '2026-12-03T02:00:00Z';

/** Awkward moments for the date sweep: each is a day a date bug would show on. */
export const AWKWARD_INSTANTS = {
  'inside the Thanksgiving split, primary id above secondary id': THANKSGIVING_SPLIT,
  'Thanksgiving Day, the first half of the split': '2026-11-26T15:00:00Z',
  'the Sunday US clocks go forward (03:30 EDT)': '2027-03-14T07:30:00Z',
  "New Year's Eve, 23:30 in New York": '2027-01-01T04:30:00Z',
  'Tue 29 February 2028': '2028-02-29T15:00:00Z',
} as const;
