import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** The renderer handles commands it owns (undo in the calendar, exports) by name. */
  sendCommand: (command: string) => void;
  databasePath: string;
  version: string;
  getWindow: () => BrowserWindow | null;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: 'About Watchbill',
      message: `Watchbill ${actions.version}`,
      detail: `On-call, ownership, runbooks and drills for a data-engineering team, offline.\n\nDatabase: ${actions.databasePath}`,
    });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendCommand('navigate:export') },
        { label: 'Import…', click: () => actions.sendCommand('navigate:export') },
        { label: 'Back up database…', click: () => actions.sendCommand('navigate:export') },
        { type: 'separator' },
        {
          label: 'Show database in folder',
          click: () => shell.showItemInFolder(actions.databasePath),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The renderer decides: the text being typed, or the last schedule change (persisted).
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.sendCommand('edit:undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => actions.sendCommand('edit:redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: 'About Watchbill', click: about }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
