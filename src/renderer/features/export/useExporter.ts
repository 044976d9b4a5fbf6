import { useCallback, useState } from 'react';
import type { ArgsIn } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { useAppInfo } from '../../query/app-info';
import type { ExportChannel } from '../../store/slices/share';
import { hostOf, saveExportFile, type SaveOutcome } from '../../api/files';

export interface ExportState {
  busy: boolean;
  outcome: SaveOutcome | null;
  error: string | null;
}

/** Fetches an export and saves it where this host saves files; remembers how it went for the card. */
export function useExporter() {
  const appInfo = useAppInfo();
  const [state, setState] = useState<ExportState>({ busy: false, outcome: null, error: null });

  const run = useCallback(
    async <K extends ExportChannel>(channel: K, args: ArgsIn<K>) => {
      setState({ busy: true, outcome: null, error: null });
      const file = await call(channel, args);
      if (!file.ok) {
        setState({ busy: false, outcome: null, error: file.error.message });
        return;
      }
      const saved = await saveExportFile(file.value, hostOf(appInfo));
      if (saved.ok) setState({ busy: false, outcome: saved.value, error: null });
      else
        setState({
          busy: false,
          outcome: null,
          error: `Could not save ${file.value.filename}: ${saved.error.message}`,
        });
    },
    [appInfo],
  );

  return { state, run };
}
