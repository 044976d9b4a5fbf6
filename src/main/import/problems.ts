// Problems found in an imported file, each naming where (file, line or item, field) and why,
// and the one-line message that carries them when an import is refused.
import type { ImportProblem } from '../../shared/ipc/channels/share';
import { describeMojibake, findMojibake } from './mojibake';

export function problem(
  file: string,
  where: Partial<Omit<ImportProblem, 'file' | 'message'>>,
  message: string,
): ImportProblem {
  return { file, line: where.line ?? null, item: where.item ?? null, field: where.field ?? null, message };
}

/** 'engineers.csv, line 3, email: must be an email address' */
export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.line !== null ? `line ${p.line}` : null, p.item, p.field].filter(
    (part): part is string => part !== null,
  );
  return `${where.join(', ')}: ${p.message}`;
}

/** At most `shown` problems in one message, with a count of the rest. */
export function formatProblems(problems: readonly ImportProblem[], shown = 5): string {
  const head = problems.slice(0, shown).map(formatProblem).join('\n');
  return problems.length > shown ? `${head}\n… and ${problems.length - shown} more problems` : head;
}

export function mojibakeProblems(file: string, text: string): ImportProblem[] {
  return findMojibake(text).map((hit) =>
    problem(file, { line: hit.line, field: `column ${hit.column}` }, describeMojibake(hit)),
  );
}

/** The text without a leading UTF-8 byte-order mark (Excel and Notepad write one). */
export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
