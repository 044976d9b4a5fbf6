// Sharing: calendar files, spreadsheets, the printable plan and backups out; engineers,
// holidays and backups in. Every export answers a file the host saves (a save dialog in the
// desktop app, a download in the browser host); every import is previewed before it applies.
import type { Engineer, Id, IsoDate } from '../../model';
import {
  csvExportArgs,
  icsExportArgs,
  importApplyArgs,
  importArgs,
  planExportArgs,
  type CsvDelimiter,
  type CsvTable,
  type IcsContent,
  type ImportKind,
  type ImportMode,
  type PlanFormat,
} from '../share-schemas';
import { noArgs } from '../schemas';
import { returns } from './define';

/** A file to save. PDF content is base64; everything else is the text itself. */
export interface ExportFile {
  filename: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

/** What the Export screen offers, with the defaults it starts from. */
export interface ExportCatalog {
  /** The current quarter in the zone of the only rotation, else the team's. */
  defaultRange: { from: IsoDate; to: IsoDate; label: string };
  timeZone: string;
  /** Every rotation, archived ones too, in the lead's order: what the lead may choose to export. */
  rotations: { id: Id; name: string; timeZone: string; archived: boolean }[];
  engineers: Pick<Engineer, 'id' | 'name' | 'active'>[];
  ics: { contents: IcsContent[]; hasShifts: boolean; hasHolidays: boolean; drillCount: number };
  csv: { tables: CsvTable[] };
  plan: { formats: PlanFormat[]; pdfAvailable: boolean };
  imports: { kind: ImportKind; accepts: string; modes: ImportMode[]; description: string }[];
}

/** Where in the imported file a problem is: a line, or an event of a calendar, or a table row of a backup. */
export interface ImportProblem {
  file: string;
  line: number | null;
  /** A calendar event ('event 3 "Christmas Day"') or a backup row ('engineers row 2'). */
  item: string | null;
  field: string | null;
  message: string;
}

export interface ImportChange {
  action: 'add' | 'update' | 'deactivate' | 'remove' | 'replace';
  /** What it is: 'engineer', 'holiday', 'table'. */
  what: string;
  /** The thing in words: 'Engineer E <e@example.com>', '2026-12-24 Christmas Eve'. */
  label: string;
  /** For an update: which fields change, as 'email: a@x → b@x'. */
  details: string[];
}

/** How the file's bytes were read, said in the preview so the lead can check it. */
export interface ImportReading {
  /** 'UTF-8', 'UTF-8 with BOM', 'UTF-16LE', 'UTF-16BE' or 'Windows-1252'. */
  encoding: string;
  /** Spreadsheets: the character found between the header's fields. */
  delimiter: CsvDelimiter | null;
  /** Set when the reading is a guess worth checking (not UTF-8, so read as Windows-1252). */
  notice: string | null;
}

export interface ImportPreview {
  kind: ImportKind;
  mode: ImportMode;
  file: string;
  reading: ImportReading;
  /** False when the file has problems; nothing would be applied. */
  valid: boolean;
  problems: ImportProblem[];
  changes: ImportChange[];
  /** Items in the file that are already exactly so. */
  unchanged: number;
  /** One line for the screen: 'Adds 2 engineers and updates 1.' or the first problem. */
  summary: string;
}

export interface ImportResult extends ImportPreview {
  /** The copy of the database taken before a backup replaced it (null when there was no file to copy). */
  backupPath: string | null;
}

export const importChannels = {
  'import:preview': { args: importArgs, result: returns<ImportPreview>() },
  'import:apply': { args: importApplyArgs, result: returns<ImportResult>() },
} as const;

export const shareChannels = {
  'export:list': { args: noArgs, result: returns<ExportCatalog>() },
  'export:ics': { args: icsExportArgs, result: returns<ExportFile>() },
  'export:csv': { args: csvExportArgs, result: returns<ExportFile>() },
  'export:plan': { args: planExportArgs, result: returns<ExportFile>() },
  'export:backup': { args: noArgs, result: returns<ExportFile>() },
  ...importChannels,
} as const;
