// Imported files come from the tools people really use: Excel writes UTF-8 with a BOM,
// "Unicode Text" (UTF-16LE with a BOM), or, in older versions and many locales, Windows-1252.
// The bytes are read by their byte-order mark, else as UTF-8 when they are valid UTF-8, else
// by chardet's guess where it is a Unicode form, else as Windows-1252: the one legacy
// encoding spreadsheets write, and one where every byte means a character. The last is a
// guess the lead should check, so it comes with a notice.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { ImportReading } from '../../shared/ipc/channels/share';
import { stripBom } from './problems';

export interface DecodedFile {
  text: string;
  reading: ImportReading;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const BOMS: { bytes: number[]; encoding: string; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8', label: 'UTF-8 with BOM' },
  { bytes: [0xff, 0xfe], encoding: 'utf16le', label: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'utf16be', label: 'UTF-16BE' },
];

const reading = (encoding: string, notice: string | null = null): ImportReading => ({
  encoding,
  delimiter: null,
  notice,
});

/** The file's text and how it was read. */
export function decodeImport(bytes: Uint8Array): DecodedFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => buffer[i] === b)) {
      return { text: iconv.decode(buffer.subarray(bom.bytes.length), bom.encoding), reading: reading(bom.label) };
    }
  }
  try {
    return { text: strictUtf8.decode(buffer), reading: reading('UTF-8') };
  } catch {
    // Not UTF-8: see below.
  }
  const guess = chardet.detect(buffer);
  if (guess === 'UTF-16LE' || guess === 'UTF-16BE') {
    return { text: iconv.decode(buffer, guess.toLowerCase().replace('-', '')), reading: reading(guess) };
  }
  return {
    text: iconv.decode(buffer, 'win1252'),
    reading: reading(
      'Windows-1252',
      'The file is not UTF-8, so it was read as Windows-1252 (what older Excel saves): check that names with accents look right.',
    ),
  };
}

/** Text that arrived already decoded (typed or read by the caller): only a BOM is dropped. */
export function textImport(text: string): DecodedFile {
  return { text: stripBom(text), reading: reading('UTF-8') };
}
