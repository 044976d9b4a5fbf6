// Native save and open dialogs. Only the desktop app has them; the browser host answers
// 'unsupported' and the renderer uses a download or a file input there instead.
import { openFileArgs, saveFileArgs } from '../schemas';
import { returns } from './define';

export interface SavedFile {
  /** False when the lead cancelled the dialog. */
  saved: boolean;
  path: string | null;
}

export interface OpenedFile {
  filename: string;
  /** The file's bytes: the importer finds their encoding (UTF-8, UTF-16, Windows-1252). */
  encoding: 'bytes';
  /** base64 */
  content: string;
}

export const fileChannels = {
  'files:save-as': { args: saveFileArgs, result: returns<SavedFile>() },
  'files:open': { args: openFileArgs, result: returns<OpenedFile | null>() },
} as const;
