// First start: fill a new database with the example team of the seed plans, which ships
// as data in resources/seed/. Everything is written in one transaction or not at all.
import { readFileSync } from 'node:fs';
import { describeZodError, seedFileSchema, type SeedFile } from '../../shared/ipc/schemas';
import type { Id } from '../../shared/model';
import { ALWAYS } from '../../shared/domain/layers';
import type { Repositories } from '../db/repositories';
import { TEAM_ZONE_KEY } from '../queries/team';

const INITIALIZED_KEY = 'initializedAt';

export class SeedFileError extends Error {}

export function readSeedFile(path: string): SeedFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SeedFileError(`Cannot read the example team from ${path}: ${(error as Error).message}`);
  }
  const parsed = seedFileSchema.safeParse(json);
  if (!parsed.success)
    throw new SeedFileError(`${path} is not a valid example team: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export function isInitialized(repos: Repositories): boolean {
  return repos.settings.get(INITIALIZED_KEY) !== undefined;
}

/**
 * Marks the database as set up, first loading the example team unless the lead asked for an
 * empty one. A database already set up is left as it is, even if the lead emptied it since.
 */
export function initializeDatabase(
  repos: Repositories,
  options: { empty: boolean; seedPath: string; now: Date },
): 'seeded' | 'empty' | 'existing' {
  if (isInitialized(repos)) return 'existing';
  const seed = options.empty ? null : readSeedFile(options.seedPath);
  repos.transaction(() => {
    if (seed) loadSeed(repos, seed, options.now);
    repos.settings.set(INITIALIZED_KEY, options.now.toISOString());
  });
  return seed ? 'seeded' : 'empty';
}

function lookup(map: Map<string, Id>, key: string, what: string): Id {
  const id = map.get(key);
  if (id === undefined) throw new SeedFileError(`The example team names an unknown ${what} '${key}'.`);
  return id;
}

export function loadSeed(repos: Repositories, seed: SeedFile, now: Date): void {
  const savedAt = now.toISOString();
  const engineers = new Map<string, Id>();
  for (const e of seed.engineers) {
    const id = repos.engineers.insert({
      name: e.name,
      email: e.email,
      color: e.color,
      active: true,
      timeZone: e.timeZone,
    });
    engineers.set(e.key, id);
    for (const u of e.unavailability) repos.engineers.insertUnavailability({ engineerId: id, ...u });
  }
  const engineer = (key: string) => lookup(engineers, key, 'engineer');

  // The example team has one round-the-clock rotation, answering for every pipeline; its zone
  // is the team's.
  const rotationId = repos.rotations.insert({
    name: seed.rotation.name,
    timeZone: seed.rotation.timeZone,
    startDate: seed.rotation.startDate,
    shiftDays: seed.rotation.shiftDays,
    handoffTime: seed.rotation.handoffTime,
    memberIds: seed.rotation.members.map(engineer),
    coverage: ALWAYS,
    allowsDoubleDuty: false,
  });
  repos.settings.set(TEAM_ZONE_KEY, seed.rotation.timeZone);

  const areas = new Map<string, Id>();
  seed.areas.forEach((name, position) => areas.set(name, repos.pipelines.insertArea(name, position)));

  const pipelines = new Map<string, Id>();
  for (const p of seed.pipelines) {
    const pipelineId = repos.pipelines.insert({
      name: p.name,
      areaId: lookup(areas, p.area, 'business area'),
      audience: p.audience,
      purpose: p.purpose,
      inputSources: p.inputSources,
      transformation: p.transformation,
      outputs: p.outputs,
      retiredAt: null,
      rotationId,
    });
    pipelines.set(p.key, pipelineId);
    repos.pipelines.setOwnership({
      pipelineId,
      primaryEngineerId: engineer(p.primary),
      secondaryEngineerId: engineer(p.secondary),
      reason: p.reason,
      updatedAt: savedAt,
    });
    repos.slas.insert({ pipelineId, ...p.sla });
    repos.runbooks.save(
      pipelineId,
      {
        purpose: p.purpose,
        inputs: p.inputSources,
        transformation: p.transformation,
        outputs: p.outputs,
        slaText: p.sla.description,
        ...p.runbook,
      },
      savedAt,
      'Initial revision',
    );
  }

  for (const o of seed.overrides) {
    repos.rotations.insertOverride({
      rotationId,
      startsAt: new Date(o.startsAt).toISOString(),
      endsAt: new Date(o.endsAt).toISOString(),
      role: o.role,
      engineerId: engineer(o.engineer),
      kind: o.kind,
      reason: o.reason,
      twinId: null,
      createdAt: savedAt,
    });
  }

  const { weights, custom, ...calendar } = seed.holidayCalendar;
  const calendarId = repos.holidays.insertCalendar(calendar);
  for (const w of weights) repos.holidays.setWeight({ calendarId, ...w });
  for (const c of custom) repos.holidays.insertCustom({ calendarId, ...c });

  for (const r of seed.risks) {
    repos.risks.insert({
      category: r.category,
      title: r.title,
      description: r.description,
      likelihood: r.likelihood,
      impact: r.impact,
      mitigation: r.mitigation,
      ownerId: r.owner === null ? null : engineer(r.owner),
      pipelineIds: r.pipelines.map((key) => lookup(pipelines, key, 'pipeline')),
      status: r.status,
      reviewDate: null,
    });
  }
}
