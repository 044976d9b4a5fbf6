// Publishing against a real CalDAV server (Radicale): the quarter goes up, a swap changes
// exactly its two weeks, an edit made on the server is a conflict left alone, and an
// unreachable server queues the change until it is back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const logged: string[] = [];
  const read = async () => eventsOf(await readCalendar(calendarUrl, server.authHeaders()));

  beforeAll(async () => {
    server = await startRadicale();
    calendarUrl = await server.makeCalendar('team');
    app = openApp({
      databasePath: temp.file('team.db'),
      host: 'browser',
      clock: frozenAt(FROZEN_NOW),
      log: (message, error) => logged.push(message, String(error), (error as Error)?.stack ?? ''),
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

  it('after a swap of two weeks, changes exactly those weeks and keeps every other UID and ETag', async () => {
    const before = await read();
    const rotation = (await callOk(app, 'rotations:list', {}))[0]!;
    // Shifts 40 and 42: 8–15 and 22–29 October 2026 (New York).
    const swapped = [
      { from: '2026-10-08T13:00:00.000Z', to: '2026-10-15T13:00:00.000Z' },
      { from: '2026-10-22T13:00:00.000Z', to: '2026-10-29T13:00:00.000Z' },
    ];
    await callOk(app, 'schedule:apply', {
      operation: { op: 'swap', rotationId: rotation.id, shiftA: 40, shiftB: 42, reason: 'school holidays' },
    });
    const result = await callOk(app, 'publish:sync', QUARTER);
    const after = await read();

    const inSwappedWeeks = (e: ServerEvent) => swapped.some((w) => e.start < w.to && e.end > w.from);
    const beforeByUid = new Map(before.map((e) => [e.uid, e]));
    const changed = after.filter((e) => beforeByUid.get(e.uid)?.etag !== e.etag);
    // The four shift events of the two weeks (primary and backup of each) now name the swapped engineers.
    const shiftChanges = changed.filter((e) => e.role);
    expect(shiftChanges.map((e) => e.start).sort()).toEqual([
      swapped[0]!.from,
      swapped[0]!.from,
      swapped[1]!.from,
      swapped[1]!.from,
    ]);
    expect(changed.every(inSwappedWeeks)).toBe(true);
    for (const event of after.filter((e) => !inSwappedWeeks(e))) {
      expect(beforeByUid.get(event.uid), event.summary).toMatchObject({ etag: event.etag, href: event.href });
    }
    expect(after.map((e) => e.uid).sort()).toEqual(before.map((e) => e.uid).sort());
    expect(result.outcomes[0]).toMatchObject({ created: 0, removed: 0, conflicts: 0, updated: changed.length });
    const primaryOf = (start: string) => after.find((e) => e.role === 'primary' && e.start === start)!.engineer;
    expect([primaryOf(swapped[0]!.from), primaryOf(swapped[1]!.from)]).toEqual([
      before.find((e) => e.role === 'primary' && e.start === swapped[1]!.from)!.engineer,
      before.find((e) => e.role === 'primary' && e.start === swapped[0]!.from)!.engineer,
    ]);
  });

  it('reports an event someone changed on the server as a conflict and leaves it as they made it', async () => {
    // The quarter's first primary shift (names sort by start), never one of the weeks the
    // queued-edit test below swaps: the server lists objects in no set order.
    const [object] = (await readCalendar(calendarUrl, server.authHeaders()))
      .filter((o) => o.ics.includes('X-WATCHBILL-ROLE:primary'))
      .sort((a, b) => a.href.localeCompare(b.href));
    const edited = object!.ics.replace(/^SUMMARY:.*$/m, 'SUMMARY:Moved to the team offsite (edited on the server)');
    const put = await fetch(object!.href, {
      method: 'PUT',
      headers: { ...server.authHeaders(), 'Content-Type': 'text/calendar; charset=utf-8' },
      body: edited,
    });
    expect(put.ok).toBe(true);
    const onServer = (await readCalendar(calendarUrl, server.authHeaders())).find((o) => o.href === object!.href)!;

    const result = await callOk(app, 'publish:sync', QUARTER);
    expect(result.summary).toBe('0 created, 0 updated, 0 removed; 1 conflict');
    expect(result.outcomes[0]!.changes).toEqual([
      expect.objectContaining({ action: 'conflict', reason: 'changed on the server since Watchbill published it' }),
    ]);
    const still = (await readCalendar(calendarUrl, server.authHeaders())).find((o) => o.href === object!.href)!;
    expect(still).toEqual(onServer);
    expect(still.ics).toContain('Moved to the team offsite');
  });

  it('never reads back, changes or removes an event Watchbill did not put there', async () => {
    const foreign = `${calendarUrl}dentist.ics`;
    const body = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//someone else//EN',
      'BEGIN:VEVENT',
      'UID:dentist@example.com',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261110T150000Z',
      'DTEND:20261110T160000Z',
      'SUMMARY:Dentist',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect((await fetch(foreign, { method: 'PUT', headers: server.authHeaders(), body })).ok).toBe(true);
    const etagOf = async () => (await read()).find((e) => e.uid === 'dentist@example.com')?.etag;
    const etag = await etagOf();
    const dry = await callOk(app, 'publish:sync', { ...QUARTER, dryRun: true });
    const real = await callOk(app, 'publish:sync', QUARTER);
    for (const result of [dry, real])
      expect(result.outcomes[0]!.changes.map((c) => c.uid)).not.toContain('dentist@example.com');
    expect(await etagOf()).toBe(etag);
    expect((await read()).find((e) => e.uid === 'dentist@example.com')).toMatchObject({ summary: 'Dentist' });
  });

  it('queues an edit while the server is down, says "not yet published", and sends it when it is back', async () => {
    await callOk(app, 'publish:save-target', {
      id: targetId,
      kind: 'caldav',
      name: 'Team calendar',
      calendarUrl,
      username: server.user,
      syncOnSave: true,
    });
    const rotation = (await callOk(app, 'rotations:list', {}))[0]!;
    await server.stop();
    const before = app.repos.publish.records(targetId);
    await callOk(app, 'schedule:apply', {
      operation: { op: 'swap', rotationId: rotation.id, shiftA: 44, shiftB: 45, reason: 'doctor' },
    });
    // The edit answered at once; the publish after it could not reach the server.
    expect((await callOk(app, 'publish:status', {})).pending).toBe(true);
    const queued = await callOk(app, 'publish:sync', QUARTER);
    expect(queued.outcomes[0]).toMatchObject({ status: 'queued', created: 0, updated: 0 });
    expect(queued.outcomes[0]!.error).toMatch(/cannot be reached/);
    expect(queued.summary).toMatch(/not yet published to Team calendar/);
    const status = await callOk(app, 'publish:status', {});
    expect(status.pending).toBe(true);
    expect(status.targets[0]!.lastError).toMatch(/cannot be reached/);
    expect(app.repos.publish.records(targetId)).toEqual(before);

    await server.start();
    await app.publisher.retryPending();
    const through = await callOk(app, 'publish:status', {});
    expect(through.pending).toBe(false);
    expect(through.targets[0]!.lastSummary).toMatch(/^0 created, [1-9]\d* updated, \d+ removed; 1 conflict$/);
    const week44 = (await read()).filter((e) => e.role && e.start === '2026-11-05T14:00:00.000Z');
    const recorded = app.repos.publish.records(targetId).filter((r) => r.startsAt === '2026-11-05T14:00:00.000Z');
    expect(week44.map((e) => e.etag).sort()).toEqual(recorded.map((r) => r.etag).sort());
  });

  it('keeps the password out of the database file, its backup and the log', async () => {
    const backup = await callOk(app, 'export:backup', {});
    expect(backup.content).toContain('Team calendar');
    expect(backup.content).not.toContain(server.password);
    expect(logged.join('\n')).not.toContain(server.password);
    for (const file of readdirSync(temp.dir))
      expect(readFileSync(join(temp.dir, file)).includes(server.password), file).toBe(false);
    const status = await callOk(app, 'publish:status', {});
    expect(JSON.stringify(status)).not.toContain(server.password);
  });
});
