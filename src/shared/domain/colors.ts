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

// Default colours for new engineers. Shifts are told apart by colour alone on the calendar, so
// a newcomer's colour must differ from every colour in use, also to people who see fewer
// colours: the candidates come from palettes made for colour-blind readers, and the one
// chosen is the farthest from those in use as normal, protan and deutan vision see them.

/**
 * Okabe–Ito's colour-blind-safe set (without its yellow, too pale on a white page, and its
 * black, which reads as text), then Tableau 10's hues that carry black or white names.
 */
export const ENGINEER_PALETTE = [
  '#0072b2', // blue
  '#d55e00', // vermillion
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#e69f00', // orange
  '#56b4e9', // sky blue
  '#4e79a7', // steel blue
  '#59a14f', // green
  '#b07aa1', // mauve
  '#e15759', // red
] as const;

type Rgb = readonly [number, number, number];
type Lab = readonly [number, number, number];

function linearRgb(color: string): Rgb | null {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(2), channel(4)];
}

// How protanopes and deuteranopes see a colour (Machado, Oliveira and Fernandes 2009, full
// severity), in linear RGB.
const VISIONS: readonly (readonly [Rgb, Rgb, Rgb] | null)[] = [
  null,
  [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
];

function seenAs(rgb: Rgb, matrix: readonly [Rgb, Rgb, Rgb] | null): Rgb {
  if (!matrix) return rgb;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [r, g, b] = rgb;
  return matrix.map((row) => clamp(row[0] * r + row[1] * g + row[2] * b)) as unknown as Rgb;
}

/** CIE L*a*b* (D65) of a linear RGB colour. */
function lab([r, g, b]: Rgb): Lab {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/**
 * How far apart two colours look to the viewer who finds them most alike: the smallest
 * CIE76 ΔE over normal, protan and deutan vision. Above about 20 two shifts are easy to tell apart.
 */
export function colorDistance(a: string, b: string): number {
  const ra = linearRgb(a);
  const rb = linearRgb(b);
  if (!ra || !rb) return 0;
  return Math.min(
    ...VISIONS.map((vision) => {
      const [l1, a1, b1] = lab(seenAs(ra, vision));
      const [l2, a2, b2] = lab(seenAs(rb, vision));
      return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
    }),
  );
}

/** The palette colour that looks least like any colour in `used` (the palette's order breaks ties). */
export function distinctColor(used: readonly string[]): string {
  const inUse = used.filter((c) => linearRgb(c) !== null);
  let best: string = ENGINEER_PALETTE[0];
  let bestDistance = -1;
  for (const candidate of ENGINEER_PALETTE) {
    const nearest = inUse.length ? Math.min(...inUse.map((c) => colorDistance(candidate, c))) : Infinity;
    if (nearest > bestDistance) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}
