// Engineer colours: names are drawn on them (black or white text, whichever reads better) and
// shifts are drawn with them on a white page, so a colour must do both.
import { contrastRatio, readableTextOn } from '../calendar/colors';

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

/** Why names on this colour, or the colour on the page, would be hard to see; null when it is fine. */
export function colorProblem(color: string): string | null {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return 'Pick a colour.';
  if (contrastRatio(color, readableTextOn(color)) < 4.5)
    return 'Names are hard to read on this colour: pick a darker or a lighter one.';
  if (contrastRatio(color, '#ffffff') < 1.6)
    return 'This colour is too pale to see on the calendar: pick a darker one.';
  return null;
}

/** The first suggested colour nobody uses yet (the first one when all are taken). */
export function unusedColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return SUGGESTED_COLORS.find((c) => !taken.has(c)) ?? SUGGESTED_COLORS[0];
}

export { readableTextOn };
