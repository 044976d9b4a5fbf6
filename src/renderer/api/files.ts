// Where files go and come from depends on the host: the desktop app has native save and open
// dialogs ('files:save-as', 'files:open'); the browser host has downloads and a file input.
// This is the one place that decides, by app:info's host.
import type { ExportFile } from '../../shared/ipc/channels/share';
import type { OpenedFile } from '../../shared/ipc/channels/files';
import type { AppInfo } from '../../shared/views';
import type { Result } from '../../shared/result';
import { call } from './client';

export type Host = AppInfo['host'];

export type SaveOutcome =
  { how: 'saved'; path: string } | { how: 'downloaded'; filename: string } | { how: 'cancelled' };

/** The host from app:info; before it has loaded, the bridge tells which one this is. */
export function hostOf(info: AppInfo | null): Host {
  return info?.host ?? (window.api ? 'electron' : 'browser');
}

export async function saveExportFile(file: ExportFile, host: Host): Promise<Result<SaveOutcome>> {
  if (host === 'electron') {
    const result = await call('files:save-as', {
      suggestedName: file.filename,
      mimeType: file.mimeType,
      encoding: file.encoding,
      content: file.content,
    });
    if (!result.ok) return result;
    return {
      ok: true,
      value: result.value.saved && result.value.path ? { how: 'saved', path: result.value.path } : { how: 'cancelled' },
    };
  }
  download(file);
  return { ok: true, value: { how: 'downloaded', filename: file.filename } };
}

function download(file: ExportFile): void {
  const body = file.encoding === 'base64' ? base64Bytes(file.content) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it has started.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The desktop app's open dialog; null when the lead cancelled. Extensions are given without the dot. */
export async function openWithDialog(title: string, extensions: string[]): Promise<Result<OpenedFile | null>> {
  return call('files:open', { title, extensions });
}

/** '.csv,.txt' → ['csv', 'txt'] for the dialog's filter. */
export function extensionsOf(accepts: string): string[] {
  return accepts
    .split(',')
    .map((e) => e.trim().replace(/^\./, '').toLowerCase())
    .filter((e) => /^[a-z0-9]+$/.test(e));
}
