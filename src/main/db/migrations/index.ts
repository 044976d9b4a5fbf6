import type { Migration } from './types';
import { migration0010 } from './0010_initial';
import { migration0020 } from './0020_schedule_edits';
import { migration0030 } from './0030_sla_events';
import { migration0040 } from './0040_drill_roles';
import { migration0050 } from './0050_application_id';
import { migration0060 } from './0060_override_kinds';
import { migration0070 } from './0070_fairness_ledger';
import { migration0080 } from './0080_publish_targets';
import { migration0090 } from './0090_rotations';

/** Append-only: a released migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
