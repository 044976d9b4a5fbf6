// Reading a JSON backup: its envelope and shape are checked here, before the database is
// touched; whether its rows fit the schema (keys, constraints) is checked by restoring them
// inside a transaction that is rolled back for a preview and committed for an apply.
import { z } from 'zod';
import type { ImportProblem } from '../../shared/ipc/channels/share';
import type { TableRows } from '../db/repositories/backup';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupDocument } from '../export/backup';
import { mojibakeProblems, problem, stripBom } from './problems';

const cellValue = z.union([z.string(), z.number().finite(), z.null()], { error: 'must be text, a number or null' });
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'is not a table or column name');

const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT, { error: `must be "${BACKUP_FORMAT}": this is not a Watchbill backup` }),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION, {
      error: `must be ${BACKUP_FORMAT_VERSION}: this backup format is not known to this version`,
    }),
    schemaVersion: z.number().int().min(1),
    appVersion: z.string(),
    exportedAt: z.string(),
    tables: z.record(identifier, z.array(z.record(identifier, cellValue))),
  })
  .strict();

/** The line of a character offset (JSON.parse reports offsets). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Where a zod path points: `tables.engineers.2.name` is row 3 of engineers, field name. */
function whereOf(path: readonly PropertyKey[]): { item: string | null; field: string | null } {
  if (path[0] === 'tables' && path.length >= 2) {
    const table = String(path[1]);
    if (path.length >= 3)
      return { item: `${table} row ${Number(path[2]) + 1}`, field: path.length >= 4 ? String(path[3]) : null };
    return { item: `table ${table}`, field: null };
  }
  return { item: null, field: path.length ? path.map(String).join('.') : null };
}

export function parseBackup(
  file: string,
  text: string,
  currentSchemaVersion: number,
): { backup: BackupDocument | null; problems: ImportProblem[] } {
  const problems = mojibakeProblems(file, text);
  const body = stripBom(text);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    return {
      backup: null,
      problems: [
        ...problems,
        // No position means the text ended too soon: the problem is at its last line.
        problem(
          file,
          { line: line ? Number(line) : lineAt(body, position ? Number(position) : body.length) },
          `is not valid JSON: ${message}`,
        ),
      ],
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const holds = json === null ? 'null' : Array.isArray(json) ? 'a list' : `a ${typeof json}`;
    problems.push(
      problem(
        file,
        { line: lineAt(body, Math.max(0, body.search(/\S/))) },
        `is not a Watchbill backup: it holds ${holds}, where a backup is one JSON object`,
      ),
    );
    return { backup: null, problems };
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20))
      problems.push(problem(file, whereOf(issue.path), issue.message));
    return { backup: null, problems };
  }
  const backup = parsed.data as BackupDocument;
  if (backup.schemaVersion > currentSchemaVersion) {
    problems.push(
      problem(
        file,
        { field: 'schemaVersion' },
        `is ${backup.schemaVersion}: the backup was made by a newer Watchbill (this one knows up to ${currentSchemaVersion}); update Watchbill to restore it`,
      ),
    );
  }
  return { backup: problems.length ? null : backup, problems };
}

/** Row counts per table, for the preview ('engineers: 4 → 6'). */
export function countRows(tables: Record<string, TableRows>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}
