// Plain-text tables for the terminal.
import type { Engineer, Id } from '../../shared/model';

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (typeof rows[0]?.[c] === 'number' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function namer(engineers: readonly Engineer[]): (id: Id | null) => string {
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  return (id) => (id === null ? '—' : (names.get(id) ?? `#${id}`));
}
