import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot } from '../../../src/main/paths';
import { tempDir } from '../../support/app';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/watchbill.js', ...args], { cwd: appRoot(), encoding: 'utf8' });

describe('watchbill export and import', { timeout: 60_000 }, () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const db = temp.file('cli.db');

  it("exports one engineer's calendar to a file and the fairness table to standard output", () => {
    const ics = temp.file('a.ics');
    const result = run(
      'export',
      'ics',
      '--db',
      db,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--engineer',
      'engineer a',
      '-o',
      ics,
    );
    expect(result.status).toBe(0);
    expect(readFileSync(ics, 'utf8')).toMatch(/SUMMARY:Primary on call: Engineer A\r\n/);
    const csv = run(
      'export',
      'csv',
      '--db',
      db,
      '--table',
      'fairness',
      '--from',
      '2026-10-01',
      '--to',
      '2026-12-31',
      '--no-bom',
    );
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'rotation,engineer,primary_days,secondary_days,weekend_days,holiday_days,holiday_load,burden,fair_share,difference,carried_in,balance,period_from,period_to,carry',
    );
    expect(run('export', 'ics', '--db', db, '--engineer', 'Nobody').stderr).toMatch(
      /There is no engineer named 'Nobody'/,
    );
  });

  it('imports engineers with --dry-run first, then for real, and refuses a bad file with its line', () => {
    const good = temp.file('team.csv');
    writeFileSync(good, 'name,email\r\nEngineer E,e@example.com\r\n');
    const dry = run('import', 'engineers', good, '--db', db, '--dry-run');
    expect(dry.stdout).toMatch(/add +engineer Engineer E <e@example.com>[\s\S]*Dry run: nothing was changed/);
    expect(run('import', 'engineers', good, '--db', db).stdout).toMatch(/Adds 1 engineer\./);
    expect(run('import', 'engineers', good, '--db', db, '--dry-run').stdout).toMatch(/Nothing to change/);
    const bad = temp.file('bad.csv');
    writeFileSync(bad, 'name,email\nEngineer F,nope\n');
    const refused = run('import', 'engineers', bad, '--db', db);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv, line 2, email: must be an email address[\s\S]*Nothing was imported/);
  });

  it('backs up to JSON and restores it over the database with --replace, keeping a copy', () => {
    const backup = temp.file('backup.json');
    expect(run('export', 'json', '--db', db, '-o', backup).status).toBe(0);
    const other = temp.file('other.db');
    const restored = run('import', 'backup', backup, '--db', other, '--replace');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/The database as it was is kept in .*other\.before-restore-.*\.db/);
    const again = temp.file('again.json');
    run('export', 'json', '--db', other, '-o', again);
    const tables = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { tables: unknown }).tables;
    expect(tables(again)).toEqual(tables(backup));
  });

  it('restores a backup into a file that does not exist yet, as it is; a dry run creates nothing', () => {
    const backup = temp.file('backup-new.json');
    expect(run('export', 'json', '--db', db, '-o', backup).status).toBe(0);
    const fresh = temp.file('fresh.db');
    const dry = run('import', 'backup', backup, '--db', fresh, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing was changed, and .*fresh\.db was not created\./);
    expect(existsSync(fresh)).toBe(false);
    const restored = run('import', 'backup', backup, '--db', fresh);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const again = temp.file('fresh.json');
    run('export', 'json', '--db', fresh, '-o', again);
    const tables = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { tables: unknown }).tables;
    // Exactly the backup: no example team was created in the new file first.
    expect(tables(again)).toEqual(tables(backup));
  });

  it('names --replace and --empty when a backup would land on a database with a team in it', () => {
    const backup = temp.file('backup-full.json');
    run('export', 'json', '--db', db, '-o', backup);
    const before = readFileSync(db);
    const refused = run('import', 'backup', backup, '--db', db);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/this database is not empty/);
    expect(refused.stderr).toMatch(/run again with --replace/);
    expect(refused.stderr).toMatch(/--empty/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('reads a Windows-1252 spreadsheet with semicolons and says so', () => {
    const legacy = temp.file('legacy.csv');
    writeFileSync(legacy, Buffer.from('name;email\r\nS\xf8ren Kierkegaard;soren@example.com\r\n', 'latin1'));
    const result = run('import', 'engineers', legacy, '--db', db);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Read as Windows-1252, fields separated by semicolons\./);
    expect(result.stdout).toMatch(/not UTF-8/);
    const saved = temp.file('legacy.json');
    run('export', 'json', '--db', db, '-o', saved);
    const engineers = (JSON.parse(readFileSync(saved, 'utf8')) as { tables: { engineers: { name: string }[] } }).tables
      .engineers;
    expect(engineers.map((e) => e.name)).toContain('Søren Kierkegaard');
  });
});
