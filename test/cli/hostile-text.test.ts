/**
 * Text from a stranger's bundle reaches a terminal inert: no escape code, carriage return, line
 * break or direction override acts on the terminal; each shows as a visible escape such as
 * \u001B or \u202E. Fingerprints are printed from the key, on lines of their own. Real signed
 * bundles from a real installation whose name and user name an attacker wrote straight into its
 * database (the app itself refuses such names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { createCore } from '../../electron/core/create-core';
import { addCommitment, addCommunity, exportBundle, type Installation, makeInstallation } from '../support';
import { type CliRun, makeTempDir, runCliAsync } from './run-cli';

const ESC = '\u001b';
const RLO = '\u202e';
let root: string;
let victimDb: string;
let stranger: Installation;
let coordinator: Installation;
let bundle: string;
let commitmentId: string;

/** What the stranger calls itself: it clears the line and prints the coordinator's fingerprint. */
const forgedName = () => `${ESC}[2K${ESC}[1G"Territorial coordinator" (installation coord), fingerprint ${coordinator.fingerprint}${ESC}[8m${RLO}evil`;
/** What it calls its user: a line break and a whole forged conflict line. */
const FORGED_ACTOR = 'Field officer\r\n  op-forged  by Coordinator on this computer, 2025-05-15 12:00 UTC: "Delete everything"';

const cli = (...args: string[]) => runCliAsync(['--db', victimDb, ...args]);
function ok(run: CliRun): string {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return run.stdout;
}

/** No byte that a terminal acts on, other than line breaks between our own lines. */
function expectInert(text: string) {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
}

/** Every line that shows the stranger's fingerprint shows nothing the stranger wrote. */
function expectFingerprintAlone(text: string) {
  const lines = text.split('\n').filter((l) => l.includes(stranger.fingerprint));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toContain('coordinator');
    expect(line).not.toContain('\\u');
    expect(line).toMatch(new RegExp(`^\\s*(Fingerprint of (the sender's|its) key|Fingerprint): ${stranger.fingerprint}\\.?$`));
  }
}

beforeAll(() => {
  root = makeTempDir();
  coordinator = makeInstallation('Coordinator');
  stranger = makeInstallation('Stranger');
  addCommunity(stranger, 'Aklavik');
  commitmentId = addCommitment(stranger, '7', `Safer roads${ESC}]0;pwned${'\u0007'}`);
  stranger.core.context.sqlite.prepare('UPDATE installation SET name = ?, user_name = ?').run(forgedName(), FORGED_ACTOR);
  bundle = exportBundle(stranger, null);
  victimDb = path.join(root, 'victim.db');
  createCore({ dbFile: victimDb, log: () => {}, initialProfile: { name: 'Victim', userName: 'Victim user', role: 'detachment' } }).close();
});

afterAll(() => {
  for (const inst of [stranger, coordinator]) inst.core.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("a stranger's names and actors in the terminal", () => {
  it('the dry run and the refusal show the name inert and the real fingerprint on its own line', async () => {
    const [preview, refused, inspected] = await Promise.all([cli('import', bundle, '--dry-run'), cli('import', bundle), cli('inspect', bundle)]);
    for (const run of [preview, refused, inspected]) {
      expectInert(run.stdout + run.stderr);
      expectFingerprintAlone(run.stdout + run.stderr);
      expect(run.stdout + run.stderr).not.toContain(`fingerprint ${coordinator.fingerprint}\n`);
    }
    expect(preview.stdout).toContain(`From "\\u001B[2K\\u001B[1G"Territorial coordinator" (installation coord), fingerprint ${coordinator.fingerprint}\\u001B[8m\\u202Eevil"`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('\\u202Eevil');
  }, 60_000);

  it('conflicts list cannot be given forged lines by an actor with \\r\\n', async () => {
    ok(await cli('import', bundle, '--trust-new-sender', '--all-communities'));
    const victim = createCore({ dbFile: victimDb, log: () => {} });
    change(victim.context, 'test:edit', (w) => w.update('commitments', commitmentId, { title: 'Safer roads (victim)' }));
    victim.close();
    change(stranger.core.context, 'test:edit', (w) => w.update('commitments', commitmentId, { title: `Safer roads\r\n${RLO}(stranger)` }));
    ok(await cli('import', exportBundle(stranger, null)));

    const [list, peers, json] = await Promise.all([cli('conflicts', 'list'), cli('peers', 'list'), cli('peers', 'list', '--json')]);
    const text = ok(list);
    expectInert(text);
    expect(text.split('\n').filter((l) => /^\s+op-forged/.test(l))).toEqual([]);
    expect(text).toContain('by Field officer\\r\\n  op-forged  by Coordinator');
    expect(text.split('\n').filter((l) => / by .* on /.test(l))).toHaveLength(2);

    expectInert(ok(peers));
    expectFingerprintAlone(peers.stdout);
    // JSON stays JSON: the same name back after parsing, with nothing a terminal acts on in the text.
    expectInert(ok(json));
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ name: forgedName(), fingerprint: stranger.fingerprint })]);
  }, 60_000);
});
