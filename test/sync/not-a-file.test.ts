/** A FIFO or a device given as a bundle: refused with the right sentence, at once, never read. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeInstallation, refusalOf } from '../support';

const open: Array<{ core: { close(): void } }> = [];
afterEach(() => open.splice(0).forEach((i) => i.core.close()));

function site() {
  const inst = makeInstallation('Receiver');
  open.push(inst);
  return inst;
}

describe('a bundle path that is not a regular file', () => {
  it('a FIFO is refused as "not a file" without waiting for a writer', () => {
    const inst = site();
    const fifo = path.join(inst.dir, 'pipe.planbundle');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    for (const method of ['bundles:inspect', 'bundles:preview', 'bundles:import'] as const) {
      const refusal = refusalOf(inst.call(method, { file: fifo }));
      expect(refusal).toMatchObject({ code: 'invalid_input', reason: 'not_a_bundle' });
      expect(refusal.message).toBe('That is not a file (it is a pipe or a device), so it cannot be a plan bundle. Choose the .planbundle file itself.');
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('/dev/zero under a bundle name is refused as "not a file", not read forever', () => {
    const inst = site();
    const zero = path.join(inst.dir, 'zero.planbundle');
    fs.symlinkSync('/dev/zero', zero);
    expect(refusalOf(inst.call('bundles:inspect', { file: zero })).message).toMatch(/^That is not a file/);
  });

  it('a folder is still called a folder', () => {
    const inst = site();
    const folder = path.join(inst.dir, 'folder.planbundle');
    fs.mkdirSync(folder);
    expect(refusalOf(inst.call('bundles:inspect', { file: folder })).message).toBe('That is a folder, not a plan bundle file.');
  });
});
