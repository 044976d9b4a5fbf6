// Event UIDs carry a random id made once per database: two teams' calendars imported into
// one calendar app never replace each other's events, and one team's re-export updates its
// own events in place.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { openApp } from '../../../src/main/app';
import { FROZEN_NOW, frozenAt, tempDir, testApp } from '../../support/app';
import { callOk } from './support';

const QUARTER = { from: '2026-10-01', to: '2026-12-31' };
const uidsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));

const opened: WatchbillApp[] = [];
const open = () => {
  const app = testApp();
  opened.push(app);
  return app;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

describe('event UIDs', () => {
  it('are unique to each database: two example teams export the same schedule with no UID in common', async () => {
    const [one, two] = [open(), open()];
    const first = uidsOf((await callOk(one, 'export:ics', QUARTER)).content);
    const second = uidsOf((await callOk(two, 'export:ics', QUARTER)).content);
    expect(first.length).toBeGreaterThan(20);
    expect(second).toHaveLength(first.length);
    expect(first.filter((uid) => second.includes(uid))).toEqual([]);
    expect(first[0]).toMatch(/^shift-\d+-(primary|secondary)-\d{8}T\d{6}Z@[0-9a-f]{16}\.watchbill\.invalid$/);
  });

  it('stay the same in a re-export after an edit that does not touch the events', async () => {
    const app = open();
    const before = uidsOf((await callOk(app, 'export:ics', QUARTER)).content);
    const risk = (await callOk(app, 'risks:list', {})).risks[0]!;
    const {
      id,
      category,
      title,
      description,
      likelihood,
      impact,
      mitigation,
      ownerId,
      pipelineIds,
      status,
      reviewDate,
    } = risk;
    await callOk(app, 'risks:update', {
      ...{ id, category, title, description, likelihood, impact, ownerId, pipelineIds, status, reviewDate },
      mitigation: `${mitigation} Reviewed again.`,
    });
    await callOk(app, 'override:set-reason', {
      overrideId: app.repos.rotations.overrides(app.repos.rotations.list()[0]!.id)[0]!.id,
      reason: 'Thanksgiving, agreed in the team meeting',
    });
    const after = uidsOf((await callOk(app, 'export:ics', QUARTER)).content);
    expect(after).toEqual(before);
  });

  it('stay the same after the database is closed and opened again', async () => {
    const temp = tempDir();
    const path = temp.file('team.db');
    const openFile = () =>
      openApp({
        databasePath: path,
        host: 'browser',
        clock: frozenAt(FROZEN_NOW),
        log: () => {},
        jobs: { inThread: true },
      });
    const first = openFile();
    const before = uidsOf((await callOk(first, 'export:ics', QUARTER)).content);
    await first.close();
    const again = openFile();
    opened.push(again);
    expect(uidsOf((await callOk(again, 'export:ics', QUARTER)).content)).toEqual(before);
    temp.remove();
  });
});
