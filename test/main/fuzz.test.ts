// Malformed and hostile payloads thrown at every channel of the contract through the real
// dispatcher, as an attacker on the browser host or a broken renderer would send them.
// Payloads are built from each channel's own schema (so most of them get past the first
// checks and reach the handlers and SQLite) with values chosen to hurt: dates at and beyond
// the limits, ranges of centuries, ids that do not exist, duplicates, control characters.
// Whatever comes in: never an `internal` answer, and a refusal changes nothing.
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import type { WatchbillApp } from '../../src/main/app';
import { CHANNEL_NAMES, channels, type Channel } from '../../src/shared/ipc/contract';
import { testApp } from '../support/app';

/** The parts of a zod schema's definition the generator reads (zod's own types are a deep union). */
interface SchemaDef {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDef;

// Each pool starts with values that pass (so a payload often reaches the handler and the
// database) and goes on with ones that should be refused.
const DATES = {
  good: ['2026-11-21', '2026-12-24', '2027-03-31'],
  bad: [
    '1900-01-01',
    '2200-12-31',
    '1899-12-31',
    '2201-01-01',
    '0001-01-01',
    '9999-12-31',
    '2026-02-30',
    '',
    'tomorrow',
  ],
};
const INSTANTS = {
  good: ['2026-11-21T15:00:00.000Z', '2026-12-01T14:00:00Z', '2027-06-01T00:00:00+02:00'],
  bad: [
    '1900-01-01T00:00:00Z',
    '2200-12-31T23:00:00-12:00',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-11-21',
  ],
};
const STRINGS = {
  good: ['Engineer A', 'Christmas Day', 'Nightly checks'],
  bad: [
    '',
    '   ',
    'x'.repeat(20_001),
    '=HYPERLINK("http://x","y")',
    'line\nbreak',
    'nul\u0000byte',
    'Not/AZone',
    '<script>alert(1)</script>',
    "'; DROP TABLE engineers; --",
    '🚀 名前',
  ],
};
/** Strings whose valid form depends on what the field is. */
const FIELD_STRINGS: Record<string, string[]> = {
  timeZone: ['UTC', 'Europe/Berlin', 'America/New_York'],
  color: ['#0f766e', '#123456'],
  handoffTime: ['09:00', '23:59'],
  time: ['09:00', '17:30'],
  email: ['a@example.com', 'new@example.com'],
  url: ['https://dash.example/x'],
};
const NUMBERS = { good: [1, 2, 3, 4, 7], bad: [0, -1, 1.5, 366, 100_000, 999_999, 1e308, -1e308] };

const pick = (pool: { good: unknown[]; bad: unknown[] }) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...pool.good), weight: 4 },
    { arbitrary: fc.constantFrom(...pool.bad), weight: 1 },
  );

/** A value for `schema`: mostly of the right shape with nasty contents, sometimes anything at all. */
function payloadFor(schema: z.ZodType, key = '', depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const anything = fc.oneof(
    fc.constantFrom(null, undefined, true, -1, '', [], {}, '1900-01-01', { from: '0001-01-01' }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string':
        if (def.format === 'date') return pick(DATES);
        if (def.format === 'datetime') return pick(INSTANTS);
        return pick({ good: FIELD_STRINGS[key] ?? STRINGS.good, bad: STRINGS.bad });
      case 'number':
        return pick(NUMBERS);
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return pick({ good: Object.values(def.entries ?? {}), bad: ['bogus'] });
      case 'literal':
        return fc.constantFrom(...(def.values ?? []));
      case 'optional':
      case 'default':
        return fc.option(payloadFor(def.innerType!, key, depth), { nil: undefined, freq: 3 });
      case 'nullable':
        return fc.option(payloadFor(def.innerType!, key, depth), { nil: null, freq: 3 });
      case 'pipe':
        return payloadFor(def.in!, key, depth);
      case 'union':
        return fc.oneof(...def.options!.map((option) => payloadFor(option, key, depth)));
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(payloadFor(def.element!, key, depth + 1), { maxLength: 4 });
      case 'record':
        return fc.dictionary(
          payloadFor(def.keyType!, key, depth + 1) as fc.Arbitrary<string>,
          payloadFor(def.valueType!, key, depth + 1),
          { maxKeys: 3 },
        );
      case 'object': {
        const shape = Object.entries(def.shape ?? {});
        const fields = Object.fromEntries(shape.map(([name, field]) => [name, payloadFor(field, name, depth + 1)]));
        // Usually every field is there (the handler runs); sometimes some are missing.
        return fc.oneof(
          { arbitrary: fc.record(fields), weight: 3 },
          { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 },
        );
      }
      default:
        return anything;
    }
  })();
  return depth === 0 ? fc.oneof({ arbitrary: shaped, weight: 9 }, { arbitrary: anything, weight: 1 }) : shaped;
}

/** Every row of every table, so a refusal that wrote anything shows as a difference. */
const RUNS = 15;
const dump = (app: WatchbillApp) => JSON.stringify(app.repos.backup.dump());

describe('every channel under fuzzing', () => {
  it('never answers internal, and changes nothing when it refuses', { timeout: 60_000 }, async () => {
    // Printing a PDF starts Chromium for seconds; without it export:plan still parses every
    // payload and answers 'unsupported' for the PDF format, in words.
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    const findings: string[] = [];
    let refusals = 0;
    let accepted = 0;
    for (const channel of CHANNEL_NAMES) {
      const app = testApp();
      try {
        const arbitrary = payloadFor(channels[channel as Channel].args);
        const samples = fc.sample(arbitrary, { numRuns: RUNS, seed: 20261121 + CHANNEL_NAMES.indexOf(channel) });
        // The dump before a call is the dump after the previous one: one dump per call.
        let before = dump(app);
        for (const payload of samples) {
          // An accepted payload goes again, as a double click sends it: a duplicate must be refused in words.
          for (let send = 0; send < 2; send++) {
            const result = await app.dispatch(channel, payload);
            const after = dump(app);
            if (result.ok) accepted++;
            else {
              refusals++;
              const shown = JSON.stringify(payload)?.slice(0, 300);
              if (result.error.code === 'internal') findings.push(`${channel} ${shown}: ${result.error.message}`);
              else if (after !== before) findings.push(`${channel} ${shown}: refused but wrote`);
            }
            before = after;
            if (!result.ok) break;
          }
        }
      } finally {
        app.close();
      }
    }
    expect(findings).toEqual([]);
    // The generator must get past the schemas often enough to matter, and be refused often too.
    expect(refusals).toBeGreaterThan(CHANNEL_NAMES.length * 3);
    expect(accepted).toBeGreaterThan(CHANNEL_NAMES.length * 3);
  });
});
