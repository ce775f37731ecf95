import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { change } from '../../electron/core/changelog/core-context';
import { type ChangesetBody } from '../../electron/core/changelog/changeset-body';
import { fingerprintOf, generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { addCommunity, bundlePath, databaseState, exportBundle, importBundle, readParts, writeParts } from '../support';
import { C, castDown, castUp, dettah, expectRefused, F, fieldEdit, planA, planB, signedChangeset, V } from './support/hostile-cast';

/**
 * Issue 4, point 3 and the damaged-file half of point 7: every hostile bundle is refused with a
 * sentence a coordinator understands, and the receiving database is left exactly as it was.
 *
 * The cast: a coordinator (C) who set everyone up, a field installation (F) that sends bundles,
 * and the victim (V) that receives them. Everyone trusts everyone, for all communities, unless a
 * test narrows it. Tests hold every private key, so they can play insiders and outsiders.
 */


beforeEach(castUp);
afterEach(castDown);

describe('the cast is set up correctly', () => {
  it('accepts an honest bundle from F, and re-importing it changes nothing that is replicated', () => {
    const { file } = fieldEdit(planA, 'Patrols twice a week on the ice road');
    const first = V.must('bundles:import', { file, passphrase: null });
    expect(first).toMatchObject({ imported: true, newChangesetCount: 1 });
    const digest = V.must('sync:digest', {}).digest;
    const again = V.must('bundles:import', { file, passphrase: null });
    expect(again).toMatchObject({ imported: false, alreadyImported: true, newChangesetCount: 0 });
    expect(V.must('sync:digest', {}).digest).toBe(digest);
    expect(V.must('plans:get', { planId: planA }).summary).toBe('Patrols twice a week on the ice road');
  });

  it('previews an honest bundle without changing a byte', () => {
    const { file } = fieldEdit(planA, 'Previewed only');
    const before = databaseState(V);
    expect(V.must('bundles:preview', { file, passphrase: null })).toMatchObject({ newChangesetCount: 1, alreadyImported: false });
    expect(databaseState(V)).toEqual(before);
  });
});

describe('a changed key for a known peer', () => {
  function impersonateF() {
    const { file } = fieldEdit(planA, 'Signed by F');
    const attacker = generateIdentityKeys();
    const parts = readParts(file);
    parts.manifest.sender.publicKey = attacker.publicKey;
    parts.manifest.keys[F.installationId] = attacker.publicKey;
    parts.changesets = parts.changesets.map((c) => ({ ...c, signature: signText(attacker.privateKey, c.body) }));
    return { attacker, file: writeParts(parts, bundlePath(F, 'impersonated'), attacker.privateKey) };
  }

  it('is refused, naming the new fingerprint, even when the person ticks "trust new sender"', () => {
    const { attacker, file } = impersonateF();
    for (const trustNewSender of [false, true]) {
      const refusal = expectRefused(file, ['changed_key'], { trustNewSender });
      expect(refusal.message).toContain(fingerprintOf(attacker.publicKey));
      expect(refusal.message).toContain(F.fingerprint);
    }
  });

  it('is refused when a trusted relay carries changes from a known origin under a different key', () => {
    const { file } = fieldEdit(planA, 'Relayed');
    const parts = readParts(file);
    const attacker = generateIdentityKeys();
    // C (trusted) relays "F's" changeset, but with another key for F in its manifest.
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { [C.installationId]: C.keys.publicKey, [F.installationId]: attacker.publicKey };
    parts.changesets = parts.changesets.map((c) => ({ ...c, signature: signText(attacker.privateKey, c.body) }));
    expectRefused(writeParts(parts, bundlePath(C, 'relay-new-key'), C.keys.privateKey), ['changed_key']);
  });
});

describe('a change outside the sender’s scope', () => {
  beforeEach(() => {
    V.must('peers:trust', { fingerprint: F.fingerprint, scopeCommunityIds: [dettah] });
  });

  it('accepts a change to a community in scope', () => {
    const { file } = fieldEdit(planA, 'In scope');
    expect(V.must('bundles:import', { file, passphrase: null }).newChangesetCount).toBe(1);
  });

  it('refuses a change to another community’s plan, naming that community', () => {
    const { file } = fieldEdit(planB, 'Out of scope');
    const refusal = expectRefused(file, ['out_of_scope']);
    expect(refusal.message).toContain('Behchoko');
  });

  it('refuses the out-of-scope change when a peer trusted for everything relays it', () => {
    F.must('plans:update', { planId: planB, summary: 'Out of scope, relayed' });
    importBundle(C, exportBundle(F, null));
    expectRefused(exportBundle(C, null), ['out_of_scope']);
  });

  it('refuses territory-wide changes (a new community) from a scoped peer', () => {
    addCommunity(F, 'Yellowknife');
    expectRefused(exportBundle(F, V), ['out_of_scope']);
  });

  it('refuses moving a plan from another community into the scope', () => {
    const { file, body } = fieldEdit(planA, 'Harmless');
    const parts = readParts(file);
    const moved: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, field: 'communityId', value: dettah, rowId: planB, pred: [] }] };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(moved, F.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(F, 'move'), F.keys.privateKey), ['out_of_scope']);
  });
});

describe('a forged changeset (body altered, signature kept)', () => {
  it('is refused when the sender itself alters its changeset and signs the bundle', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    const last = parts.changesets.at(-1)!;
    last.body = last.body.replace('Real text', 'Forged text');
    expectRefused(writeParts(parts, bundlePath(F, 'forged'), F.keys.privateKey), ['forged']);
  });

  it('is refused when a trusted relay alters another origin’s changeset', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { ...parts.manifest.keys, [C.installationId]: C.keys.publicKey };
    const last = parts.changesets.at(-1)!;
    last.body = last.body.replace('Real text', 'Forged by the relay');
    expectRefused(writeParts(parts, bundlePath(C, 'forged-relay'), C.keys.privateKey), ['forged']);
  });

  it('is refused as a bad signature when an outsider alters a changeset and recomputes the digest', () => {
    const { file } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.changesets.at(-1)!.body = parts.changesets.at(-1)!.body.replace('Real text', 'Outsider text');
    const outsider = generateIdentityKeys();
    // The trailer is re-hashed but signed by a key that is not the sender's.
    expectRefused(writeParts(parts, bundlePath(F, 'outsider'), outsider.privateKey), ['bad_signature']);
  });

  it('is refused when a changeset claims to come from the receiving computer itself', () => {
    const { file, body } = fieldEdit(planA, 'Harmless');
    const parts = readParts(file);
    const claimed: ChangesetBody = { ...body, origin: V.installationId, seq: 999 };
    parts.manifest.keys = { ...parts.manifest.keys, [V.installationId]: F.keys.publicKey };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(claimed, F.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(F, 'claims-victim'), F.keys.privateKey), ['forged']);
  });
});

describe('a re-signed changeset (a valid signature by another key, claiming the origin)', () => {
  it('is refused when a trusted relay signs a change as if it were F', () => {
    const { file, body } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { ...parts.manifest.keys, [C.installationId]: C.keys.publicKey };
    const altered: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Put in F’s mouth by C' }] };
    parts.changesets[parts.changesets.length - 1] = signedChangeset(altered, C.keys.privateKey);
    expectRefused(writeParts(parts, bundlePath(C, 'resigned'), C.keys.privateKey), ['forged']);
  });

  it('is refused when the re-signing key is also slipped into the manifest as F’s key', () => {
    const { file, body } = fieldEdit(planA, 'Real text');
    const parts = readParts(file);
    parts.manifest.sender = { installationId: C.installationId, name: 'coord', publicKey: C.keys.publicKey };
    parts.manifest.keys = { [C.installationId]: C.keys.publicKey, [F.installationId]: C.keys.publicKey };
    const altered: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Put in F’s mouth by C' }] };
    parts.changesets = [signedChangeset(altered, C.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(C, 'resigned-key'), C.keys.privateKey), ['changed_key', 'forged']);
  });
});

describe('the same (origin, seq) with different content', () => {
  it('is refused when a changeset already imported comes again with other content, validly signed', () => {
    const { file, body } = fieldEdit(planA, 'First version');
    importBundle(V, file);
    const parts = readParts(file);
    const rewritten: ChangesetBody = { ...body, ops: [{ ...body.ops[0]!, value: 'Rewritten history' }] };
    parts.changesets = [signedChangeset(rewritten, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-reused'), F.keys.privateKey), ['seq_reused']);
  });

  it('is refused when the rewritten changeset also has a new id', () => {
    const { file, body } = fieldEdit(planA, 'First version');
    importBundle(V, file);
    const parts = readParts(file);
    const rewritten: ChangesetBody = { ...body, id: 'f-other', ops: [{ ...body.ops[0]!, opId: 'f-other.0', value: 'Rewritten history' }] };
    parts.changesets = [signedChangeset(rewritten, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-reused-id'), F.keys.privateKey), ['seq_reused']);
  });

  it('is refused when one bundle holds two different changesets with the same origin and seq', () => {
    // E.g. F restored an old backup and reissued a number; neither version is here yet.
    const { file, body } = fieldEdit(planA, 'First version');
    const parts = readParts(file);
    const twin: ChangesetBody = { ...body, id: 'f-twin', ops: [{ ...body.ops[0]!, opId: 'f-twin.0', value: 'Twin version' }] };
    parts.changesets = [...parts.changesets, signedChangeset(twin, F.keys.privateKey)];
    expectRefused(writeParts(parts, bundlePath(F, 'seq-twins'), F.keys.privateKey), ['seq_reused']);
  });
});
