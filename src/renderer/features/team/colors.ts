// Colours the Team form offers; the rule a colour must meet is src/shared/domain/colors.ts.
import { colorProblem, readableTextOn } from '../../../shared/domain/colors';

/** Colours that read well with either text and stand out from the page and from each other. */
export const SUGGESTED_COLORS = [
  '#2563eb',
  '#b45309',
  '#047857',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#4d7c0f',
  '#c2410c',
  '#4338ca',
  '#a21caf',
] as const;

/** The first suggested colour nobody uses yet (the first one when all are taken). */
export function unusedColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return SUGGESTED_COLORS.find((c) => !taken.has(c)) ?? SUGGESTED_COLORS[0];
}

export { colorProblem, readableTextOn };
