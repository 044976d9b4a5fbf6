// Exports as a service: each export gathers the model, hands it to a pure writer in
// src/main/export and answers a file. Imports are share-imports.ts.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { ExportCatalog, ExportFile, shareChannels } from '../../shared/ipc/channels/share';
import { CSV_TABLES, ICS_CONTENTS, PLAN_FORMATS } from '../../shared/ipc/share-schemas';
import { quarterOf, type Period } from '../../shared/domain/fairness';
import { byRiskScore } from '../../shared/domain/risk';
import { computeSegments, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { localDateOf } from '../../shared/domain/time';
import type { Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { buildBackup } from '../export/backup';
import {
  FAIRNESS_HEADERS,
  fairnessRows,
  fairnessTotalRows,
  OWNERSHIP_HEADERS,
  ownershipRows,
  SCHEDULE_HEADERS,
  scheduleRows,
  toCsv,
} from '../export/csv';
import { buildIcs } from '../export/ics';
import { pdfAvailable, pdfRenderer } from '../export/pdf';
import { buildPlanMarkdown, type PlanData, type PlanRotation } from '../export/plan';
import { planHtml } from '../export/plan-html';
import { pipelineRows as pipelineRowsOf } from '../queries/ownership';
import { fairnessReport, overridesAround } from '../queries/schedule';
import type { ServiceContext } from './context';
import { teamToday } from '../queries/team';
import { periodRange, rangeOf, shareScope, type ShareScope } from './ics-input';
import { HISTORY_IMPORT } from './ledger-import';
import { importHandlers } from './share-imports';

export function shareHandlers(context: ServiceContext): HandlersFor<typeof shareChannels> {
  const { repos, now } = context;

  const { scopeOf, holidays, icsInput } = shareScope(context);
  // File names carry the date the lead sees in the app (the team's), not the UTC date.
  const stamp = () => teamToday(repos, now());
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'export';

  // Fairness and the ownership rows are the same queries their screens use.
  const fairnessOver = (rotation: Rotation, period: Period) =>
    fairnessReport(context, rotation.id, { kind: 'custom', from: period.startDate, to: period.endDate });
  const pipelineRows = () => pipelineRowsOf(repos);

  /** One rotation's part of the plan: its schedule over the quarter's whole shifts, its edits and fairness. */
  const planRotation = async (rotation: Rotation, period: Period): Promise<PlanRotation> => {
    const range = periodRange(rotation.timeZone, period);
    const first = shiftBounds(rotation, Math.max(0, shiftIndexAt(rotation, range.from))).startsAt;
    const from = first > range.from ? range.from : first;
    const to = shiftBounds(rotation, Math.max(0, shiftIndexAt(rotation, Date.parse(range.to) - 1))).endsAt;
    // The quarter's edits are listed from these too: they all touch [from, to).
    const overrides = overridesAround(repos, rotation, from, to);
    return {
      rotation,
      segments: computeSegments(rotation, overrides, from, to),
      overrides,
      fairness: rotation.memberIds.length ? await fairnessOver(rotation, period) : null,
    };
  };

  const planData = async ({ rotations, zone, period, range }: ShareScope): Promise<PlanData> => {
    const parts: PlanRotation[] = [];
    // One at a time: each fairness report is a worker job.
    for (const rotation of rotations) parts.push(await planRotation(rotation, period));
    return {
      period: {
        startDate: period.startDate,
        endDate: period.endDate,
        label: period.label ?? `${period.startDate} to ${period.endDate}`,
      },
      generatedOn: localDateOf(now().toISOString(), zone),
      timeZone: zone,
      rotations: parts,
      engineers: repos.engineers.list(),
      areas: repos.pipelines.listAreas(),
      pipelines: pipelineRows(),
      slas: repos.slas.list(),
      runbooks: repos.runbooks.list(),
      risks: repos.risks
        .list()
        .sort((a, b) => a.category.localeCompare(b.category) || byRiskScore(a, b) || a.id - b.id),
      drills: repos.drills.scheduledBetween(range.from, range.to),
      reviews: repos.reviews.list(),
      holidays: holidays(period.startDate, period.endDate),
    };
  };

  const textFile = (filename: string, mimeType: string, content: string): ExportFile => ({
    filename,
    mimeType,
    encoding: 'utf8',
    content,
  });

  return {
    'export:list': (): ExportCatalog => {
      const { rotations, zone, period, range } = scopeOf(undefined, rangeOf());
      return {
        defaultRange: { from: period.startDate, to: period.endDate, label: period.label ?? '' },
        timeZone: zone,
        rotations: repos.rotations.list().map(({ id, name, timeZone, archivedAt }) => ({
          id,
          name,
          timeZone,
          archived: archivedAt !== null,
        })),
        engineers: repos.engineers.list().map(({ id, name, active }) => ({ id, name, active })),
        ics: {
          contents: [...ICS_CONTENTS],
          hasShifts: rotations.some((r) => r.memberIds.length > 0),
          hasHolidays: repos.holidays.teamCalendar() !== null,
          drillCount: repos.drills.scheduledBetween(range.from, range.to).length,
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

    'export:ics': ({ rotationIds, from, to, engineerId, include }): ExportFile => {
      const { input, scope, engineer } = icsInput({
        rotationIds,
        from,
        to,
        engineerId,
        include,
        appVersion: context.info.version,
      });
      const content = buildIcs(input);
      // One rotation's file is named for it, so several downloaded side by side stay apart.
      const one = rotationIds && scope.rotations.length === 1 ? `${slug(scope.rotations[0]!.name)}-` : '';
      const who = engineer ? slug(engineer.name) : include.length === 1 ? include[0]! : 'team';
      return textFile(
        `watchbill-${one}${who}-${scope.period.startDate}-to-${scope.period.endDate}.ics`,
        'text/calendar; charset=utf-8',
        content,
      );
    },

    'export:csv': async ({ table, rotationIds, from, to, bom }): Promise<ExportFile> => {
      const scope = scopeOf(rotationIds, rangeOf(from, to));
      const { rotations, period } = scope;
      const engineers = repos.engineers.list();
      const name = (suffix: string) => `watchbill-${table}-${suffix}.csv`;
      const csv = (headers: string[], rows: Parameters<typeof toCsv>[1]) => toCsv(headers, rows, { bom });
      const none = (what: string) =>
        new DomainError('not_found', `There is no rotation yet, so there is no ${what} to export.`);
      switch (table) {
        case 'schedule': {
          if (rotations.length === 0) throw none('schedule');
          const rows = rotations.flatMap((rotation) => {
            const range = periodRange(rotation.timeZone, period);
            const overrides = overridesAround(repos, rotation, range.from, range.to);
            return scheduleRows(
              rotation,
              computeSegments(rotation, overrides, range.from, range.to),
              overrides,
              engineers,
            );
          });
          return textFile(
            name(`${period.startDate}-to-${period.endDate}`),
            'text/csv; charset=utf-8',
            csv(SCHEDULE_HEADERS, rows),
          );
        }
        case 'fairness': {
          const staffed = rotations.filter((r) => r.memberIds.length > 0);
          if (staffed.length === 0) throw none('fairness');
          const reports = [];
          for (const rotation of staffed)
            reports.push({ name: rotation.name, report: await fairnessOver(rotation, period) });
          const rows = reports.flatMap(({ name: rotationName, report }) =>
            fairnessRows(rotationName, report, engineers),
          );
          // Several rotations: each person's total follows, as the Fairness screen's "In total" shows it.
          if (reports.length > 1)
            rows.push(
              ...fairnessTotalRows(
                reports.map((r) => r.report),
                engineers,
              ),
            );
          return textFile(
            name(`${period.startDate}-to-${period.endDate}`),
            'text/csv; charset=utf-8',
            csv(FAIRNESS_HEADERS, rows),
          );
        }
        case 'ownership': {
          return textFile(
            name(stamp()),
            'text/csv; charset=utf-8',
            csv(OWNERSHIP_HEADERS, ownershipRows(pipelineRows(), engineers)),
          );
        }
      }
    },

    'export:plan': async ({ rotationIds, quarterOf: inQuarter, format }): Promise<ExportFile> => {
      const scope = scopeOf(rotationIds, (today) => quarterOf(inQuarter ?? today));
      const { period } = scope;
      const markdown = buildPlanMarkdown(await planData(scope));
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

    ...importHandlers(context),
  };
}
