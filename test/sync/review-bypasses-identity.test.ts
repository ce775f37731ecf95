import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { generateIdentityKeys, type IdentityKeys } from '../../electron/core/bundles/identity';
import { type BundleParts, bundlePath, exportBundle, importBundle, makeInstallation, readParts, refusalOf, writeParts } from '../support';
import { C, F, V, planHayRiver, extra, castUp, castDown, LATE, body, signed, fParts, expectOutOfScope, craftBundle, hayRiverSummary } from './support/bypass-cast';

/**
 * Review of issue 8, continued (the cast is in support/bypass-cast.ts): revocation reaches what
 * it vouched for, a key is the computer, and formerIds cannot borrow another computer's trust.
 * Cases named "BYPASS:" got through when they were written; the others are regression guards.
 */

beforeEach(castUp);
afterEach(castDown);


// --- 2. Revocation -----------------------------------------------------------------------------

describe('revocation and identity: the key is the computer', () => {
  /** F's changeset editing Hay River's summary, signed with F's key, under any origin id. */
  function hayRiverEdit(origin: string, keys: IdentityKeys, summary: string): BundleParts['changesets'][number] {
    return signed(
      body({ id: `${origin}-1`, origin, seq: 1, hlc: LATE, ops: [{ table: 'plans', rowId: planHayRiver.plan.id, field: 'summary', value: summary, pred: [] }] }),
      keys.privateKey,
    );
  }

  it('BYPASS: a revoked peer comes back under a fresh installation id with the same key and is trusted again as a "new computer"', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    const file = craftBundle({ installationId: 'f-fresh', name: 'field', keys: F.keys }, [hayRiverEdit('f-fresh', F.keys, 'Back under a new id')], { 'f-fresh': F.keys.publicKey });
    const result = V.call('bundles:import', { file, passphrase: null, trustNewSender: true });
    expect(hayRiverSummary()).not.toBe('Back under a new id');
    expect(result.ok ? 'imported' : refusalOf(result).reason).toBe('revoked');
  });

  it('BYPASS: a Dettah-only peer under a fresh id with the same key gets every community as a "new computer"', () => {
    const file = craftBundle({ installationId: 'f-fresh', name: 'field', keys: F.keys }, [hayRiverEdit('f-fresh', F.keys, 'Widened')], { 'f-fresh': F.keys.publicKey });
    const result = V.call('bundles:import', { file, passphrase: null, trustNewSender: true });
    expect(hayRiverSummary()).not.toBe('Widened');
    expect(result.ok ? 'imported' : refusalOf(result).reason).toBe('out_of_scope');
  });

  it('BYPASS: a revoked peer’s new changes under a fresh origin id with its same key, relayed by the coordinator, are applied', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    // F sends C (which still trusts F) a change under a fresh origin id, signed with F's own key.
    const toC = craftBundle({ installationId: F.installationId, name: 'field', keys: F.keys }, [hayRiverEdit('f-alias', F.keys, 'Laundered through C')], {
      [F.installationId]: F.keys.publicKey,
      'f-alias': F.keys.publicKey,
    });
    C.must('bundles:import', { file: toC, passphrase: null });
    const file = exportBundle(C, V);
    const result = V.must('bundles:import', { file, passphrase: null });
    expect(hayRiverSummary()).not.toBe('Laundered through C');
    expect(result.setAside.map((s) => s.installationId)).toContain('f-alias');
  });

  it('BYPASS: a key named in a manifest with no changeset it signed is pinned as a trusted peer, and its owner then arrives trusted under the namer’s scope', () => {
    const N = makeInstallation('newcomer', { idPrefix: 'n' });
    extra.push(N);
    importBundle(N, exportBundle(C, null));
    // F names N's public key under an id of its choosing, with no changeset signed by N.
    const { parts } = fParts();
    parts.manifest.keys = { ...parts.manifest.keys, 'n-alias': N.keys.publicKey };
    V.must('bundles:import', { file: writeParts(parts, bundlePath(F, 'key-only'), F.keys.privateKey), passphrase: null });
    expect(V.must('peers:list', {}).map((p) => p.installationId)).not.toContain('n-alias');
    N.must('plans:update', { planId: planHayRiver.plan.id, summary: 'From a newcomer' });
    const refusal = refusalOf(V.call('bundles:import', { file: exportBundle(N, null), passphrase: null }));
    expect(refusal.reason).toBe('untrusted_sender');
  });

  // Known open: V cannot follow an introduction made on another computer; needs the introducer chain in the manifest.
  it.fails('BYPASS (design, not fixed): a revoked peer’s changes under a fresh key it introduced to the coordinator reach V', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    const puppet = generateIdentityKeys();
    const toC = craftBundle({ installationId: F.installationId, name: 'field', keys: F.keys }, [hayRiverEdit('puppet', puppet, 'Through a puppet')], {
      [F.installationId]: F.keys.publicKey,
      puppet: puppet.publicKey,
    });
    C.must('bundles:import', { file: toC, passphrase: null });
    V.must('bundles:import', { file: exportBundle(C, V), passphrase: null });
    expect(hayRiverSummary()).not.toBe('Through a puppet');
  });

  it('is refused: a revoked peer’s new changes under its own id relayed by the coordinator are set aside', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    F.must('plans:update', { planId: planHayRiver.plan.id, summary: 'F after revocation' });
    importBundle(C, exportBundle(F, C));
    const result = V.must('bundles:import', { file: exportBundle(C, V), passphrase: null });
    expect(result.setAside.map((s) => s.installationId)).toEqual([F.installationId]);
    expect(hayRiverSummary()).not.toBe('F after revocation');
  });
});

// --- 3. Restored backups and formerIds -----------------------------------------------------------

describe('formerIds cannot borrow another computer’s trust', () => {
  function hayRiverEditAs(origin: string, keys: IdentityKeys): BundleParts['changesets'][number] {
    return signed(
      body({ id: `${origin}-1`, origin, seq: 1, hlc: LATE, ops: [{ table: 'plans', rowId: planHayRiver.plan.id, field: 'summary', value: 'Borrowed trust', pred: [] }] }),
      keys.privateKey,
    );
  }

  it('is refused: a stranger naming the coordinator in formerIds, signing with its own key', () => {
    const stranger = generateIdentityKeys();
    const file = craftBundle({ installationId: 'stranger', name: 'coord', keys: stranger }, [hayRiverEditAs('stranger', stranger)], { stranger: stranger.publicKey }, { formerIds: [C.installationId] });
    expect(V.must('bundles:preview', { file, passphrase: null }).sender.trust).toBe('unknown');
    expect(refusalOf(V.call('bundles:import', { file, passphrase: null })).reason).toBe('untrusted_sender');
    expect(hayRiverSummary()).not.toBe('Borrowed trust');
  });

  it('is refused: a stranger naming the coordinator in formerIds with the coordinator’s public key but its own signature', () => {
    const stranger = generateIdentityKeys();
    const file = craftBundle({ installationId: 'stranger', name: 'coord', keys: { publicKey: C.keys.publicKey, privateKey: stranger.privateKey } }, [hayRiverEditAs('stranger', stranger)], { stranger: C.keys.publicKey }, { formerIds: [C.installationId] });
    expect(refusalOf(V.call('bundles:import', { file, passphrase: null, trustNewSender: true })).reason).toBe('bad_signature');
    expect(hayRiverSummary()).not.toBe('Borrowed trust');
  });

  it('is refused: the Dettah-only peer, under its own id, naming the coordinator in formerIds', () => {
    const file = craftBundle({ installationId: F.installationId, name: 'field', keys: F.keys }, [], { [F.installationId]: F.keys.publicKey }, { formerIds: [C.installationId] });
    const parts = readParts(file);
    const { nextSeq } = fParts();
    const seq = nextSeq() + 5;
    parts.changesets.push(
      signed(body({ id: `forged${seq}`, origin: F.installationId, seq, hlc: LATE, ops: [{ table: 'plans', rowId: planHayRiver.plan.id, field: 'summary', value: 'Borrowed trust', pred: [] }] }), F.keys.privateKey),
    );
    expectOutOfScope(writeParts(parts, bundlePath(F, 'former-c'), F.keys.privateKey));
  });

  it('is refused: the Dettah-only peer under a new id naming the coordinator in formerIds', () => {
    const file = craftBundle({ installationId: 'f-new', name: 'coord', keys: F.keys }, [hayRiverEditAs('f-new', F.keys)], { 'f-new': F.keys.publicKey }, { formerIds: [C.installationId] });
    const result = V.call('bundles:import', { file, passphrase: null });
    expect(result.ok).toBe(false);
    expect(hayRiverSummary()).not.toBe('Borrowed trust');
  });

  it('is refused: a revoked peer restored under a new id naming its former id', () => {
    V.must('peers:revoke', { fingerprint: F.fingerprint });
    const file = craftBundle({ installationId: 'f-restored', name: 'field', keys: F.keys }, [hayRiverEditAs('f-restored', F.keys)], { 'f-restored': F.keys.publicKey }, { formerIds: [F.installationId] });
    expect(refusalOf(V.call('bundles:import', { file, passphrase: null, trustNewSender: true })).reason).toBe('revoked');
  });

  it('a Dettah-only peer restored under a new id keeps Dettah only', () => {
    const file = craftBundle({ installationId: 'f-restored', name: 'field', keys: F.keys }, [hayRiverEditAs('f-restored', F.keys)], { 'f-restored': F.keys.publicKey }, { formerIds: [F.installationId] });
    expectOutOfScope(file);
  });
});
