// The whole database as plain rows, and back: what the JSON backup is made of. Table and
// column names come from SQLite's own catalogue, never from the file being restored, so a
// backup cannot smuggle SQL in through a name.
import type { Statement } from 'better-sqlite3';
import type { Connection } from '../connection';
import { backupDatabase, closeDatabase, openScratchDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate, schemaVersion } from '../migrations/runner';

export type CellValue = string | number | null;
export type TableRows = Record<string, CellValue>[];

export interface TableShape {
  name: string;
  columns: { name: string; notNull: boolean; hasDefault: boolean; primaryKey: boolean }[];
  /** Tables this one points at (its foreign keys), itself excluded. */
  parents: string[];
}

export interface RestoreProblem {
  table: string;
  /** 0-based index of the row in the backup's list for that table, when one row is at fault. */
  row: number | null;
  column: string | null;
  message: string;
}

/** Thrown from inside the restore transaction, so SQLite rolls every write back. */
export class RestoreError extends Error {
  constructor(readonly problem: RestoreProblem) {
    super(problem.message);
    this.name = 'RestoreError';
  }
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Replaces every row of every table of `db` with the given rows, in one transaction: deletes
 * children first (RESTRICT keys are checked at once even when deferred), inserts parents
 * first, checks every foreign key before committing. Any failure rolls everything back.
 * Tables missing from `tables` end up empty.
 */
function fill(db: Connection, tables: Record<string, TableRows>): void {
  const ordered = backupRepository(db).shapes();
  const known = new Map(ordered.map((shape) => [shape.name, shape]));
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const shape of [...ordered].reverse()) db.prepare(`DELETE FROM ${quote(shape.name)}`).run();
    for (const shape of ordered) {
      const rows = tables[shape.name] ?? [];
      const columnNames = new Set(shape.columns.map((c) => c.name));
      // One statement per set of columns (rows of one table nearly always share it), not per row.
      const statements = new Map<string, Statement>();
      const insertFor = (columns: string[]) => {
        const key = columns.join('\u0000');
        let statement = statements.get(key);
        if (!statement) {
          statement = db.prepare(
            columns.length
              ? `INSERT INTO ${quote(shape.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
              : `INSERT INTO ${quote(shape.name)} DEFAULT VALUES`,
          );
          statements.set(key, statement);
        }
        return statement;
      };
      rows.forEach((row, index) => {
        const columns = Object.keys(row);
        const unknown = columns.find((c) => !columnNames.has(c));
        if (unknown !== undefined) {
          throw new RestoreError({
            table: shape.name,
            row: index,
            column: unknown,
            message: `there is no column '${unknown}' in this version`,
          });
        }
        try {
          insertFor(columns).run(...columns.map((c) => row[c] ?? null));
        } catch (error) {
          const message = (error as Error).message.replace(/^SQLITE_\w+: /, '');
          const column = /: [\w]+\.(\w+)$/.exec(message)?.[1] ?? null;
          throw new RestoreError({ table: shape.name, row: index, column, message });
        }
      });
    }
    for (const name of Object.keys(tables)) {
      if (!known.has(name))
        throw new RestoreError({
          table: name,
          row: null,
          column: null,
          message: 'there is no such table in this version',
        });
    }
    const broken = db
      .prepare<[], { table: string; rowid: number; parent: string; fkid: number }>('PRAGMA foreign_key_check')
      .get();
    if (broken) {
      const key = db
        .prepare<[], { id: number; from: string }>(`PRAGMA foreign_key_list(${quote(broken.table)})`)
        .all()
        .find((f) => f.id === broken.fkid);
      // An INTEGER PRIMARY KEY id is the rowid; other tables were refilled from rowid 1 in file order.
      const rows = tables[broken.table] ?? [];
      const byId = rows.findIndex((r) => r.id === broken.rowid);
      const index = byId >= 0 ? byId : broken.rowid - 1 < rows.length ? broken.rowid - 1 : -1;
      throw new RestoreError({
        table: broken.table,
        row: index >= 0 ? index : null,
        column: key?.from ?? null,
        message: `points at a row of ${broken.parent} that is not in the backup`,
      });
    }
  })();
}

export function backupRepository(db: Connection) {
  const tableNames = (): string[] =>
    db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((r) => r.name);

  const shapeOf = (table: string): TableShape => {
    const columns = db
      .prepare<[], { name: string; notnull: number; dflt_value: unknown; pk: number }>(
        `PRAGMA table_info(${quote(table)})`,
      )
      .all()
      .map((c) => ({
        name: c.name,
        notNull: c.notnull === 1,
        hasDefault: c.dflt_value !== null,
        primaryKey: c.pk > 0,
      }));
    const parents = db
      .prepare<[], { table: string }>(`PRAGMA foreign_key_list(${quote(table)})`)
      .all()
      .map((f) => f.table)
      .filter((parent) => parent !== table);
    return { name: table, columns, parents: [...new Set(parents)] };
  };

  /** Every table, parents before children, so inserts could run in this order and deletes in reverse. */
  const shapes = (): TableShape[] => {
    const all = new Map(tableNames().map((name) => [name, shapeOf(name)]));
    const ordered: TableShape[] = [];
    const placed = new Set<string>();
    const place = (name: string, path: Set<string>) => {
      if (placed.has(name) || path.has(name)) return;
      const shape = all.get(name);
      if (!shape) return;
      path.add(name);
      for (const parent of shape.parents) place(parent, path);
      path.delete(name);
      placed.add(name);
      ordered.push(shape);
    };
    for (const name of [...all.keys()].sort()) place(name, new Set());
    return ordered;
  };

  const rowsOf = (table: string): TableRows =>
    db.prepare<[], Record<string, CellValue>>(`SELECT * FROM ${quote(table)} ORDER BY rowid`).all();

  const countOf = (table: string): number =>
    db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`).get()!.n;

  return {
    schemaVersion: (): number => schemaVersion(db),
    shapes,
    /** Every row of every table, in a stable order (tables by name, rows by rowid). */
    dump: (): Record<string, TableRows> => {
      const tables: Record<string, TableRows> = {};
      for (const name of tableNames()) tables[name] = rowsOf(name);
      return tables;
    },
    counts: (): Record<string, number> => Object.fromEntries(tableNames().map((name) => [name, countOf(name)])),
    /**
     * Replaces every row of every table with the rows of a backup made at schema version
     * `fromVersion` (this one's by default), in one transaction; any failure rolls it all back.
     */
    replaceAll: (tables: Record<string, TableRows>, fromVersion = schemaVersion(db)): void => {
      // An older backup's rows fit its own schema, not this one: they are restored into a
      // scratch database at the backup's version, migrated there, and the result swapped in.
      if (fromVersion < schemaVersion(db)) {
        const scratch = openScratchDatabase(db, fromVersion);
        try {
          fill(scratch, tables);
          migrate(scratch, migrations, 'the backup');
          fill(db, backupRepository(scratch).dump());
        } finally {
          closeDatabase(scratch);
        }
        return;
      }
      fill(db, tables);
    },
    /** A consistent copy of the live file, taken before a restore replaces it. */
    copyTo: (destination: string): Promise<void> => backupDatabase(db, destination),
  };
}
