// Years of history must not slow down a screen that shows a few weeks: Today, "who do I call",
// the drill runner, SLA deadlines and the exports read only the overrides and time away around
// what they show. Their answers must stay exactly what the whole history gives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { overridesAround } from '../../src/main/queries/schedule';
import { FIXABLE_CLASHES, type FixableClash } from '../../src/shared/domain/clash-fixes';
import { computeSegments } from '../../src/shared/domain/rotation';
import { addDays } from '../../src/shared/domain/time';
import type { Id, Rotation } from '../../src/shared/model';
import { testApp } from '../support/app';
import { dispatcher } from '../support/dispatch';

let app: WatchbillApp;
const { call } = dispatcher(() => app);

const DAY_MS = 86_400_000;
// Four years of history and two of plans around the frozen "now" (21 Nov 2026).
const FIRST_DAY = '2024-01-01';
const DAYS = 6 * 365;
const instantOf = (dayOffset: number, minute: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00.000Z`) + dayOffset * DAY_MS + minute * 60_000).toISOString();

let rotations: Rotation[] = [];

beforeAll(async () => {
  app = testApp();
  const seeded = (await call('rotations:list', {}))[0]!;
  await call('rotations:save', { ...seeded, startDate: FIRST_DAY });
  // Engineers at both ends of the world's zones: their time away is their own local days,
  // up to a day off the UTC date of the same instant.
  const far = [];
  for (const [name, timeZone] of [
    ['Engineer East', 'Pacific/Kiritimati'],
    ['Engineer West', 'Pacific/Pago_Pago'],
  ] as const)
    far.push((await call('engineers:save', { name, color: '#0e7490', timeZone })).id);
  const team = app.repos.engineers.list().map((e) => e.id);
  // A second rotation, on business hours, sharing people with the first: double duty and layers.
  const layer = await call('rotations:create', {
    name: 'Business hours',
    timeZone: 'Europe/Berlin',
    startDate: FIRST_DAY,
    shiftDays: 3,
    handoffTime: '09:00',
    memberIds: [far[0]!, team[0]!, far[1]!, team[1]!],
    coverage: { weekdays: [1, 2, 3, 4, 5], hours: { from: '09:00', until: '18:00' } },
  });
  const profit = app.repos.pipelines.list()[0]!;
  const { retiredAt: _retiredAt, ...fields } = profit;
  await call('pipelines:save', { ...fields, rotationId: layer.id });
  rotations = app.repos.rotations.list();

  let seed = 11;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (const engineerId of team) {
    for (let k = 0; k < 14; k += 1) {
      const startDate = addDays(FIRST_DAY, Math.floor(random() * DAYS));
      const endDate = addDays(startDate, Math.floor(random() * 4));
      // The same person's overlapping stretch is refused, as the app refuses it.
      await app.dispatch('unavailability:add', { engineerId, startDate, endDate, reason: `away ${k}` });
    }
  }
  // Covers of one to nine days, often overlapping older ones: precedence must survive the ranged reads.
  for (let i = 0; i < 320; i += 1) {
    const rotation = i % 4 === 0 ? layer : seeded;
    const start = addDays(FIRST_DAY, Math.floor(random() * DAYS));
    await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        rotationId: rotation.id,
        dates: Array.from({ length: 1 + Math.floor(random() * 9) }, (_, k) => addDays(start, k)),
        role: random() < 0.7 ? 'primary' : 'secondary',
        engineerId: pick(rotation.memberIds),
        kind: 'cover',
        reason: `cover ${i}`,
      },
    });
  }
}, 120_000);
afterAll(() => app.close());

/** `run` as it would answer reading every override and every time-away record of the file. */
async function withWholeHistory<T>(run: () => Promise<T>): Promise<T> {
  const touching = vi
    .spyOn(app.repos.rotations, 'overridesTouching')
    .mockImplementation((rotationId: Id) => app.repos.rotations.overrides(rotationId));
  const between = vi
    .spyOn(app.repos.engineers, 'unavailabilityBetween')
    .mockImplementation(() => app.repos.engineers.listUnavailability());
  try {
    return await run();
  } finally {
    touching.mockRestore();
    between.mockRestore();
  }
}

/** The answer read around the range equals the one read from the whole history. */
async function sameAsWholeHistory<T>(run: () => Promise<T>): Promise<T> {
  const ranged = await run();
  expect(ranged).toEqual(await withWholeHistory(run));
  return ranged;
}

const moment = fc.tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: 24 * 60 - 1 }));

describe('a computation over a range, with only the overrides around it', () => {
  it('draws the same schedule inside the range as with every override of the rotation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rotations.map((r) => r.id)),
        moment,
        fc.integer({ min: 1, max: 100 * 24 * 60 }),
        (rotationId, [day, minute], minutes) => {
          const rotation = rotations.find((r) => r.id === rotationId)!;
          const from = instantOf(day, minute);
          const to = new Date(Date.parse(from) + minutes * 60_000).toISOString();
          const around = overridesAround(app.repos, rotation, from, to);
          const all = app.repos.rotations.overrides(rotation.id);
          expect(around.length).toBeLessThan(all.length);
          expect(computeSegments(rotation, around, from, to)).toEqual(computeSegments(rotation, all, from, to));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('answers that look a few weeks around a moment', () => {
  it('Today answers as the whole history would, at any moment of the years', async () => {
    await fc.assert(
      fc.asyncProperty(moment, async ([day, minute]) => {
        const view = await sameAsWholeHistory(() => call('today:get', { at: instantOf(day, minute) }));
        expect(view.rotations).toHaveLength(2);
      }),
      { numRuns: 25 },
    );
  });

  it('Today warns the same over the years, about people on call while away and on double duty too', async () => {
    // Not vacuous: over the years, Today warns about people on call while away.
    const kinds = new Set<string>();
    for (let day = 0; day < DAYS; day += 61) {
      const view = await sameAsWholeHistory(() => call('today:get', { at: instantOf(day, 600) }));
      for (const warning of view.warnings) kinds.add(warning.kind);
    }
    expect(kinds).toContain('oncall_unavailable');
    expect(kinds).toContain('double_duty');
  });

  it('who to call and the drill runner’s pair are the same as with the whole history', async () => {
    const pipelines = app.repos.pipelines.list();
    await fc.assert(
      fc.asyncProperty(moment, fc.constantFrom(...pipelines.map((p) => p.id)), async ([day, minute], pipelineId) => {
        const at = instantOf(day, minute);
        await sameAsWholeHistory(() => call('escalation:who', { pipelineId, at }));
        await sameAsWholeHistory(() => call('drills:on-call', { pipelineId, at }));
      }),
      { numRuns: 40 },
    );
  });

  it('SLA deadlines name the same nobody-on-call moments as with the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: DAYS - 30 }), fc.integer({ min: 1, max: 30 }), async (day, days) => {
        await sameAsWholeHistory(() => call('slas:deadlines', { from: addDays(FIRST_DAY, day), days }));
      }),
      { numRuns: 15 },
    );
  });
});

describe('fixes for a clash', () => {
  it('are the options the whole history gives', async () => {
    const fixable = (kind: string): kind is FixableClash => (FIXABLE_CLASHES as readonly string[]).includes(kind);
    let offered = 0;
    for (let day = 30; day < DAYS && offered < 6; day += 97) {
      const view = await call('today:get', { at: instantOf(day, 600) });
      for (const { kind, engineerIds, from, to, link } of view.warnings) {
        if (!fixable(kind) || !from || !to || link.rotationId === undefined || engineerIds.length === 0) continue;
        const fixes = await sameAsWholeHistory(() =>
          call('clashes:fixes', { rotationId: link.rotationId, clash: { kind, engineerIds, from, to } }),
        );
        if (fixes.options.length > 0) offered += 1;
        break;
      }
    }
    expect(offered).toBeGreaterThan(2);
  });
});

describe('exports of a range', () => {
  it('write the same calendar file, schedule table and plan as with the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: DAYS - 120 }), fc.integer({ min: 1, max: 120 }), async (day, days) => {
        const from = addDays(FIRST_DAY, day);
        const to = addDays(from, days);
        await sameAsWholeHistory(() => call('export:ics', { from, to }));
        await sameAsWholeHistory(() => call('export:csv', { table: 'schedule', from, to }));
        await sameAsWholeHistory(() => call('export:plan', { quarterOf: from, format: 'md' }));
      }),
      { numRuns: 8 },
    );
  });
});

describe('a published schedule', () => {
  it('holds the schedule the whole history gives, and is compared with it the same way', async () => {
    const rotationId = rotations[0]!.id;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: DAYS - 100 }), fc.integer({ min: 1, max: 100 }), async (day, days) => {
        const from = addDays(FIRST_DAY, day);
        const published = await call('snapshots:publish', { rotationId, from, to: addDays(from, days), note: '' });
        const changes = await sameAsWholeHistory(() => call('snapshots:changes', { snapshotId: published.id }));
        expect(changes).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});

describe('what a screen of a few weeks reads', () => {
  it('is never the whole list of overrides or of time away', async () => {
    const allOverrides = vi.spyOn(app.repos.rotations, 'overrides');
    const allAway = vi.spyOn(app.repos.engineers, 'listUnavailability');
    try {
      const pipelineId = app.repos.pipelines.list()[0]!.id;
      const at = '2026-11-21T15:00:00.000Z';
      await call('today:get', {});
      await call('escalation:who', { pipelineId, at });
      await call('drills:on-call', { pipelineId, at });
      await call('slas:deadlines', { days: 14 });
      await call('export:ics', {});
      await call('export:csv', { table: 'schedule' });
      expect(allOverrides).not.toHaveBeenCalled();
      expect(allAway).not.toHaveBeenCalled();
    } finally {
      allOverrides.mockRestore();
      allAway.mockRestore();
    }
  });
});

describe('the edges of what Today reads', () => {
  let fresh: WatchbillApp;
  const edge = dispatcher(() => fresh);
  beforeAll(() => (fresh = testApp()));
  afterAll(() => fresh.close());

  it('names time away that ended the day before in UTC but still runs in the engineer’s own zone', async () => {
    // Pago Pago is UTC−11: West's Tuesday 1 Dec lasts until 11:00 UTC on Wednesday 2 Dec.
    const west = await edge.call('engineers:save', {
      name: 'Engineer West',
      color: '#0e7490',
      timeZone: 'Pacific/Pago_Pago',
    });
    await edge.call('unavailability:add', {
      engineerId: west.id,
      startDate: '2026-11-30',
      endDate: '2026-12-01',
      reason: '',
    });
    await edge.call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-12-02'],
        role: 'primary',
        engineerId: west.id,
        kind: 'cover',
        reason: '',
      },
    });
    const view = await edge.call('today:get', { at: '2026-12-02T06:00:00.000Z' });
    expect(view.warnings.filter((w) => w.kind === 'oncall_unavailable').map((w) => w.engineerIds)).toContainEqual([
      west.id,
    ]);
  });

  it('shows the next hand-off however far ahead the next override lies', async () => {
    const [a, b] = fresh.repos.engineers.list();
    const rotation = (await edge.call('rotations:list', {}))[0]!;
    // One person on call for good (after the seeded team's edits), until a cover five months
    // ahead: far past Today's 60 days.
    await edge.call('rotations:save', { ...rotation, memberIds: [a!.id] });
    await edge.call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2027-07-20'],
        role: 'primary',
        engineerId: b!.id,
        kind: 'cover',
        reason: '',
      },
    });
    const view = await edge.call('today:get', { at: '2027-02-01T12:00:00.000Z' });
    expect(view.rotations[0]!.nextHandoff).toEqual({ at: '2027-07-20T04:00:00.000Z', fromId: a!.id, toId: b!.id });
  });
});
