// Publishing against a real CalDAV server (Radicale): the quarter goes up, a swap changes
// exactly its two weeks, an edit made on the server is a conflict left alone, and an
// unreachable server queues the change until it is back.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type WatchbillApp } from '../../src/main/app';
import { memorySecrets } from '../../src/main/publish/secrets';
import { FROZEN_NOW, frozenAt, tempDir } from '../support/app';
import { readCalendar, startRadicale, type Radicale, type ServerObject } from '../support/radicale';
import { callOk } from './export/support';

const QUARTER = { from: '2026-10-01', to: '2026-12-31' };
/** The quarter's bounds in the example team's zone (America/New_York). */
const QUARTER_INSTANTS = { from: '2026-10-01T04:00:00.000Z', to: '2027-01-01T05:00:00.000Z' };

interface ServerEvent {
  uid: string;
  href: string;
  etag: string;
  summary: string;
  role: string | null;
  engineer: string | null;
  start: string;
  end: string;
}

function eventsOf(objects: ServerObject[]): ServerEvent[] {
  return objects.map((object) => {
    const vevents = new ICAL.Component(ICAL.parse(object.ics)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const v = vevents[0]!;
    const time = (name: string) => {
      const t = v.getFirstPropertyValue(name) as ICAL.Time;
      return t.isDate ? t.toString() : t.toJSDate().toISOString();
    };
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      href: object.href,
      etag: object.etag,
      summary: String(v.getFirstPropertyValue('summary')),
      role: v.getFirstPropertyValue('x-watchbill-role') as string | null,
      engineer: v.getFirstPropertyValue('x-watchbill-engineer') as string | null,
      start: time('dtstart'),
      end: time('dtend'),
    };
  });
}

describe('publishing to a CalDAV server', { timeout: 60_000 }, () => {
  const temp = tempDir();
  let server: Radicale;
  let calendarUrl: string;
  let app: WatchbillApp;
  let targetId: number;
  const read = async () => eventsOf(await readCalendar(calendarUrl, server.authHeaders()));

  beforeAll(async () => {
    server = await startRadicale();
    calendarUrl = await server.makeCalendar('team');
    app = openApp({
      databasePath: temp.file('team.db'),
      host: 'browser',
      clock: frozenAt(FROZEN_NOW),
      log: () => {},
      jobs: { inThread: true },
      secrets: memorySecrets({}),
      publishRetryMs: 0,
    });
    targetId = (
      await callOk(app, 'publish:save-target', {
        kind: 'caldav',
        name: 'Team calendar',
        calendarUrl,
        username: server.user,
      })
    ).id;
    await callOk(app, 'publish:set-password', { targetId, password: server.password });
  });
  afterAll(async () => {
    await app?.close();
    await server?.remove();
    temp.remove();
  });

  it('puts the quarter on the server, event by event as the schedule says', async () => {
    const result = await callOk(app, 'publish:sync', QUARTER);
    const [outcome] = result.outcomes;
    expect(outcome).toMatchObject({ status: 'published', updated: 0, removed: 0, conflicts: 0 });
    expect(outcome!.created).toBeGreaterThan(20);
    expect(result.summary).toBe(`${outcome!.created} created, 0 updated, 0 removed; 0 conflicts`);

    const events = await read();
    expect(events).toHaveLength(outcome!.created);
    const names = new Map((await callOk(app, 'engineers:list', {})).map((e) => [e.id, e.name]));
    const schedule = await callOk(app, 'schedule:get', QUARTER_INSTANTS);
    // Every segment of the schedule is covered, for each role, by one event naming its holder.
    for (const segment of schedule.segments) {
      for (const role of ['primary', 'secondary'] as const) {
        const holder = role === 'primary' ? segment.primaryId : segment.secondaryId;
        const covering = events.filter(
          (e) => e.role === role && e.start <= segment.startsAt && e.end >= segment.endsAt,
        );
        expect(
          covering.map((e) => e.engineer),
          `${role} ${segment.startsAt}`,
        ).toEqual([names.get(holder!)]);
      }
    }
    // …and every shift event starts and ends on the schedule's hand-offs (or beyond the quarter).
    const boundaries = new Set(schedule.segments.flatMap((s) => [s.startsAt, s.endsAt]));
    for (const event of events.filter((e) => e.role)) {
      expect(boundaries.has(event.start) || event.start < schedule.segments[0]!.startsAt).toBe(true);
      expect(boundaries.has(event.end) || event.end > schedule.segments.at(-1)!.endsAt).toBe(true);
    }
    const status = await callOk(app, 'publish:status', {});
    expect(status.pending).toBe(false);
    expect(status.targets[0]).toMatchObject({ lastSummary: result.summary, pending: false, hasPassword: true });

    // Publishing again with nothing changed sends nothing.
    const again = await callOk(app, 'publish:sync', QUARTER);
    expect(again.summary).toBe('0 created, 0 updated, 0 removed; 0 conflicts');
  });
});
