// A past on-call record, the ledger's opening balance: Watchbill's own schedule CSV (from,
// to, primary, secondary, …) or a `name,start,end,role` sheet as PagerDuty's and Opsgenie's
// schedule exports produce. Each row becomes past shifts of named engineers; nothing here
// touches the database.
import type { PastShift } from '../../shared/domain/ledger';
import { localDateOf, toInstant, zonedMs } from '../../shared/domain/time';
import type { ImportProblem } from '../../shared/ipc/channels/share';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../shared/ipc/share-schemas';
import type { Engineer, IsoInstant, Role } from '../../shared/model';
import { csvRecords } from './csv-records';
import { detectDelimiter } from './engineers-csv';
import { mojibakeProblems, problem } from './problems';

export interface PastShiftRow extends PastShift {
  line: number;
}

export interface ParsedHistory {
  rows: PastShiftRow[];
  problems: ImportProblem[];
  delimiter: CsvDelimiter;
  /** Which of the two layouts the header named. */
  format: 'watchbill' | 'name-start-end-role';
}

export interface HistoryContext {
  engineers: readonly Engineer[];
  /** The rotation's zone: times without an offset are read in it. */
  timeZone: string;
  /** Where the rotation's own schedule starts: history must end by then, Watchbill counts from there. */
  rotationStart: IsoInstant;
  /** The rotation it goes into: a Watchbill schedule row naming another rotation is refused. */
  rotationName?: string;
}

const WATCHBILL_COLUMNS = ['from', 'to', 'primary', 'secondary'] as const;
const SHEET_ALIASES: Record<string, 'name' | 'start' | 'end' | 'role'> = {
  name: 'name',
  user: 'name',
  engineer: 'name',
  start: 'start',
  starts_at: 'start',
  from: 'start',
  end: 'end',
  ends_at: 'end',
  to: 'end',
  role: 'role',
  level: 'role',
  escalation_level: 'role',
};
/** PagerDuty numbers escalation levels; level 1 answers first. */
const ROLE_WORDS: Record<string, Role> = {
  primary: 'primary',
  '1': 'primary',
  secondary: 'secondary',
  backup: 'secondary',
  '2': 'secondary',
};

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An instant from '2026-03-02 09:00' (in the zone), '2026-03-02' (midnight) or an ISO time with an offset. */
function readMoment(text: string, timeZone: string): number | null {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  const local = LOCAL_TIME.exec(value);
  if (!local || Number.isNaN(Date.parse(local[1]!))) return null;
  const time = local[2] ?? '00:00';
  if (Number(time.slice(0, 2)) > 23 || Number(time.slice(3)) > 59) return null;
  return zonedMs(local[1]!, time, timeZone);
}

export function parseHistoryCsv(file: string, text: string, context: HistoryContext): ParsedHistory {
  const delimiter = detectDelimiter(text);
  const problems = mojibakeProblems(file, text);
  const read = csvRecords(file, text, CSV_DELIMITERS[delimiter]);
  const none = (format: ParsedHistory['format'] = 'name-start-end-role'): ParsedHistory => ({
    rows: [],
    problems,
    delimiter,
    format,
  });
  if (!read.ok) {
    problems.push(read.problem);
    return none();
  }
  const [header, ...body] = read.records;
  if (!header) {
    problems.push(problem(file, { line: 1 }, 'the file is empty: expected a header row with name, start, end, role'));
    return none();
  }
  const names = header.record.map((h) => h.trim().toLowerCase());
  const watchbill = WATCHBILL_COLUMNS.every((c) => names.includes(c));
  const format: ParsedHistory['format'] = watchbill ? 'watchbill' : 'name-start-end-role';
  const column = (key: string): number =>
    watchbill ? names.indexOf(key) : names.findIndex((n) => SHEET_ALIASES[n] === key);
  if (!watchbill) {
    for (const key of ['name', 'start', 'end'] as const) {
      if (column(key) < 0)
        problems.push(
          problem(
            file,
            { line: header.line },
            `the header row has no ${key} column (expected name,start,end,role, or Watchbill's schedule CSV: from,to,primary,secondary)`,
          ),
        );
    }
  }
  if (problems.length) return none(format);

  const byName = new Map(context.engineers.map((e) => [e.name.trim().toLowerCase(), e]));
  const rotationStart = Date.parse(context.rotationStart);
  const rows: PastShiftRow[] = [];
  for (const { record, line } of body) {
    const cell = (key: string) => (record[column(key)] ?? '').trim();
    const startField = watchbill ? 'from' : header.record[column('start')]!.trim();
    const endField = watchbill ? 'to' : header.record[column('end')]!.trim();
    const start = readMoment(cell(watchbill ? 'from' : 'start'), context.timeZone);
    const end = readMoment(cell(watchbill ? 'to' : 'end'), context.timeZone);
    const before = problems.length;
    // Watchbill's schedule CSV lists every rotation: a row of another one is not this rotation's history.
    const rowRotation = watchbill && names.includes('rotation') ? cell('rotation') : '';
    if (context.rotationName && rowRotation && rowRotation.toLowerCase() !== context.rotationName.toLowerCase())
      problems.push(
        problem(
          file,
          { line, field: 'rotation' },
          `is ${rowRotation}, not ${context.rotationName}: export the one rotation's schedule, or take this row out`,
        ),
      );
    if (start === null)
      problems.push(
        problem(file, { line, field: startField }, 'must be a date and time as YYYY-MM-DD HH:MM or ISO 8601'),
      );
    if (end === null)
      problems.push(
        problem(file, { line, field: endField }, 'must be a date and time as YYYY-MM-DD HH:MM or ISO 8601'),
      );
    if (start !== null && end !== null && end <= start)
      problems.push(problem(file, { line, field: endField }, 'must be after the start'));
    if (end !== null && end > rotationStart)
      problems.push(
        problem(
          file,
          { line, field: endField },
          `is after the rotation started (${localDateOf(rotationStart, context.timeZone)}): Watchbill counts that time from its own schedule`,
        ),
      );
    const holders: { name: string; field: string; role: Role | null }[] = watchbill
      ? [
          { name: cell('primary'), field: 'primary', role: 'primary' as const },
          { name: cell('secondary'), field: 'secondary', role: 'secondary' as const },
        ].filter((h) => h.name !== '' && h.name !== '—')
      : [
          {
            name: cell('name'),
            field: header.record[column('name')]!.trim(),
            role:
              column('role') < 0 || cell('role') === '' ? 'primary' : (ROLE_WORDS[cell('role').toLowerCase()] ?? null),
          },
        ];
    if (!watchbill && holders[0]!.role === null)
      problems.push(
        problem(
          file,
          { line, field: header.record[column('role')]!.trim() },
          `'${cell('role')}' is not a role (expected primary or secondary; 1 or 2 for escalation levels)`,
        ),
      );
    for (const holder of holders) {
      if (holder.name === '') problems.push(problem(file, { line, field: holder.field }, 'must name an engineer'));
      else if (!byName.has(holder.name.toLowerCase()))
        problems.push(
          problem(
            file,
            { line, field: holder.field },
            `'${holder.name}' is not an engineer of this team: add them first`,
          ),
        );
    }
    if (problems.length > before || start === null || end === null) continue;
    for (const holder of holders) {
      rows.push({
        line,
        engineerId: byName.get(holder.name.toLowerCase())!.id,
        startsAt: toInstant(start),
        endsAt: toInstant(end),
        role: holder.role!,
      });
    }
  }
  if (!problems.length && rows.length === 0)
    problems.push(problem(file, { line: header.line }, 'the file has a header but no shifts'));
  return { rows: problems.length ? [] : rows, problems, delimiter, format };
}
