import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIdentityKeys } from '../../electron/core/bundles/identity';
import { safeStorageKeyStore, type SafeStorageLike } from '../../electron/main/safe-key-store';
import { makeTestDir } from '../support';

/** A stand-in for safeStorage: "encrypts" by reversing and tagging, enough to see it is used. */
function fakeSafeStorage(available = true): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      calls.push('encrypt');
      return Buffer.from(`enc:${[...text].reverse().join('')}`);
    },
    decryptString: (buffer) => {
      calls.push('decrypt');
      return [...buffer.toString().slice(4)].reverse().join('');
    },
  };
}

describe('the app keeps its signing key with the system key store', () => {
  it('stores the key encrypted, never in plain text, and reads it back', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'identity.key');
    const storage = fakeSafeStorage();
    const store = safeStorageKeyStore(storage, file, `${file}.plain`, () => {});
    expect(store.load()).toBeNull();
    const keys = generateIdentityKeys();
    store.save(keys);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(keys.privateKey);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(safeStorageKeyStore(storage, file, `${file}.plain`, () => {}).load()).toEqual(keys);
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('never adopts a key file found beside a database that is new, and refuses one others may read', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'identity.key');
    const storage = fakeSafeStorage();
    safeStorageKeyStore(storage, file, `${file}.plain`, () => {}).save(generateIdentityKeys());
    const store = safeStorageKeyStore(storage, file, `${file}.plain`, () => {});
    expect(() => store.load({ newDatabase: true })).toThrow(/never takes an existing key for a new database/);
    if (process.platform !== 'win32') {
      fs.chmodSync(file, 0o640);
      expect(() => store.load({ newDatabase: false })).toThrow(`chmod 600 "${file}"`);
    }
    expect(fs.existsSync(file)).toBe(true);
  });

  it('falls back to an owner-only file, saying so, when the system has no key store', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'identity.key');
    const notes: string[] = [];
    const store = safeStorageKeyStore(fakeSafeStorage(false), file, `${file}.plain`, (reason) => notes.push(reason));
    const keys = generateIdentityKeys();
    store.save(keys);
    expect(notes).toHaveLength(1);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.statSync(`${file}.plain`).mode & 0o077).toBe(0);
    expect(store.load()).toEqual(keys);
  });

  it('refuses, with a sentence, when an encrypted key exists but the key store is locked', () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'identity.key');
    safeStorageKeyStore(fakeSafeStorage(), file, `${file}.plain`, () => {}).save(generateIdentityKeys());
    expect(() => safeStorageKeyStore(fakeSafeStorage(false), file, `${file}.plain`, () => {}).load()).toThrow(/key store, which is not available right now/);
  });

  it("moves a key the command line kept in a plain file into the key store", () => {
    const dir = makeTestDir();
    const file = path.join(dir, 'identity.key');
    const plainFile = path.join(dir, 'planner.db.identity-key');
    const keys = generateIdentityKeys();
    fs.writeFileSync(plainFile, JSON.stringify(keys), { mode: 0o600 });
    const storage = fakeSafeStorage();
    expect(safeStorageKeyStore(storage, file, plainFile, () => {}).load()).toEqual(keys);
    expect(fs.existsSync(plainFile)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(keys.privateKey);
    expect(safeStorageKeyStore(storage, file, plainFile, () => {}).load()).toEqual(keys);
  });
});
