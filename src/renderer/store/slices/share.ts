// The import in progress on the Export screen: the chosen file, its preview, what applying it
// did (what can be exported and the plan's preview are the query layer's; saving a file is the
// host's business, done by the screen).
import type { ImportPreview, ImportResult } from '../../../shared/ipc/channels/share';
import type { Id } from '../../../shared/model';
import type { ImportKind, ImportMode } from '../../../shared/ipc/share-schemas';
import type { Result } from '../../../shared/result';
import { call } from '../../api/client';
import { save } from '../../query/save';
import { idle, type Loadable, type SliceCreator } from '../types';

export type ExportChannel = 'export:ics' | 'export:csv' | 'export:plan' | 'export:backup';

export interface ImportSource {
  filename: string;
  /** 'bytes': base64 of the file, read by the main process whatever its encoding. */
  encoding: 'text' | 'bytes';
  content: string;
}

export interface ShareSlice {
  importKind: ImportKind;
  importMode: ImportMode;
  importSource: ImportSource | null;
  /** History: the rotation its past shifts were in; null lets the server take the only one. */
  importRotationId: Id | null;
  importPreview: ImportPreview | null;
  importPreviewState: Loadable;
  /** What the last apply did (cleared by the next choice). */
  importResult: ImportResult | null;

  setImportKind(kind: ImportKind): void;
  setImportMode(mode: ImportMode): Promise<void>;
  setImportRotation(rotationId: Id | null): Promise<void>;
  chooseImportFile(source: ImportSource): Promise<void>;
  clearImport(): void;
  applyImport(confirmReplace: boolean): Promise<Result<ImportResult>>;
}

export const createShareSlice: SliceCreator<ShareSlice> = (set, get) => {
  /** The rotation a history import names, when the lead chose one. */
  const rotationArg = () => {
    const { importKind: kind, importRotationId: rotationId } = get();
    return kind === 'history' && rotationId !== null ? { rotationId } : {};
  };
  const previewNow = async () => {
    const { importKind: kind, importMode: mode, importSource: source, importRotationId: rotationId } = get();
    if (!source) return;
    set((s) => ({ importPreviewState: { status: 'loading', error: s.importPreviewState.error } }));
    const result = await call('import:preview', {
      kind,
      mode,
      filename: source.filename,
      encoding: source.encoding,
      content: source.content,
      ...rotationArg(),
    });
    // A newer choice may have replaced the file while this one was checked.
    const now = get();
    if (
      now.importSource !== source ||
      now.importKind !== kind ||
      now.importMode !== mode ||
      now.importRotationId !== rotationId
    )
      return;
    if (result.ok) set({ importPreview: result.value, importPreviewState: { status: 'ready', error: null } });
    else set({ importPreview: null, importPreviewState: { status: 'error', error: result.error.message } });
  };

  return {
    importKind: 'engineers',
    importMode: 'merge',
    importSource: null,
    importRotationId: null,
    importPreview: null,
    importPreviewState: idle,
    importResult: null,

    setImportKind(kind) {
      if (kind === get().importKind) return;
      set({
        importKind: kind,
        importMode: 'merge',
        importSource: null,
        importPreview: null,
        importPreviewState: idle,
        importResult: null,
      });
    },

    async setImportMode(mode) {
      if (mode === get().importMode) return;
      set({ importMode: mode, importPreview: null, importResult: null });
      await previewNow();
    },

    async setImportRotation(rotationId) {
      if (rotationId === get().importRotationId) return;
      set({ importRotationId: rotationId, importPreview: null, importResult: null });
      await previewNow();
    },

    async chooseImportFile(source) {
      set({ importSource: source, importPreview: null, importResult: null });
      await previewNow();
    },

    clearImport() {
      set({ importSource: null, importPreview: null, importPreviewState: idle });
    },

    async applyImport(confirmReplace) {
      const { importKind: kind, importMode: mode, importSource: source } = get();
      if (!source) return { ok: false, error: { code: 'invalid_input', message: 'Choose a file to import first.' } };
      const result = await save('import:apply', {
        kind,
        mode,
        filename: source.filename,
        encoding: source.encoding,
        content: source.content,
        ...rotationArg(),
        confirmReplace,
      });
      if (!result.ok) {
        // The file was checked again when applied; show what it says now.
        await previewNow();
        return result;
      }
      set({ importResult: result.value, importSource: null, importPreview: null, importPreviewState: idle });
      return result;
    },
  };
};
