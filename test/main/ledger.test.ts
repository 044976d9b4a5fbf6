// The carry-over policy a lead sets, and the opening balance (imported history or typed by
// hand), on the example team through the same channels as the app.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { oneShiftWorth } from '../../src/shared/domain/ledger';
import { testApp } from '../support/app';
import { callOk, rowCounts } from './export/support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const id = (name: string) => app.repos.engineers.list().find((e) => e.name === name)!.id;
const Q1 = { kind: 'quarter', date: '2027-01-01' } as const;
const ledger = (carry?: 'none' | 'full' | 'capped') =>
  callOk(app, 'fairness:get', { period: Q1, ...(carry && { carry }) });
const carried = async (carry?: 'none' | 'full' | 'capped') =>
  new Map((await ledger(carry)).engineers.map((r) => [r.engineerId, r.carriedIn]));

describe('carry-over policy', () => {
  it('is capped at one shift unless the lead chooses otherwise, stored in the file, and shown with the figures', async () => {
    expect((await callOk(app, 'ledger:settings', {})).carry).toBe('capped');
    expect((await ledger()).carry).toBe('capped');
    await callOk(app, 'ledger:set-carry', { carry: 'full' });
    expect((await callOk(app, 'ledger:settings', {})).carry).toBe('full');
    const report = await ledger();
    expect(report.carry).toBe('full');
    expect(report.covers).toMatch(/carried in: the whole balance from before 2027-01-01 \(carry-over: full\)/);
    const refused = await app.dispatch('ledger:set-carry', { carry: 'half' });
    expect(refused.ok).toBe(false);
    expect((await callOk(app, 'ledger:settings', {})).carry).toBe('full');
  });

  it('none carries nothing; full carries the balance since the rotation started; capped at most one shift', async () => {
    const rotation = app.repos.rotations.list()[0]!;
    const cap = oneShiftWorth(rotation);
    expect(cap).toBeCloseTo(8); // five weekdays at 1 and two weekend days at 1.5
    const history = await callOk(app, 'fairness:get', {
      period: { kind: 'custom', from: '2026-01-01', to: '2026-12-31' },
      carry: 'none',
    });
    const none = await carried('none');
    const full = await carried('full');
    const capped = await carried('capped');
    for (const row of history.engineers) {
      expect(none.get(row.engineerId)).toBe(0);
      expect(full.get(row.engineerId)).toBeCloseTo(row.difference, 6);
      expect(capped.get(row.engineerId)).toBeCloseTo(Math.max(-cap, Math.min(cap, row.difference)), 6);
    }
    // The period's own figures do not depend on the policy; the balance does.
    const [n, f] = [await ledger('none'), await ledger('full')];
    expect(f.engineers.map((r) => r.difference)).toEqual(n.engineers.map((r) => r.difference));
    f.engineers.forEach((r) => expect(r.balance).toBeCloseTo(r.carriedIn + r.difference, 9));
  });

  it('adds opening balances typed by hand to what the history carries, and refuses an unknown engineer', async () => {
    const before = await carried('full');
    const a = id('Engineer A');
    await callOk(app, 'ledger:set-opening-balances', { balances: [{ engineerId: a, balance: 12.5 }] });
    expect((await callOk(app, 'ledger:settings', {})).openingBalances).toEqual({ [a]: 12.5 });
    expect((await carried('full')).get(a)).toBeCloseTo(before.get(a)! + 12.5, 6);
    expect((await carried('none')).get(a)).toBe(0);
    const refused = await app.dispatch('ledger:set-opening-balances', { balances: [{ engineerId: 999, balance: 3 }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/no engineer #999/);
    expect((await callOk(app, 'ledger:settings', {})).openingBalances).toEqual({ [a]: 12.5 });
  });

  it('the default never leaves anyone without on-call work for the quarter, where full carry-over would', async () => {
    // Engineer A did far more before the quarter: more than a quarter's fair share.
    const a = id('Engineer A');
    await callOk(app, 'ledger:set-opening-balances', { balances: [{ engineerId: a, balance: 60 }] });
    const capped = await callOk(app, 'plan:propose', { from: '2027-01-01', to: '2027-03-31' });
    expect(capped.after.carry).toBe('capped');
    for (const row of capped.after.engineers) expect(row.primaryDays).toBeGreaterThan(0);
    const full = await callOk(app, 'plan:propose', { from: '2027-01-01', to: '2027-03-31', carry: 'full' });
    const rowA = (report: typeof full.after) => report.engineers.find((r) => r.engineerId === a)!;
    expect(rowA(full.after).carriedIn).toBeGreaterThan(50);
    expect(rowA(capped.after).carriedIn).toBeCloseTo(8, 6);
    // Full carry-over takes A off every planned shift: only the days of the shift that began on 31 December remain.
    expect(rowA(full.after).primaryDays).toBeLessThanOrEqual(6);
    // Capped, A still takes at least a week as primary.
    expect(rowA(capped.after).primaryDays).toBeGreaterThanOrEqual(7);
  });

  it('suggests swaps that even the balance carried in plus the quarter, as the Fairness screen shows it', async () => {
    await callOk(app, 'ledger:set-opening-balances', { balances: [{ engineerId: id('Engineer B'), balance: 6 }] });
    const report = await ledger();
    const suggestions = await callOk(app, 'swaps:suggest', { period: Q1, limit: 3 });
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(s.spreadBefore).toBeCloseTo(report.team.balanceSpread, 9);
      expect(s.spreadAfter).toBeLessThan(s.spreadBefore);
      for (const d of s.deltas)
        expect(d.differenceBefore).toBeCloseTo(report.engineers.find((r) => r.engineerId === d.engineerId)!.balance, 9);
    }
  });

  it('with carry-over none the plan makes the quarter no less even than the plain rotation', async () => {
    const plan = await callOk(app, 'plan:propose', { from: '2027-01-01', to: '2027-03-31', carry: 'none' });
    expect(plan.before.carry).toBe('none');
    expect(plan.after.team.spread).toBeLessThanOrEqual(plan.before.team.spread + 1e-9);
    plan.after.engineers.forEach((r) => expect(r.carriedIn).toBe(0));
  });
});

describe('opening balance from a past on-call record', () => {
  const sheet = [
    'name,start,end,role',
    // Three weeks before the rotation started: A primary twice, B once; C backs up.
    'Engineer A,2025-12-04 09:00,2025-12-11 09:00,primary',
    'Engineer B,2025-12-11 09:00,2025-12-18 09:00,primary',
    'Engineer A,2025-12-18 09:00,2025-12-25 09:00,primary',
    'Engineer C,2025-12-04 09:00,2025-12-25 09:00,backup',
  ].join('\r\n');

  it('imports a name,start,end,role sheet: previewed, then counted in the balance carried in', async () => {
    const before = await carried('full');
    const preview = await callOk(app, 'import:preview', { kind: 'history', filename: 'pagerduty.csv', content: sheet });
    expect(preview.valid).toBe(true);
    expect(preview.changes.map((c) => c.label)).toEqual([
      'Engineer A: 2 past shifts, 2025-12-04 to 2025-12-18',
      'Engineer B: 1 past shift, 2025-12-11',
      'Engineer C: 1 past shift, 2025-12-04',
    ]);
    expect(preview.summary).toMatch(/Adds past on-call shifts of 3 engineers/);
    // The preview changed nothing.
    expect((await callOk(app, 'ledger:settings', {})).pastShifts.count).toBe(0);

    await callOk(app, 'import:apply', { kind: 'history', filename: 'pagerduty.csv', content: sheet });
    expect((await callOk(app, 'ledger:settings', {})).pastShifts).toEqual({
      count: 4,
      from: '2025-12-04',
      to: '2025-12-25',
    });
    const after = await carried('full');
    // A carried more than the others in the imported weeks, D was not in them and owes nothing.
    expect(after.get(id('Engineer A'))! - before.get(id('Engineer A'))!).toBeGreaterThan(0);
    expect(after.get(id('Engineer B'))! - before.get(id('Engineer B'))!).toBeLessThan(0);
    expect(after.get(id('Engineer D'))).toBeCloseTo(before.get(id('Engineer D'))!, 9);
    expect((await carried('none')).get(id('Engineer A'))).toBe(0);
  });

  it("imports Watchbill's own schedule CSV from another file", async () => {
    const other = testApp();
    try {
      const exported = await callOk(other, 'export:csv', {
        table: 'schedule',
        from: '2026-01-01',
        to: '2026-03-31',
        bom: false,
      });
      // This team's rotation starts later: the other file's quarter is its history.
      const rotation = app.repos.rotations.list()[0]!;
      await callOk(app, 'rotations:save', { ...rotation, startDate: '2026-07-02' });
      const preview = await callOk(app, 'import:preview', {
        kind: 'history',
        filename: 'schedule.csv',
        content: exported.content,
      });
      expect(preview.problems).toEqual([]);
      expect(preview.changes.map((c) => c.label.split(':')[0])).toEqual([
        'Engineer A',
        'Engineer B',
        'Engineer C',
        'Engineer D',
      ]);
      await callOk(app, 'import:apply', { kind: 'history', filename: 'schedule.csv', content: exported.content });
      const settings = await callOk(app, 'ledger:settings', {});
      // Each segment row is a primary and a secondary shift.
      const rows = exported.content.trim().split('\r\n').length - 1;
      expect(settings.pastShifts.count).toBe(rows * 2);
      const report = await callOk(app, 'fairness:get', {
        period: { kind: 'quarter', date: '2026-07-02' },
        carry: 'full',
      });
      expect(report.engineers.some((r) => Math.abs(r.carriedIn) > 0.01)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('refuses bad rows with their line and field, and changes nothing', async () => {
    const bad = [
      'name,start,end,role',
      'Engineer A,2025-12-04 09:00,2025-12-11 09:00,primary',
      'Nobody,2025-12-11 09:00,2025-12-18 09:00,primary',
      'Engineer B,4 Dec,2025-12-18 09:00,primary',
      'Engineer C,2025-12-18 09:00,2025-12-11 09:00,primary',
      'Engineer D,2025-12-18 09:00,2025-12-25 09:00,boss',
      'Engineer A,2026-06-01 09:00,2026-06-08 09:00,primary',
    ].join('\n');
    const counts = rowCounts(app);
    const preview = await callOk(app, 'import:preview', { kind: 'history', filename: 'bad.csv', content: bad });
    expect(preview.valid).toBe(false);
    expect(preview.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'name'],
      [4, 'start'],
      [5, 'end'],
      [6, 'role'],
      [7, 'end'],
    ]);
    expect(preview.problems[0]!.message).toMatch(/'Nobody' is not an engineer of this team/);
    expect(preview.problems[4]!.message).toMatch(/after the rotation started \(2026-01-01\)/);
    const applied = await app.dispatch('import:apply', { kind: 'history', filename: 'bad.csv', content: bad });
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error.message).toMatch(/bad\.csv, line 3, name/);
    expect(rowCounts(app)).toEqual(counts);
  });
});
