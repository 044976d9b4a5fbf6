// Drills as rows: the drill, its participants, the steps copied at its start with their tick
// times, its notes and its follow-ups. Each write is one statement or one transaction, and
// is made the moment the facilitator acts, so a crash loses nothing.
import type { Connection } from '../connection';
import type { DrillOutcome, DrillStatus, Id, IsoDate, IsoInstant } from '../../../shared/model';
import type {
  Drill,
  DrillFollowup,
  DrillMoments,
  DrillNote,
  DrillParticipant,
  DrillRole,
  DrillStep,
  FollowupStatus,
} from '../../../shared/domain/drills';

interface DrillRow {
  id: number;
  pipeline_id: number;
  scenario_id: number | null;
  scenario_title: string;
  scheduled_at: string;
  facilitator_id: number | null;
  status: DrillStatus;
  started_at: string | null;
  acknowledged_at: string | null;
  mitigated_at: string | null;
  resolved_at: string | null;
  finished_at: string | null;
  outcome: DrillOutcome | null;
  findings: string;
}

interface FollowupRow {
  id: number;
  drill_id: number;
  text: string;
  owner_id: number | null;
  due_date: string | null;
  status: FollowupStatus;
}

const toFollowup = (r: FollowupRow): DrillFollowup => ({
  id: r.id,
  drillId: r.drill_id,
  text: r.text,
  ownerId: r.owner_id,
  dueDate: r.due_date,
  status: r.status,
});

/** A drill as the calendar and the plan show it. */
export type DrillSummary = Pick<
  Drill,
  | 'id'
  | 'pipelineId'
  | 'scenarioTitle'
  | 'scheduledAt'
  | 'status'
  | 'startedAt'
  | 'finishedAt'
  | 'outcome'
  | 'findings'
  | 'facilitatorId'
  | 'participants'
>;

export interface NewDrill {
  pipelineId: Id;
  scenarioId: Id;
  scenarioTitle: string;
  scheduledAt: IsoInstant;
  facilitatorId: Id | null;
  participants: DrillParticipant[];
}

export interface DrillFinish {
  finishedAt: IsoInstant;
  outcome: DrillOutcome;
  findings: string;
  followups: { text: string; ownerId: Id | null; dueDate: IsoDate | null }[];
}

/** A drill's participants with their roles: the one reading of drill_participants. */
export function drillParticipantsReader(db: Connection): (drillId: Id) => DrillParticipant[] {
  // Roles in the order the lead reads them; within a role (and for drills from before roles
  // were kept) in the order they were added.
  const participantsOf = db.prepare<[number], { engineer_id: number; role: DrillRole | null }>(
    `SELECT engineer_id, role FROM drill_participants WHERE drill_id = ?
     ORDER BY CASE role WHEN 'primary' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END, rowid`,
  );
  return (drillId) => participantsOf.all(drillId).map((p) => ({ engineerId: p.engineer_id, role: p.role }));
}

export function drillsRepository(db: Connection) {
  const all = db.prepare<[], DrillRow>('SELECT * FROM drills ORDER BY scheduled_at DESC, id DESC');
  const one = db.prepare<[number], DrillRow>('SELECT * FROM drills WHERE id = ?');
  const participantsOf = drillParticipantsReader(db);
  const stepsOf = db.prepare<[number], { position: number; text: string; ticked_at: string | null; skipped: number }>(
    'SELECT position, text, ticked_at, skipped FROM drill_steps WHERE drill_id = ? ORDER BY position',
  );
  const notesOf = db.prepare<[number], DrillNote>(
    'SELECT id, at, text FROM drill_notes WHERE drill_id = ? ORDER BY at, id',
  );
  const followupsOf = db.prepare<[number], FollowupRow>('SELECT * FROM drill_followups WHERE drill_id = ? ORDER BY id');
  const followupById = db.prepare<[number], FollowupRow>('SELECT * FROM drill_followups WHERE id = ?');

  const insertDrill = db.prepare(
    `INSERT INTO drills (pipeline_id, scenario_id, scenario_title, scheduled_at, facilitator_id, status)
     VALUES (@pipelineId, @scenarioId, @scenarioTitle, @scheduledAt, @facilitatorId, 'planned')`,
  );
  const insertParticipant = db.prepare('INSERT INTO drill_participants (drill_id, engineer_id, role) VALUES (?, ?, ?)');
  const insertStep = db.prepare('INSERT INTO drill_steps (drill_id, position, text) VALUES (?, ?, ?)');
  const markStarted = db.prepare("UPDATE drills SET status = 'running', started_at = ? WHERE id = ?");
  const updateStep = db.prepare(
    'UPDATE drill_steps SET ticked_at = ?, skipped = ? WHERE drill_id = ? AND position = ?',
  );
  const updateMoments = db.prepare(
    'UPDATE drills SET acknowledged_at = @acknowledged, mitigated_at = @mitigated, resolved_at = @resolved WHERE id = @id',
  );
  const insertNote = db.prepare('INSERT INTO drill_notes (drill_id, at, text) VALUES (?, ?, ?)');
  const markFinished = db.prepare(
    "UPDATE drills SET status = 'finished', finished_at = ?, outcome = ?, findings = ? WHERE id = ?",
  );
  const insertFollowup = db.prepare(
    "INSERT INTO drill_followups (drill_id, text, owner_id, due_date, status) VALUES (?, ?, ?, ?, 'open')",
  );
  const updateFollowup = db.prepare('UPDATE drill_followups SET status = ? WHERE id = ?');
  const markCancelled = db.prepare("UPDATE drills SET status = 'cancelled' WHERE id = ?");
  const openFollowups = db.prepare<[], FollowupRow>(
    "SELECT * FROM drill_followups WHERE status = 'open' ORDER BY due_date IS NULL, due_date, id",
  );

  const between = db.prepare<[string, string], DrillRow>(
    `SELECT * FROM drills WHERE status IN ('planned', 'running', 'finished')
       AND scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id`,
  );

  const toSummary = (row: DrillRow): DrillSummary => ({
    id: row.id,
    pipelineId: row.pipeline_id,
    scenarioTitle: row.scenario_title,
    scheduledAt: row.scheduled_at,
    facilitatorId: row.facilitator_id,
    participants: participantsOf(row.id),
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    findings: row.findings,
  });
  const toDrill = (row: DrillRow): Drill => ({
    ...toSummary(row),
    scenarioId: row.scenario_id,
    moments: { acknowledged: row.acknowledged_at, mitigated: row.mitigated_at, resolved: row.resolved_at },
    steps: stepsOf
      .all(row.id)
      .map((s): DrillStep => ({ position: s.position, text: s.text, tickedAt: s.ticked_at, skipped: s.skipped === 1 })),
    notes: notesOf.all(row.id),
    followups: followupsOf.all(row.id).map(toFollowup),
  });

  return {
    /** Newest first. */
    list: (): Drill[] => all.all().map(toDrill),
    /** Planned, running and finished drills scheduled in [from, to), oldest first; cancelled ones are left out. */
    scheduledBetween: (from: IsoInstant, to: IsoInstant): DrillSummary[] => between.all(from, to).map(toSummary),
    get: (id: Id): Drill | null => {
      const row = one.get(id);
      return row ? toDrill(row) : null;
    },
    create: db.transaction((drill: NewDrill): Id => {
      const id = Number(insertDrill.run(drill).lastInsertRowid);
      for (const p of drill.participants) insertParticipant.run(id, p.engineerId, p.role);
      return id;
    }),
    /** The steps are copied here, once: the record keeps what the team ran through. */
    start: db.transaction((id: Id, at: IsoInstant, steps: readonly string[]): void => {
      markStarted.run(at, id);
      steps.forEach((text, position) => insertStep.run(id, position, text));
    }),
    setStep: (id: Id, position: number, tickedAt: IsoInstant | null, skipped: boolean): void => {
      updateStep.run(tickedAt, skipped ? 1 : 0, id, position);
    },
    setMoments: (id: Id, moments: DrillMoments): void => {
      updateMoments.run({ id, ...moments });
    },
    addNote: (id: Id, at: IsoInstant, text: string): void => {
      insertNote.run(id, at, text);
    },
    finish: db.transaction((id: Id, finish: DrillFinish): void => {
      markFinished.run(finish.finishedAt, finish.outcome, finish.findings, id);
      for (const f of finish.followups) insertFollowup.run(id, f.text, f.ownerId, f.dueDate);
    }),
    cancel: (id: Id): void => {
      markCancelled.run(id);
    },
    followup: (id: Id): DrillFollowup | null => {
      const row = followupById.get(id);
      return row ? toFollowup(row) : null;
    },
    setFollowupStatus: (id: Id, status: FollowupStatus): void => {
      updateFollowup.run(status, id);
    },
    /** Open follow-ups of every drill, soonest due first. */
    openFollowups: (): DrillFollowup[] => openFollowups.all().map(toFollowup),
  };
}
