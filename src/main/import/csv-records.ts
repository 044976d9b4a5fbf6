// The records of a spreadsheet with the line each starts on, for every CSV import: what
// Excel, Numbers and Google Sheets write (a BOM, CRLF or LF, quoted fields with separators,
// quotes and line breaks inside). Empty lines are left out.
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from '../../shared/ipc/channels/share';
import { problem, stripBom } from './problems';

export interface CsvRecord {
  record: string[];
  /** The line the record starts on (1-based). */
  line: number;
}

export function csvRecords(
  file: string,
  text: string,
  delimiter: string,
): { ok: true; records: CsvRecord[] } | { ok: false; problem: ImportProblem } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // One line break per CRLF: csv-parse would count a CRLF inside quotes as two lines.
    records = parse(stripBom(text).replace(/\r\n/g, '\n'), {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = error instanceof CsvError ? ((error as CsvError & { lines?: number }).lines ?? null) : null;
    return {
      ok: false,
      problem: problem(
        file,
        { line },
        `is not valid CSV: ${(error as Error).message.replace(/^Invalid Record Length: |^\w+: /, '')}`,
      ),
    };
  }
  // csv-parse reports the line a record ends on; a record starts on the line after the previous one.
  let previousEnd = 0;
  const lines = records.map(({ record, info }) => {
    const start = previousEnd + 1;
    previousEnd = info.lines;
    return { record, line: start };
  });
  return {
    ok: true,
    records: lines.filter(({ record }) => !(record.length === 1 && record[0]!.trim() === '') && record.length > 0),
  };
}
