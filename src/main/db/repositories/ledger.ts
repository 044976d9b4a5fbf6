import type { Connection } from '../connection';
import type { PastShift } from '../../../shared/domain/ledger';
import type { Id, Role } from '../../../shared/model';

export interface PastShiftRow extends PastShift {
  id: Id;
  /** The file it came from. */
  source: string;
}

/** The ledger's history from before Watchbill: imported past shifts and typed opening balances. */
export function ledgerRepository(db: Connection) {
  const listShifts = db.prepare<
    [],
    { id: Id; engineerId: Id; startsAt: string; endsAt: string; role: Role; source: string }
  >(
    `SELECT id, engineer_id AS engineerId, starts_at AS startsAt, ends_at AS endsAt, role, source
       FROM past_shifts ORDER BY starts_at, id`,
  );
  const insertShift = db.prepare(
    'INSERT INTO past_shifts (engineer_id, starts_at, ends_at, role, source) VALUES (?, ?, ?, ?, ?)',
  );
  const clearShifts = db.prepare('DELETE FROM past_shifts');
  const listBalances = db.prepare<[], { engineerId: Id; balance: number }>(
    'SELECT engineer_id AS engineerId, balance FROM opening_balances ORDER BY engineer_id',
  );
  const setBalance = db.prepare(
    `INSERT INTO opening_balances (engineer_id, balance) VALUES (?, ?)
       ON CONFLICT (engineer_id) DO UPDATE SET balance = excluded.balance`,
  );
  const clearBalance = db.prepare('DELETE FROM opening_balances WHERE engineer_id = ?');
  return {
    pastShifts: (): PastShiftRow[] => listShifts.all(),
    addPastShifts: (shifts: readonly (PastShift & { source: string })[]): void => {
      for (const s of shifts) insertShift.run(s.engineerId, s.startsAt, s.endsAt, s.role, s.source);
    },
    clearPastShifts: (): void => {
      clearShifts.run();
    },
    openingBalances: (): Record<Id, number> =>
      Object.fromEntries(listBalances.all().map((r) => [r.engineerId, r.balance])),
    /** A zero balance is no balance: the row goes. */
    setOpeningBalance: (engineerId: Id, balance: number): void => {
      if (balance === 0) clearBalance.run(engineerId);
      else setBalance.run(engineerId, balance);
    },
  };
}
