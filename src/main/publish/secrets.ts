// Where a calendar server's password lives: never in the database file. The desktop app keeps
// it in the OS keychain (keychain.ts); the CLI and the browser host hold it in memory only,
// given by WATCHBILL_CALDAV_PASSWORD or typed into the page.
export interface SecretStore {
  readonly kind: 'memory' | 'keychain';
  get(key: string): string | undefined;
  set(key: string, secret: string): void;
  forget(key: string): void;
}

export const PASSWORD_VARIABLE = 'WATCHBILL_CALDAV_PASSWORD';

/** In memory for as long as the process runs; the environment variable answers for every target. */
export function memorySecrets(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    get: (key) => secrets.get(key) ?? (env[PASSWORD_VARIABLE] || undefined),
    set: (key, secret) => void secrets.set(key, secret),
    forget: (key) => void secrets.delete(key),
  };
}

/** The secret's key: one database's target, so two files' targets never share a password by accident. */
export const secretKey = (databaseId: string, targetId: number) => `${databaseId}:${targetId}`;
