// Publishing: the schedule kept in step on the team's calendar server (CalDAV) and in a feed
// folder. A publish is a sync: it creates, updates and removes only what Watchbill put there.
import type { Id, IsoDate } from '../../model';
import {
  publishPasswordArgs,
  publishSyncArgs,
  publishTargetArgs,
  publishTargetRef,
  type PublishTargetKind,
} from '../publish-schemas';
import { noArgs } from '../schemas';
import { returns } from './define';

export interface PublishCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  conflicts: number;
}

/** One event a publish changes, or would change in a dry run. */
export interface PublishChange {
  action: 'create' | 'update' | 'remove' | 'conflict';
  uid: string;
  summary: string;
  startsAt: string;
  /** For a conflict: what someone changed on the server, which Watchbill left as it is. */
  reason?: string;
}

export interface PublishOutcome extends PublishCounts {
  targetId: Id;
  target: string;
  /** 'published'; 'queued' when the target could not be reached (retried later); 'failed' otherwise. */
  status: 'published' | 'queued' | 'failed';
  error: string | null;
  changes: PublishChange[];
  /** "12 created, 3 updated, 1 removed; 0 conflicts". */
  summary: string;
}

export interface PublishResult {
  dryRun: boolean;
  range: { from: IsoDate; to: IsoDate };
  outcomes: PublishOutcome[];
  summary: string;
}

export interface PublishTarget {
  id: Id;
  name: string;
  kind: PublishTargetKind;
  calendarUrl: string | null;
  username: string | null;
  folder: string | null;
  syncOnSave: boolean;
  /** CalDAV: whether a password is at hand (in memory, the keychain or WATCHBILL_CALDAV_PASSWORD). */
  hasPassword: boolean;
  /** True while a change has not reached the target yet. */
  pending: boolean;
  lastError: string | null;
  lastPublishedAt: string | null;
  lastSummary: string | null;
  range: { from: IsoDate; to: IsoDate } | null;
}

export interface PublishStatus {
  targets: PublishTarget[];
  /** True when any target has a change that has not gone through: "not yet published". */
  pending: boolean;
  /** The publish under way: events done of total, over every target. */
  running: { done: number; total: number } | null;
}

export const publishChannels = {
  'publish:status': { args: noArgs, result: returns<PublishStatus>() },
  'publish:save-target': { args: publishTargetArgs, result: returns<PublishTarget>() },
  'publish:remove-target': { args: publishTargetRef, result: returns<{ removed: boolean }>() },
  'publish:set-password': { args: publishPasswordArgs, result: returns<{ stored: 'memory' | 'keychain' }>() },
  'publish:sync': { args: publishSyncArgs, result: returns<PublishResult>() },
} as const;
