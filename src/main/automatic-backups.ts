// Backups while Watchbill runs: one when it starts, then one whenever the team's local date
// has moved on since the last (checked every hour, so a laptop that slept still gets its
// day's backup soon after waking). The clock is the app's, so tests choose the days.
import type { Connection } from './db/connection';
import { writeBackup } from './db/backups';

/** How often the date is checked; a backup is only written when it has changed. */
export const BACKUP_CHECK_EVERY_MS = 60 * 60 * 1000;

export interface AutomaticBackups {
  /** Settles when the backup being written (if any) is done; answers the last backup's path. */
  idle(): Promise<string | null>;
  /** Checks the date now, as the timer does. */
  check(): Promise<string | null>;
  /**
   * Ends the timer and any backup being written. Answers null when the database may be
   * closed at once, else a promise that settles when it may.
   */
  stop(): Promise<void> | null;
}

export interface AutomaticBackupOptions {
  db: Connection;
  databasePath: string;
  /** The team's local date now (YYYY-MM-DD), from the app's clock. */
  today: () => string;
  log: (message: string, error: unknown) => void;
  nativeBinding?: string;
}

export function startAutomaticBackups(options: AutomaticBackupOptions): AutomaticBackups {
  let lastDate: string | null = null;
  let lastPath: string | null = null;
  let running: Promise<string | null> = Promise.resolve(null);
  let stopped = false;
  let writing = 0;

  const run = async (date: string): Promise<string | null> => {
    writing += 1;
    try {
      lastPath = await writeBackup(options.db, options.databasePath, date, {
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        stop: () => stopped,
      });
      lastDate = date;
    } catch (error) {
      // Closing the database ends a backup half-way; that is not worth a report.
      if (!stopped) options.log(`The automatic backup of ${options.databasePath} failed`, error);
    } finally {
      writing -= 1;
    }
    return lastPath;
  };

  const check = (): Promise<string | null> => {
    if (stopped) return running;
    running = running.then(() => {
      const date = options.today();
      return date === lastDate || stopped ? lastPath : run(date);
    });
    return running;
  };

  void check();
  const timer = setInterval(() => void check(), BACKUP_CHECK_EVERY_MS);
  // The timer alone must not keep a process alive (the CLI, tests).
  timer.unref();
  return {
    idle: () => running,
    check,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      return writing ? running.then(() => undefined) : null;
    },
  };
}
