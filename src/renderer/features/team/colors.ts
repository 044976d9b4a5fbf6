// Engineer colours: names are drawn on them (black or white text, whichever reads better) and
// shifts are drawn with them on a white page, so a colour must do both.
import { distinctColor } from '../../../shared/domain/colors';
import { contrastRatio, readableTextOn } from '../calendar/colors';

/** Why names on this colour, or the colour on the page, would be hard to see; null when it is fine. */
export function colorProblem(color: string): string | null {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return 'Pick a colour.';
  if (contrastRatio(color, readableTextOn(color)) < 4.5)
    return 'Names are hard to read on this colour: pick a darker or a lighter one.';
  if (contrastRatio(color, '#ffffff') < 1.6)
    return 'This colour is too pale to see on the calendar: pick a darker one.';
  return null;
}

/** A new engineer's colour: the one that looks least like those in use (src/shared/domain/colors). */
export const unusedColor = distinctColor;

export { readableTextOn };
