// The plan's Markdown building blocks: escaping what people typed, tables, and the words for
// days and moments. Shared by the plan and the drill report.
import { formatDay, yearOf } from '../../shared/format';
import { localDateOf, localTimeOf } from '../../shared/domain/time';
import type { IsoDate } from '../../shared/model';

// ---------------------------------------------------------------------------------------
// Escaping

/** Inline user text: Markdown punctuation and HTML brackets are backslash-escaped, newlines become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]{}<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([+\-=]|\d+[.)])(\s|$)/, (match) => `\\${match}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .trim();
}

/** A table cell: like mdText, and never empty (an empty cell collapses in some viewers). */
export const cell = (text: string) => mdText(text) || '—';

export function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// Words

/** 'Thu 26 Nov', or 'Thu 26 Nov 2026' with the year (a plain date: no time zone involved) */
export function dayLabel(date: IsoDate, withYear = false): string {
  return formatDay(date, withYear ? undefined : yearOf(date));
}

export const momentLabel = (instant: string, zone: string) =>
  `${dayLabel(localDateOf(instant, zone))} ${localTimeOf(instant, zone)}`;

/** Keeps a name or a date on one line in a table cell. */
export const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
