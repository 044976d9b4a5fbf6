import type { Connection } from '../connection';
import type { Audience, BusinessArea, Id, Ownership, OwnershipChange, Pipeline } from '../../../shared/model';

interface PipelineRow {
  id: number;
  name: string;
  area_id: number | null;
  audience: Audience;
  purpose: string;
  input_sources: string;
  transformation: string;
  outputs: string;
  retired_at: string | null;
  rotation_id: number | null;
}

const toPipeline = (r: PipelineRow): Pipeline => ({
  id: r.id,
  name: r.name,
  areaId: r.area_id,
  audience: r.audience,
  purpose: r.purpose,
  inputSources: r.input_sources,
  transformation: r.transformation,
  outputs: r.outputs,
  retiredAt: r.retired_at,
  rotationId: r.rotation_id,
});

interface OwnershipRow {
  pipeline_id: number;
  primary_engineer_id: number | null;
  secondary_engineer_id: number | null;
  reason: string;
  updated_at: string;
}

const toOwnership = (r: OwnershipRow): Ownership => ({
  pipelineId: r.pipeline_id,
  primaryEngineerId: r.primary_engineer_id,
  secondaryEngineerId: r.secondary_engineer_id,
  reason: r.reason,
  updatedAt: r.updated_at,
});

export type PipelineDraft = Omit<Pipeline, 'id'>;

export function pipelinesRepository(db: Connection) {
  const areas = db.prepare<[], BusinessArea>('SELECT id, name FROM business_areas ORDER BY position, name');
  const insertArea = db.prepare('INSERT INTO business_areas (name, position) VALUES (?, ?)');
  const all = db.prepare<[], PipelineRow>(
    `SELECT p.* FROM pipelines p LEFT JOIN business_areas a ON a.id = p.area_id
     ORDER BY a.position, p.name COLLATE NOCASE`,
  );
  const byId = db.prepare<[number], PipelineRow>('SELECT * FROM pipelines WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO pipelines (name, area_id, audience, purpose, input_sources, transformation, outputs, retired_at, rotation_id)
     VALUES (@name, @areaId, @audience, @purpose, @inputSources, @transformation, @outputs, @retiredAt, @rotationId)`,
  );
  const update = db.prepare(
    `UPDATE pipelines SET name = @name, area_id = @areaId, audience = @audience, purpose = @purpose,
       input_sources = @inputSources, transformation = @transformation, outputs = @outputs,
       rotation_id = @rotationId WHERE id = @id`,
  );
  const setRetired = db.prepare('UPDATE pipelines SET retired_at = ? WHERE id = ?');
  const byName = db.prepare<[string], PipelineRow>('SELECT * FROM pipelines WHERE name = ? COLLATE NOCASE');
  const areaByName = db.prepare<[string], BusinessArea>(
    'SELECT id, name FROM business_areas WHERE name = ? COLLATE NOCASE',
  );
  const nextAreaPosition = db.prepare<[], { next: number }>(
    'SELECT COALESCE(MAX(position) + 1, 0) AS next FROM business_areas',
  );
  const ownerships = db.prepare<[], OwnershipRow>('SELECT * FROM ownerships');
  const ownershipOf = db.prepare<[number], OwnershipRow>('SELECT * FROM ownerships WHERE pipeline_id = ?');
  const upsertOwnership = db.prepare(
    `INSERT INTO ownerships (pipeline_id, primary_engineer_id, secondary_engineer_id, reason, updated_at)
     VALUES (@pipelineId, @primaryEngineerId, @secondaryEngineerId, @reason, @updatedAt)
     ON CONFLICT (pipeline_id) DO UPDATE SET primary_engineer_id = excluded.primary_engineer_id,
       secondary_engineer_id = excluded.secondary_engineer_id, reason = excluded.reason, updated_at = excluded.updated_at`,
  );
  const insertChange = db.prepare(
    `INSERT INTO ownership_changes (pipeline_id, changed_at, primary_engineer_id, secondary_engineer_id, reason)
     VALUES (@pipelineId, @updatedAt, @primaryEngineerId, @secondaryEngineerId, @reason)`,
  );
  const history = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM ownership_changes WHERE pipeline_id = ? ORDER BY changed_at DESC, id DESC',
  );

  return {
    listAreas: (): BusinessArea[] => areas.all(),
    insertArea: (name: string, position: number): Id => Number(insertArea.run(name, position).lastInsertRowid),
    list: (): Pipeline[] => all.all().map(toPipeline),
    get: (id: Id): Pipeline | null => {
      const row = byId.get(id);
      return row ? toPipeline(row) : null;
    },
    insert: (draft: PipelineDraft): Id => Number(insert.run(draft).lastInsertRowid),
    update: (pipeline: Omit<Pipeline, 'retiredAt'>): void => {
      update.run(pipeline);
    },
    setRetiredAt: (id: Id, retiredAt: string | null): void => {
      setRetired.run(retiredAt, id);
    },
    /** Names are unique regardless of case, as a person reads them. */
    findByName: (name: string): Pipeline | null => {
      const row = byName.get(name);
      return row ? toPipeline(row) : null;
    },
    findAreaByName: (name: string): BusinessArea | null => areaByName.get(name) ?? null,
    /** A new area goes after the existing ones. */
    appendArea: (name: string): Id => Number(insertArea.run(name, nextAreaPosition.get()!.next).lastInsertRowid),
    listOwnerships: (): Ownership[] => ownerships.all().map(toOwnership),
    getOwnership: (pipelineId: Id): Ownership | null => {
      const row = ownershipOf.get(pipelineId);
      return row ? toOwnership(row) : null;
    },
    /** Sets the owners and keeps the change in the history, as one write. */
    setOwnership: db.transaction((ownership: Ownership): void => {
      upsertOwnership.run(ownership);
      insertChange.run(ownership);
    }),
    ownershipHistory: (pipelineId: Id): OwnershipChange[] =>
      history.all(pipelineId).map((r) => ({
        id: r.id as number,
        pipelineId: r.pipeline_id as number,
        changedAt: r.changed_at as string,
        primaryEngineerId: r.primary_engineer_id as number | null,
        secondaryEngineerId: r.secondary_engineer_id as number | null,
        reason: r.reason as string,
      })),
  };
}
