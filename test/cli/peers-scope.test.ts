/** `peers trust --scope NAME` finds communities as `report --community` does, and never guesses. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { createCore } from '../../electron/core/create-core';
import { addCommunity, exportBundle, type Installation, makeInstallation } from '../support';
import { makeTempDir, runCliAsync } from './run-cli';

let root: string;
let db: string;
let coordinator: Installation;
let ids: { smith: string; hope: string; hay1: string; hay2: string };

beforeAll(() => {
  root = makeTempDir();
  coordinator = makeInstallation('Coordinator');
  const smith = addCommunity(coordinator, 'Fort Smith');
  const hope = addCommunity(coordinator, 'Fort Good Hope');
  const hay1 = addCommunity(coordinator, 'Hay River');
  // Two communities with the same name (one made elsewhere, say): only their ids tell them apart.
  const hay2 = 'hay_river_reserve';
  change(coordinator.core.context, 'test:seed', (w) => w.insert('communities', { id: hay2, name: 'Hay River', region: 'South Slave', hasDetachment: false, servedByDetachmentId: null }));
  ids = { smith, hope, hay1, hay2 };
  db = path.join(root, 'site.db');
  const site = createCore({ dbFile: db, log: () => {}, initialProfile: { name: 'Site', userName: 'Site user', role: 'detachment' } });
  const imported = site.invoke('bundles:import', { file: exportBundle(coordinator, null), passphrase: null, trustNewSender: true, allCommunities: true });
  site.close();
  if (!imported.ok) throw new Error(imported.error.message);
});

afterAll(() => {
  coordinator.core.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('peers trust --scope NAME', () => {
  it('refuses a name that fits several communities, listing them with their ids, and changes nothing', async () => {
    const [samePart, sameName, peers] = await Promise.all([
      runCliAsync(['--db', db, 'peers', 'trust', coordinator.fingerprint, '--scope', 'fort']),
      runCliAsync(['--db', db, 'peers', 'trust', coordinator.fingerprint, '--scope', 'Hay River', '--json']),
      runCliAsync(['--db', db, 'peers', 'list', '--json']),
    ]);
    expect(samePart.code).toBe(2);
    expect(samePart.stderr).toMatch(/^"fort" matches several communities: /);
    expect(samePart.stderr).toContain(`Fort Smith (${ids.smith})`);
    expect(samePart.stderr).toContain(`Fort Good Hope (${ids.hope})`);
    expect(sameName.code).toBe(2);
    expect(JSON.parse(sameName.stdout)).toMatchObject({
      error: { code: 'invalid_input', details: { reason: 'ambiguous_community', candidates: expect.arrayContaining([{ id: ids.hay1, name: 'Hay River' }, { id: ids.hay2, name: 'Hay River' }]) } },
    });
    expect(JSON.parse(peers.stdout)).toEqual([expect.objectContaining({ scopeCommunityIds: null })]);
  }, 60_000);

  it('takes a unique name in any case and without accents, or a unique part, like report --community', async () => {
    const run = await runCliAsync(['--db', db, 'peers', 'trust', coordinator.fingerprint, '--scope', 'good hope', '--scope', ids.hay2, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ scopeCommunityIds: [ids.hope, ids.hay2] });
  }, 60_000);
});
