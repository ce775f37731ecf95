import fs from 'node:fs';
import path from 'node:path';
import { assertPrivateFile, makePrivateFolder, replaceWithPrivateFile } from '../../db/private-files';
import { fileKeyStore, type IdentityKeys, KEY_FILE, type KeyStore, parsedKeys, refuseKeyForNewDatabase } from '../core/bundles/identity';

/** The part of Electron's safeStorage we use; a parameter so tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Keeps the installation's private key encrypted by the operating system's key store (DPAPI on
 * Windows, Keychain on macOS, the Secret Service on Linux) in a file only the user can read. Where
 * the system offers no key store (some Linux desktops), falls back to the owner-only file the
 * command line uses (`plainFile`), and says so through `onFallback`.
 */
export function safeStorageKeyStore(safeStorage: SafeStorageLike, file: string, plainFile: string, onFallback: (reason: string) => void): KeyStore {
  const fallback = fileKeyStore(plainFile);
  const store: KeyStore = {
    load(context): IdentityKeys | null {
      if (fs.existsSync(file)) {
        assertPrivateFile(file, KEY_FILE);
        if (context?.newDatabase) refuseKeyForNewDatabase(file);
        if (!safeStorage.isEncryptionAvailable()) {
          throw new Error("The planner's signing key is protected by this computer's key store, which is not available right now. Log in to your desktop session normally and start the planner again.");
        }
        const keys = parsedKeys(JSON.parse(safeStorage.decryptString(fs.readFileSync(file))) as Partial<IdentityKeys>);
        if (keys === null) throw new Error("The planner's signing key file is damaged.");
        return keys;
      }
      // A key kept in a plain owner-only file (by the command line or the browser preview on this
      // database, or where the key store was missing) moves into the key store when it can.
      const plain = fallback.load(context);
      if (plain && safeStorage.isEncryptionAvailable()) {
        store.save(plain);
        fs.rmSync(plainFile, { force: true });
      }
      return plain;
    },
    save(keys: IdentityKeys): void {
      if (!safeStorage.isEncryptionAvailable()) {
        onFallback('The system key store is not available; the signing key is kept in a file only this user can read.');
        fallback.save(keys);
        return;
      }
      makePrivateFolder(path.dirname(file));
      replaceWithPrivateFile(file, safeStorage.encryptString(JSON.stringify(keys)));
    },
  };
  return store;
}
