/**
 * The territory key: its recovery file round trip, its rotation (accepted only when handed over
 * by the key a computer knows), and trust on first use that always names its communities.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIdentityKeys, signText } from '../../electron/core/bundles/identity';
import { handoverText } from '../../electron/core/bundles/territory-crypto';
import { bundlePath, databaseState, makeInstallation, readParts, refusalOf, writeParts } from '../support';
import { enrolNew, newComputer, startTerritory } from './support/territory';

function fullBundle(from: ReturnType<typeof newComputer>, hint = 'b'): string {
  const file = bundlePath(from, `${from.label}-${hint}`);
  from.must('bundles:export', { full: true, file, encrypt: false });
  return file;
}

describe('the territory key', () => {
  it('recovery: a new coordinator computer takes the key back from the file and its printed code', () => {
    const { coordinator, detachment, communities, fingerprint } = startTerritory('r');
    const file = path.join(coordinator.dir, 'territory.recovery');
    const written = coordinator.must('territory:exportRecovery', { file });
    expect(written.recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
    expect(written.fingerprint).toBe(fingerprint);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(written.recoveryCode);

    const spare = newComputer('rspare');
    spare.must('territory:join', { computerName: 'Spare laptop', userName: 'Dana Coordinator' });
    const before = databaseState(spare);
    expect(refusalOf(spare.call('territory:recover', { file, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' })).message).toBe(
      'That recovery code does not open this recovery file. Check the printed code, character by character.',
    );
    expect(databaseState(spare)).toEqual(before);
    // Typed in lower case, with spaces instead of dashes.
    const state = spare.must('territory:recover', { file, recoveryCode: written.recoveryCode.toLowerCase().replace(/-/g, ' ') });
    expect(state).toMatchObject({ state: 'ready', role: 'coordinator', territory: { fingerprint } });
    // The detachment's bundles are trusted at once: they carry its certificate, signed by the recovered key.
    detachment.must('plans:create', { communityId: communities.lutselke, fiscalYear: 2025 });
    expect(spare.must('bundles:import', { file: fullBundle(detachment) }).imported).toBe(true);
    // And it can enrol and revoke again.
    expect(spare.must('enrolment:list', {}).certificates.length).toBeGreaterThanOrEqual(3);
  });

  it('rotation: a new key handed over by the old one is accepted; one that was not is refused', () => {
    const { coordinator, detachment, fingerprint } = startTerritory('k');
    // Łutselk’e's own office (the Behchokǫ̀ office does not keep Łutselk’e's data), enrolled under the old key.
    const office = enrolNew(coordinator, 'klkoffice', 'liaison', [startedCommunity(detachment)], fingerprint);
    const rotated = coordinator.must('territory:rotateKey', {});
    expect(rotated.formerFingerprint).toBe(fingerprint);
    expect(rotated.fingerprint).not.toBe(fingerprint);
    detachment.must('bundles:import', { file: fullBundle(coordinator) });
    expect(detachment.must('installation:setupState', {}).territory!.fingerprint).toBe(rotated.fingerprint);
    // Certificates signed by the old key before the handover still hold: office ↔ detachment still trust each other.
    const plan = detachment.must('plans:create', { communityId: startedCommunity(detachment), fiscalYear: 2025 });
    expect(office.must('bundles:import', { file: fullBundle(detachment) }).imported).toBe(true);
    expect(office.must('plans:get', { planId: plan.id }).id).toBe(plan.id);
    expect(office.must('installation:setupState', {}).territory!.fingerprint).toBe(rotated.fingerprint);

    // An attacker's key "handed over" by a signature that is not the old key's.
    const victim = startTerritory('v');
    const parts = readParts(fullBundle(victim.coordinator));
    const territory = parts.manifest.territory as { territoryId: string; publicKey: string; keyHistory: unknown[] };
    const attacker = generateIdentityKeys();
    const at = '2025-05-15T12:00:00.000Z';
    territory.keyHistory = [{ publicKey: territory.publicKey, replacedAt: at, handover: signText(attacker.privateKey, handoverText(territory.territoryId, territory.publicKey, attacker.publicKey, at)) }];
    territory.publicKey = attacker.publicKey;
    const senderKeys = victim.coordinator.core.context.keys as { publicKey: string; privateKey: string };
    const forged = writeParts(parts, bundlePath(victim.coordinator, 'forged-rotation'), senderKeys.privateKey);
    const before = databaseState(victim.office);
    const refused = refusalOf(victim.office.call('bundles:import', { file: forged }));
    expect(refused.message).toBe('This bundle names a new territory key that the key this computer knows did not hand over to. Nothing was imported.');
    expect(databaseState(victim.office)).toEqual(before);
  });

  it('only the coordinator’s computer, holding the territory key, can enrol or revoke', () => {
    const { detachment } = startTerritory('o');
    const refused = refusalOf(detachment.call('enrolment:revoke', { serial: 'X', reason: 'test' }));
    expect(refused.message).toBe("Only the territorial coordinator may enrol, trust or revoke computers and look after the territory's key.");
  });
});

/** The detachment's own community (its certificate's first). */
function startedCommunity(c: ReturnType<typeof newComputer>): string {
  return c.must('installation:setupState', {}).communities![0]!.id;
}

describe('trust on first use (unenrolled databases)', () => {
  it('peers:trust asks for the communities, never all by default', () => {
    const a = makeInstallation('ta', { role: 'coordinator' });
    const b = makeInstallation('tb');
    const file = bundlePath(a);
    a.must('bundles:export', { full: true, file, encrypt: false });
    const before = databaseState(b);
    const refused = refusalOf(b.call('bundles:import', { file, trustNewSender: true }));
    expect(refused.message).toBe('Say which communities this computer may change: choose them, or all communities for the coordinator’s computer.');
    expect(databaseState(b)).toEqual(before);
    b.must('bundles:import', { file, trustNewSender: true, scopeCommunityIds: ['c1'] });
    expect(b.must('peers:list', {})[0]!.scopeCommunityIds).toEqual(['c1']);
    expect(refusalOf(b.call('peers:trust', { fingerprint: a.fingerprint })).code).toBe('invalid_input');
    expect(b.must('peers:trust', { fingerprint: a.fingerprint, allCommunities: true }).scopeCommunityIds).toBeNull();
    // A rename alone keeps the scope.
    b.must('peers:trust', { fingerprint: a.fingerprint, scopeCommunityIds: ['c2'] });
    expect(b.must('peers:trust', { fingerprint: a.fingerprint, name: 'Coordinator' }).scopeCommunityIds).toEqual(['c2']);
  });
});
