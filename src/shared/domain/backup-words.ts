// What a backup holds, in the lead's words instead of the database's table names: the
// backup's preview, its refusals and the CLI say "3 covers and swaps", not "3 overrides rows".
import type { BackupCounts } from '../ipc/channels/recovery';
import type { ImportProblem } from '../ipc/channels/share';
import { countOf } from './counts';

/** How a backup's refusal to restore onto a database with a team in it begins. */
export const DATABASE_NOT_EMPTY = 'this database is not empty';

/**
 * Whether a backup was refused only for where it would go (a database with a team in it), not
 * for what the file holds: the screen and the CLI then say how to replace the database instead.
 */
export const refusedAsNotEmpty = (problems: readonly ImportProblem[]): boolean =>
  problems.some((p) => p.message.startsWith(DATABASE_NOT_EMPTY));

/** Per table: the thing one row is, in the singular and the plural. */
const TABLE_WORDS: Record<string, readonly [string, string]> = {
  business_areas: ['business area', 'business areas'],
  custom_holidays: ['holiday of your own', 'holidays of your own'],
  drill_followups: ['drill follow-up', 'drill follow-ups'],
  drill_notes: ['drill note', 'drill notes'],
  drill_participants: ['drill participant', 'drill participants'],
  drill_steps: ['drill step', 'drill steps'],
  drills: ['drill', 'drills'],
  engineers: ['engineer', 'engineers'],
  escalation_levels: ['escalation level', 'escalation levels'],
  holiday_calendars: ['holiday calendar', 'holiday calendars'],
  holiday_weights: ['holiday weight', 'holiday weights'],
  overrides: ['cover or swap', 'covers and swaps'],
  ownership_changes: ['ownership change', 'ownership changes'],
  ownership_reviews: ['ownership review', 'ownership reviews'],
  ownerships: ['pipeline’s owners', 'pipelines’ owners'],
  pipelines: ['pipeline', 'pipelines'],
  risk_pipelines: ['link between a risk and a pipeline', 'links between risks and pipelines'],
  risks: ['risk', 'risks'],
  rotation_members: ['place in a rotation', 'places in rotations'],
  rotations: ['rotation', 'rotations'],
  runbook_revisions: ['runbook revision', 'runbook revisions'],
  runbook_scenarios: ['failure scenario', 'failure scenarios'],
  runbook_steps: ['runbook step', 'runbook steps'],
  runbooks: ['runbook', 'runbooks'],
  schedule_edits: ['calendar change you can undo', 'calendar changes you can undo'],
  schedule_snapshots: ['saved calendar state for undo', 'saved calendar states for undo'],
  settings: ['setting', 'settings'],
  sla_events: ['event that starts an SLA’s clock', 'events that start SLA clocks'],
  slas: ['SLA', 'SLAs'],
  unavailability: ['time-away entry', 'time-away entries'],
};

/** A table added later and not named here still reads as words, never as an identifier. */
function wordsOf(table: string): readonly [string, string] {
  const plain = table.replace(/_/g, ' ');
  return TABLE_WORDS[table] ?? [`record of ${plain}`, `records of ${plain}`];
}

/** What the table holds, as a heading: 'Drill notes', 'Covers and swaps'. */
export function backupPartName(table: string): string {
  const plural = wordsOf(table)[1];
  return `${plural[0]!.toUpperCase()}${plural.slice(1)}`;
}

/** 'n' things of the table, in the right number: '1 drill note', '3 covers and swaps'. */
export function backupCount(table: string, n: number): string {
  const [one, many] = wordsOf(table);
  return countOf(n, one, many);
}

/** What a backup file holds, to tell backups apart: '4 engineers, 5 pipelines, 1 rotation, …'. */
export function describeBackupCounts(counts: BackupCounts): string {
  return (Object.keys(counts) as (keyof BackupCounts)[]).map((table) => backupCount(table, counts[table])).join(', ');
}
