// Engineer colours: names are drawn on them (black or white text, whichever contrasts more by
// WCAG luminance) and shifts are drawn with them on a white page, so a colour must do both.
// The Team form, the bridge and the spreadsheet import all check a colour by this rule.

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance(color: string): number {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return 0.5;
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** '#111827' or '#ffffff' on `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, '#111827') >= contrastRatio(background, '#ffffff') ? '#111827' : '#ffffff';
}

/** Why names on this colour, or the colour on the page, would be hard to see; null when it is fine. */
export function colorProblem(color: string): string | null {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return 'Pick a colour.';
  if (contrastRatio(color, readableTextOn(color)) < 4.5)
    return 'Names are hard to read on this colour: pick a darker or a lighter one.';
  if (contrastRatio(color, '#ffffff') < 1.6)
    return 'This colour is too pale to see on the calendar: pick a darker one.';
  return null;
}
