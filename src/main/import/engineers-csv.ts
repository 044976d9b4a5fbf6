// Engineers from a spreadsheet: a header row with name (required), email and colour
// (optional), then one engineer per row. Reads what Excel, Numbers and Google Sheets write:
// a BOM, CRLF or LF, quoted fields with commas, quotes and line breaks inside.
import type { ImportChange, ImportProblem } from '../../shared/ipc/channels/share';
import { CSV_DELIMITERS, type CsvDelimiter, type ImportMode } from '../../shared/ipc/share-schemas';
import type { Engineer } from '../../shared/model';
import { engineerFields } from '../../shared/domain/engineer';
import { distinctColor } from '../../shared/domain/colors';
import { csvRecords } from './csv-records';
import { mojibakeProblems, problem, stripBom } from './problems';

export interface EngineerRow {
  line: number;
  name: string;
  email: string | null;
  color: string | null;
  timeZone: string | null;
}

const HEADER_ALIASES: Record<string, keyof Omit<EngineerRow, 'line'>> = {
  name: 'name',
  email: 'email',
  'e-mail': 'email',
  colour: 'color',
  color: 'color',
  time_zone: 'timeZone',
  timezone: 'timeZone',
  'time zone': 'timeZone',
};

const fields = engineerFields;

/**
 * The separator of the header row: whichever of comma, semicolon and tab it has most of
 * outside quotes (a name column alone has none: comma).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const header =
    stripBom(text)
      .split(/\r\n|\r|\n/)
      .find((line) => line.trim() !== '') ?? '';
  const counts: Record<CsvDelimiter, number> = { comma: 0, semicolon: 0, tab: 0 };
  const names = Object.fromEntries(Object.entries(CSV_DELIMITERS).map(([name, c]) => [c, name])) as Record<
    string,
    CsvDelimiter
  >;
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && names[c]) counts[names[c]] += 1;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), 'comma');
}

export interface ParsedEngineers {
  rows: EngineerRow[];
  problems: ImportProblem[];
  delimiter: CsvDelimiter;
}

/** Rows of the file, or the problems that stop it; nothing here touches the database. */
export function parseEngineersCsv(file: string, text: string): ParsedEngineers {
  const delimiter = detectDelimiter(text);
  const { rows, problems } = parseRows(file, text, CSV_DELIMITERS[delimiter]);
  return { rows, problems, delimiter };
}

function parseRows(file: string, text: string, delimiter: string): { rows: EngineerRow[]; problems: ImportProblem[] } {
  const problems = mojibakeProblems(file, text);
  const read = csvRecords(file, text, delimiter);
  if (!read.ok) return { rows: [], problems: [...problems, read.problem] };
  const nonEmpty = read.records;
  const header = nonEmpty[0];
  if (!header)
    return {
      rows: [],
      problems: [
        ...problems,
        problem(file, { line: 1 }, 'the file is empty: expected a header row with name, email, colour'),
      ],
    };

  const columns = header.record.map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  header.record.forEach((h, i) => {
    if (!columns[i])
      problems.push(
        problem(
          file,
          { line: header.line, field: h.trim() || `column ${i + 1}` },
          'is not a column Watchbill knows (expected name, email, colour, time_zone)',
        ),
      );
  });
  if (!columns.includes('name'))
    problems.push(problem(file, { line: header.line }, 'the header row has no name column'));
  const seenColumns = new Set<string>();
  columns.forEach((c, i) => {
    if (c && seenColumns.has(c))
      problems.push(
        problem(file, { line: header.line, field: header.record[i]!.trim() }, 'appears twice in the header'),
      );
    if (c) seenColumns.add(c);
  });
  if (problems.length) return { rows: [], problems };

  const rows: EngineerRow[] = [];
  const seenNames = new Map<string, number>();
  for (const { record, line } of nonEmpty.slice(1)) {
    if (record.length !== columns.length) {
      problems.push(problem(file, { line }, `has ${record.length} fields, the header has ${columns.length}`));
      continue;
    }
    const row: EngineerRow = { line, name: '', email: null, color: null, timeZone: null };
    let rowOk = true;
    columns.forEach((column, i) => {
      const raw = record[i]!.trim();
      if (!column) return;
      if (column !== 'name' && raw === '') return;
      const parsed = fields[column].safeParse(raw);
      if (!parsed.success) {
        rowOk = false;
        problems.push(
          problem(
            file,
            { line, field: header.record[i]!.trim() },
            `${parsed.error.issues[0]?.message ?? 'is not valid'} (found "${raw.slice(0, 60)}")`,
          ),
        );
      } else {
        row[column] = parsed.data;
      }
    });
    if (!rowOk) continue;
    const key = row.name.toLocaleLowerCase();
    const first = seenNames.get(key);
    if (first !== undefined) {
      problems.push(problem(file, { line, field: 'name' }, `"${row.name}" is already on line ${first}`));
      continue;
    }
    seenNames.set(key, line);
    rows.push(row);
  }
  if (!problems.length && rows.length === 0)
    problems.push(problem(file, { line: header.line }, 'there are no engineers below the header row'));
  return { rows, problems };
}

export interface EngineerPlan {
  changes: ImportChange[];
  unchanged: number;
  add: Omit<Engineer, 'id'>[];
  update: Engineer[];
}

/** What importing these rows would do to the current engineers: by name, case-insensitively. */
export function planEngineerImport(
  rows: readonly EngineerRow[],
  existing: readonly Engineer[],
  mode: ImportMode,
  defaultTimeZone: string,
): EngineerPlan {
  const byName = new Map(existing.map((e) => [e.name.toLocaleLowerCase(), e]));
  // Each new engineer gets the colour least like those in use, the file's earlier rows included.
  const used = existing.map((e) => e.color.toLowerCase());
  const nextColour = () => {
    const free = distinctColor(used);
    used.push(free);
    return free;
  };
  const plan: EngineerPlan = { changes: [], unchanged: 0, add: [], update: [] };
  const listed = new Set<string>();
  for (const row of rows) {
    const current = byName.get(row.name.toLocaleLowerCase());
    listed.add(row.name.toLocaleLowerCase());
    if (!current) {
      const engineer = {
        name: row.name,
        email: row.email,
        color: row.color ?? nextColour(),
        active: true,
        timeZone: row.timeZone ?? defaultTimeZone,
      };
      plan.add.push(engineer);
      plan.changes.push({
        action: 'add',
        what: 'engineer',
        label: labelOf(engineer),
        details: [`colour ${engineer.color}`, `time zone ${engineer.timeZone}`],
      });
      continue;
    }
    const next: Engineer = {
      ...current,
      email: row.email ?? current.email,
      color: row.color ?? current.color,
      timeZone: row.timeZone ?? current.timeZone,
      active: mode === 'replace' ? true : current.active,
    };
    const details = (['email', 'color', 'timeZone', 'active'] as const)
      .filter((k) => next[k] !== current[k])
      .map(
        (k) =>
          `${k === 'color' ? 'colour' : k === 'timeZone' ? 'time zone' : k}: ${show(current[k])} → ${show(next[k])}`,
      );
    if (details.length) {
      plan.update.push(next);
      plan.changes.push({ action: 'update', what: 'engineer', label: labelOf(next), details });
    } else {
      plan.unchanged += 1;
    }
  }
  if (mode === 'replace') {
    for (const engineer of existing) {
      if (!engineer.active || listed.has(engineer.name.toLocaleLowerCase())) continue;
      plan.update.push({ ...engineer, active: false });
      plan.changes.push({
        action: 'deactivate',
        what: 'engineer',
        label: labelOf(engineer),
        details: ['not in the file: set inactive (kept for history)'],
      });
    }
  }
  return plan;
}

const show = (value: string | boolean | null) =>
  value === null ? 'none' : typeof value === 'boolean' ? (value ? 'active' : 'inactive') : value;
const labelOf = (e: Pick<Engineer, 'name' | 'email'>) => (e.email ? `${e.name} <${e.email}>` : e.name);
