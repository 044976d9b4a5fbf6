import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { openDatabase } from '../../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { tempDir, testApp } from '../../support/app';
import { callOk, rowCounts } from './support';

let app: WatchbillApp;
let empty: WatchbillApp;
beforeEach(() => {
  app = testApp();
  empty = testApp({ empty: true });
});
afterEach(() => {
  app.close();
  empty.close();
});
const temp = tempDir();
afterEach(() => temp.remove());

describe('the JSON backup', () => {
  it('holds every table with the schema and format versions', async () => {
    const file = await callOk(app, 'export:backup', {});
    const backup = JSON.parse(file.content) as {
      format: string;
      formatVersion: number;
      schemaVersion: number;
      tables: Record<string, unknown[]>;
    };
    expect(backup).toMatchObject({
      format: 'watchbill-backup',
      formatVersion: 1,
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(Object.keys(backup.tables).sort()).toEqual(Object.keys(rowCounts(app)).sort());
    expect(backup.tables.engineers).toHaveLength(4);
    expect(backup.tables.overrides).toHaveLength(5);
  });

  it('restores onto an empty database, and exporting again gives the identical file', async () => {
    // An edit first, so the restore carries the undo journal and id high-water mark too.
    await callOk(app, 'schedule:apply', { operation: { op: 'swap', shiftA: 3, shiftB: 4, reason: 'restore me' } });
    const original = await callOk(app, 'export:backup', {});
    const result = await callOk(empty, 'import:apply', {
      kind: 'backup',
      filename: original.filename,
      content: original.content,
    });
    expect(result.valid).toBe(true);
    const again = await callOk(empty, 'export:backup', {});
    expect(again.content).toBe(original.content);
    // The restored model behaves the same: the same schedule, and the edit can still be undone.
    const range = { from: '2026-01-01T14:00:00.000Z', to: '2026-03-01T14:00:00.000Z' };
    expect((await callOk(empty, 'schedule:get', range)).segments).toEqual(
      (await callOk(app, 'schedule:get', range)).segments,
    );
    expect((await callOk(empty, 'schedule:undo', {})).label).toBe('Swap shifts');
  });

  it('refuses to restore over a database that has data unless asked to replace it, and changes nothing', async () => {
    const backup = await callOk(empty, 'export:backup', {});
    const before = await callOk(app, 'export:backup', {});
    const refused = await app.dispatch('import:apply', { kind: 'backup', filename: 'b.json', content: backup.content });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/b\.json: this database is not empty \(.*4 engineers/) },
    });
    const unconfirmed = await app.dispatch('import:apply', {
      kind: 'backup',
      filename: 'b.json',
      content: backup.content,
      mode: 'replace',
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk(app, 'export:backup', {})).content).toBe(before.content);
  });

  it('replaces the current database after keeping a copy of the file', async () => {
    const file = temp.file('team.db');
    app.close();
    app = testApp({ databasePath: file });
    const emptyBackup = await callOk(empty, 'export:backup', {});
    const result = await callOk(app, 'import:apply', {
      kind: 'backup',
      filename: 'empty.json',
      content: emptyBackup.content,
      mode: 'replace',
      confirmReplace: true,
    });
    expect(result.backupPath).toMatch(/team\.before-restore-20261121T150000Z\.db$/);
    expect(existsSync(result.backupPath!)).toBe(true);
    expect(app.repos.engineers.list()).toEqual([]);
    // The copy is a whole, openable database with the team as it was.
    const copy = openDatabase(result.backupPath!);
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM engineers').get()).toEqual({ n: 4 });
    } finally {
      copy.close();
    }
  });

  it('refuses a backup whose rows break the schema, naming the table, row and column, and writes nothing', async () => {
    const good = JSON.parse((await callOk(app, 'export:backup', {})).content) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const cases: [string, (t: Record<string, Record<string, unknown>[]>) => void, RegExp][] = [
      [
        'a dangling engineer',
        (t) => (t.overrides![0]!.engineer_id = 999),
        /overrides row 1, engineer_id: points at a row of engineers/,
      ],
      ['a broken check', (t) => (t.engineers![1]!.active = 7), /engineers row 2.*CHECK constraint failed/],
      [
        'an unknown column',
        (t) => (t.engineers![0]!.shoe_size = 44),
        /engineers row 1, shoe_size: there is no column 'shoe_size'/,
      ],
      ['an unknown table', (t) => (t.spaceships = []), /table spaceships: there is no such table/],
    ];
    for (const [, mutate, message] of cases) {
      const tables = structuredClone(good.tables);
      mutate(tables);
      const content = JSON.stringify({ ...good, tables });
      const before = rowCounts(empty);
      const preview = await callOk(empty, 'import:preview', { kind: 'backup', filename: 'bad.json', content });
      expect(preview.valid).toBe(false);
      const applied = await empty.dispatch('import:apply', { kind: 'backup', filename: 'bad.json', content });
      expect(applied).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) },
      });
      expect(rowCounts(empty)).toEqual(before);
    }
  });

  it('restores a backup from an older schema through its own version, then migrates it to this one', async () => {
    const pipeline = app.repos.pipelines.list().find((p) => p.name === 'Aggregate Profit')!;
    await callOk(app, 'drills:schedule', {
      pipelineId: pipeline.id,
      scenarioId: app.repos.runbooks.get(pipeline.id)!.scenarios[0]!.id!,
      scheduledAt: '2026-12-02T15:00:00Z',
      facilitatorId: app.repos.engineers.list()[0]!.id,
    });
    const current = JSON.parse((await callOk(app, 'export:backup', {})).content) as {
      schemaVersion: number;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(current.tables.drill_participants!.length).toBeGreaterThan(0);
    // Schema 30 is from before participants had roles (0040): its rows have no role column.
    const tables = structuredClone(current.tables);
    for (const row of tables.drill_participants!) delete row.role;
    // …tables added since (0070's ledger, 0080's publishing) did not exist…
    for (const table of ['past_shifts', 'opening_balances', 'publish_targets', 'published_events'])
      delete tables[table];
    // …rotations were one per file and pipelines named none (0090)…
    for (const row of tables.pipelines!) delete row.rotation_id;
    for (const row of tables.rotations!)
      for (const column of ['coverage_weekdays', 'coverage_from', 'coverage_until', 'allows_double_duty'])
        delete row[column];
    for (const row of tables.rotations!) for (const column of ['archived_at', 'position']) delete row[column];
    // …and overrides had the kinds of before 0060.
    const kindsBefore60: Record<string, string> = { holiday_cover: 'holiday', time_away_cover: 'pto' };
    for (const row of tables.overrides!)
      row.kind = kindsBefore60[String(row.kind)] ?? (row.kind === 'swap' || row.kind === 'split' ? row.kind : 'manual');
    const older = JSON.stringify({ ...current, schemaVersion: 30, tables });
    const result = await callOk(empty, 'import:apply', { kind: 'backup', filename: 'older.json', content: older });
    expect(result.valid).toBe(true);
    expect(rowCounts(empty)).toEqual(rowCounts(app));
    expect(empty.repos.backup.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    // Migrated as 0040 migrates a file: the roles of those drills are "not recorded".
    const restored = JSON.parse((await callOk(empty, 'export:backup', {})).content) as typeof current;
    expect(restored.tables.drill_participants!.map((p) => p.role)).toEqual(tables.drill_participants!.map(() => null));
    expect(restored.tables.engineers).toEqual(current.tables.engineers);

    // Rows are read against the backup's own version: a pipeline's rotation did not exist at 30.
    const mislabelled = JSON.stringify({ ...current, schemaVersion: 30 });
    const refused = await empty.dispatch('import:preview', {
      kind: 'backup',
      filename: 'older.json',
      content: mislabelled,
      mode: 'replace',
    });
    expect(refused).toMatchObject({ ok: true, value: { valid: false } });
    expect(JSON.stringify(refused)).toMatch(/pipelines row 1, rotation_id: there is no column .rotation_id./);
  });

  it('refuses a backup from a newer Watchbill and one that is not a backup, saying why', async () => {
    const backup = JSON.parse((await callOk(app, 'export:backup', {})).content) as Record<string, unknown>;
    const newer = await callOk(empty, 'import:preview', {
      kind: 'backup',
      filename: 'new.json',
      content: JSON.stringify({ ...backup, schemaVersion: 990 }),
    });
    expect(newer.summary).toMatch(/new\.json, schemaVersion: is 990: the backup was made by a newer Watchbill/);
    const other = await callOk(empty, 'import:preview', {
      kind: 'backup',
      filename: 'package.json',
      content: readFileSync('package.json', 'utf8'),
    });
    expect(other.summary).toMatch(/package\.json, .*not a Watchbill backup|package\.json.*format/);
    const broken = await callOk(empty, 'import:preview', {
      kind: 'backup',
      filename: 'cut.json',
      content: '{\n  "format": "watchbill-backup",\n  "tables": {\n',
    });
    expect(broken.problems[0]).toMatchObject({
      file: 'cut.json',
      line: expect.any(Number),
      message: expect.stringMatching(/not valid JSON/),
    });
    // Valid JSON that is not an object: a number, a list.
    const number = await callOk(empty, 'import:preview', { kind: 'backup', filename: 'n.json', content: '\n 0\n' });
    expect(number.problems).toEqual([
      expect.objectContaining({
        file: 'n.json',
        line: 2,
        message: 'is not a Watchbill backup: it holds a number, where a backup is one JSON object',
      }),
    ]);
    const list = await callOk(empty, 'import:preview', { kind: 'backup', filename: 'l.json', content: '[]' });
    expect(list.summary).toMatch(/l\.json, line 1: is not a Watchbill backup: it holds a list/);
  });
});
