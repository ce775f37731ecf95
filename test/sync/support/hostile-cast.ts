/**
 * The cast of the hostile-bundle tests (test/sync/hostile-*.test.ts): a coordinator (C) who set
 * everyone up, a field installation (F) that sends bundles, and the victim (V) that receives them.
 * Everyone trusts everyone, for all communities, unless a test narrows it. Tests hold every private
 * key, so they can play insiders and outsiders.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { type ChangesetBody, serialiseChangeset } from '../../../electron/core/changelog/changeset-body';
import { signText } from '../../../electron/core/bundles/identity';
import { databaseState, exportBundle, type Installation, isPlainSentence, readParts, refusalOf, threeInstallations } from '../../support';

export const PASSPHRASE = 'ice road in march';

export let C: Installation;
export let F: Installation;
export let V: Installation;
export let dettah: string; // community A
export let behchoko: string; // community B
export let planA: string;
export let planB: string;

/** Sets up the cast before each test (`beforeEach(castUp)`). */
export function castUp(): void {
  const territory = threeInstallations([
    { community: 'Dettah', actions: ['Patrols'] },
    { community: 'Behchoko', actions: ['School visits'] },
  ]);
  ({ C, F, V, communities: [dettah, behchoko] } = territory);
  planA = territory.plans[0].plan.id;
  planB = territory.plans[1].plan.id;
}

/** Closes and removes the cast after each test (`afterEach(castDown)`). */
export function castDown(): void {
  for (const inst of [C, F, V]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
}

/** F saves a new plan summary and writes a bundle for V holding (at least) that change. */
export function fieldEdit(planId: string, summary: string): { file: string; body: ChangesetBody } {
  F.must('plans:update', { planId, summary });
  const file = exportBundle(F, V);
  const parts = readParts(file);
  const last = parts.changesets.at(-1)!;
  return { file, body: JSON.parse(last.body) as ChangesetBody };
}

/**
 * Imports `file` into V, expects a refusal for one of `reasons`, a plain sentence, and V's database
 * byte-for-byte unchanged. The dry-run preview must refuse it too (except an untrusted sender,
 * which the preview is there to show).
 */
export function expectRefused(file: string, reasons: string[], opts: { passphrase?: string | null; trustNewSender?: boolean } = {}) {
  const before = databaseState(V);
  const digestBefore = V.must('sync:digest', {}).digest;
  const refusal = refusalOf(V.call('bundles:import', { file, passphrase: opts.passphrase ?? null, trustNewSender: opts.trustNewSender ?? true }));
  expect(reasons, refusal.message).toContain(refusal.reason);
  expect(['invalid_input', 'forbidden']).toContain(refusal.code);
  expect(isPlainSentence(refusal.message), refusal.message).toBe(true);
  if (refusal.reason !== 'untrusted_sender') {
    const preview = V.call('bundles:preview', { file, passphrase: opts.passphrase ?? null });
    expect(refusalOf(preview).reason).toBe(refusal.reason);
  }
  expect(V.must('sync:digest', {}).digest).toBe(digestBefore);
  const after = databaseState(V);
  expect(after.tables).toBe(before.tables);
  expect(after.fileSha256).toBe(before.fileSha256);
  return refusal;
}

/** Re-signs a changeset body as `privateKey` would (the text is re-serialised in canonical order). */
export function signedChangeset(body: ChangesetBody, privateKey: string) {
  const text = serialiseChangeset(body);
  return { type: 'changeset' as const, body: text, signature: signText(privateKey, text) };
}
