// @vitest-environment jsdom
// The calendar's store against the real main process (an in-memory database with the example
// team): what is loaded around the visible range, when the calendar must redraw (a new
// revision) and when it need not, and that nothing shown is ever older than what was saved.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Api } from '../../src/shared/ipc/contract';
import type { ScheduleOperation } from '../../src/shared/ipc/schemas';
import type { AppStore } from '../../src/renderer/store';
import type { VisibleRange } from '../../src/renderer/store/slices/calendar';
import type { WatchbillApp } from '../../src/main/app';
import { testApp } from '../support/app';
import { NOVEMBER } from '../support/calendar-range';
import { shiftBounds } from '../../src/shared/domain/rotation';
import { businessHoursDraft } from '../shared/fixtures';

// November and December 2026 as the month grid shows them (six weeks, New York midnights).
const DECEMBER: VisibleRange = {
  from: '2026-11-30T05:00:00.000Z',
  to: '2027-01-11T05:00:00.000Z',
  firstDate: '2026-11-30',
  lastDate: '2027-01-10',
  quarterDate: '2026-12-01',
};

let app: WatchbillApp;
let store: { getState: () => AppStore };
/** The channels the renderer called, in order. */
let calls: string[];
/** Holds back answers on a channel until released, to order them as a slow machine might. */
let holdBack: { channel: string; release: Promise<void> } | null;

beforeEach(async () => {
  app = testApp();
  calls = [];
  holdBack = null;
  window.api = new Proxy({} as Api, {
    get: (_target, channel: string) => async (args: unknown) => {
      calls.push(channel);
      const held = holdBack?.channel === channel ? holdBack.release : null;
      const answer = await app.dispatch(channel, args);
      if (held) await held;
      return answer;
    },
  });
  vi.resetModules();
  store = (await import('../../src/renderer/store')).useStore;
  await store.getState().loadCalendarRotation();
});

afterEach(() => {
  delete window.api;
  app.close();
});

const engineerId = (name: string) => app.repos.engineers.list().find((e) => e.name.endsWith(name))!.id;
/** An engineer (D unless said) covering Wednesday 18 November as primary, as a drop from the roster asks. */
const coversThe18th = (reason = '', engineer = engineerId('D')): ScheduleOperation => ({
  op: 'cover-days',
  dates: ['2026-11-18'],
  role: 'primary',
  engineerId: engineer,
  kind: 'cover',
  reason,
});
/** The engineer has the 18th off: covering it brings a warning. */
const awayOnThe18th = (engineer: number) =>
  app.handlers['unavailability:add']({
    engineerId: engineer,
    startDate: '2026-11-18',
    endDate: '2026-11-18',
    reason: '',
  });
const direct = (range: VisibleRange) => app.handlers['schedule:get']({ from: range.from, to: range.to });
const scheduleGets = () => calls.filter((c) => c === 'schedule:window').length;
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the calendar store', () => {
  test('the next month is shown from what is loaded: no new request, no redraw of the whole calendar', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const revision = s().scheduleRevision;
    expect(scheduleGets()).toBe(1);

    await s().loadSchedule(DECEMBER);
    expect(scheduleGets()).toBe(1);
    expect(s().scheduleRevision).toBe(revision);
    expect(s().schedule!.segments).toEqual((await direct(DECEMBER)).segments);
    expect(s().scheduleFor(DECEMBER.from, DECEMBER.to)!.segments).toEqual((await direct(DECEMBER)).segments);
  });

  test('the quarters kept drawn beside the one in view are loaded with it: stepping needs no request', async () => {
    const s = store.getState;
    // 2026-Q4 in view; the calendar keeps 2026-Q3 and 2027-Q1 drawn beside it.
    const q4 = (from: string, to: string, quarterDate: string): VisibleRange => ({
      from: `${from}T04:00:00.000Z`,
      to: `${to}T05:00:00.000Z`,
      firstDate: from,
      lastDate: to,
      quarterDate,
      keep: { from: '2026-06-24T04:00:00.000Z', to: '2027-04-15T04:00:00.000Z' },
    });
    await s().loadSchedule(q4('2026-10-01', '2027-01-01', '2026-10-01'));
    expect(scheduleGets()).toBe(1);
    // The next quarter and the days past it that its grid may show: beyond 13 weeks from the one in view.
    const nextQuarter = { from: '2027-01-01T05:00:00.000Z', to: '2027-04-15T04:00:00.000Z' };
    expect(s().hasSchedule(nextQuarter.from, nextQuarter.to)).toBe(true);
    expect(s().scheduleFor(nextQuarter.from, nextQuarter.to)!.segments).toEqual(
      (await app.handlers['schedule:get'](nextQuarter)).segments,
    );
    // Seven weeks past the quarter kept ahead, nothing is loaded yet: the window follows what is drawn.
    expect(s().hasSchedule('2027-06-02T04:00:00.000Z', '2027-06-09T04:00:00.000Z')).toBe(false);
  });

  test('a month far from what is loaded is fetched, and that is new content', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const revision = s().scheduleRevision;
    const farAway = { from: '2027-06-28T04:00:00.000Z', to: '2027-08-09T04:00:00.000Z' };
    expect(s().scheduleFor(farAway.from, farAway.to)).toBeNull();
    await s().loadSchedule({ ...farAway, firstDate: '2027-06-28', lastDate: '2027-08-08', quarterDate: '2027-07-01' });
    expect(s().scheduleRevision).toBe(revision + 1);
    expect(s().schedule!.segments).toEqual((await app.handlers['schedule:get'](farAway)).segments);
  });

  test('a cover is drawn before it is saved, then confirmed by an answer that carries only the change', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const d = engineerId('D');
    let release!: () => void;
    holdBack = { channel: 'schedule:apply', release: new Promise<void>((done) => (release = done)) };
    const revision = s().scheduleRevision;

    const saving = s().applyEdit(coversThe18th('dentist'));
    // Not saved yet, already drawn: D is on call on the 18th.
    expect(s().editing).toBe(true);
    expect(s().scheduleRevision).toBe(revision + 1);
    const drawn = s().schedule!.segments;
    expect(drawn.some((seg) => seg.primaryId === d && seg.startsAt === '2026-11-18T05:00:00.000Z')).toBe(true);

    const gets = scheduleGets();
    release();
    expect(await saving).toBe(true);
    expect(s().calendarMessage?.text).toMatch(/^Saved: .* covers\.$/);
    // What was drawn is what was saved, apart from the ids the main process gave the overrides,
    // which the calendar now has: worked out from the answer, without reading the schedule again.
    expect(scheduleGets()).toBe(gets);
    const saved = await direct(NOVEMBER);
    expect(s().schedule!.segments).toEqual(saved.segments);
    expect(s().schedule!.overrides).toEqual(saved.overrides);
    expect(drawn.map(({ overrideIds: _ids, ...look }) => look)).toEqual(
      saved.segments.map(({ overrideIds: _ids, ...look }) => look),
    );
    // So is the rest of the window: the month after is at hand at once, as saved.
    expect(s().scheduleFor(DECEMBER.from, DECEMBER.to)!.segments).toEqual((await direct(DECEMBER)).segments);

    // Once it is shown, the window is read once for what only the main process weighs
    // (warnings): nothing there changed with this cover, so nothing is redrawn.
    const [shown, loads] = [s().scheduleRevision, s().scheduleWindowLoads];
    await vi.waitFor(() => expect(s().scheduleWindowLoads).toBe(loads + 1));
    expect(scheduleGets()).toBe(gets + 1);
    expect(s().scheduleRevision).toBe(shown);
    expect(s().schedule).toEqual(await direct(NOVEMBER));
  });

  test('a saved edit shows the warnings it brings once the main process has weighed them', async () => {
    const s = store.getState;
    const d = engineerId('D');
    await awayOnThe18th(d);
    await s().loadSchedule(NOVEMBER);
    const awayWarnings = () => s().schedule!.warnings.filter((w) => w.engineerIds.includes(d) && /PTO/.test(w.message));
    expect(awayWarnings()).toEqual([]);

    expect(await s().applyEdit(coversThe18th())).toBe(true);
    const shown = s().scheduleRevision;
    // D is on call while away: the calendar says so once the window is read again, and redraws for it.
    await vi.waitFor(() => expect(awayWarnings()).toHaveLength(1));
    expect(s().scheduleRevision).toBe(shown + 1);
    expect(s().schedule).toEqual(await direct(NOVEMBER));
  });

  test("an edit of another rotation than the calendar's reads the calendar's schedule anew", async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const shown = s().schedule!;
    const other = await app.handlers['rotations:create'](businessHoursDraft([engineerId('C'), engineerId('A')]));
    const gets = scheduleGets();
    const onCall = { rotationId: s().calendarRotation!.id, from: NOVEMBER.from, to: NOVEMBER.to };
    expect(
      await s().applyEdit({
        op: 'cover-days',
        rotationId: other.id,
        dates: ['2026-11-18'],
        role: 'primary',
        engineerId: engineerId('D'),
        kind: 'cover',
        reason: '',
      }),
    ).toBe(true);
    // Read again rather than worked out: nothing of the other rotation is drawn as this one's,
    // and Undo names this rotation's last edit, not the other's.
    expect(scheduleGets()).toBe(gets + 1);
    expect(s().schedule!.overrides).toEqual(shown.overrides);
    expect(s().schedule!.canUndo).toBe((await app.handlers['schedule:get'](onCall)).canUndo);
    expect(app.repos.rotations.lastDoneEdit(other.id)?.label).toBe('Engineer D covers');
  });

  test('moving far away while the warnings of an edit are read shows the new range, not the old window', async () => {
    const s = store.getState;
    const d = engineerId('D');
    await awayOnThe18th(d);
    // Next summer holds a cover: drawn from a window without it, it would be missing.
    await app.handlers['schedule:apply']({
      operation: { ...coversThe18th('', d), dates: ['2027-07-14'] } as ScheduleOperation,
    });
    await s().loadSchedule(NOVEMBER);
    let release!: () => void;
    holdBack = { channel: 'schedule:window', release: new Promise<void>((done) => (release = done)) };
    expect(await s().applyEdit(coversThe18th())).toBe(true);
    // The warnings' read is on its way (held); the lead jumps to next summer meanwhile.
    const gets = scheduleGets();
    await vi.waitFor(() => expect(scheduleGets()).toBe(gets + 1));
    const farAway = { from: '2027-06-28T04:00:00.000Z', to: '2027-08-09T04:00:00.000Z' };
    const moving = s().loadSchedule({
      ...farAway,
      firstDate: '2027-06-28',
      lastDate: '2027-08-08',
      quarterDate: '2027-07-01',
    });
    release();
    await moving;
    await settle();
    expect(s().scheduleState.status).toBe('ready');
    expect(s().schedule!.segments).toEqual((await app.handlers['schedule:get'](farAway)).segments);
  });

  test('undo and redo are shown from what they wrote, exactly as saved', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const before = await direct(NOVEMBER);
    expect(await s().applyEdit(coversThe18th('dentist'))).toBe(true);
    const covered = await direct(NOVEMBER);
    const gets = scheduleGets();

    // Each is shown from its answer, before the schedule is read again for its warnings.
    expect(await s().undoEdit()).toBe(true);
    expect(scheduleGets()).toBe(gets);
    expect(s().schedule!.segments).toEqual(before.segments);
    expect(s().schedule!.overrides).toEqual(before.overrides);
    expect(s().schedule!.canRedo).toBe(covered.canUndo);
    expect(await s().redoEdit()).toBe(true);
    expect(scheduleGets()).toBe(gets);
    expect(s().schedule!.segments).toEqual(covered.segments);
    expect(s().schedule!.overrides).toEqual(covered.overrides);
    expect(s().calendarMessage?.text).toMatch(/^Redone: .* covers\.$/);
  });

  test('the edit after an edit is drawn before it is saved too, even a swap of a week running in from outside the month', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    await (await import('../../src/renderer/query/client')).readChannel('engineers:list', {});
    expect(await s().applyEdit(coversThe18th('dentist'))).toBe(true);
    // The first week shown starts in October, before the month's grid.
    const weeks = [...new Set(s().schedule!.segments.map((seg) => seg.shiftIndex))];
    const before = s().schedule!.segments;
    expect(shiftBounds(s().calendarRotation!, weeks[0]!).startsAt < NOVEMBER.from).toBe(true);
    let release!: () => void;
    holdBack = { channel: 'schedule:apply', release: new Promise<void>((done) => (release = done)) };
    const revision = s().scheduleRevision;

    const saving = s().applyEdit({ op: 'swap', shiftA: weeks[0]!, shiftB: weeks[1]!, reason: 'trade' });
    // Not saved yet, already drawn.
    expect(s().scheduleRevision).toBe(revision + 1);
    expect(s().schedule!.segments).not.toEqual(before);
    release();
    expect(await saving).toBe(true);
    expect(s().schedule!.segments).toEqual((await direct(NOVEMBER)).segments);
  });

  test('a swap is drawn before it is saved, exactly as saved, and each piece says why as the saved one does', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    await (await import('../../src/renderer/query/client')).readChannel('engineers:list', {});
    // The first week shown runs in from October: its overrides are in what is loaded around it.
    const weeks = [...new Set(s().schedule!.segments.map((seg) => seg.shiftIndex))];
    const [first, second] = [weeks[0]!, weeks[1]!];
    const before = s().schedule!.segments;
    let release!: () => void;
    holdBack = { channel: 'schedule:apply', release: new Promise<void>((done) => (release = done)) };
    const revision = s().scheduleRevision;

    const saving = s().applyEdit({ op: 'swap', shiftA: first, shiftB: second, reason: 'trade' });
    expect(s().scheduleRevision).toBe(revision + 1);
    const drawn = s().schedule!;
    expect(drawn.segments).not.toEqual(before);

    release();
    expect(await saving).toBe(true);
    const saved = await direct(NOVEMBER);
    const look = (view: typeof saved) => ({
      segments: view.segments.map(({ overrideIds: _ids, ...rest }) => rest),
      overrides: view.overrides.map(({ id: _id, twinId: _twin, createdAt: _at, ...rest }) => rest),
    });
    expect(look(drawn)).toEqual(look(saved));
    // Nothing left to redraw when the answer came.
    expect(s().scheduleRevision).toBe(revision + 2);
    expect(s().calendarMessage?.text).toBe('Saved: Swap shifts.');
  });

  test('an edit being previewed is drawn ahead, unsaved, and taken back exactly when it is not confirmed', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    await (await import('../../src/renderer/query/client')).readChannel('engineers:list', {});
    const d = engineerId('D');
    const saved = s().schedule!;
    const revision = s().scheduleRevision;
    const cover = coversThe18th();
    let movedBack = 0;
    const earlier = { tone: 'info' as const, text: 'Saved: an earlier edit.' };
    s().setCalendarMessage(earlier);

    s().proposeEdit(cover, () => (movedBack += 1));
    expect(s().calendarMessage).toBeNull();
    // Drawn: D is on call on the 18th; the drag's own move was taken back first; nothing saved.
    expect(s().scheduleRevision).toBe(revision + 1);
    expect(movedBack).toBe(1);
    expect(
      s().schedule!.segments.some((seg) => seg.primaryId === d && seg.startsAt === '2026-11-18T05:00:00.000Z'),
    ).toBe(true);
    expect(calls).not.toContain('schedule:apply');
    expect((await direct(NOVEMBER)).segments).toEqual(saved.segments);

    s().withdrawProposal();
    expect(s().schedule).toEqual(saved);
    expect(s().editing).toBe(false);
    // Not confirmed: the last edit's message is back.
    expect(s().calendarMessage).toEqual(earlier);
    expect(s().scheduleFor(DECEMBER.from, DECEMBER.to)!.segments).toEqual((await direct(DECEMBER)).segments);

    // Proposed again (the last edit's message goes with the drawing) and confirmed: saved as
    // drawn, with nothing on screen changed between Confirm and the answer.
    s().proposeEdit(cover);
    expect(s().calendarMessage).toBeNull();
    const drawn = s().scheduleRevision;
    const shown = { schedule: s().schedule, message: s().calendarMessage, editing: s().editing };
    let release!: () => void;
    holdBack = { channel: 'schedule:apply', release: new Promise<void>((done) => (release = done)) };
    const saving = s().applyEdit(cover);
    expect(s().scheduleRevision).toBe(drawn);
    expect({ schedule: s().schedule, message: s().calendarMessage, editing: s().editing }).toStrictEqual(shown);
    release();
    expect(await saving).toBe(true);
    expect(s().schedule!.segments).toEqual((await direct(NOVEMBER)).segments);
    // Nothing left to take back once saved.
    s().withdrawProposal();
    expect(s().schedule!.segments).toEqual((await direct(NOVEMBER)).segments);
  });

  test('a cover without a reason is drawn with the words the main process saves it with', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    await (await import('../../src/renderer/query/client')).readChannel('engineers:list', {});
    let release!: () => void;
    holdBack = { channel: 'schedule:apply', release: new Promise<void>((done) => (release = done)) };
    const saving = s().applyEdit(coversThe18th());
    const drawn = s().schedule!.overrides.filter((o) => o.startsAt === '2026-11-18T05:00:00.000Z');
    release();
    await saving;
    const saved = (await direct(NOVEMBER)).overrides.filter((o) => o.startsAt === '2026-11-18T05:00:00.000Z');
    expect(drawn.map((o) => [o.kind, o.reason])).toEqual(saved.map((o) => [o.kind, o.reason]));
    expect(saved[0]!.reason).toMatch(/^Engineer D covers Engineer \w+ as primary$/);
  });

  test('a cover the main process refuses is taken back off the calendar, with the reason', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const before = s().schedule!.segments;
    const saved = await s().applyEdit(coversThe18th('', 999));
    expect(saved).toBe(false);
    expect(s().calendarMessage).toEqual({ tone: 'error', text: 'Not saved: There is no engineer #999.' });
    expect(s().schedule!.segments).toEqual(before);
    expect(s().scheduleFor(NOVEMBER.from, NOVEMBER.to)!.segments).toEqual(before);
  });

  test('a load ahead that was asked for before an edit cannot bring back what the edit changed', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    // Hold the answer to the next schedule:window (the load ahead that moving on starts)…
    let release!: () => void;
    holdBack = { channel: 'schedule:window', release: new Promise<void>((done) => (release = done)) };
    const januaryEnd = { from: '2027-01-04T05:00:00.000Z', to: '2027-02-15T05:00:00.000Z' };
    await s().loadSchedule({
      ...januaryEnd,
      firstDate: '2027-01-04',
      lastDate: '2027-02-14',
      quarterDate: '2027-02-01',
    });
    await s().loadSchedule(NOVEMBER);
    holdBack = null;
    // …then edit November, and only then let the older answer arrive.
    await s().applyEdit(coversThe18th());
    release();
    await settle();
    await settle();
    const shown = s().scheduleFor(NOVEMBER.from, NOVEMBER.to);
    expect(shown!.segments).toEqual((await direct(NOVEMBER)).segments);
  });

  test('reopened, the calendar shows what it had at once, then what changed elsewhere meanwhile', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    s().forgetSchedule();
    // Reopened with nothing changed: shown from what was kept, checked, no redraw.
    let revision = s().scheduleRevision;
    const gets = scheduleGets();
    await s().loadSchedule(NOVEMBER);
    await vi.waitFor(() => expect(scheduleGets()).toBe(gets + 1));
    await settle();
    expect(s().scheduleRevision).toBe(revision);

    // Closed again; another screen (or the CLI) changes November meanwhile.
    s().forgetSchedule();
    await app.handlers['schedule:apply']({
      operation: coversThe18th(),
    });
    revision = s().scheduleRevision;
    const kept = s().schedule!.segments;
    await s().loadSchedule(NOVEMBER);
    expect(s().schedule!.segments).toEqual(kept);
    await vi.waitFor(() => expect(s().scheduleRevision).toBe(revision + 1));
    expect(s().schedule!.segments).toEqual((await direct(NOVEMBER)).segments);
  });

  test('a new reason is kept in what is loaded: back on the month, the details show it', async () => {
    const s = store.getState;
    await s().loadSchedule(NOVEMBER);
    const override = s().schedule!.overrides[0]!;
    expect(await s().setOverrideReason(override.id, 'family visit')).toBe(true);
    await s().loadSchedule(DECEMBER);
    await s().loadSchedule(NOVEMBER);
    expect(s().schedule!.overrides.find((o) => o.id === override.id)!.reason).toBe('family visit');
  });
});
