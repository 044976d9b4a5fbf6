// Sharing as a service: each export gathers the model, hands it to a pure writer in
// src/main/export and answers a file; each import parses and checks the whole file first
// (src/main/import), previews what it would change, and applies it in one transaction or
// not at all.
import { dirname, basename, join } from 'node:path';
import type { ArgsOut, Handlers } from '../../shared/ipc/contract';
import type {
  ExportCatalog,
  ExportFile,
  ImportChange,
  ImportPreview,
  ImportProblem,
  ImportResult,
} from '../../shared/ipc/channels/share';
import {
  CSV_TABLES,
  ICS_CONTENTS,
  PLAN_FORMATS,
  type CsvDelimiter,
  type ImportKind,
  type ImportMode,
} from '../../shared/ipc/share-schemas';
import { quarterOf, type Period } from '../../shared/domain/fairness';
import { holidaysBetween } from '../../shared/domain/holidays';
import { computeSegments, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant } from '../../shared/domain/time';
import type { Holiday, Id, IsoDate, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { RestoreError } from '../db/repositories/backup';
import { buildBackup } from '../export/backup';
import {
  FAIRNESS_HEADERS,
  fairnessRows,
  OWNERSHIP_HEADERS,
  ownershipRows,
  SCHEDULE_HEADERS,
  scheduleRows,
  toCsv,
} from '../export/csv';
import { buildIcs } from '../export/ics';
import { pdfAvailable, pdfRenderer } from '../export/pdf';
import { buildPlanMarkdown, type PlanData } from '../export/plan';
import { planHtml } from '../export/plan-html';
import { countRows, parseBackup } from '../import/backup-json';
import { parseEngineersCsv, planEngineerImport } from '../import/engineers-csv';
import { parseHolidaysIcs, planHolidayImport } from '../import/holidays-ics';
import { decodeImport, textImport } from '../import/decode';
import { DATABASE_NOT_EMPTY, formatProblems, problem } from '../import/problems';
import type { ServiceContext } from './context';
import { HISTORY_IMPORT, historySummary, planHistoryImport } from './ledger-import';
import { ownershipHandlers } from './ownership';
import { scheduleHandlers } from './schedule';

type ShareChannels =
  'export:list' | 'export:ics' | 'export:csv' | 'export:plan' | 'export:backup' | 'import:preview' | 'import:apply';

/** Settings rows a fresh database has (the first-start marker): a database with only these is empty. */
const SETUP_TABLES = new Set(['settings']);

export function shareHandlers(context: ServiceContext): Pick<Handlers, ShareChannels> {
  const { repos, now } = context;
  // Fairness and the ownership rows are computed by their own services, exactly as their screens show them.
  const schedule = scheduleHandlers(context);
  const ownership = ownershipHandlers(context);

  const teamRotation = (rotationId: Id | undefined): Rotation | null => {
    if (rotationId === undefined) return repos.rotations.list()[0] ?? null;
    const rotation = repos.rotations.get(rotationId);
    if (!rotation) throw new DomainError('not_found', `There is no rotation #${rotationId}.`);
    return rotation;
  };
  const zoneOf = (rotation: Rotation | null) => rotation?.timeZone ?? 'UTC';
  const today = (rotation: Rotation | null) => localDateOf(now().toISOString(), zoneOf(rotation));
  const rangeOf = (rotation: Rotation | null, from?: IsoDate, to?: IsoDate): Period =>
    from && to ? { startDate: from, endDate: to, label: `${from} to ${to}` } : quarterOf(today(rotation));
  const instants = (rotation: Rotation | null, period: Period) => ({
    from: toInstant(startOfLocalDayMs(period.startDate, zoneOf(rotation))),
    to: toInstant(startOfLocalDayMs(addDays(period.endDate, 1), zoneOf(rotation))),
  });
  const holidays = (from: IsoDate, to: IsoDate): Holiday[] => {
    const calendar = repos.holidays.teamCalendar();
    return calendar ? holidaysBetween(calendar, from, to) : [];
  };
  const stamp = () => now().toISOString().slice(0, 10);
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'export';

  const fairnessOver = async (rotation: Rotation, period: Period) =>
    schedule['fairness:get']({
      rotationId: rotation.id,
      period: { kind: 'custom', from: period.startDate, to: period.endDate },
    });
  const pipelineRows = async () => ownership['pipelines:list']({});

  const planData = async (rotation: Rotation | null, period: Period): Promise<PlanData> => {
    const zone = zoneOf(rotation);
    const range = instants(rotation, period);
    // The rotation table shows whole shifts, so the schedule runs from the first shift's start to the last one's end.
    let from = range.from;
    let to = range.to;
    if (rotation) {
      from = shiftBounds(rotation, Math.max(0, shiftIndexAt(rotation, range.from))).startsAt;
      to = shiftBounds(rotation, Math.max(0, shiftIndexAt(rotation, Date.parse(range.to) - 1))).endsAt;
      if (from > range.from) from = range.from;
    }
    const overrides = rotation ? repos.rotations.overrides(rotation.id) : [];
    return {
      period: {
        startDate: period.startDate,
        endDate: period.endDate,
        label: period.label ?? `${period.startDate} to ${period.endDate}`,
      },
      generatedOn: localDateOf(now().toISOString(), zone),
      rotation,
      engineers: repos.engineers.list(),
      areas: repos.pipelines.listAreas(),
      pipelines: await pipelineRows(),
      slas: repos.share.slas(),
      runbooks: repos.share.runbooks(),
      risks: repos.share.risks(),
      drills: repos.share.drills(range.from, range.to),
      reviews: repos.share.ownershipReviews(),
      segments: rotation ? computeSegments(rotation, overrides, from, to) : [],
      overrides,
      holidays: holidays(period.startDate, period.endDate),
      fairness: rotation && rotation.memberIds.length ? await fairnessOver(rotation, period) : null,
    };
  };

  /**
   * The schedule over whole shifts around [from, to), one more on each side: an event's UID
   * comes from its start, so a stretch must never be cut short by where the export range began.
   */
  const wholeShiftSegments = (rotation: Rotation, from: string, to: string) => {
    const first = shiftBounds(rotation, shiftIndexAt(rotation, from) - 1).startsAt;
    const last = shiftBounds(rotation, shiftIndexAt(rotation, Date.parse(to) - 1) + 1).endsAt;
    return computeSegments(rotation, repos.rotations.overrides(rotation.id), first, last);
  };

  const textFile = (filename: string, mimeType: string, content: string): ExportFile => ({
    filename,
    mimeType,
    encoding: 'utf8',
    content,
  });

  // ---- Imports ----

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
    const plan = planEngineerImport(rows, repos.engineers.list(), mode, zoneOf(teamRotation(undefined)));
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
      timeZone: zoneOf(teamRotation(undefined)),
      today: today(teamRotation(undefined)),
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
        const what = filled.map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`).join(', ');
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
    const changes: ImportChange[] = Object.keys({ ...current, ...incoming })
      .sort()
      .filter((table) => (current[table] ?? 0) !== 0 || (incoming[table] ?? 0) !== 0)
      .map((table) => ({
        action: 'replace',
        what: 'table',
        label: table,
        details: [`${current[table] ?? 0} rows now → ${incoming[table] ?? 0} rows from the backup`],
      }));
    const apply = () => {
      try {
        repos.backup.replaceAll(backup.tables);
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

  const planners: Record<ImportKind, (file: string, content: string, mode: ImportMode) => Planned> = {
    engineers: planEngineers,
    holidays: planHolidays,
    backup: planBackup,
    history: (file, content, mode) => planHistoryImport(repos, file, content, mode),
  };

  const preview = ({
    kind,
    filename: file,
    content,
    mode,
    encoding,
  }: ArgsOut<'import:preview'>): { preview: ImportPreview; planned: Planned } => {
    const decoded = encoding === 'bytes' ? decodeImport(Buffer.from(content, 'base64')) : textImport(content);
    const planned = planners[kind](file, decoded.text, mode);
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
        summary: valid ? summarise(kind, planned.changes, planned.unchanged) : formatProblems(planned.problems, 1),
      },
    };
  };

  return {
    'export:list': (): ExportCatalog => {
      const rotation = teamRotation(undefined);
      const period = quarterOf(today(rotation));
      const range = instants(rotation, period);
      return {
        defaultRange: { from: period.startDate, to: period.endDate, label: period.label ?? '' },
        timeZone: zoneOf(rotation),
        engineers: repos.engineers.list().map(({ id, name, active }) => ({ id, name, active })),
        ics: {
          contents: [...ICS_CONTENTS],
          hasShifts: rotation !== null && rotation.memberIds.length > 0,
          hasHolidays: repos.holidays.teamCalendar() !== null,
          drillCount: repos.share.drills(range.from, range.to).length,
        },
        csv: { tables: [...CSV_TABLES] },
        plan: { formats: [...PLAN_FORMATS], pdfAvailable: pdfAvailable() },
        imports: [
          {
            kind: 'engineers',
            accepts: '.csv',
            modes: ['merge', 'replace'],
            description: 'Engineers from a spreadsheet: columns name, email, colour (time_zone optional).',
          },
          {
            kind: 'holidays',
            accepts: '.ics',
            modes: ['merge', 'replace'],
            description: 'Holidays from a calendar file, added as custom holidays.',
          },
          {
            kind: 'backup',
            accepts: '.json',
            modes: ['merge', 'replace'],
            description: 'A Watchbill backup: onto an empty database, or replacing this one after a copy is kept.',
          },
          HISTORY_IMPORT,
        ],
      };
    },

    'export:ics': ({ rotationId, from, to, engineerId, include }): ExportFile => {
      const rotation = teamRotation(rotationId);
      if (include.includes('shifts') && !rotation)
        throw new DomainError('not_found', 'There is no rotation yet, so there are no shifts to export.');
      const engineer = engineerId === undefined ? null : repos.engineers.get(engineerId);
      if (engineerId !== undefined && !engineer)
        throw new DomainError('not_found', `There is no engineer #${engineerId}.`);
      const period = rangeOf(rotation, from, to);
      const range = instants(rotation, period);
      const content = buildIcs({
        calendarName: engineer ? `On call: ${engineer.name}` : `${rotation?.name ?? 'Watchbill'} (${period.label})`,
        appVersion: context.info.version,
        stamp: now(),
        include,
        rotation,
        range,
        segments: rotation ? wholeShiftSegments(rotation, range.from, range.to) : [],
        overrides: rotation ? repos.rotations.overrides(rotation.id) : [],
        engineers: repos.engineers.list(),
        engineerId,
        holidays: holidays(period.startDate, period.endDate),
        drills: repos.share.drills(range.from, range.to),
        pipelineNames: new Map(repos.pipelines.list().map((p) => [p.id, p.name])),
      });
      const who = engineer ? slug(engineer.name) : include.length === 1 ? include[0]! : 'team';
      return textFile(
        `watchbill-${who}-${period.startDate}-to-${period.endDate}.ics`,
        'text/calendar; charset=utf-8',
        content,
      );
    },

    'export:csv': async ({ table, rotationId, from, to, bom }): Promise<ExportFile> => {
      const rotation = teamRotation(rotationId);
      const period = rangeOf(rotation, from, to);
      const engineers = repos.engineers.list();
      const name = (suffix: string) => `watchbill-${table}-${suffix}.csv`;
      const csv = (headers: string[], rows: Parameters<typeof toCsv>[1]) => toCsv(headers, rows, { bom });
      switch (table) {
        case 'schedule': {
          if (!rotation)
            throw new DomainError('not_found', 'There is no rotation yet, so there is no schedule to export.');
          const range = instants(rotation, period);
          const overrides = repos.rotations.overrides(rotation.id);
          const rows = scheduleRows(
            computeSegments(rotation, overrides, range.from, range.to),
            overrides,
            engineers,
            rotation.timeZone,
          );
          return textFile(
            name(`${period.startDate}-to-${period.endDate}`),
            'text/csv; charset=utf-8',
            csv(SCHEDULE_HEADERS, rows),
          );
        }
        case 'fairness': {
          if (!rotation)
            throw new DomainError('not_found', 'There is no rotation yet, so there is no fairness to export.');
          const report = await fairnessOver(rotation, period);
          return textFile(
            name(`${period.startDate}-to-${period.endDate}`),
            'text/csv; charset=utf-8',
            csv(FAIRNESS_HEADERS, fairnessRows(report, engineers)),
          );
        }
        case 'ownership': {
          return textFile(
            name(stamp()),
            'text/csv; charset=utf-8',
            csv(OWNERSHIP_HEADERS, ownershipRows(await pipelineRows(), engineers)),
          );
        }
      }
    },

    'export:plan': async ({ rotationId, quarterOf: inQuarter, format }): Promise<ExportFile> => {
      const rotation = teamRotation(rotationId);
      const period = quarterOf(inQuarter ?? today(rotation));
      const markdown = buildPlanMarkdown(await planData(rotation, period));
      const base = `watchbill-plan-${period.label ?? period.startDate}`;
      if (format === 'md') return textFile(`${base}.md`, 'text/markdown; charset=utf-8', markdown);
      const html = planHtml(markdown, `Data pipeline management plan — ${period.label ?? ''}`);
      if (format === 'html') return textFile(`${base}.html`, 'text/html; charset=utf-8', html);
      const pdf = await pdfRenderer().htmlToPdf(html);
      return {
        filename: `${base}.pdf`,
        mimeType: 'application/pdf',
        encoding: 'base64',
        content: Buffer.from(pdf).toString('base64'),
      };
    },

    'export:backup': (): ExportFile =>
      textFile(
        `watchbill-backup-${stamp()}.json`,
        'application/json',
        buildBackup({
          schemaVersion: repos.backup.schemaVersion(),
          appVersion: context.info.version,
          exportedAt: now(),
          tables: repos.backup.dump(),
        }),
      ),

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

function summarise(kind: ImportKind, changes: readonly ImportChange[], unchanged: number): string {
  if (kind === 'backup') return `Restores ${changes.length} tables from the backup.`;
  if (kind === 'history') return historySummary(changes);
  const count = (action: ImportChange['action']) => changes.filter((c) => c.action === action).length;
  const noun = kind === 'engineers' ? ['engineer', 'engineers'] : ['holiday', 'holidays'];
  const n = (k: number) => `${k} ${k === 1 ? noun[0] : noun[1]}`;
  const parts = [
    count('add') ? `adds ${n(count('add'))}` : '',
    count('update') ? `updates ${n(count('update'))}` : '',
    count('deactivate') ? `sets ${n(count('deactivate'))} inactive` : '',
    count('remove') ? `removes ${n(count('remove'))}` : '',
  ].filter(Boolean);
  const tail = unchanged ? ` (${n(unchanged)} already as in the file)` : '';
  if (!parts.length) return `Nothing to change: ${n(unchanged)} already as in the file.`;
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${tail}.`;
}
