import { afterEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { frozenAt, testApp } from '../../support/app';
import { callOk } from './support';

// Wed 2 Dec 2026, 21:00 in New York, the example team's zone: already Thursday 3 Dec in UTC.
// A file saved then is the lead's Wednesday file.
const EVENING = new Date('2026-12-03T02:00:00Z');
// New Year's Eve, 23:30 in New York: the last quarter of 2026 for the team, 2027 in UTC.
const NEW_YEARS_EVE = new Date('2027-01-01T04:30:00Z');

const apps: WatchbillApp[] = [];
const appAt = (at: Date) => {
  const app = testApp({ clock: frozenAt(at) });
  apps.push(app);
  return app;
};
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

describe('file names carry the date the app shows, in the team’s zone', () => {
  it('the backup and the ownership spreadsheet saved on a New York evening carry that day', async () => {
    const app = appAt(EVENING);
    expect((await callOk(app, 'export:backup', {})).filename).toBe('watchbill-backup-2026-12-02.json');
    expect((await callOk(app, 'export:csv', { table: 'ownership' })).filename).toBe(
      'watchbill-ownership-2026-12-02.csv',
    );
  });

  it("the plan saved late on New Year's Eve is the quarter that is ending", async () => {
    const app = appAt(NEW_YEARS_EVE);
    expect((await callOk(app, 'export:plan', { format: 'md' })).filename).toBe('watchbill-plan-2026-Q4.md');
    expect((await callOk(app, 'export:backup', {})).filename).toBe('watchbill-backup-2026-12-31.json');
  });
});

describe('the backup preview speaks of what the team has, not of tables', () => {
  it('names each part in words, counted with the right plural', async () => {
    const app = appAt(EVENING);
    const content = (await callOk(app, 'export:backup', {})).content;
    const preview = await callOk(app, 'import:preview', {
      kind: 'backup',
      filename: 'b.json',
      content,
      mode: 'replace',
    });
    const rows = new Map(preview.changes.map((c) => [c.label, c.details.join('; ')]));
    expect(rows.get('Engineers')).toBe('4 engineers now → 4 from the backup');
    expect(rows.get('Rotations')).toBe('1 rotation now → 1 from the backup');
    // The example team's six risks name thirteen pipelines between them.
    expect(rows.get('Links between risks and pipelines')).toBe(
      '13 links between risks and pipelines now → 13 from the backup',
    );
    // Listed alphabetically by those words.
    const labels = preview.changes.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(labels.indexOf('Covers and swaps')).toBeLessThan(labels.indexOf('Engineers'));
    for (const [label, details] of rows) {
      expect(label).not.toMatch(/_/);
      expect(details).not.toMatch(/\brows?\b/);
    }
    expect(preview.summary).toBe(
      `Restores the backup’s ${preview.changes.length} kinds of records, replacing what this database holds now.`,
    );
  });

  it('refuses to restore onto a database in use, counting what it holds in words', async () => {
    const app = appAt(EVENING);
    const content = (await callOk(app, 'export:backup', {})).content;
    const preview = await callOk(app, 'import:preview', { kind: 'backup', filename: 'b.json', content, mode: 'merge' });
    expect(preview.valid).toBe(false);
    expect(preview.summary).toMatch(/4 engineers, /);
    expect(preview.summary).toMatch(/1 rotation\b/);
    expect(preview.summary).not.toMatch(/_/);
  });
});
