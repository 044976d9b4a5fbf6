// Quarterly ownership reviews: when, the checklist as ticked, decisions and notes.
import type { Connection } from '../connection';
import type { Id, OwnershipReview } from '../../../shared/model';

interface ReviewRow {
  id: number;
  quarter: string;
  reviewed_on: string;
  checklist: string;
  decisions: string;
  notes: string;
}

const toReview = (r: ReviewRow): OwnershipReview => ({
  id: r.id,
  quarter: r.quarter,
  reviewedOn: r.reviewed_on,
  checklist: JSON.parse(r.checklist) as Record<string, boolean>,
  decisions: r.decisions,
  notes: r.notes,
});

export function reviewsRepository(db: Connection) {
  const all = db.prepare<[], ReviewRow>('SELECT * FROM ownership_reviews ORDER BY reviewed_on DESC, id DESC');
  const byId = db.prepare<[number], ReviewRow>('SELECT * FROM ownership_reviews WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO ownership_reviews (quarter, reviewed_on, checklist, decisions, notes)
     VALUES (@quarter, @reviewedOn, @checklist, @decisions, @notes)`,
  );
  const update = db.prepare(
    `UPDATE ownership_reviews SET quarter = @quarter, reviewed_on = @reviewedOn, checklist = @checklist,
       decisions = @decisions, notes = @notes WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM ownership_reviews WHERE id = ?');
  const columns = (r: Omit<OwnershipReview, 'id'>) => ({ ...r, checklist: JSON.stringify(r.checklist) });
  return {
    list: (): OwnershipReview[] => all.all().map(toReview),
    get: (id: Id): OwnershipReview | null => {
      const row = byId.get(id);
      return row ? toReview(row) : null;
    },
    insert: (review: Omit<OwnershipReview, 'id'>): Id => Number(insert.run(columns(review)).lastInsertRowid),
    update: (review: OwnershipReview): void => {
      update.run(columns(review));
    },
    remove: (id: Id): boolean => remove.run(id).changes > 0,
  };
}
