// Publish as a sync between what the schedule says now and what Watchbill put on the server
// before: create the new, update the changed (If-Match), remove what no longer exists. An
// object someone changed or deleted on the server is a conflict and stays as they left it;
// nothing Watchbill did not create is ever read back, changed or removed.
import type { PublishChange, PublishCounts } from '../../shared/ipc/channels/publish';
import type { PublishedRecord } from '../db/repositories/publish';
import { absoluteHref, type CalendarServer, type WriteAnswer } from './caldav';
import { objectName, type PlannedEvent } from './events';

export interface SyncStep {
  action: 'create' | 'update' | 'remove' | 'conflict';
  event: PlannedEvent | null;
  record: PublishedRecord | null;
  reason?: string;
}

/** The range published: records of events overlapping it that the schedule no longer has are removed. */
export interface SyncRange {
  from: string;
  to: string;
}

const overlaps = (record: PublishedRecord, range: SyncRange) =>
  Date.parse(record.startsAt) < Date.parse(range.to) && Date.parse(record.endsAt) > Date.parse(range.from);

/**
 * The steps, from the records and the server's ETags (null when the server was not asked: a
 * dry run without it). Unchanged events are left out.
 */
export function planSync(
  calendarUrl: string,
  desired: readonly PlannedEvent[],
  records: readonly PublishedRecord[],
  range: SyncRange,
  serverEtags: ReadonlyMap<string, string> | null,
): { steps: SyncStep[]; unchanged: number } {
  const byUid = new Map(records.map((r) => [r.uid, r]));
  const steps: SyncStep[] = [];
  let unchanged = 0;
  const touchedOnServer = (record: PublishedRecord): string | null => {
    if (!serverEtags) return null;
    const now = serverEtags.get(record.href);
    if (now === undefined) return 'deleted on the server since Watchbill published it';
    if (now !== record.etag) return 'changed on the server since Watchbill published it';
    return null;
  };
  const wanted = new Set<string>();
  for (const event of desired) {
    wanted.add(event.uid);
    const record = byUid.get(event.uid) ?? null;
    if (!record) {
      const href = absoluteHref(calendarUrl, objectName(event.uid));
      if (serverEtags?.has(href))
        steps.push({ action: 'conflict', event, record, reason: 'an event Watchbill did not publish is in its place' });
      else steps.push({ action: 'create', event, record });
      continue;
    }
    const touched = touchedOnServer(record);
    if (touched) steps.push({ action: 'conflict', event, record, reason: touched });
    else if (record.hash !== event.hash) steps.push({ action: 'update', event, record });
    else unchanged++;
  }
  for (const record of records) {
    if (wanted.has(record.uid) || !overlaps(record, range)) continue;
    const touched = touchedOnServer(record);
    if (touched && !touched.startsWith('deleted'))
      steps.push({ action: 'conflict', event: null, record, reason: touched });
    else steps.push({ action: 'remove', event: null, record });
  }
  return { steps, unchanged };
}

export interface StepOutcome {
  step: SyncStep;
  answer: WriteAnswer;
}

/** Carries out one step on the server; a 412 there becomes a conflict. */
export async function applyStep(server: CalendarServer, step: SyncStep): Promise<WriteAnswer> {
  const { event, record } = step;
  switch (step.action) {
    case 'create':
      return server.create(objectName(event!.uid), event!.ics);
    case 'update':
      return server.update(record!.href, event!.ics, record!.etag ?? '*');
    case 'remove':
      return server.remove(record!.href, record!.etag ?? '*');
    case 'conflict':
      return { ok: false, conflict: true, status: 0 };
  }
}

export const describeStep = (step: SyncStep): PublishChange => ({
  action: step.action,
  uid: step.event?.uid ?? step.record!.uid,
  summary: step.event?.summary ?? '(no longer in the schedule)',
  startsAt: step.event?.startsAt ?? step.record!.startsAt,
  ...(step.reason ? { reason: step.reason } : {}),
});

/** "12 created, 3 updated, 1 removed; 0 conflicts": the one wording of a publish, for the screen and the CLI. */
export function summarise(counts: PublishCounts, dryRun = false): string {
  const conflicts = `${counts.conflicts} ${counts.conflicts === 1 ? 'conflict' : 'conflicts'}`;
  if (dryRun) return `would create ${counts.created}, update ${counts.updated}, remove ${counts.removed}; ${conflicts}`;
  return `${counts.created} created, ${counts.updated} updated, ${counts.removed} removed; ${conflicts}`;
}
