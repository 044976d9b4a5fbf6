// Random and mutated files thrown at every importer: whatever comes in, the import never
// crashes, never writes half, and a refusal always says which file and where.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchbillApp } from '../../../src/main/app';
import type { ImportKind } from '../../../src/shared/ipc/share-schemas';
import { testApp } from '../../support/app';
import { callOk, rowCounts } from '../export/support';

let app: WatchbillApp;
let empty: WatchbillApp;
const seeds: Record<ImportKind, string> = { engineers: '', holidays: '', backup: '', history: '' };

beforeAll(async () => {
  app = testApp();
  empty = testApp({ empty: true });
  seeds.engineers =
    'name,email,colour\r\n"Zoë, Q",zoe@example.com,#0f766e\r\nEngineer A,a@example.com,\r\nNew Person,,#123456\r\n';
  seeds.holidays = (
    await callOk(app, 'export:ics', { from: '2026-11-01', to: '2026-12-31', include: ['holidays'] })
  ).content;
  seeds.backup = (await callOk(app, 'export:backup', {})).content;
  seeds.history =
    'name,start,end,role\r\nEngineer A,2025-12-04 09:00,2025-12-11 09:00,primary\r\n' +
    'Engineer B,2025-12-04 09:00,2025-12-11 09:00,secondary\r\nEngineer C,2025-12-11 09:00,2025-12-18 09:00,primary\r\n';
});
afterAll(() => {
  app.close();
  empty.close();
});

/** A valid file with a few characters changed, cut, or a line doubled: the realistic ways a file goes wrong. */
const mutated = (text: string) =>
  fc.oneof(
    fc
      .tuple(fc.nat(text.length), fc.string({ maxLength: 3 }))
      .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at + 1)),
    fc.nat(text.length).map((at) => text.slice(0, at)),
    fc
      .tuple(
        fc.nat(text.length),
        fc.constantFrom('"', ',', '\n', '\r\n', ':', ';', '{', '}', 'Ã©', '\u0000', '=', '99999'),
      )
      .map(([at, c]) => text.slice(0, at) + c + text.slice(at)),
    fc.nat(40).map((n) => {
      const lines = text.split('\n');
      const i = n % lines.length;
      return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    }),
  );

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constant(''),
);

async function check(target: WatchbillApp, kind: ImportKind, content: string, mode: 'merge' | 'replace') {
  const before = rowCounts(target);
  const args = { kind, filename: `input.${kind}`, content, mode };
  const preview = await target.dispatch('import:preview', args);
  expect(preview.ok).toBe(true); // a bad file is a preview with problems, never a crash
  expect(rowCounts(target)).toEqual(before); // a preview never writes
  if (!preview.ok) return;
  const value = preview.value as {
    valid: boolean;
    problems: { file: string; line: number | null; item: string | null; field: string | null }[];
  };
  if (value.valid) return; // a valid variant may apply; other tests check what it does
  expect(value.problems.length).toBeGreaterThan(0);
  for (const p of value.problems) {
    expect(p.file).toBe(`input.${kind}`);
  }
  // Where: a line, an item or a field for every problem except those about the whole file.
  expect(
    value.problems.some((p) => p.line !== null || p.item !== null || p.field !== null) ||
      /empty|no events|not empty|no holiday calendar/.test(JSON.stringify(value.problems)),
  ).toBe(true);
  const applied = await target.dispatch('import:apply', { ...args, confirmReplace: true });
  expect(applied).toMatchObject({
    ok: false,
    error: { code: 'invalid_input', message: expect.stringContaining(`input.${kind}`) },
  });
  expect(rowCounts(target)).toEqual(before); // never a partial write
}

describe('importers under random and mutated input', { timeout: 120_000 }, () => {
  for (const kind of ['engineers', 'holidays', 'backup'] as const) {
    it(`${kind}: random text never crashes and never writes`, async () => {
      await fc.assert(
        fc.asyncProperty(anyText, fc.constantFrom('merge' as const, 'replace' as const), async (content, mode) => {
          // Random text only ever refuses (it cannot be a valid backup of this team), so the full app is safe to use.
          await check(kind === 'backup' ? empty : app, kind, content, mode);
        }),
        { numRuns: 60 },
      );
    });

    it(`${kind}: mutated valid files either apply whole or change nothing and say where`, async () => {
      await fc.assert(
        fc.asyncProperty(mutated(seeds[kind]), async (content) => {
          // Each run starts from the same model, so an applied variant cannot hide a later partial write.
          const target = testApp({ empty: kind === 'backup' });
          try {
            const before = rowCounts(target);
            const args = { kind, filename: `input.${kind}`, content, mode: 'merge' as const };
            const preview = await target.dispatch('import:preview', args);
            expect(preview.ok).toBe(true);
            const applied = await target.dispatch('import:apply', args);
            if (applied.ok) {
              expect(preview, JSON.stringify(applied.value)).toMatchObject({ value: { valid: true } });
            } else {
              expect(applied.error.message).toContain(`input.${kind}`);
              expect(rowCounts(target)).toEqual(before);
            }
          } finally {
            target.close();
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});
