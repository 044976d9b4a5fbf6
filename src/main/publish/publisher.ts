// Runs publishes one at a time, off the dispatcher's back: the network is awaited, never
// waited for, so every other call keeps answering. A target that cannot be reached is marked
// pending ("not yet published") and tried again later; since a publish is a sync of the whole
// range, nothing queued can be lost or sent twice.
import type { PublishCounts, PublishOutcome, PublishResult, PublishStatus } from '../../shared/ipc/channels/publish';
import { ICS_CONTENTS } from '../../shared/ipc/share-schemas';
import type { Id, IsoDate } from '../../shared/model';
import { buildIcs } from '../export/ics';
import type { StoredTarget } from '../db/repositories/publish';
import type { ServiceContext } from '../services/context';
import { shareScope } from '../services/ics-input';
import { absoluteHref, caldavServer, ServerUnavailable, type CalendarServer } from './caldav';
import { objectName, plannedEvents } from './events';
import { feedFileName, writeFeed } from './folder';
import { PASSWORD_VARIABLE, secretKey, type SecretStore } from './secrets';
import { applyStep, describeStep, planSync, summarise, type SyncStep } from './sync';

export interface PublisherOptions {
  secrets: SecretStore;
  /** How long a pending target waits before it is tried again; 0: only when asked (the CLI). */
  retryMs: number;
  log: (message: string, error: unknown) => void;
  /** The CalDAV client; tests may put a failing one in its place. */
  server?: (calendarUrl: string, username: string, password: string) => CalendarServer;
}

interface Request {
  range: { from: IsoDate; to: IsoDate };
  targetId?: Id | undefined;
  dryRun: boolean;
}

const PARALLEL_REQUESTS = 4;

export function createPublisher(context: ServiceContext, options: PublisherOptions) {
  const { repos, now } = context;
  const scope = shareScope(context);
  const connect = options.server ?? caldavServer;
  let chain: Promise<unknown> = Promise.resolve();
  let running: { done: number; total: number } | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let inFlight = 0;

  const passwordOf = (target: StoredTarget) => options.secrets.get(secretKey(repos.publish.databaseId(), target.id));

  const eventsOver = (range: Request['range']) => {
    const { input } = scope.icsInput({
      from: range.from,
      to: range.to,
      include: ICS_CONTENTS,
      appVersion: context.info.version,
    });
    return { input, events: plannedEvents(input) };
  };

  const outcome = (target: StoredTarget, partial: Partial<PublishOutcome>): PublishOutcome => {
    const counts = { created: 0, updated: 0, removed: 0, unchanged: 0, conflicts: 0, ...partial };
    return {
      targetId: target.id,
      target: target.name,
      status: 'published',
      error: null,
      changes: [],
      ...counts,
      summary: summarise(counts),
    };
  };

  async function publishCaldav(target: StoredTarget, request: Request): Promise<PublishOutcome> {
    const password = passwordOf(target);
    if (!password)
      return outcome(target, {
        status: 'failed',
        error: `no password for ${target.name}: type it in, or set ${PASSWORD_VARIABLE}`,
      });
    const server = connect(target.calendarUrl!, target.username!, password);
    const { input, events } = eventsOver(request.range);
    const records = repos.publish.records(target.id);
    const span = { from: input.range.from, to: input.range.to };
    let etags: Map<string, string> | null = null;
    try {
      etags = await server.etags();
    } catch (error) {
      if (!(error instanceof ServerUnavailable)) throw error;
      if (!request.dryRun) {
        repos.publish.markPending(target.id, request.range, error.message);
        return outcome(target, { status: error.reason === 'unreachable' ? 'queued' : 'failed', error: error.message });
      }
    }
    const { steps, unchanged } = planSync(target.calendarUrl!, events, records, span, etags);
    const counts = { created: 0, updated: 0, removed: 0, unchanged, conflicts: 0 };
    if (request.dryRun) {
      for (const step of steps) count(counts, step.action);
      return { ...outcome(target, counts), changes: steps.map(describeStep), summary: summarise(counts, true) };
    }
    const done: SyncStep[] = [];
    const track = running;
    if (track) track.total += steps.length;
    let failure: ServerUnavailable | null = null;
    const queue = [...steps];
    const worker = async () => {
      for (let step = queue.shift(); step && !failure; step = queue.shift()) {
        try {
          const answer = await applyStep(server, step);
          if (answer.ok) record(target, step, answer.etag);
          const action = answer.ok ? step.action : 'conflict';
          const reason = answer.ok
            ? step.reason
            : (step.reason ?? 'changed on the server since Watchbill published it');
          done.push({ ...step, action, ...(reason ? { reason } : {}) });
          count(counts, action);
        } catch (error) {
          if (!(error instanceof ServerUnavailable)) throw error;
          failure = error;
        }
        if (track) track.done++;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
    await fillMissingEtags(target, server);
    const changes = done.map(describeStep);
    if (failure) {
      const stopped: ServerUnavailable = failure;
      repos.publish.markPending(target.id, request.range, stopped.message);
      return {
        ...outcome(target, counts),
        changes,
        status: stopped.reason === 'unreachable' ? 'queued' : 'failed',
        error: stopped.message,
      };
    }
    const result = { ...outcome(target, counts), changes };
    repos.publish.markPublished(target.id, request.range, now().toISOString(), result.summary);
    return result;
  }

  const count = (counts: PublishCounts, action: SyncStep['action']) => {
    if (action === 'create') counts.created++;
    else if (action === 'update') counts.updated++;
    else if (action === 'remove') counts.removed++;
    else counts.conflicts++;
  };

  const record = (target: StoredTarget, step: SyncStep, etag: string | null) => {
    if (step.action === 'remove') return repos.publish.dropRecord(target.id, step.record!.uid);
    const event = step.event!;
    repos.publish.putRecord(target.id, {
      uid: event.uid,
      href: step.record?.href ?? absoluteHref(target.calendarUrl!, objectName(event.uid)),
      etag,
      hash: event.hash,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    });
  };

  /** A server that answers a write without an ETag: read it, so the next publish can still ask If-Match. */
  const fillMissingEtags = async (target: StoredTarget, server: CalendarServer) => {
    const missing = repos.publish.records(target.id).filter((r) => r.etag === null);
    if (!missing.length) return;
    const etags = await server.etags().catch(() => null);
    for (const record of missing) {
      const etag = etags?.get(record.href);
      if (etag) repos.publish.putRecord(target.id, { ...record, etag });
    }
  };

  function publishFolder(target: StoredTarget, request: Request): PublishOutcome {
    const { input, events } = eventsOver(request.range);
    const records = repos.publish.records(target.id);
    // The files hold exactly the range, so everything published before and not in it now leaves them.
    const steps = planSync(
      'file:///',
      events,
      records,
      { from: '0000-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' },
      null,
    ).steps;
    const counts = { created: 0, updated: 0, removed: 0, unchanged: events.length, conflicts: 0 };
    for (const step of steps) {
      count(counts, step.action);
      if (step.action !== 'remove') counts.unchanged--;
    }
    if (request.dryRun)
      return { ...outcome(target, counts), changes: steps.map(describeStep), summary: summarise(counts, true) };
    const engineers = repos.engineers.list().filter((e) => e.active);
    try {
      writeFeed(target.folder!, [
        { name: feedFileName(null), content: buildIcs(input) },
        // With several rotations, each has its file too, for those who follow only one.
        ...(input.rotations.length > 1
          ? input.rotations.map((part) => ({
              name: feedFileName(part.rotation.name, 'rotation'),
              content: buildIcs({ ...input, calendarName: part.rotation.name, rotations: [part] }),
            }))
          : []),
        ...engineers.map((engineer) => ({
          name: feedFileName(engineer.name),
          content: buildIcs({ ...input, calendarName: `On call: ${engineer.name}`, engineerId: engineer.id }),
        })),
      ]);
    } catch (error) {
      const message = `the feed folder ${target.folder} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      repos.publish.markPending(target.id, request.range, message);
      return outcome(target, { status: 'failed', error: message });
    }
    repos.transaction(() => {
      repos.publish.forgetRecords(target.id);
      for (const event of events)
        repos.publish.putRecord(target.id, {
          uid: event.uid,
          href: feedFileName(null),
          etag: null,
          hash: event.hash,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
        });
    });
    const result = { ...outcome(target, counts), changes: steps.map(describeStep) };
    repos.publish.markPublished(target.id, request.range, now().toISOString(), result.summary);
    return result;
  }

  async function publishNow(request: Request): Promise<PublishResult> {
    const targets = repos.publish.targets().filter((t) => request.targetId === undefined || t.id === request.targetId);
    running = { done: 0, total: 0 };
    const outcomes: PublishOutcome[] = [];
    try {
      for (const target of targets)
        outcomes.push(target.kind === 'caldav' ? await publishCaldav(target, request) : publishFolder(target, request));
    } finally {
      running = null;
    }
    scheduleRetry();
    const total = outcomes.reduce(
      (sum, o) => ({
        created: sum.created + o.created,
        updated: sum.updated + o.updated,
        removed: sum.removed + o.removed,
        unchanged: sum.unchanged + o.unchanged,
        conflicts: sum.conflicts + o.conflicts,
      }),
      { created: 0, updated: 0, removed: 0, unchanged: 0, conflicts: 0 },
    );
    const waiting = outcomes.filter((o) => o.status !== 'published');
    return {
      dryRun: request.dryRun,
      range: request.range,
      outcomes,
      summary: targets.length
        ? `${summarise(total, request.dryRun)}${waiting.length ? ` — not yet published to ${waiting.map((o) => o.target).join(', ')}` : ''}`
        : 'There is no publish target yet: add a calendar server or a feed folder.',
    };
  }

  /** One publish at a time: a second waits for the first, so the records never race. */
  const enqueue = (request: Request): Promise<PublishResult> => {
    if (closed) return Promise.reject(new Error('Watchbill is closing: nothing more is published.'));
    inFlight++;
    const next = chain.then(() => publishNow(request)).finally(() => inFlight--);
    chain = next.catch(() => undefined);
    return next;
  };

  /** Each pending target again, over the range it last published. */
  const retryPending = async () => {
    for (const target of repos.publish.targets()) {
      if (target.pending && target.range) await enqueue({ range: target.range, targetId: target.id, dryRun: false });
    }
  };

  function scheduleRetry() {
    if (closed || options.retryMs <= 0 || retry || !repos.publish.targets().some((t) => t.pending)) return;
    retry = setTimeout(() => {
      retry = null;
      retryPending().catch((error: unknown) => options.log('Publishing again failed', error));
    }, options.retryMs);
    retry.unref?.();
  }

  return {
    publish: enqueue,
    retryPending,
    /** After a saved edit: every target that asks for it is marked pending at once and published in the background. */
    afterEdit(): void {
      const targets = repos.publish.targets().filter((t) => t.syncOnSave && t.range);
      if (!targets.length || closed) return;
      for (const target of targets) repos.publish.markPending(target.id, null, target.lastError);
      for (const target of targets)
        enqueue({ range: target.range!, targetId: target.id, dryRun: false }).catch((error: unknown) =>
          options.log('Publishing after an edit failed', error),
        );
    },
    status(): Pick<PublishStatus, 'running'> {
      return { running: running ? { ...running } : null };
    },
    hasPassword: (target: StoredTarget) => target.kind !== 'caldav' || Boolean(passwordOf(target)),
    /** Stops retrying; answers when the publish under way has ended, or null when none is. */
    close(): Promise<void> | null {
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      return inFlight ? chain.then(() => undefined) : null;
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
