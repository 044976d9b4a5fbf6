import type { Connection } from '../connection';
import type { PastShift } from '../../../shared/domain/ledger';
import type { Id, Role } from '../../../shared/model';

export interface PastShiftRow extends PastShift {
  id: Id;
  /** The rotation the shift was worked in. */
  rotationId: Id;
  /** The file it came from. */
  source: string;
}

/** The ledger's history from before Watchbill: imported past shifts and typed opening balances. */
export function ledgerRepository(db: Connection) {
  const listShifts = db.prepare<
    [number],
    { id: Id; rotationId: Id; engineerId: Id; startsAt: string; endsAt: string; role: Role; source: string }
  >(
    `SELECT id, rotation_id AS rotationId, engineer_id AS engineerId, starts_at AS startsAt, ends_at AS endsAt,
       role, source
       FROM past_shifts WHERE rotation_id = ? ORDER BY starts_at, id`,
  );
  const insertShift = db.prepare(
    'INSERT INTO past_shifts (rotation_id, engineer_id, starts_at, ends_at, role, source) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const clearShifts = db.prepare('DELETE FROM past_shifts WHERE rotation_id = ?');
  const clearAllShifts = db.prepare('DELETE FROM past_shifts');
  const shiftSpan = db.prepare<[], { count: number; first: string | null; last: string | null }>(
    'SELECT count(*) AS count, min(starts_at) AS first, max(ends_at) AS last FROM past_shifts',
  );
  const listBalances = db.prepare<[], { engineerId: Id; balance: number }>(
    'SELECT engineer_id AS engineerId, balance FROM opening_balances ORDER BY engineer_id',
  );
  const setBalance = db.prepare(
    `INSERT INTO opening_balances (engineer_id, balance) VALUES (?, ?)
       ON CONFLICT (engineer_id) DO UPDATE SET balance = excluded.balance`,
  );
  const clearBalance = db.prepare('DELETE FROM opening_balances WHERE engineer_id = ?');
  return {
    /** The history imported for one rotation, oldest first. */
    pastShifts: (rotationId: Id): PastShiftRow[] => listShifts.all(rotationId),
    addPastShifts: (rotationId: Id, shifts: readonly (PastShift & { source: string })[]): void => {
      for (const s of shifts) insertShift.run(rotationId, s.engineerId, s.startsAt, s.endsAt, s.role, s.source);
    },
    /** Forgets one rotation's imported history, or every rotation's when none is named. */
    clearPastShifts: (rotationId?: Id): void => {
      if (rotationId === undefined) clearAllShifts.run();
      else clearShifts.run(rotationId);
    },
    /** How much history was imported, over every rotation. */
    pastShiftSpan: () => shiftSpan.get()!,
    openingBalances: (): Record<Id, number> =>
      Object.fromEntries(listBalances.all().map((r) => [r.engineerId, r.balance])),
    /** A zero balance is no balance: the row goes. */
    setOpeningBalance: (engineerId: Id, balance: number): void => {
      if (balance === 0) clearBalance.run(engineerId);
      else setBalance.run(engineerId, balance);
    },
  };
}
