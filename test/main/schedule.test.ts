import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unpackScheduleWindow } from '../../src/shared/schedule-window';
import type { WatchbillApp } from '../../src/main/app';
import type { FairnessReport } from '../../src/shared/domain/fairness';
import type { ArgsIn, Channel, ResultOf } from '../../src/shared/ipc/contract';
import { tempDir, testApp } from '../support/app';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());
const temp = tempDir();
afterEach(() => temp.remove());

async function call<K extends Channel>(channel: K, args: ArgsIn<K>): Promise<ResultOf<K>> {
  const result = await app.dispatch(channel, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}
const id = (name: string) => app.repos.engineers.findByName(name)!.id;
const nameOf = (engineerId: number | null) => app.repos.engineers.list().find((e) => e.id === engineerId)?.name ?? null;

/** Who is primary/secondary over a range, as names, one row per segment. */
async function who(from: string, to: string) {
  const view = await call('schedule:get', { from, to });
  return view.segments.map((s) => [s.startsAt, nameOf(s.primaryId), nameOf(s.secondaryId)]);
}

// Shift 1 of the example rotation is 8–15 Jan 2026 (Engineer B), shift 2 is 15–22 Jan (Engineer C).
const JAN = ['2026-01-01T14:00:00.000Z', '2026-01-29T14:00:00.000Z'] as const;

describe('the computed schedule', () => {
  it('follows the seeds: Jan 1–7 A backed by B, then B/C, C/D, D/A', async () => {
    expect(await who(...JAN)).toEqual([
      ['2026-01-01T14:00:00.000Z', 'Engineer A', 'Engineer B'],
      ['2026-01-08T14:00:00.000Z', 'Engineer B', 'Engineer C'],
      ['2026-01-15T14:00:00.000Z', 'Engineer C', 'Engineer D'],
      ['2026-01-22T14:00:00.000Z', 'Engineer D', 'Engineer A'],
    ]);
  });

  it('re-plans around the overrides when the rotation order changes', async () => {
    const [rotation] = await call('rotations:list', {});
    await call('rotations:save', {
      ...rotation!,
      memberIds: [id('Engineer D'), id('Engineer C'), id('Engineer B'), id('Engineer A')],
    });
    expect((await who(...JAN))[0]).toEqual(['2026-01-01T14:00:00.000Z', 'Engineer D', 'Engineer C']);
    // The Christmas cover survives the new order.
    const christmas = await who('2026-12-24T14:00:00.000Z', '2026-12-25T14:00:00.000Z');
    expect(christmas[0]?.[1]).toBe('Engineer D');
    expect(app.repos.rotations.overrides(rotation!.id)).toHaveLength(5);
  });
});

describe('the drills layer of the calendar', () => {
  it('shows the investor pipelines due for a drill, then the drill once it is planned', async () => {
    const range = { from: '2026-11-16T05:00:00.000Z', to: '2026-11-30T05:00:00.000Z' };
    const before = await call('schedule:get', range);
    expect(before.drills.due.map((d) => [d.pipelineName, d.state, d.date]).sort()).toEqual([
      ['Aggregate Engagement', 'due', '2026-11-21'],
      ['Aggregate Growth', 'due', '2026-11-21'],
      ['Aggregate Profit', 'due', '2026-11-21'],
    ]);
    const profit = app.repos.pipelines.list().find((p) => p.name === 'Aggregate Profit')!;
    const scenario = app.repos.runbooks.get(profit.id)!.scenarios[2]!;
    await call('drills:schedule', {
      pipelineId: profit.id,
      scenarioId: scenario.id,
      scheduledAt: '2026-11-24T15:00:00.000Z',
      facilitatorId: id('Engineer A'),
    });
    const after = await call('schedule:get', range);
    expect(after.drills.drills).toEqual([
      expect.objectContaining({
        pipelineName: 'Aggregate Profit',
        scenarioTitle: 'Job failures',
        scheduledAt: '2026-11-24T15:00:00.000Z',
      }),
    ]);
    expect(after.drills.due.map((d) => d.pipelineName)).not.toContain('Aggregate Profit');
  });
});

describe('edits, undo and redo', () => {
  it('swaps two shifts, and undo and redo walk back and forth, persisted in the file', async () => {
    const file = temp.file('edits.db');
    app.close();
    app = testApp({ databasePath: file });
    const original = await who(...JAN);
    const applied = await call('schedule:apply', {
      operation: { op: 'swap', shiftA: 1, shiftB: 2, reason: 'B has a wedding' },
    });
    expect(applied.label).toBe('Swap shifts');
    expect(applied.canUndo).toBe('Swap shifts');
    const swapped = await who(...JAN);
    expect(swapped[1]?.slice(1)).toEqual(['Engineer C', expect.any(String)]);
    expect(swapped[2]?.slice(1, 2)).toEqual(['Engineer B']);

    await call('schedule:undo', {});
    expect(await who(...JAN)).toEqual(original);
    app.close();
    app = testApp({ databasePath: file });
    const redone = await call('schedule:redo', {});
    expect(redone.canRedo).toBeNull();
    expect(await who(...JAN)).toEqual(swapped);
  });

  it('an edit answers what it wrote, with the ids and times it was saved with, and no schedule', async () => {
    const applied = await call('schedule:apply', { operation: { op: 'swap', shiftA: 1, shiftB: 2, reason: 'trade' } });
    expect(applied.applied.add.length).toBeGreaterThan(0);
    // The calendar works its window out from these: each is exactly the override now saved,
    // its fields in the order the database reads them (the calendar compares them as JSON).
    for (const override of applied.applied.add) {
      const saved = app.repos.rotations.getOverride(override.id)!;
      expect(override).toEqual(saved);
      expect(Object.keys(override)).toEqual(Object.keys(saved));
    }
    expect(Object.keys(applied).sort()).toEqual(['applied', 'canRedo', 'canUndo', 'label', 'rotationId']);
    expect(applied.rotationId).toBe(app.repos.rotations.list()[0]!.id);
    // So are the overrides of a window unpacked in the calendar.
    const window = unpackScheduleWindow(await call('schedule:window', { from: JAN[0], to: JAN[1] }));
    expect(Object.keys(window.overrides[0]!)).toEqual(Object.keys(applied.applied.add[0]!));
    const undone = await call('schedule:undo', {});
    expect(undone.applied.remove.map((o) => o.id)).toEqual(applied.applied.add.map((o) => o.id));
    for (const override of undone.applied.remove) expect(app.repos.rotations.getOverride(override.id)).toBeNull();
  });

  it('a new edit drops what could have been redone', async () => {
    await call('schedule:apply', { operation: { op: 'swap', shiftA: 1, shiftB: 2, reason: '' } });
    await call('schedule:undo', {});
    await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer D'),
        kind: 'cover',
        reason: 'x',
      },
    });
    expect(await app.dispatch('schedule:redo', {})).toMatchObject({
      ok: false,
      error: { message: 'There is nothing to redo.' },
    });
  });

  it('covers whole days, and removing the cover gives the schedule back', async () => {
    const before = await who('2026-01-09T05:00:00.000Z', '2026-01-12T05:00:00.000Z');
    const { applied } = await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer D'),
        kind: 'time_away_cover',
        reason: 'B at a wedding',
      },
    });
    const during = await who('2026-01-10T05:00:00.000Z', '2026-01-11T05:00:00.000Z');
    expect(during).toEqual([['2026-01-10T05:00:00.000Z', 'Engineer D', 'Engineer C']]);
    await call('schedule:apply', { operation: { op: 'remove', overrideId: applied.add[0]!.id } });
    expect(await who('2026-01-09T05:00:00.000Z', '2026-01-12T05:00:00.000Z')).toEqual(before);
  });

  it('resizes the Thanksgiving cover: A takes one more day, B one less', async () => {
    const [rotation] = app.repos.rotations.list();
    const first = app.repos.rotations
      .overrides(rotation!.id)
      .find((o) => o.kind === 'split' && o.role === 'primary' && nameOf(o.engineerId) === 'Engineer A')!;
    await call('schedule:apply', {
      operation: { op: 'reshape', overrideId: first.id, startsAt: first.startsAt, endsAt: '2026-12-01T02:00:00.000Z' },
    });
    const day = await who('2026-11-30T12:00:00.000Z', '2026-11-30T13:00:00.000Z');
    expect(day[0]?.[1]).toBe('Engineer A');
    await call('schedule:undo', {});
    expect((await who('2026-11-30T12:00:00.000Z', '2026-11-30T13:00:00.000Z'))[0]?.[1]).toBe('Engineer B');
  });

  it('resizes a cover together with the backup it displaced, so nobody holds both roles', async () => {
    // 10 Jan 2026 is in B's week with C as backup: C covering primary makes B the backup.
    const { applied } = await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer C'),
        kind: 'cover',
        reason: '',
      },
    });
    const main = applied.add.find((o) => o.role === 'primary')!;
    expect(applied.add.map((o) => [o.role, nameOf(o.engineerId)])).toEqual(
      expect.arrayContaining([
        ['primary', 'Engineer C'],
        ['secondary', 'Engineer B'],
      ]),
    );
    await call('schedule:apply', {
      operation: { op: 'reshape', overrideId: main.id, startsAt: main.startsAt, endsAt: '2026-01-12T05:00:00.000Z' },
    });
    expect(await who('2026-01-11T12:00:00.000Z', '2026-01-11T13:00:00.000Z')).toEqual([
      ['2026-01-11T12:00:00.000Z', 'Engineer C', 'Engineer B'],
    ]);
    const view = await call('schedule:get', { from: '2026-01-08T14:00:00.000Z', to: '2026-01-15T14:00:00.000Z' });
    expect(view.warnings.filter((w) => w.kind === 'same_primary_secondary')).toEqual([]);
  });

  it('refuses a bad operation, naming the field, and changes nothing', async () => {
    const [rotation] = app.repos.rotations.list();
    const count = app.repos.rotations.overrides(rotation!.id).length;
    const bad = [
      [{ op: 'swap', shiftA: -1, shiftB: 2, reason: '' }, /operation\.shiftA/],
      [
        {
          op: 'cover',
          from: '2026-01-02T00:00:00Z',
          to: '2026-01-01T00:00:00Z',
          role: 'primary',
          engineerId: 1,
          reason: '',
        },
        /operation\.to: must end after it starts/,
      ],
      [{ op: 'cover-days', dates: ['2026-02-30'], role: 'primary', engineerId: 1, reason: '' }, /operation\.dates\.0/],
      [{ op: 'explode' }, /operation\.op/],
    ] as const;
    for (const [operation, message] of bad) {
      const result = await app.dispatch('schedule:apply', { operation });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) },
      });
    }
    expect(await app.dispatch('schedule:apply', { operation: { op: 'remove', overrideId: 999 } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(app.repos.rotations.overrides(rotation!.id)).toHaveLength(count);
  });
});

describe('fairness', () => {
  const sum = (report: FairnessReport) => report.engineers.reduce((total, r) => total + r.burden, 0);

  it('previews a swap: the team total is unchanged, the two people trade burden', async () => {
    const preview = await call('schedule:preview', {
      operation: { op: 'swap', shiftA: 1, shiftB: 2, reason: '' },
      period: { kind: 'quarter', date: '2026-01-15' },
    });
    expect(sum(preview.fairness.after)).toBeCloseTo(sum(preview.fairness.before), 6);
    const moved = preview.fairness.deltas
      .filter((d) => Math.abs(d.burdenAfter - d.burdenBefore) > 1e-9)
      .map((d) => nameOf(d.engineerId));
    expect(moved.length).toBeGreaterThan(0);
    // Nothing was saved by a preview.
    expect(app.repos.rotations.lastDoneEdit(app.repos.rotations.list()[0]!.id)).toBeNull();
  });

  it('uses the weights the lead sets', async () => {
    const quarter = { period: { kind: 'quarter', date: '2026-05-15' } } as const;
    // Every day costs 1 and backups nothing: the team carries Q2's 91 days plus the holidays'
    // extra weight (Memorial Day and Juneteenth weigh 2: one more each).
    await call('fairness:set-weights', { weekday: 1, weekendDay: 1, secondaryFactor: 0, weekendDays: [] });
    expect(sum(await call('fairness:get', quarter))).toBeCloseTo(93, 6);
    // Weekends at 2: the 26 weekend days of the quarter cost one more each.
    await call('fairness:set-weights', { weekday: 1, weekendDay: 2, secondaryFactor: 0, weekendDays: [0, 6] });
    expect(sum(await call('fairness:get', quarter))).toBeCloseTo(93 + 26, 6);
  });

  it('a holiday weighs what the lead says', async () => {
    await call('holidays:set-weight', { name: 'Martin Luther King Jr. Day', weight: 5, include: true });
    const holidays = await call('holidays:list', { from: '2026-01-01', to: '2026-01-31' });
    expect(holidays.map((h) => [h.name, h.weight])).toEqual([
      ["New Year's Day", 3],
      ['Martin Luther King Jr. Day', 5],
    ]);
  });
});

describe('planning and publishing', () => {
  it('proposes a plan that evens out the balance carried into the quarter, applies it as one undoable edit', async () => {
    // The default carry-over (capped) evens the balance: carried in plus the quarter's own difference.
    const plan = await call('plan:propose', { from: '2027-01-01', to: '2027-03-31' });
    expect(plan.before.carry).toBe('capped');
    expect(plan.after.team.balanceSpread).toBeLessThan(plan.before.team.balanceSpread);
    // The shifts starting 7 Jan … 25 Mar (the one from 31 Dec started before the range).
    expect(plan.shifts.length).toBe(12);
    for (const shift of plan.shifts) expect(shift.primaryId).not.toBe(shift.secondaryId);
    const before = await who('2027-01-01T14:00:00.000Z', '2027-04-01T14:00:00.000Z');
    await call('schedule:apply', { operation: { op: 'plan', from: '2027-01-01', to: '2027-03-31' } });
    // The Fairness screen's figures for the quarter are the plan panel's "after", carried balance included.
    const quarter = await call('fairness:get', { period: { kind: 'quarter', date: '2027-01-01' } });
    expect(quarter.team.spread).toBeCloseTo(plan.after.team.spread, 6);
    expect(quarter.engineers.map((r) => r.balance)).toEqual(plan.after.engineers.map((r) => r.balance));
    await call('schedule:undo', {});
    expect(await who('2027-01-01T14:00:00.000Z', '2027-04-01T14:00:00.000Z')).toEqual(before);
  });

  it('publishes a quarter and shows who and which days changed since', async () => {
    const published = await call('snapshots:publish', { from: '2026-01-01', to: '2026-03-31', note: 'Q1 as shared' });
    expect(await call('snapshots:changes', { snapshotId: published.id })).toEqual([]);
    await call('schedule:apply', {
      operation: {
        op: 'cover-days',
        dates: ['2026-01-10'],
        role: 'primary',
        engineerId: id('Engineer D'),
        kind: 'cover',
        reason: '',
      },
    });
    const changes = await call('snapshots:changes', { snapshotId: published.id });
    expect(changes).toEqual([
      expect.objectContaining({
        role: 'primary',
        beforeId: id('Engineer B'),
        afterId: id('Engineer D'),
        dates: ['2026-01-10'],
      }),
    ]);
    expect((await call('snapshots:list', {})).map((s) => s.note)).toEqual(['Q1 as shared']);
  });
});
