import path from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { fixedClock, sequentialIds } from '../../electron/core/changelog/clock';
import { memoryKeyStore } from '../../electron/core/bundles/identity';
import type { Role } from '../../shared/vocabulary';
import { makeTestDir, type TestCore } from '../core/builders';

/** An installation of its own: own database, own key, own id sequence, same fixed clock start. */
let installations = 0;
export function makeInstallation(name: string, role: Role, now = '2025-08-10T12:00:00.000Z', prefix = `i${++installations}x`): TestCore & { name: string } {
  const dir = makeTestDir();
  const dbFile = path.join(dir, `${prefix}.db`);
  const clock = fixedClock(now);
  const core = createCore({ dbFile, clock, ids: sequentialIds(prefix), keyStore: memoryKeyStore(), initialProfile: { name, userName: `${name} user`, role }, log: () => {} });
  return {
    name,
    core,
    clock,
    dir,
    dbFile,
    must(method, input) {
      const result = core.invoke(method, input);
      if (!result.ok) throw new Error(`${name}: ${method} refused: ${result.error.message}`);
      return result.value;
    },
  };
}

let counter = 0;
/** Exports from one installation and returns the file (full, or to a peer). */
export function exportFrom(from: TestCore, opts: { to?: TestCore; passphrase?: string | null } = {}): string {
  const file = path.join(from.dir, `bundle-${++counter}.planbundle`);
  const encrypt = opts.passphrase !== null && opts.passphrase !== undefined;
  const to = opts.to ? from.must('sync:whoami', {}) && opts.to.must('sync:whoami', {}).installationId : undefined;
  from.must('bundles:export', to ? { to, file, encrypt, passphrase: opts.passphrase ?? null } : { full: true, file, encrypt, passphrase: opts.passphrase ?? null });
  return file;
}

export function importInto(into: TestCore, file: string, passphrase: string | null = null) {
  return into.must('bundles:import', { file, passphrase, trustNewSender: true });
}
