// Text that was UTF-8 but got read as Windows-1252 (or Latin-1) on the way, so "→" became
// "â†’" and "é" became "Ã©", as in the first hand-written seed plan. Importing it would
// save the garbage for good, so it is found and reported with its line.

// Windows-1252's characters for the bytes 0x80–0x9F (the C1 controls where it has none).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];
const BYTE_OF = new Map<string, number>();
CP1252_HIGH.forEach((code, i) => BYTE_OF.set(String.fromCharCode(code), 0x80 + i));
for (let byte = 0xa0; byte <= 0xff; byte += 1) BYTE_OF.set(String.fromCharCode(byte), byte);
for (let byte = 0x80; byte <= 0x9f; byte += 1)
  if (!BYTE_OF.has(String.fromCharCode(byte))) BYTE_OF.set(String.fromCharCode(byte), byte);

const CONTINUATION = `[\\u0080-\\u00BF${CP1252_HIGH.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
/** A UTF-8 lead byte (as read in Windows-1252) followed by one to three continuation bytes. */
const CANDIDATE = new RegExp(`[\\u00C2-\\u00F4]${CONTINUATION}{1,3}`, 'g');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeHit {
  line: number;
  column: number;
  /** The garbled text as it stands in the file, e.g. 'â†’'. */
  found: string;
  /** What it most likely meant, e.g. '→'. */
  meant: string;
}

/**
 * The places in `text` where UTF-8 was decoded as Windows-1252: each candidate's characters
 * are turned back into bytes and must form exactly one valid UTF-8 character, which keeps
 * real names such as "Ørsted" or "São" from being flagged.
 */
export function findMojibake(text: string, limit = 20): MojibakeHit[] {
  const hits: MojibakeHit[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    if (hits.length >= limit) return;
    for (const match of lineText.matchAll(CANDIDATE)) {
      const bytes = [...match[0]].map((c) => BYTE_OF.get(c) ?? -1);
      const lead = bytes[0]!;
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (bytes.length < length || bytes.slice(0, length).some((b) => b < 0)) continue;
      let meant: string;
      try {
        meant = strictUtf8.decode(Uint8Array.from(bytes.slice(0, length)));
      } catch {
        continue;
      }
      hits.push({ line: index + 1, column: (match.index ?? 0) + 1, found: match[0].slice(0, length), meant });
      if (hits.length >= limit) return;
    }
  });
  return hits;
}

export function describeMojibake(hit: MojibakeHit): string {
  return (
    `"${hit.found}" looks like "${hit.meant}" that was saved as UTF-8 and read back as Windows-1252 (mojibake); ` +
    'fix the text or re-export the file as UTF-8'
  );
}
