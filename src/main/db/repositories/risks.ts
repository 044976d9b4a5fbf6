// The risk register and each risk's linked pipelines; a risk and its links are written together.
import type { Connection } from '../connection';
import type { Id, Risk, RiskCategory, RiskStatus } from '../../../shared/model';

interface RiskRow {
  id: number;
  category: RiskCategory;
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  mitigation: string;
  owner_id: number | null;
  status: RiskStatus;
  review_date: string | null;
}

export function risksRepository(db: Connection) {
  const all = db.prepare<[], RiskRow>('SELECT * FROM risks ORDER BY id');
  const byId = db.prepare<[number], RiskRow>('SELECT * FROM risks WHERE id = ?');
  const links = db.prepare<[], { risk_id: number; pipeline_id: number }>(
    'SELECT risk_id, pipeline_id FROM risk_pipelines ORDER BY pipeline_id',
  );
  const linksOf = db.prepare<[number], { pipeline_id: number }>(
    'SELECT pipeline_id FROM risk_pipelines WHERE risk_id = ? ORDER BY pipeline_id',
  );
  const insert = db.prepare(
    `INSERT INTO risks (category, title, description, likelihood, impact, mitigation, owner_id, status, review_date)
     VALUES (@category, @title, @description, @likelihood, @impact, @mitigation, @ownerId, @status, @reviewDate)`,
  );
  const update = db.prepare(
    `UPDATE risks SET category = @category, title = @title, description = @description, likelihood = @likelihood,
       impact = @impact, mitigation = @mitigation, owner_id = @ownerId, status = @status, review_date = @reviewDate
     WHERE id = @id`,
  );
  const unlinkAll = db.prepare('DELETE FROM risk_pipelines WHERE risk_id = ?');
  const link = db.prepare('INSERT INTO risk_pipelines (risk_id, pipeline_id) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM risks WHERE id = ?');

  const toRisk = (r: RiskRow, pipelineIds: Id[]): Risk => ({
    id: r.id,
    category: r.category,
    title: r.title,
    description: r.description,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigation: r.mitigation,
    ownerId: r.owner_id,
    pipelineIds,
    status: r.status,
    reviewDate: r.review_date,
  });
  const columns = (risk: Omit<Risk, 'id' | 'pipelineIds'>) => ({
    category: risk.category,
    title: risk.title,
    description: risk.description,
    likelihood: risk.likelihood,
    impact: risk.impact,
    mitigation: risk.mitigation,
    ownerId: risk.ownerId,
    status: risk.status,
    reviewDate: risk.reviewDate,
  });

  return {
    list: (): Risk[] => {
      const byRisk = new Map<Id, Id[]>();
      for (const l of links.all()) byRisk.set(l.risk_id, [...(byRisk.get(l.risk_id) ?? []), l.pipeline_id]);
      return all.all().map((r) => toRisk(r, byRisk.get(r.id) ?? []));
    },
    get: (id: Id): Risk | null => {
      const row = byId.get(id);
      return row
        ? toRisk(
            row,
            linksOf.all(id).map((l) => l.pipeline_id),
          )
        : null;
    },
    insert: db.transaction((risk: Omit<Risk, 'id'>): Id => {
      const id = Number(insert.run(columns(risk)).lastInsertRowid);
      for (const pipelineId of risk.pipelineIds) link.run(id, pipelineId);
      return id;
    }),
    update: db.transaction((risk: Risk): void => {
      update.run({ ...columns(risk), id: risk.id });
      unlinkAll.run(risk.id);
      for (const pipelineId of risk.pipelineIds) link.run(risk.id, pipelineId);
    }),
    remove: (id: Id): boolean => remove.run(id).changes > 0,
  };
}
