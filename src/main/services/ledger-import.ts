// The ledger's opening balance from a file: a past on-call record imported as history, through
// the same preview → apply pipeline as every import (services/share.ts).
import { countOf } from '../../shared/domain/counts';
import { formatFigure } from '../../shared/domain/figures';
import { shiftStartMs } from '../../shared/domain/rotation';
import { toInstant } from '../../shared/domain/time';
import type { ImportChange, ImportProblem } from '../../shared/ipc/channels/share';
import type { CsvDelimiter, ImportKind, ImportMode } from '../../shared/ipc/share-schemas';
import type { Id } from '../../shared/model';
import type { Repositories } from '../db/repositories';
import { parseHistoryCsv } from '../import/history-csv';
import { problem } from '../import/problems';

export const HISTORY_IMPORT: { kind: ImportKind; accepts: string; modes: ImportMode[]; description: string } = {
  kind: 'history',
  accepts: '.csv',
  modes: ['merge', 'replace'],
  description:
    'A past on-call record, counted in the fairness balances carried in: Watchbill’s schedule CSV, or a sheet ' +
    'with name, start, end, role (PagerDuty and Opsgenie exports).',
};

export interface PlannedHistory {
  problems: ImportProblem[];
  changes: ImportChange[];
  unchanged: number;
  delimiter: CsvDelimiter;
  apply: () => void;
}

const HOURS = 3_600_000;

export function planHistoryImport(
  repos: Repositories,
  file: string,
  content: string,
  mode: ImportMode,
  rotationId?: Id,
): PlannedHistory {
  // History belongs to one rotation: the one named, else the only one in use (with several, the
  // lead names it on the Export screen or the command line).
  const active = repos.rotations.active();
  const rotation =
    rotationId !== undefined ? (repos.rotations.get(rotationId) ?? null) : active.length === 1 ? active[0]! : null;
  const engineers = repos.engineers.list();
  if (!rotation) {
    const why =
      rotationId !== undefined
        ? `there is no rotation #${rotationId} to import the history into`
        : active.length === 0
          ? 'this database has no rotation yet: set one up first, then import its history'
          : `this database has ${active.length} rotations: say which one the history is of (the Rotation choice on the Export screen, or \`watchbill import history --rotation NAME\`)`;
    return { problems: [problem(file, {}, why)], changes: [], unchanged: 0, delimiter: 'comma', apply: () => {} };
  }
  const { rows, problems, delimiter } = parseHistoryCsv(file, content, {
    engineers,
    timeZone: rotation.timeZone,
    rotationStart: toInstant(shiftStartMs(rotation, 0)),
    rotationName: rotation.name,
  });
  if (problems.length) return { problems, changes: [], unchanged: 0, delimiter, apply: () => {} };
  const existing = repos.ledger.pastShifts(rotation.id);
  const byEngineer = new Map<Id, typeof rows>();
  for (const row of rows) byEngineer.set(row.engineerId, [...(byEngineer.get(row.engineerId) ?? []), row]);
  const changes: ImportChange[] = [];
  if (mode === 'replace' && existing.length > 0)
    changes.push({
      action: 'remove',
      what: 'past shifts',
      label: `${countOf(existing.length, 'past shift', 'past shifts')} imported before`,
      details: [],
    });
  for (const engineer of engineers) {
    const shifts = byEngineer.get(engineer.id);
    if (!shifts) continue;
    const hours = (role: string) =>
      shifts
        .filter((s) => s.role === role)
        .reduce((sum, s) => sum + (Date.parse(s.endsAt) - Date.parse(s.startsAt)), 0) / HOURS;
    const dates = shifts.map((s) => s.startsAt.slice(0, 10)).sort();
    const [first, last] = [dates[0]!, dates[dates.length - 1]!];
    changes.push({
      action: 'add',
      what: 'past shifts',
      label: `${engineer.name}: ${countOf(shifts.length, 'past shift', 'past shifts')}, ${first === last ? first : `${first} to ${last}`}`,
      details: [
        `${formatFigure(hours('primary') / 24)} days as primary, ${formatFigure(hours('secondary') / 24)} as backup`,
      ],
    });
  }
  return {
    problems,
    changes,
    unchanged: 0,
    delimiter,
    apply: () => {
      if (mode === 'replace') repos.ledger.clearPastShifts(rotation.id);
      repos.ledger.addPastShifts(
        rotation.id,
        rows.map(({ line: _line, ...shift }) => ({ ...shift, source: file })),
      );
    },
  };
}

export function historySummary(changes: readonly ImportChange[]): string {
  const added = changes.filter((c) => c.action === 'add').length;
  const removed = changes.some((c) => c.action === 'remove') ? ', replacing the history imported before' : '';
  return `Adds past on-call shifts of ${added} ${added === 1 ? 'engineer' : 'engineers'}${removed}: they count in the balances carried in.`;
}
