// The example team as the seed file states it, and who it puts on call at a moment,
// computed with the shared rotation rules from the file itself (not from the server).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCallAt } from '../../../src/shared/domain/rotation';
import { seedFileSchema, type SeedFile } from '../../../src/shared/ipc/schemas';
import type { Override, Rotation } from '../../../src/shared/model';
import { REPO_ROOT } from './server';

export const seed: SeedFile = seedFileSchema.parse(
  JSON.parse(readFileSync(join(REPO_ROOT, 'resources', 'seed', 'example-team.json'), 'utf8')),
);

export const engineerName = (key: string): string => {
  const engineer = seed.engineers.find((e) => e.key === key);
  if (!engineer) throw new Error(`The seed has no engineer '${key}'.`);
  return engineer.name;
};

/** Names of the seeded primary and secondary on call at `at`. */
export function seededOnCall(at: Date): { primary: string | null; secondary: string | null } {
  const idOf = (key: string) => seed.engineers.findIndex((e) => e.key === key) + 1;
  const nameOf = (id: number | null) => (id === null ? null : (seed.engineers[id - 1]?.name ?? null));
  const rotation: Rotation = {
    id: 1,
    name: seed.rotation.name,
    timeZone: seed.rotation.timeZone,
    startDate: seed.rotation.startDate,
    shiftDays: seed.rotation.shiftDays,
    handoffTime: seed.rotation.handoffTime,
    memberIds: seed.rotation.members.map(idOf),
    coverage: { weekdays: null, hours: null },
    allowsDoubleDuty: false,
    archivedAt: null,
    position: 0,
  };
  const overrides: Override[] = seed.overrides.map((o, index) => ({
    id: index + 1,
    rotationId: 1,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    role: o.role,
    engineerId: idOf(o.engineer),
    kind: o.kind,
    reason: o.reason,
    twinId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  }));
  const now = onCallAt(rotation, overrides, at.toISOString());
  return { primary: nameOf(now.primaryId), secondary: nameOf(now.secondaryId) };
}
