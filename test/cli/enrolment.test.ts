/** The territory from the command line, as a scripting coordinator would run it (issue 10, §2–3). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { change } from '../../electron/core/changelog/core-context';
import { deterministicId } from '../../electron/core/changelog/deterministic-id';
import { createCore } from '../../electron/core/create-core';
import { type CliRun, makeTempDir, runCliAsync } from './run-cli';
import { digestOfFile } from './table-digest';

function ok(run: CliRun): string {
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return run.stdout;
}

describe('cli: start a territory, enrol a detachment, exchange without a trust step', () => {
  it('init --start-territory → init --join → enrol read/issue → enrol accept → export/import → revoke', async () => {
    const dir = makeTempDir();
    const coord = path.join(dir, 'coord.db');
    const det = path.join(dir, 'det.db');
    const at = (db: string, ...args: string[]) => runCliAsync(['--db', db, ...args]);

    const started = JSON.parse(ok(await at(coord, 'init', '--start-territory', 'Northwest Territories', '--computer', 'Justice HQ', '--user', 'Dana Coordinator', '--json')));
    const fingerprint = started.territory.fingerprint as string;
    expect(fs.statSync(`${coord}.territory-key`).mode & 0o077).toBe(0);
    // Reference data (helper B's methods create it in the app; here straight through the change log).
    const core = createCore({ dbFile: coord, log: () => {} });
    const lutselke = deterministicId('community', 'Łutselk’e');
    change(core.context, 'test:seed', (w) => w.insert('communities', { id: lutselke, name: 'Łutselk’e', region: 'North Slave', hasDetachment: true, servedByDetachmentId: null }));
    core.close();

    const request = path.join(dir, 'det.request.json');
    const joined = ok(await at(det, 'init', '--join', '--computer', 'Łutselk’e detachment', '--user', 'Cst. Lee', '--request-out', request));
    expect(joined).toMatch(/^This computer is ready to join a territory\. Wrote its enrolment request to /);
    const read = JSON.parse(ok(await at(coord, 'enrol', 'read', request, '--json')));
    const bundle = path.join(dir, 'det.enrolment.planbundle');
    // No passphrase: the request names the detachment's encryption key, and the bundle is encrypted to it.
    const issued = ok(await at(coord, 'enrol', 'issue', read.requestId, '--role', 'detachment', '--community', 'Łutselk’e', '--out', bundle));
    expect(issued).toMatch(/^Enrolled "Łutselk’e detachment" as detachment for Łutselk’e \(certificate \w+\)\. Wrote the enrolment bundle to .* \(encrypted\)\.\n$/);

    const before = digestOfFile(det);
    const wrong = await at(det, 'enrol', 'accept', bundle, '--territory-fingerprint', fingerprint.split('-').reverse().join('-'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^The territory fingerprint you typed .* Nothing was changed: check it again with the coordinator, by phone\.\n$/);
    expect(digestOfFile(det)).toBe(before);
    expect(ok(await at(det, 'enrol', 'accept', bundle, '--territory-fingerprint', fingerprint))).toMatch(/^This computer now belongs to the territory "Northwest Territories" as detachment for Łutselk’e/);

    // The detachment's work reaches the coordinator with no --trust-new-sender.
    const plan = JSON.parse(ok(await at(det, 'call', 'plans:create', JSON.stringify({ communityId: lutselke, fiscalYear: 2025 })))).value;
    const up = path.join(dir, 'det-to-coord.planbundle');
    ok(await at(det, 'export', '--full', '--out', up, '--no-encryption'));
    ok(await at(coord, 'import', up));
    expect(JSON.parse(ok(await at(coord, 'call', 'plans:get', JSON.stringify({ planId: plan.id })))).value.id).toBe(plan.id);

    // Revocation, and the list that shows it.
    const list = JSON.parse(ok(await at(coord, 'enrol', 'list', '--json')));
    const serial = list.certificates.find((c: { role: string }) => c.role === 'detachment').serial as string;
    expect(ok(await at(coord, 'enrol', 'revoke', serial, '--reason', 'Laptop lost'))).toMatch(/^Revoked the certificate of "Łutselk’e detachment"/);
    expect(ok(await at(coord, 'enrol', 'list'))).toMatch(/REVOKED \d{4}-\d\d-\d\d: Laptop lost/);
    // Only the coordinator can revoke: the detachment is refused with the sentence, exit 2.
    const refused = await at(det, 'enrol', 'revoke', serial, '--reason', 'x');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("Only the territorial coordinator may enrol, trust or revoke computers and look after the territory's key.\n");

    // The recovery code is printed once.
    const recovery = ok(await at(coord, 'territory', 'recovery', '--out', path.join(dir, 'territory.recovery')));
    expect(recovery).toMatch(/\n {4}[A-Z2-9]{4}(-[A-Z2-9]{4}){5}\n/);
  }, 300_000);

  it('refuses init with neither a territory nor a join, or with both', async () => {
    const dir = makeTempDir();
    const both = await runCliAsync(['--db', path.join(dir, 'x.db'), 'init', '--start-territory', 'T', '--join', '--computer', 'A', '--user', 'B']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^Choose --start-territory or --join, not both\./);
    const noUser = await runCliAsync(['--db', path.join(dir, 'y.db'), 'init', '--start-territory', 'T', '--computer', 'A']);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toMatch(/^--user NAME/);
  }, 120_000);
});
