/**
 * The cast of the review-bypass tests (test/sync/review-bypasses*.test.ts), as in
 * scope-on-result.test.ts: a coordinator C (trusted by V for everything), a field installation F
 * trusted by the victim V only for Dettah, and V; with the tools to forge and craft bundles.
 */
import fs from 'node:fs';
import { expect } from 'vitest';
import { type ChangesetBody, type ChangesetOp, serialiseChangeset } from '../../../electron/core/changelog/changeset-body';
import { type IdentityKeys, signText } from '../../../electron/core/bundles/identity';
import { agreedPlan, type BundleParts, bundlePath, databaseState, exportBundle, importBundle, type Installation, readParts, refusalOf, threeInstallations, writeParts } from '../../support';

export let C: Installation;
export let F: Installation;
export let V: Installation;
export let dettah: string;
export let hayRiver: string;
export let planDettah: ReturnType<typeof agreedPlan>;
export let planHayRiver: ReturnType<typeof agreedPlan>;
export const extra: Installation[] = [];

/** Sets up the cast before each test (`beforeEach(castUp)`). */
export function castUp(): void {
  ({
    C,
    F,
    V,
    communities: [dettah, hayRiver],
    plans: [planDettah, planHayRiver],
  } = threeInstallations([
    { community: 'Dettah', actions: ['Patrols', 'School visits'] },
    { community: 'Hay River', actions: ['Boat safety'] },
  ]));
  // C trusts F for everything (it set F up); V trusts F only for Dettah.
  importBundle(C, exportBundle(F, null));
  importBundle(C, exportBundle(V, null));
  V.must('peers:trust', { fingerprint: F.fingerprint, scopeCommunityIds: [dettah] });
}

/** Closes and removes the cast, and any extra installation a test made, after each test. */
export function castDown(): void {
  for (const inst of [C, F, V, ...extra.splice(0)]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
}

export const LATE = '2099-01-01T00:00:00.000Z-0000-field';

export type Op = Omit<ChangesetOp, 'opId'>;

/** A changeset body shaped like F's own (same schema version, actor, method), with the given fields. */
export function body(fields: { id: string; origin: string; seq: number; hlc: string; ops: Op[] }): ChangesetBody {
  return {
    v: 1,
    id: fields.id,
    origin: fields.origin,
    seq: fields.seq,
    hlc: fields.hlc,
    schemaVersion: schemaVersion(),
    actor: 'User of field',
    method: 'plans:update',
    createdAt: '2025-05-15T12:00:00.000Z',
    ops: fields.ops.map((op, i) => ({ ...op, opId: `${fields.id}.${i}` })),
  };
}

export function schemaVersion(): number {
  const text = C.core.context.sqlite.prepare('SELECT changeset_body(body) FROM changesets LIMIT 1').pluck().get() as string;
  return (JSON.parse(text) as ChangesetBody).schemaVersion;
}

export function signed(b: ChangesetBody, privateKey: string): BundleParts['changesets'][number] {
  const text = serialiseChangeset(b);
  return { type: 'changeset', body: text, signature: signText(privateKey, text) };
}

/**
 * F's bundle to V after an honest edit to Dettah that V accepts alongside, and F's next seq;
 * `forge` appends F's next changeset with the given ops, signed with F's own key, as `forged<seq>`
 * unless given another id.
 */
export function fParts(options: { dropOtherOrigins?: boolean } = {}): { parts: BundleParts; nextSeq: () => number; forge: (ops: Op[], id?: string) => void } {
  F.must('plans:update', { planId: planDettah.plan.id, summary: 'Honest edit' });
  const parts = readParts(exportBundle(F, V));
  if (options.dropOtherOrigins) parts.changesets = parts.changesets.filter((c) => (JSON.parse(c.body) as ChangesetBody).origin === F.installationId);
  let seq = Math.max(...parts.changesets.map((c) => JSON.parse(c.body) as ChangesetBody).filter((b) => b.origin === F.installationId).map((b) => b.seq));
  const nextSeq = () => ++seq;
  const forge = (ops: Op[], id?: string) => {
    const next = nextSeq();
    parts.changesets.push(signed(body({ id: id ?? `forged${next}`, origin: F.installationId, seq: next, hlc: LATE, ops }), F.keys.privateKey));
  };
  return { parts, nextSeq, forge };
}

/** The op (and its changeset) that wrote a field of a row, in a bundle's changesets. */
export function opIn(parts: BundleParts, table: string, rowId: string, field: string): { opId: string; changeset: BundleParts['changesets'][number] } {
  for (const c of parts.changesets) {
    const b = JSON.parse(c.body) as ChangesetBody;
    const op = b.ops.find((o) => o.table === table && o.rowId === rowId && o.field === field);
    if (op) return { opId: op.opId, changeset: c };
  }
  throw new Error(`no op for ${table}.${field} of ${rowId}`);
}

export function expectOutOfScope(file: string, opts: { trustNewSender?: boolean } = {}) {
  const before = databaseState(V);
  const preview = refusalOf(V.call('bundles:preview', { file, passphrase: null }));
  const refusal = refusalOf(V.call('bundles:import', { file, passphrase: null, ...opts }));
  expect(preview.reason, preview.message).toBe('out_of_scope');
  expect(refusal.reason, refusal.message).toBe('out_of_scope');
  expect(databaseState(V).tables).toBe(before.tables);
}

/** F relays a Hay River priority's creation and, in the same bundle, moves it into Dettah: V refuses the whole bundle. */
export function expectRelayedMoveRefused(priorityId: string, hint: string) {
  const { parts, forge } = fParts();
  const created = opIn(parts, 'priorities', priorityId, 'planId');
  forge([{ table: 'priorities', rowId: priorityId, field: 'planId', value: planDettah.plan.id, pred: [created.opId] }]);
  expectOutOfScope(writeParts(parts, bundlePath(F, hint), F.keys.privateKey));
}

/** A bundle built from scratch: any sender id and name, signed with the given key. */
export function craftBundle(sender: { installationId: string; name: string; keys: IdentityKeys }, changesets: BundleParts['changesets'], keys: Record<string, string>, extraManifest: Record<string, unknown> = {}): string {
  const parts: BundleParts = {
    manifest: {
      type: 'manifest',
      format: 1,
      bundleId: `crafted-${Math.random().toString(36).slice(2)}`,
      createdAt: '2025-05-16T12:00:00.000Z',
      sender: { installationId: sender.installationId, name: sender.name, publicKey: sender.keys.publicKey },
      recipient: null,
      full: true,
      versionVector: {},
      keys,
      changesetCount: changesets.length,
      ...extraManifest,
    },
    changesets,
    trailer: { type: 'trailer', count: 0, digest: '', signature: '' },
  };
  return writeParts(parts, bundlePath(F, 'crafted'), sender.keys.privateKey);
}

export function hayRiverSummary(): string | null {
  return V.must('plans:get', { planId: planHayRiver.plan.id }).summary;
}
