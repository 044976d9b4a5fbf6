// Exposes exactly the contract's channels to the sandboxed renderer, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, type Api } from '../../shared/ipc/contract';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(channel, args)]),
) as Api;

/** Menu commands (File ▸ Export, Edit ▸ Undo in the calendar) arrive here. */
const commands = {
  onCommand(listener: (command: string) => void): () => void {
    const handler = (_event: unknown, command: string) => listener(command);
    ipcRenderer.on('watchbill:command', handler);
    return () => ipcRenderer.removeListener('watchbill:command', handler);
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('watchbillCommands', commands);
