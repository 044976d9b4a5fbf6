// The desktop app's password store: Electron's safeStorage encrypts with the OS keychain
// (Keychain, DPAPI, libsecret), and only the encrypted bytes are written, to a file in the
// app's own folder, never to the database. Electron cannot run in the tests, so safeStorage
// comes in as this small interface.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from './secrets';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function keychainSecrets(safeStorage: SafeStorageLike, file: string, fallback: SecretStore): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return fallback;
  const read = (): Record<string, string> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const write = (all: Record<string, string>) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    kind: 'keychain',
    get(key) {
      const sealed = read()[key];
      return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : fallback.get(key);
    },
    set(key, secret) {
      write({ ...read(), [key]: safeStorage.encryptString(secret).toString('base64') });
    },
    forget(key) {
      const { [key]: _gone, ...rest } = read();
      write(rest);
    },
  };
}
