/**
 * The signing key file beside the database (the command line's, and the app's fallback) is the
 * installation's identity: it is owner-only, a key file others can read or that belongs to another
 * user is refused with a sentence that says how to fix it, and a key file found beside a database
 * that has no installation yet is never adopted. Exported bundles are owner-only too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, defaultKeyFile } from '../../electron/core/create-core';
import { fileKeyStore, generateIdentityKeys } from '../../electron/core/bundles/identity';
import { makeTestDir } from '../support';

const posix = process.platform !== 'win32';
const isRoot = posix && process.getuid?.() === 0;

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

function openPlanner(dbFile: string) {
  return createCore({ dbFile, log: () => {}, initialProfile: { name: 'Key file test', userName: 'Tester', role: 'detachment' } });
}

describe.runIf(posix)('the signing key file', () => {
  it('is written 0600 beside a new database, and the database opens again with it', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    openPlanner(dbFile).close();
    expect(modeOf(defaultKeyFile(dbFile))).toBe('600');
    const again = openPlanner(dbFile);
    expect(again.invoke('sync:whoami', {}).ok).toBe(true);
    again.close();
  });

  it('written before encryption keys, gains an X25519 pair on load: saved beside the signing key and mirrored in the database', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    openPlanner(dbFile).close();
    const keyFile = defaultKeyFile(dbFile);
    const { publicKey, privateKey } = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { publicKey: string; privateKey: string };
    fs.writeFileSync(keyFile, JSON.stringify({ publicKey, privateKey }), { mode: 0o600 });
    const upgraded = openPlanner(dbFile);
    const keys = upgraded.context.keys;
    expect(keys.publicKey).toBe(publicKey);
    expect(keys.encryptionPublicKey).toMatch(/^MCowBQYDK2VuAyEA/); // SPKI DER of an X25519 key
    expect(upgraded.context.sqlite.prepare('SELECT encryption_public_key FROM installation').pluck().get()).toBe(keys.encryptionPublicKey);
    upgraded.close();
    const saved = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, string>;
    expect(saved).toMatchObject({ publicKey, privateKey, encryptionPublicKey: keys.encryptionPublicKey, encryptionPrivateKey: keys.encryptionPrivateKey });
    expect(modeOf(keyFile)).toBe('600');
    // Opened again: the same pair, not a new one.
    const again = openPlanner(dbFile);
    expect(again.context.keys.encryptionPublicKey).toBe(keys.encryptionPublicKey);
    again.close();
  });

  it('is refused when other users can read it, with the command that makes it private', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    openPlanner(dbFile).close();
    const keyFile = defaultKeyFile(dbFile);
    fs.chmodSync(keyFile, 0o644);
    expect(() => openPlanner(dbFile)).toThrow(`chmod 600 "${keyFile}"`);
    expect(() => fileKeyStore(keyFile).load()).toThrow(/can be read or changed by other users of this computer/);
    expect(modeOf(keyFile)).toBe('644'); // left for the person to fix: it may already have been copied
  });

  it('is refused when another user planted it before the database existed, and is not adopted', () => {
    const dir = makeTestDir();
    const dbFile = path.join(dir, 'planner.db');
    const planted = generateIdentityKeys();
    const keyFile = defaultKeyFile(dbFile);
    fs.writeFileSync(keyFile, JSON.stringify(planted), { mode: 0o600 });
    fs.chmodSync(keyFile, 0o600);

    expect(() => openPlanner(dbFile)).toThrow(/never takes an existing key for a new database/);
    expect(JSON.parse(fs.readFileSync(keyFile, 'utf8'))).toEqual(planted); // kept, not deleted
    fs.renameSync(keyFile, `${keyFile}.found`);
    const core = openPlanner(dbFile);
    try {
      const me = core.invoke('sync:whoami', {});
      expect(me.ok && me.value.publicKey).not.toBe(planted.publicKey);
    } finally {
      core.close();
    }
  });

  it.runIf(isRoot)('is refused when it belongs to another user', () => {
    const dbFile = path.join(makeTestDir(), 'planner.db');
    openPlanner(dbFile).close();
    const keyFile = defaultKeyFile(dbFile);
    fs.chownSync(keyFile, 4242, 4242);
    expect(() => openPlanner(dbFile)).toThrow(/belongs to another user of this computer/);
  });
});

describe.runIf(posix)('files the planner exports', () => {
  it('writes a plan bundle only its owner can read', () => {
    const dir = makeTestDir();
    const core = openPlanner(path.join(dir, 'planner.db'));
    try {
      const file = path.join(dir, 'all.planbundle');
      const result = core.invoke('bundles:export', { full: true, file, encrypt: false });
      expect(result.ok).toBe(true);
      expect(modeOf(file)).toBe('600');
    } finally {
      core.close();
    }
  });
});
