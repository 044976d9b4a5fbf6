// Imports as a service: each import parses and checks the whole file first (src/main/import),
// previews what it would change, and applies it in one transaction or not at all.
import { basename, dirname, join } from 'node:path';
import type { ArgsOut, HandlersFor } from '../../shared/ipc/contract';
import type {
  ImportChange,
  ImportPreview,
  ImportProblem,
  ImportResult,
  importChannels,
} from '../../shared/ipc/channels/share';
import type { CsvDelimiter, ImportKind, ImportMode } from '../../shared/ipc/share-schemas';
import { holidaysBetween } from '../../shared/domain/holidays';
import { localDateOf } from '../../shared/domain/time';
import { DomainError } from '../../shared/result';
import type { Id } from '../../shared/model';
import { RestoreError } from '../db/repositories/backup';
import { countRows, parseBackup } from '../import/backup-json';
import { decodeImport, textImport } from '../import/decode';
import { parseEngineersCsv, planEngineerImport } from '../import/engineers-csv';
import { parseHolidaysIcs, planHolidayImport } from '../import/holidays-ics';
import { formatProblems, problem } from '../import/problems';
import { teamZone } from '../queries/team';
import type { ServiceContext } from './context';
import { backupCount, backupPartName, DATABASE_NOT_EMPTY } from '../../shared/domain/backup-words';
import { summarise } from '../import/summary';
import { historySummary, planHistoryImport } from './ledger-import';

/** Settings rows a fresh database has (the first-start marker): a database with only these is empty. */
const SETUP_TABLES = new Set(['settings']);

export function importHandlers(context: ServiceContext): HandlersFor<typeof importChannels> {
  const { repos, now } = context;
  const zone = () => teamZone(repos);
  const today = () => localDateOf(now().toISOString(), zone());

  interface Planned {
    problems: ImportProblem[];
    changes: ImportChange[];
    unchanged: number;
    /** Spreadsheets: the separator found in the header. */
    delimiter?: CsvDelimiter;
    /** Writes the import; runs inside the caller's transaction. */
    apply: () => void;
  }

  const planEngineers = (file: string, content: string, mode: ImportMode): Planned => {
    const { rows, problems, delimiter } = parseEngineersCsv(file, content);
    if (problems.length) return { problems, delimiter, changes: [], unchanged: 0, apply: () => {} };
    const plan = planEngineerImport(rows, repos.engineers.list(), mode, zone());
    return {
      problems,
      delimiter,
      changes: plan.changes,
      unchanged: plan.unchanged,
      apply: () => {
        for (const engineer of plan.add) repos.engineers.insert(engineer);
        for (const engineer of plan.update) repos.engineers.update(engineer);
      },
    };
  };

  const planHolidays = (file: string, content: string, mode: ImportMode): Planned => {
    const calendar = repos.holidays.teamCalendar();
    const { rows, problems } = parseHolidaysIcs(file, content, {
      defaultWeight: calendar?.calendar.defaultWeight ?? 2,
      timeZone: zone(),
      today: today(),
    });
    if (!problems.length && !calendar) {
      problems.push(
        problem(file, {}, 'this database has no holiday calendar to add the holidays to; set one up first'),
      );
    }
    if (problems.length || !calendar) return { problems, changes: [], unchanged: 0, apply: () => {} };
    const dates = rows.map((r) => r.date).sort();
    const publicDays = dates.length
      ? holidaysBetween(calendar, dates[0]!, dates[dates.length - 1]!).filter((h) => h.source === 'public')
      : [];
    const plan = planHolidayImport(rows, calendar.custom, mode, publicDays);
    return {
      problems,
      changes: plan.changes,
      unchanged: plan.unchanged,
      apply: () => {
        for (const holiday of plan.remove) repos.holidays.removeCustom(holiday.id);
        for (const holiday of plan.add) repos.holidays.insertCustom({ calendarId: calendar.calendar.id, ...holiday });
      },
    };
  };

  const planBackup = (file: string, content: string, mode: ImportMode): Planned => {
    const { backup, problems } = parseBackup(file, content, repos.backup.schemaVersion());
    if (!backup) return { problems, changes: [], unchanged: 0, apply: () => {} };
    const current = repos.backup.counts();
    if (mode === 'merge') {
      const filled = Object.entries(current).filter(([table, n]) => n > 0 && !SETUP_TABLES.has(table));
      if (filled.length) {
        const what = filled.map(([table, n]) => backupCount(table, n)).join(', ');
        problems.push(
          problem(
            file,
            {},
            `${DATABASE_NOT_EMPTY} (${what}): restoring would mix two teams. Replace it instead; a copy of the current file is kept first`,
          ),
        );
        return { problems, changes: [], unchanged: 0, apply: () => {} };
      }
    }
    const incoming = countRows(backup.tables);
    // In the order the lead reads them: by what they are called, not by the table's name.
    const changes: ImportChange[] = Object.keys({ ...current, ...incoming })
      .filter((table) => (current[table] ?? 0) !== 0 || (incoming[table] ?? 0) !== 0)
      .map((table) => ({
        action: 'replace' as const,
        what: 'table',
        label: backupPartName(table),
        details: [`${backupCount(table, current[table] ?? 0)} now → ${incoming[table] ?? 0} from the backup`],
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const apply = () => {
      try {
        repos.backup.replaceAll(backup.tables, backup.schemaVersion);
      } catch (error) {
        if (!(error instanceof RestoreError)) throw error;
        const { table, row, column, message } = error.problem;
        throw new ImportRefused([
          problem(file, { item: row === null ? `table ${table}` : `${table} row ${row + 1}`, field: column }, message),
        ]);
      }
    };
    // The rows' fit with the schema (keys, checks) is known only by trying: a rehearsal inside a rolled-back transaction.
    try {
      rehearse(apply);
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      return { problems: error.problems, changes: [], unchanged: 0, apply: () => {} };
    }
    return { problems, changes, unchanged: 0, apply };
  };

  /** Runs `work` in a transaction and always rolls it back: a dry run with the database's own checks. */
  const rehearse = (work: () => void) => {
    try {
      repos.transaction(() => {
        work();
        throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
  };

  const planners: Record<
    ImportKind,
    (file: string, content: string, mode: ImportMode, rotationId: Id | undefined) => Planned
  > = {
    engineers: planEngineers,
    holidays: planHolidays,
    backup: planBackup,
    history: (file, content, mode, rotationId) => planHistoryImport(repos, file, content, mode, rotationId),
  };

  const preview = ({
    kind,
    filename: file,
    content,
    mode,
    encoding,
    rotationId,
  }: ArgsOut<'import:preview'>): { preview: ImportPreview; planned: Planned } => {
    const decoded = encoding === 'bytes' ? decodeImport(Buffer.from(content, 'base64')) : textImport(content);
    const planned = planners[kind](file, decoded.text, mode, rotationId);
    const valid = planned.problems.length === 0;
    return {
      planned,
      preview: {
        kind,
        mode,
        file,
        reading: { ...decoded.reading, delimiter: planned.delimiter ?? null },
        valid,
        problems: planned.problems,
        changes: planned.changes,
        unchanged: planned.unchanged,
        summary: valid
          ? kind === 'history'
            ? historySummary(planned.changes)
            : summarise(kind, planned.changes, planned.unchanged)
          : formatProblems(planned.problems, 1),
      },
    };
  };

  return {
    'import:preview': (args) => preview(args).preview,

    'import:apply': async ({ confirmReplace, ...args }): Promise<ImportResult> => {
      const { kind, mode } = args;
      if (kind === 'backup' && mode === 'replace' && !confirmReplace) {
        throw new DomainError(
          'conflict',
          'Replacing the whole database needs confirmation (confirmReplace: true); nothing was changed.',
        );
      }
      const { preview: checked, planned } = preview(args);
      if (!checked.valid) throw new DomainError('invalid_input', formatProblems(checked.problems));
      let backupPath: string | null = null;
      if (kind === 'backup' && mode === 'replace' && context.info.databasePath !== ':memory:') {
        backupPath = copyPathFor(context.info.databasePath, now());
        await repos.backup.copyTo(backupPath);
      }
      try {
        repos.transaction(planned.apply);
      } catch (error) {
        if (error instanceof ImportRefused) throw new DomainError('invalid_input', formatProblems(error.problems));
        throw error;
      }
      return { ...checked, backupPath };
    },
  };
}

const ROLLBACK = Symbol('rollback');

class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** Next to the database: 'team.db' → 'team.before-restore-2026-11-21T150000Z.db'. */
export function copyPathFor(databasePath: string, at: Date): string {
  const name = basename(databasePath);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '.db';
  const time = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return join(dirname(databasePath), `${stem}.before-restore-${time}${ext}`);
}
