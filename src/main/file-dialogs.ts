// The desktop app's native save and open dialogs behind the file channels.
import { dialog, type BrowserWindow } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { HandlersFor } from '../shared/ipc/contract';
import type { fileChannels } from '../shared/ipc/channels/files';
import { DomainError } from '../shared/result';

/** Imports are text files (CSV, iCalendar, JSON); anything larger than this is not one of ours. */
const MAX_OPEN_BYTES = 50 * 1024 * 1024;

export function fileDialogHandlers(getWindow: () => BrowserWindow | null): HandlersFor<typeof fileChannels> {
  return {
    'files:save-as': async ({ suggestedName, encoding, content }) => {
      const window = getWindow();
      const extension = extname(suggestedName).slice(1);
      const options = {
        defaultPath: suggestedName,
        filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
      };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      writeFileSync(choice.filePath, Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'));
      return { saved: true, path: choice.filePath };
    },
    'files:open': async ({ title, extensions }) => {
      const window = getWindow();
      const options = {
        title,
        properties: ['openFile' as const],
        filters: extensions.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [],
      };
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      const bytes = readFileSync(path);
      if (bytes.length > MAX_OPEN_BYTES)
        throw new DomainError('invalid_input', `${basename(path)} is too large to import.`);
      return { filename: basename(path), encoding: 'bytes' as const, content: bytes.toString('base64') };
    },
  };
}
