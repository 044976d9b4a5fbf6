import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import { findMojibake } from '../../../src/main/import/mojibake';
import { testApp } from '../../support/app';
import { callOk, rowCounts } from '../export/support';

let app: WatchbillApp;
beforeEach(() => (app = testApp()));
afterEach(() => app.close());

const engineers = (content: string, mode: 'merge' | 'replace' = 'merge') => ({
  kind: 'engineers' as const,
  filename: 'team.csv',
  content,
  mode,
});

describe('importing engineers from CSV', () => {
  it('reads what Excel writes (BOM, CRLF, quoted commas), previews, then applies', async () => {
    const csv =
      '\uFEFFName,E-mail,Colour\r\n"Zoë Ångström, PhD",zoe@example.com,#0f766e\r\n"Quoted",,\r\nEngineer A,a.new@example.com,\r\n';
    const preview = await callOk(app, 'import:preview', engineers(csv));
    expect(preview).toMatchObject({ valid: true, summary: 'Adds 2 engineers, updates 1 engineer.' });
    expect(preview.reading).toEqual({ encoding: 'UTF-8', delimiter: 'comma', notice: null });
    expect(preview.changes.map((c) => [c.action, c.label])).toEqual([
      ['add', 'Zoë Ångström, PhD <zoe@example.com>'],
      ['add', 'Quoted'],
      ['update', 'Engineer A <a.new@example.com>'],
    ]);
    expect(app.repos.engineers.list()).toHaveLength(4); // a preview writes nothing
    await callOk(app, 'import:apply', engineers(csv));
    expect(app.repos.engineers.findByName('Zoë Ångström, PhD')).toMatchObject({
      email: 'zoe@example.com',
      color: '#0f766e',
      timeZone: 'America/New_York',
    });
    expect(app.repos.engineers.findByName('Engineer A')!.email).toBe('a.new@example.com');
    // Importing the same file again changes nothing.
    expect((await callOk(app, 'import:preview', engineers(csv))).summary).toBe(
      'Nothing to change: 3 engineers already as in the file.',
    );
  });

  it('with replace, sets engineers missing from the file inactive instead of deleting them', async () => {
    const result = await callOk(app, 'import:apply', engineers('name\nEngineer A\nEngineer B\n', 'replace'));
    expect(result.changes.filter((c) => c.action === 'deactivate').map((c) => c.label)).toEqual([
      'Engineer C <engineer.c@example.com>',
      'Engineer D <engineer.d@example.com>',
    ]);
    expect(app.repos.engineers.list().map((e) => [e.name, e.active])).toEqual([
      ['Engineer A', true],
      ['Engineer B', true],
      ['Engineer C', false],
      ['Engineer D', false],
    ]);
  });

  it('refuses a file with any bad row, naming file, line and field, and changes nothing', async () => {
    const before = rowCounts(app);
    const csv =
      'name,email,colour\nNew One,new@example.com,#123456\n"Quoted\nName",not-an-email,\nThird,,red\nNew One,,\n';
    const result = await app.dispatch('import:apply', engineers(csv));
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('team.csv, line 3, name: contains a control character or a line break');
    expect(message).toContain('team.csv, line 3, email: must be an email address');
    expect(message).toContain('team.csv, line 5, colour: must be a colour as #rrggbb');
    expect(message).toContain('team.csv, line 6, name: "New One" is already on line 2');
    expect(rowCounts(app)).toEqual(before);
  });

  it('names an unknown column, a missing name column and a malformed quote', async () => {
    const unknown = await callOk(app, 'import:preview', engineers('name,shoe size\nA,44\n'));
    expect(unknown.summary).toBe(
      'team.csv, line 1, shoe size: is not a column Watchbill knows (expected name, email, colour, time_zone)',
    );
    const noName = await callOk(app, 'import:preview', engineers('email\na@example.com\n'));
    expect(noName.summary).toMatch(/team\.csv, line 1: the header row has no name column/);
    const badQuote = await callOk(app, 'import:preview', engineers('name\n"unterminated\n'));
    expect(badQuote.problems[0]).toMatchObject({
      file: 'team.csv',
      line: expect.any(Number),
      message: expect.stringMatching(/not valid CSV/),
    });
  });

  it('detects text that was mis-decoded (mojibake) and names its line', async () => {
    const before = rowCounts(app);
    const csv = 'name,email\nRenÃ©e,renee@example.com\nEngineer 1 â†’ Engineer 2,\n';
    const preview = await callOk(app, 'import:preview', engineers(csv));
    expect(preview.valid).toBe(false);
    expect(preview.problems.map((p) => [p.line, p.message.slice(0, 30)])).toEqual([
      [2, '"Ã©" looks like "é" that was s'],
      [3, '"â†’" looks like "→" that was '],
    ]);
    expect((await app.dispatch('import:apply', engineers(csv))).ok).toBe(false);
    expect(rowCounts(app)).toEqual(before);
  });
});

describe('mojibake detection', () => {
  it("finds the first seed plan's arrows and emoji, and leaves real accented names alone", () => {
    expect(
      findMojibake('Engineer 1 â†’ Engineer 2\nquick issue resolution. ðŸš€').map((h) => [h.line, h.found, h.meant]),
    ).toEqual([
      [1, 'â†’', '→'],
      [2, 'ðŸš€', '🚀'],
    ]);
    expect(findMojibake("It's â€œquotedâ€\u009d")).toHaveLength(2);
    for (const clean of ['Ørsted', 'São Paulo', 'Zoë Ångström', 'Façade — “quotes” → arrows', 'Ãlvaro', 'naïve café']) {
      expect(findMojibake(clean), clean).toEqual([]);
    }
  });
});

/** The file as bytes, as the browser's file input and the CLI send it. */
const bytes = (data: Buffer, filename = 'team.csv') => ({
  kind: 'engineers' as const,
  filename,
  encoding: 'bytes' as const,
  content: data.toString('base64'),
  mode: 'merge' as const,
});

describe('engineers from the spreadsheets people really have', () => {
  it('reads a Windows-1252 file (older Excel) as such, with a notice to check the names', async () => {
    const file = Buffer.from('name,email\r\nS\xf8ren \xc6r\xf8,soren@example.com\r\n', 'latin1');
    const preview = await callOk(app, 'import:preview', bytes(file));
    expect(preview.reading).toEqual({
      encoding: 'Windows-1252',
      delimiter: 'comma',
      notice: expect.stringMatching(/not UTF-8, so it was read as Windows-1252/),
    });
    await callOk(app, 'import:apply', bytes(file));
    expect(app.repos.engineers.findByName('Søren Ærø')).toMatchObject({ email: 'soren@example.com' });
  });

  it('reads UTF-16LE with tabs (Excel\'s "Unicode Text")', async () => {
    const text = 'name\temail\tcolour\r\nZoë Ångström\tzoe@example.com\t#0f766e\r\n名前 太郎\t\t\r\n';
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await callOk(app, 'import:preview', bytes(file, 'team.txt'));
    expect(preview.reading).toEqual({ encoding: 'UTF-16LE', delimiter: 'tab', notice: null });
    expect(preview.changes.map((c) => c.label)).toEqual(['Zoë Ångström <zoe@example.com>', '名前 太郎']);
  });

  it('reads UTF-16BE with a BOM too', async () => {
    const le = Buffer.from('name\r\nÅsa\r\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    const preview = await callOk(app, 'import:preview', bytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(preview.reading.encoding).toBe('UTF-16BE');
    expect(preview.changes.map((c) => c.label)).toEqual(['Åsa']);
  });

  it('reads semicolons (Excel in European locales), with commas inside a name left alone', async () => {
    const file = Buffer.from('\uFEFFname;email;colour\r\nMüller, Jana;jana@example.com;#123456\r\n', 'utf8');
    const preview = await callOk(app, 'import:preview', bytes(file));
    expect(preview.reading).toEqual({ encoding: 'UTF-8 with BOM', delimiter: 'semicolon', notice: null });
    expect(preview.changes.map((c) => c.label)).toEqual(['Müller, Jana <jana@example.com>']);
  });

  it('refuses a line break or another control character in a name, naming the line, and changes nothing', async () => {
    const before = rowCounts(app);
    const csv = 'name,email\r\nFine,fine@example.com\r\n"Two\r\nLines",two@example.com\r\n"Bell\u0007",\r\n';
    const preview = await callOk(app, 'import:preview', engineers(csv));
    expect(preview.valid).toBe(false);
    expect(preview.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [3, 'name', 'contains a control character or a line break (found "Two\nLines")'],
      [5, 'name', 'contains a control character or a line break (found "Bell\u0007")'],
    ]);
    expect((await app.dispatch('import:apply', engineers(csv))).ok).toBe(false);
    expect(rowCounts(app)).toEqual(before);
  });

  it('the bridge refuses the same names: one rule for the form and the file', async () => {
    const result = await app.dispatch('engineers:save', { name: 'Two\nLines', color: '#123456', timeZone: 'UTC' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'engineers:save: name: contains a control character or a line break' },
    });
  });
});
