// Spreadsheets: the schedule, the fairness table and the ownership table as CSV (RFC 4180,
// CRLF rows, UTF-8 with an optional BOM so Excel does not read names as Latin-1).
import { stringify } from 'csv-stringify/sync';
import { FAIRNESS_COLUMNS, figureValues } from '../../shared/domain/figures';
import type { LedgerReport } from '../../shared/domain/ledger';
import { sumByPerson } from '../../shared/domain/ledger-team';
import { formatLocal } from '../../shared/domain/time';
import type { Engineer, Id, Override, Rotation, Segment } from '../../shared/model';
import type { PipelineRow } from '../../shared/views';

export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula,
 * so a reason typed as "=HYPERLINK(...)" could act when the file is opened. Such text gets a
 * leading apostrophe, which spreadsheets show as plain text. Numbers are ours, never user
 * text, and stay numbers (a negative fairness difference must stay -0.5, not '-0.5).
 */
export function neutraliseCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const UTF8_BOM = '\uFEFF';

export function toCsv(headers: string[], rows: Cell[][], options: { bom: boolean }): string {
  const body = stringify(
    [headers, ...rows].map((row) => row.map(neutraliseCell)),
    {
      record_delimiter: 'windows',
      quoted_match: /^\s|\s$/,
    },
  );
  return (options.bom ? UTF8_BOM : '') + body;
}

export const SCHEDULE_HEADERS = ['rotation', 'from', 'to', 'primary', 'secondary', 'kind', 'reason', 'time_zone'];

/**
 * One row per segment of a rotation, its name first so a file of several rotations reads (and
 * sorts) as a section each; kind and reason come from the overrides that shape it ('rotation'
 * for a plain shift).
 */
export function scheduleRows(
  rotation: Pick<Rotation, 'name' | 'timeZone'>,
  segments: readonly Segment[],
  overrides: readonly Override[],
  engineers: readonly Engineer[],
): Cell[][] {
  const { timeZone } = rotation;
  const byId = new Map(overrides.map((o) => [o.id, o]));
  const name = nameOf(engineers);
  return segments.map((segment) => {
    const shaping = segment.overrideIds.map((id) => byId.get(id)).filter((o): o is Override => o !== undefined);
    const kinds = [...new Set(shaping.map((o) => o.kind))];
    const reasons = [...new Set(shaping.map((o) => o.reason.trim()).filter(Boolean))];
    return [
      rotation.name,
      formatLocal(segment.startsAt, timeZone),
      formatLocal(segment.endsAt, timeZone),
      name(segment.primaryId),
      name(segment.secondaryId),
      kinds.length ? kinds.join('+') : 'rotation',
      reasons.join('; '),
      timeZone,
    ];
  });
}

export const FAIRNESS_HEADERS = [
  'rotation',
  'engineer',
  ...FAIRNESS_COLUMNS.map((c) => c.csv),
  'period_from',
  'period_to',
  'carry',
];

/** One row per engineer of a rotation: the ledger's columns, rounded the one way, with the period and carry-over policy they cover. */
export function fairnessRows(rotationName: string, report: LedgerReport, engineers: readonly Engineer[]): Cell[][] {
  const name = nameOf(engineers);
  return report.engineers.map((row) => [
    rotationName,
    name(row.engineerId),
    ...figureValues(row),
    report.period.startDate,
    report.period.endDate,
    report.carry,
  ]);
}

/** The rotation column of the rows that add up each person's figures over every rotation. */
export const FAIRNESS_TOTAL_LABEL = 'In total';

/**
 * Per person, their figures summed over the rotations' ledgers (the same sum the Fairness
 * screen's "In total" shows); the period and carry columns say what the rotations covered.
 */
export function fairnessTotalRows(reports: readonly LedgerReport[], engineers: readonly Engineer[]): Cell[][] {
  const name = nameOf(engineers);
  const distinct = (values: string[]) => [...new Set(values)].join('; ');
  const from = distinct(reports.map((r) => r.period.startDate));
  const to = distinct(reports.map((r) => r.period.endDate));
  const carry = distinct(reports.map((r) => r.carry));
  return sumByPerson(reports).map((row) => [
    FAIRNESS_TOTAL_LABEL,
    name(row.engineerId),
    ...figureValues(row),
    from,
    to,
    carry,
  ]);
}

export const OWNERSHIP_HEADERS = ['area', 'pipeline', 'audience', 'primary_owner', 'secondary_owner', 'reason'];

export function ownershipRows(rows: readonly PipelineRow[], engineers: readonly Engineer[]): Cell[][] {
  const name = nameOf(engineers);
  return rows
    .filter((r) => r.pipeline.retiredAt === null)
    .map((r) => [
      r.area?.name ?? '',
      r.pipeline.name,
      r.pipeline.audience,
      name(r.ownership?.primaryEngineerId ?? null),
      name(r.ownership?.secondaryEngineerId ?? null),
      r.ownership?.reason ?? '',
    ]);
}

function nameOf(engineers: readonly Engineer[]): (id: Id | null) => string {
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  return (id) => (id === null ? '' : (names.get(id) ?? `#${id}`));
}
