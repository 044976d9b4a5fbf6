import { describe, expect, it } from 'vitest';
import { rankWarnings, urgencyOf } from '../../src/shared/domain/warnings';
import type { ModelWarning, WarningKind } from '../../src/shared/model';

const ZONE = 'America/New_York';
// Thu 3 Dec 2026, 09:00 in New York.
const NOW = '2026-12-03T14:00:00.000Z';

const warning = (kind: WarningKind, message: string, from?: string): ModelWarning => ({
  kind,
  message,
  link: { screen: 'today' },
  engineerIds: [],
  ...(from ? { from } : {}),
});

// The example team's first start on 3 December: nine warnings, as the engine lists them.
const FIRST_START = [
  warning('investor_owners_away', 'Aggregate Profit: both owners tied up from Mon 7 Dec', '2026-12-07T06:00:00.000Z'),
  warning('investor_owners_away', 'Aggregate Growth: both owners tied up from Thu 17 Dec', '2026-12-17T14:00:00.000Z'),
  warning('investor_owners_away', 'Aggregate Engagement: tied up from Thu 24 Dec', '2026-12-24T14:00:00.000Z'),
  warning('review_due', 'The ownership review for 2026-Q4 is due'),
  warning('drill_due', 'Aggregate Profit is due for a drill by Thu 3 Dec', '2026-12-03T17:00:00.000Z'),
  warning('drill_due', 'Aggregate Growth is due for a drill by Thu 3 Dec', '2026-12-03T17:00:00.000Z'),
  warning('drill_due', 'Aggregate Engagement is due for a drill by Thu 3 Dec', '2026-12-03T17:00:00.000Z'),
  warning('oncall_unavailable', 'Engineer C is on call during PTO from Thu 10 Dec', '2026-12-10T14:00:00.000Z'),
  warning('no_secondary_owner', 'Unit Profit has no secondary owner.'),
];

describe('ranking the warnings on Today', () => {
  it('puts what needs action today first, then the coming week, then what can wait, with counts', () => {
    const tiers = rankWarnings(FIRST_START, NOW, ZONE);
    expect(tiers.map((t) => [t.urgency, t.count])).toEqual([
      ['today', 3],
      ['week', 3],
      ['later', 3],
    ]);
    expect(tiers[0]!.groups.map((g) => [g.kind, g.warnings.length])).toEqual([['drill_due', 3]]);
    // Dated groups by their first date, the undated review after them.
    expect(tiers[1]!.groups.map((g) => g.kind)).toEqual(['investor_owners_away', 'oncall_unavailable', 'review_due']);
    expect(tiers[1]!.groups[0]!.warnings.map((w) => w.message)).toEqual([
      'Aggregate Profit: both owners tied up from Mon 7 Dec',
    ]);
    expect(tiers[2]!.groups.map((g) => [g.kind, g.warnings.length])).toEqual([
      ['investor_owners_away', 2],
      ['no_secondary_owner', 1],
    ]);
    // Every warning is shown once.
    expect(tiers.reduce((n, t) => n + t.count, 0)).toBe(FIRST_START.length);
  });

  it('counts days on the team’s calendar, not in UTC', () => {
    // 23:30 on Wed 2 Dec in New York: a gap starting at 01:00 on Thursday is tomorrow, not today.
    const lateEvening = '2026-12-03T04:30:00.000Z';
    expect(urgencyOf(warning('gap', 'Nobody on call', '2026-12-03T06:00:00.000Z'), lateEvening, ZONE)).toBe('week');
    expect(urgencyOf(warning('gap', 'Nobody on call', '2026-12-03T04:45:00.000Z'), lateEvening, ZONE)).toBe('today');
  });

  it('treats what has already begun or is overdue as today', () => {
    expect(urgencyOf(warning('gap', 'Nobody on call', '2026-11-30T14:00:00.000Z'), NOW, ZONE)).toBe('today');
    expect(urgencyOf(warning('drill_overdue', 'Overdue'), NOW, ZONE)).toBe('today');
    expect(urgencyOf(warning('fairness_outlier', 'Uneven'), NOW, ZONE)).toBe('later');
  });

  it('leaves out tiers with nothing in them', () => {
    expect(
      rankWarnings([warning('owns_nothing', 'Engineer D owns nothing.')], NOW, ZONE).map((t) => t.urgency),
    ).toEqual(['later']);
    expect(rankWarnings([], NOW, ZONE)).toEqual([]);
  });
});
