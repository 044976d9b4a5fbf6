// SLAs: one row per rule, its kind's columns filled and the others NULL (the table's CHECK
// holds the shape).
import type { Connection } from '../connection';
import type { Id, Sla, SlaEvent, SlaKind, SlaRule } from '../../../shared/model';

interface SlaRow {
  id: number;
  pipeline_id: number;
  kind: SlaKind;
  time_of_day: string | null;
  weekday: number | null;
  hours: number | null;
  event: string | null;
  time_zone: string;
  description: string;
  why_it_matters: string;
}

function toRule(r: SlaRow): SlaRule {
  switch (r.kind) {
    case 'daily':
      return { kind: 'daily', time: r.time_of_day! };
    case 'weekly':
      return { kind: 'weekly', weekday: r.weekday!, time: r.time_of_day! };
    case 'next_business_day':
      return { kind: 'next_business_day', time: r.time_of_day! };
    case 'within_hours':
      return { kind: 'within_hours', hours: r.hours!, event: r.event! };
  }
}

const toSla = (r: SlaRow): Sla => ({
  id: r.id,
  pipelineId: r.pipeline_id,
  rule: toRule(r),
  timeZone: r.time_zone,
  description: r.description,
  whyItMatters: r.why_it_matters,
});

function columns(sla: Omit<Sla, 'id'>) {
  const rule = sla.rule;
  return {
    pipelineId: sla.pipelineId,
    kind: rule.kind,
    time: 'time' in rule ? rule.time : null,
    weekday: rule.kind === 'weekly' ? rule.weekday : null,
    hours: rule.kind === 'within_hours' ? rule.hours : null,
    event: rule.kind === 'within_hours' ? rule.event : null,
    timeZone: sla.timeZone,
    description: sla.description,
    whyItMatters: sla.whyItMatters,
  };
}

export function slasRepository(db: Connection) {
  const all = db.prepare<[], SlaRow>('SELECT * FROM slas ORDER BY pipeline_id, id');
  const byId = db.prepare<[number], SlaRow>('SELECT * FROM slas WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO slas (pipeline_id, kind, time_of_day, weekday, hours, event, time_zone, description, why_it_matters)
     VALUES (@pipelineId, @kind, @time, @weekday, @hours, @event, @timeZone, @description, @whyItMatters)`,
  );
  const update = db.prepare(
    `UPDATE slas SET pipeline_id = @pipelineId, kind = @kind, time_of_day = @time, weekday = @weekday, hours = @hours,
       event = @event, time_zone = @timeZone, description = @description, why_it_matters = @whyItMatters WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM slas WHERE id = ?');
  const events = db.prepare<[], SlaEvent & { sla_id: number }>(
    'SELECT id, sla_id, at, label FROM sla_events ORDER BY at DESC, id DESC',
  );
  const insertEvent = db.prepare('INSERT INTO sla_events (sla_id, at, label) VALUES (?, ?, ?)');
  const removeEvent = db.prepare('DELETE FROM sla_events WHERE id = ?');
  return {
    /** Every recorded SLA event, newest first. */
    events: (): SlaEvent[] => events.all().map((e) => ({ id: e.id, slaId: e.sla_id, at: e.at, label: e.label })),
    insertEvent: (event: Omit<SlaEvent, 'id'>): Id =>
      Number(insertEvent.run(event.slaId, event.at, event.label).lastInsertRowid),
    removeEvent: (id: Id): boolean => removeEvent.run(id).changes > 0,
    list: (): Sla[] => all.all().map(toSla),
    get: (id: Id): Sla | null => {
      const row = byId.get(id);
      return row ? toSla(row) : null;
    },
    insert: (sla: Omit<Sla, 'id'>): Id => Number(insert.run(columns(sla)).lastInsertRowid),
    update: (sla: Sla): void => {
      update.run({ ...columns(sla), id: sla.id });
    },
    remove: (id: Id): boolean => remove.run(id).changes > 0,
  };
}
