import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rendererDir } from '../paths';
import { parseDatabaseArgs } from './database-args';
import { DEFAULT_CLI_DATABASE, parseOptions, type Command } from './command';

function openInBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('(No system browser found: open the address above yourself.)'));
    child.unref();
  } catch {
    console.log('(No system browser found: open the address above yourself.)');
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app to a browser on this machine (127.0.0.1 only)',
  usage: [
    'Usage: watchbill serve [--db PATH] [--port N] [--no-open] [--empty] [--now INSTANT]',
    '',
    '  --db PATH   the database file (default $WATCHBILL_DB or ./watchbill.db); created with the example team if new;',
    '              a refused file opens in recovery mode, to restore one of its backups',
    '  --port N    the port to listen on (default: any free port)',
    '  --no-open   do not open the system browser',
    '  --empty     start a new database without the example team',
    '  --now INSTANT  the app\'s "now" (default $WATCHBILL_NOW, else the real clock); @INSTANT lets it run on',
  ].join('\n'),
  async run(argv, clock) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port must be a port number, not '${values.port}'.`);
    const dir = rendererDir();
    if (!existsSync(join(dir, 'index.html')))
      throw new Error('The app is not built yet: run `npm run build` (or `npm start`) first.');

    const { databasePath, empty } = parseDatabaseArgs(argv, process.env, DEFAULT_CLI_DATABASE);
    // Loaded on use, like every command's app, so `--help` does not start SQLite.
    const [{ openHost }, { describeRecovery }, { startWebHost }] = await Promise.all([
      import('../app'),
      import('../recovery'),
      import('../host/web'),
    ]);
    const watchbill = openHost(
      {
        databasePath,
        empty: empty || values.empty === true,
        host: 'browser',
        backups: true,
        clock,
        jobs: { warm: true },
      },
      (path) => console.log(`Restored a backup to ${path}; Watchbill now works on that file.`),
    );
    const host = await startWebHost({ dispatch: watchbill.dispatch, rendererDir: dir, port });
    const opened = watchbill.current();
    if (opened.mode === 'recovery') {
      console.error(`${opened.refused.message}\n${describeRecovery(databasePath)}`);
      console.log('Watchbill opens in recovery mode: its page lists the backups and restores one as a copy.');
    } else if (opened.app.firstStart === 'seeded') console.log(`Created ${databasePath} with the example team.`);
    console.log(`Watchbill is running at ${host.url}`);
    if (!values['no-open']) openInBrowser(host.url);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // Nothing may hold the exit: the host drops every connection (keep-alive ones too) and the
    // app ends its worker threads (a plan being computed) and closes the database.
    await host.close();
    await watchbill.close();
    return 0;
  },
};
