import path from 'node:path';
import { z } from 'zod';
import { backupDatabase, pruneBackups } from '../../../db/backups';
import { DEFAULT_KEEP_BACKUPS } from '../../../db/open-database';
import { type MessageRef, msg } from '../../../shared/core-messages';
import { idRecordSchema } from '../../../shared/id-record';
import type { ImportPreview, ImportResult, Peer } from '../../../shared/domain';
import type { CoreContext } from '../changelog/core-context';
import { DomainError } from '../../../shared/domain-error';
import type { ReplicatedTableName } from '../changelog/replicated-tables';
import { readFileCapped } from './bundle-file';
import { BundleRefusal, decodeBundle, hashLines, jsonDepthWithin, LIMITS, tooDeep } from './bundle-format';
import { type ChangesetBody, changesetBodySchema } from '../changelog/changeset-body';
import { storeChangeset, type RowRef } from '../changelog/changeset-store';
import { newerVersionOfChangeset, problemWithChangeset } from '../changelog/changeset-validation';
import { listConflicts } from '../changelog/conflicts';
import { fingerprintOf, verifyText } from './identity';
import { verifyInParallel } from './parallel-verify';
import { materializeRows } from '../changelog/materialize';
import { effectiveTrust, findPeer, pinPeer, recordAcknowledgement, trustOfKey } from './peers';
import { RollBack, scopeGuard } from './import-scope';
import { planOfRow, storedFieldLookup } from '../changelog/row-community';
import { adoptOwnOrigin, ownOrigins } from '../changelog/restored-copy';
import { versionVector } from '../changelog/version-vector';

export interface ImportRequest {
  file: string;
  passphrase?: string | null;
  trustNewSender?: boolean;
}

const base64 = z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/);
/** The manifest's format; a higher one is refused as made by a newer planner, before anything else is read. */
const MANIFEST_FORMAT = 1;
const manifestFormatSchema = z.object({ format: z.number() });
const manifestSchema = z.strictObject({
  type: z.literal('manifest'),
  format: z.literal(MANIFEST_FORMAT),
  bundleId: z.string().min(1).max(64),
  createdAt: z.string().max(40),
  sender: z.strictObject({ installationId: z.string().min(1).max(64), name: z.string().max(200), publicKey: base64 }),
  recipient: z.string().max(64).nullable(),
  full: z.boolean(),
  versionVector: idRecordSchema(z.string().max(64), z.number().int().min(0)),
  keys: idRecordSchema(z.string().max(64), base64),
  changesetCount: z.number().int().min(0).max(LIMITS.changesets),
  formerIds: z.array(z.string().min(1).max(64)).max(16).optional(),
});
const changesetLineSchema = z.strictObject({ type: z.literal('changeset'), body: z.string().max(LIMITS.lineBytes), signature: base64 });
const trailerSchema = z.strictObject({ type: z.literal('trailer'), count: z.number().int().min(0), digest: z.string().length(64), signature: base64 });

/** Refusals reach people as DomainErrors whose details name the reason, for code and tests. */
function refuse(reason: BundleRefusal['reason'], message: MessageRef, extra: Record<string, unknown> = {}): never {
  const code = ['untrusted_sender', 'changed_key', 'revoked', 'out_of_scope', 'forged', 'seq_reused', 'own_bundle'].includes(reason) ? 'forbidden' : 'invalid_input';
  throw new DomainError(code, message, { reason, ...extra });
}

function parseLine<T>(schema: z.ZodType<T>, line: string | undefined): T | null {
  if (line === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface Incoming {
  text: string;
  signature: string;
  body: ChangesetBody;
}

interface CheckedBundle {
  manifest: z.infer<typeof manifestSchema>;
  encrypted: boolean;
  senderTrust: 'trusted' | 'unknown';
  senderScope: string[] | null;
  fresh: Incoming[];
  total: number;
  newOrigins: Array<{ installationId: string; publicKey: string; sameKeyAs?: Peer | null }>;
  /** What each origin may change (null: everything); the check runs on the state after applying. */
  originScope: Map<string, string[] | null>;
  /** The earlier identity of a sender restored from a backup, when it is one. */
  continues: Peer | null;
  setAside: ImportPreview['setAside'];
  /** Ids this computer signed under and forgot (restored twice), with changes in this bundle. */
  forgottenOwn: string[];
  /** Blocks until every signature is checked; refuses (throws) when one is not valid. */
  awaitSignatures: () => void;
}

/**
 * A sender never seen under its id but signing with the key of a trusted peer is that computer
 * under a new id (restored from a backup, or posing as a newcomer): it gets that key's trust, no
 * more. `formerIds` only picks which earlier id it is listed under; it never grants anything.
 */
function continuedPeer(ctx: CoreContext, manifest: z.infer<typeof manifestSchema>): NonNullable<ReturnType<typeof trustOfKey>> | null {
  const trust = trustOfKey(ctx, manifest.sender.publicKey);
  if (!trust) return null;
  for (const formerId of manifest.formerIds ?? []) {
    const peer = findPeer(ctx, formerId);
    if (peer && peer.trustedAt !== null && peer.publicKey === manifest.sender.publicKey) return { ...trust, peer };
  }
  return trust;
}

/** Everything that can be checked without changing anything: format, signatures, trust, scope. */
function checkBundle(ctx: CoreContext, request: ImportRequest, { forImport }: { forImport: boolean }): CheckedBundle {
  const bytes = readFileCapped(request.file);
  let decoded: ReturnType<typeof decodeBundle>;
  try {
    decoded = decodeBundle(bytes, request.passphrase ?? null);
  } catch (error) {
    if (error instanceof BundleRefusal) refuse(error.reason, error.ref);
    throw error;
  }
  const { lines } = decoded;
  const damaged = () => refuse('damaged', msg('import.damaged'));
  const format = parseLine(manifestFormatSchema, lines[0])?.format;
  if (format !== undefined && format > MANIFEST_FORMAT) refuse('newer_version', msg('import.newerManifest'));
  const manifest = parseLine(manifestSchema, lines[0]) ?? damaged();
  const trailer = parseLine(trailerSchema, lines.at(-1)) ?? damaged();
  if (lines.length !== manifest.changesetCount + 2 || trailer.count !== manifest.changesetCount) damaged();
  if (hashLines(lines.slice(0, -1)) !== trailer.digest) damaged();
  if (!verifyText(manifest.sender.publicKey, trailer.digest, trailer.signature)) {
    refuse('bad_signature', msg('import.badSignature'));
  }

  const sender = manifest.sender;
  const senderFingerprint = fingerprintOf(sender.publicKey);
  const own = ownOrigins(ctx);
  // The key is the computer: a bundle signed with this computer's own key was made here, under any id.
  if (own.includes(sender.installationId) || sender.publicKey === ctx.keys.publicKey) refuse('own_bundle', msg('import.ownBundle'));
  const senderPeer = findPeer(ctx, sender.installationId);
  // A trusted installation restored from a backup comes back under a new id with the same key.
  const continued = senderPeer ? null : continuedPeer(ctx, manifest);
  let senderTrust: 'trusted' | 'unknown' = 'unknown';
  let senderScope: string[] | null = null;
  if (senderPeer && senderPeer.trustedAt !== null) {
    if (senderPeer.publicKey !== sender.publicKey) {
      refuse('changed_key', msg('import.senderKeyChanged', { name: senderPeer.name, fingerprint: senderFingerprint, expected: senderPeer.fingerprint }), { fingerprint: senderFingerprint });
    }
    if (senderPeer.revokedAt) refuse('revoked', msg('import.senderRevoked', { name: senderPeer.name, date: senderPeer.revokedAt.slice(0, 10) }));
    const trust = effectiveTrust(ctx, senderPeer);
    if (trust.revokedName !== null) refuse('revoked', msg('import.voucherRevoked', { name: senderPeer.name, voucher: trust.revokedName }));
    senderTrust = 'trusted';
    senderScope = trust.scope;
  } else if (continued) {
    if (continued.revokedName !== null) {
      // Revoked itself under an earlier id, or through whoever vouched for it: say which, never a made-up date.
      const { peer } = continued;
      refuse('revoked', peer.revokedAt ? msg('import.senderRevoked', { name: peer.name, date: peer.revokedAt.slice(0, 10) }) : msg('import.voucherRevoked', { name: peer.name, voucher: continued.revokedName }));
    }
    senderTrust = 'trusted';
    senderScope = continued.scope;
  } else if (forImport && !request.trustNewSender) {
    refuse(
      'untrusted_sender',
      msg('import.untrustedSender', { name: sender.name, fingerprint: senderFingerprint }),
      { fingerprint: senderFingerprint, senderName: sender.name },
    );
  }

  // Every origin's key must match what we have pinned; unknown origins come in vouched for by the sender.
  const newOrigins: CheckedBundle['newOrigins'] = [];
  const originKey = new Map<string, string>();
  const originScope = new Map<string, string[] | null>();
  const revokedOrigins = new Map<string, { name: string; fingerprint: string }>();
  const forgottenOwn = new Set<string>();
  for (const [origin, key] of Object.entries(manifest.keys)) {
    if (own.includes(origin)) {
      if (key !== ctx.keys.publicKey) refuse('forged', msg('import.forgedOwnChanges'));
      originKey.set(origin, key);
      continue;
    }
    // Changes signed with this computer's own key under an id it forgot (a backup restored twice)
    // are its own history; only its key can have signed them, which the signature check verifies.
    if (key === ctx.keys.publicKey) {
      originKey.set(origin, key);
      forgottenOwn.add(origin);
      continue;
    }
    const peer = origin === sender.installationId ? senderPeer : findPeer(ctx, origin);
    if (peer && peer.trustedAt !== null) {
      if (peer.publicKey !== key) {
        refuse('changed_key', msg('import.originKeyChanged', { name: peer.name, fingerprint: fingerprintOf(key), expected: peer.fingerprint }), { fingerprint: fingerprintOf(key) });
      }
      // Old changes from a revoked computer may still travel in others' bundles; its new ones are set aside.
      const trust = effectiveTrust(ctx, peer);
      if (trust.revokedName !== null) revokedOrigins.set(origin, { name: peer.name, fingerprint: peer.fingerprint });
      originScope.set(origin, trust.scope);
    } else {
      if (origin === sender.installationId && key !== sender.publicKey) refuse('forged', msg('import.senderKeyForged'));
      // A new id signing with a trusted peer's key is that peer, whoever relays it: its trust, no more.
      const sameKey = origin === sender.installationId ? null : trustOfKey(ctx, key);
      if (sameKey) {
        originScope.set(origin, sameKey.scope);
        if (sameKey.revokedName !== null) revokedOrigins.set(origin, { name: sameKey.peer.name, fingerprint: sameKey.peer.fingerprint });
        else newOrigins.push({ installationId: origin, publicKey: key, sameKeyAs: sameKey.peer });
      } else {
        newOrigins.push({ installationId: origin, publicKey: key, sameKeyAs: null });
        // An introduced origin may change no more than the installation that vouches for it.
        originScope.set(origin, senderScope);
      }
    }
    originKey.set(origin, key);
  }

  // First pass: read each changeset's origin and start checking every signature in parallel.
  const entries = lines.slice(1, -1).map((line) => parseLine(changesetLineSchema, line) ?? damaged());
  const raws = entries.map((entry) => {
    if (!jsonDepthWithin(entry.body, LIMITS.jsonDepth)) refuse('damaged', tooDeep().ref);
    try {
      return JSON.parse(entry.body) as { origin?: unknown; seq?: unknown };
    } catch {
      return refuse('damaged', msg('import.unreadableChange'));
    }
  });
  const unsigned = raws.findIndex((raw) => typeof raw.origin !== 'string' || !originKey.has(raw.origin));
  if (unsigned >= 0) refuse('forged', msg('import.unsignedOrigin'));
  // Only a key shown to sign something here is pinned: the sender's (the trailer) and those of
  // origins with a changeset in the bundle (every signature is checked). A key merely named in the
  // manifest proves nothing, and pinning it would hand its real owner the namer's trust.
  const signingOrigins = new Set(raws.map((raw) => raw.origin));
  const provenOrigins = newOrigins.filter((o) => o.installationId === sender.installationId || signingOrigins.has(o.installationId));
  const verification = verifyInParallel(entries.map((entry, i) => ({ publicKey: originKey.get(raws[i]!.origin as string)!, text: entry.body, signature: entry.signature })));

  // Second pass, while the signatures are being checked: strict schemas and the log's rules.
  const fresh: Incoming[] = [];
  const known = ctx.sqlite.prepare('SELECT id, body FROM changesets WHERE origin = ? AND seq = ?');
  const idTaken = ctx.sqlite.prepare('SELECT origin, seq FROM changesets WHERE id = ?');
  const seenInBundle = new Set<string>();
  const setAside = new Map<string, ImportPreview['setAside'][number]>();
  const problems: Array<() => never> = [];
  for (const [index, entry] of entries.entries()) {
    const newer = newerVersionOfChangeset(raws[index]);
    if (newer) refuse('newer_version', newer);
    const parsed = changesetBodySchema.safeParse(raws[index]);
    if (!parsed.success) refuse('damaged', msg('import.unreadableChange'));
    const body = parsed.data;
    const stored = known.get(body.origin, body.seq) as { id: string; body: string } | undefined;
    if (stored) {
      if (stored.body !== entry.body) {
        problems.push(() => refuse('seq_reused', msg('import.seqReused', { seq: body.seq })));
      }
      continue;
    }
    // Only what is new is held to today's rules: a change already here is skipped, not refused again.
    const problem = problemWithChangeset(body);
    if (problem) problems.push(() => refuse('damaged', problem));
    const owner = idTaken.get(body.id) as { origin: string; seq: number } | undefined;
    if (owner || seenInBundle.has(body.id)) problems.push(() => refuse('forged', msg('import.idCollision')));
    const originSeq = `${body.origin}\u0000${body.seq}`;
    if (seenInBundle.has(originSeq)) {
      problems.push(() => refuse('seq_reused', msg('import.seqTwice', { seq: body.seq })));
    }
    seenInBundle.add(body.id);
    seenInBundle.add(originSeq);
    const revoked = revokedOrigins.get(body.origin);
    if (revoked !== undefined) {
      const aside = setAside.get(body.origin) ?? { installationId: body.origin, ...revoked, changesets: 0, reason: 'revoked' as const };
      aside.changesets += 1;
      setAside.set(body.origin, aside);
      continue;
    }
    fresh.push({ text: entry.body, signature: entry.signature, body });
  }
  const refuseForgery = () => {
    const bad = verification.firstInvalid();
    if (bad >= 0) {
      const body = raws[bad]!;
      refuse('forged', body.origin === sender.installationId ? msg('import.forgedChange.sender', { seq: String(body.seq), name: sender.name }) : msg('import.forgedChange.other', { seq: String(body.seq) }));
    }
  };
  // A bad signature outranks every other problem: it is the one that says "do not trust this file".
  if (problems.length > 0) {
    refuseForgery();
    problems[0]!();
  }
  // Otherwise the signatures are still being checked on other cores while the changesets are
  // applied inside the caller's transaction; applying waits for them before judging scope.
  return {
    manifest,
    encrypted: decoded.header.encryption !== null,
    senderTrust,
    senderScope,
    fresh,
    total: manifest.changesetCount,
    newOrigins: provenOrigins,
    originScope,
    continues: senderTrust === 'trusted' && !senderPeer ? (continued?.peer ?? null) : null,
    setAside: [...setAside.values()],
    forgottenOwn: [...forgottenOwn].filter((origin) => fresh.some((c) => c.body.origin === origin)),
    awaitSignatures: refuseForgery,
  };
}

/** Applies the checked changesets inside the caller's transaction and describes the outcome. */
function applyChecked(ctx: CoreContext, checked: CheckedBundle): Omit<ImportPreview, 'sender' | 'bundleId' | 'createdAt'> {
  const conflictsBefore = new Set(listConflicts(ctx).map((c) => c.id));
  const vectorBefore = versionVector(ctx.sqlite);
  const touched = new Map<string, RowRef>();
  const now = ctx.clock.now();
  const scope = scopeGuard(ctx, checked);
  // Apply in (origin, seq) order: the result does not depend on it, but history reads naturally.
  const ordered = [...checked.fresh].sort((a, b) => (a.body.origin === b.body.origin ? a.body.seq - b.body.seq : a.body.origin < b.body.origin ? -1 : 1));
  for (const c of ordered) {
    for (const row of storeChangeset(ctx.sqlite, ctx.recorder.register, c.body, c.text, c.signature, now)) touched.set(`${row.table}\u0000${row.rowId}`, row);
  }
  materializeRows(ctx, [...touched.values()]);
  // A forged signature outranks every other refusal, so it is awaited before judging scope.
  checked.awaitSignatures();
  scope.check();

  const lookup = storedFieldLookup(ctx);
  const perPlan = new Map<string, number>();
  let otherChanges = 0;
  for (const row of touched.values()) {
    const planId = planOfRow(lookup, row.table as ReplicatedTableName, row.rowId);
    if (planId) perPlan.set(planId, (perPlan.get(planId) ?? 0) + 1);
    else otherChanges += 1;
  }
  const plan = ctx.sqlite.prepare('SELECT p.fiscal_year AS fiscalYear, c.name AS communityName FROM plans p JOIN communities c ON c.id = p.community_id WHERE p.id = ?');
  const changesPerPlan = [...perPlan.entries()].map(([planId, rows]) => {
    const info = plan.get(planId) as { fiscalYear: number; communityName: string } | undefined;
    return { planId, rows, communityName: info?.communityName ?? '(not yet arrived)', fiscalYear: info?.fiscalYear ?? 0 };
  });
  const gaps: ImportPreview['gaps'] = [];
  const firstPerOrigin = new Map<string, number>();
  for (const c of checked.fresh) firstPerOrigin.set(c.body.origin, Math.min(firstPerOrigin.get(c.body.origin) ?? Infinity, c.body.seq));
  for (const [origin, first] of firstPerOrigin) {
    const have = vectorBefore[origin] ?? 0;
    if (first > have + 1) gaps.push({ installationId: origin, have, firstInBundle: first });
  }
  return {
    changesetCount: checked.total,
    newChangesetCount: checked.fresh.length,
    alreadyImported: checked.fresh.length === 0,
    gaps,
    changesPerPlan,
    otherChanges,
    newConflicts: listConflicts(ctx).filter((c) => !conflictsBefore.has(c.id)),
    newOrigins: checked.newOrigins.map((o) => ({ installationId: o.installationId, fingerprint: fingerprintOf(o.publicKey) })),
    setAside: checked.setAside,
  };
}

function senderOf(checked: CheckedBundle): ImportPreview['sender'] {
  const s = checked.manifest.sender;
  return { installationId: s.installationId, name: s.name, fingerprint: fingerprintOf(s.publicKey), trust: checked.senderTrust };
}

/** The dry run: applies everything inside a transaction that is always rolled back. */
export function previewImport(ctx: CoreContext, request: ImportRequest): ImportPreview {
  const checked = checkBundle(ctx, request, { forImport: false });
  let outcome: ReturnType<typeof applyChecked> | undefined;
  try {
    ctx.sqlite.transaction(() => {
      outcome = applyChecked(ctx, checked);
      throw new RollBack();
    })();
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { bundleId: checked.manifest.bundleId, sender: senderOf(checked), createdAt: checked.manifest.createdAt, ...outcome! };
}

/** Test hook: lets a test kill the process while the import transaction is open. */
export const importHooks: { insideTransaction?: () => void } = {};

/**
 * Imports in one all-or-nothing transaction after an automatic backup. Re-importing changes
 * nothing and says so.
 */
export function importBundle(ctx: CoreContext, request: ImportRequest): ImportResult {
  const checked = checkBundle(ctx, request, { forImport: true });
  const head = { bundleId: checked.manifest.bundleId, sender: senderOf(checked), createdAt: checked.manifest.createdAt };
  let backupFile: string | null = null;
  if (checked.fresh.length > 0) {
    backupFile = backupDatabase(ctx.sqlite, ctx.backupDir, 'before-import', new Date(ctx.clock.now())).file;
    pruneBackups(ctx.backupDir, ctx.dbFile, DEFAULT_KEEP_BACKUPS * 2);
  }
  const outcome = ctx.sqlite.transaction(() => {
    const sender = checked.manifest.sender;
    if (checked.continues) {
      // Vouched for by its own earlier id (same key): same scope, and revoking either revokes both.
      pinPeer(ctx, { installationId: sender.installationId, name: sender.name || checked.continues.name, publicKey: sender.publicKey, scopeCommunityIds: checked.continues.scopeCommunityIds, introducedBy: checked.continues.installationId });
    } else if (checked.senderTrust === 'unknown') {
      pinPeer(ctx, { installationId: sender.installationId, name: sender.name || 'Unnamed computer', publicKey: sender.publicKey, scopeCommunityIds: null, introducedBy: null });
    }
    for (const origin of checked.newOrigins) {
      if (origin.installationId === sender.installationId) continue;
      if (origin.sameKeyAs) {
        // Another id of a computer already pinned here (same key): vouched for by that computer itself.
        const same = origin.sameKeyAs;
        pinPeer(ctx, { installationId: origin.installationId, name: same.name, publicKey: origin.publicKey, scopeCommunityIds: same.scopeCommunityIds, introducedBy: same.installationId });
        continue;
      }
      pinPeer(ctx, { installationId: origin.installationId, name: `Computer introduced by ${sender.name}`, publicKey: origin.publicKey, scopeCommunityIds: checked.senderScope, introducedBy: sender.installationId });
    }
    const result = applyChecked(ctx, checked);
    importHooks.insideTransaction?.();
    recordAcknowledgement(ctx, sender.installationId, checked.manifest.versionVector);
    for (const origin of checked.forgottenOwn) adoptOwnOrigin(ctx, origin);
    // Own changes this database had lost (it is an older copy) came back: never number new ones over them.
    ctx.sqlite.prepare('UPDATE installation SET last_seq = max(last_seq, (SELECT coalesce(max(seq), 0) FROM changesets WHERE origin = installation.installation_id)) WHERE key = 1').run();
    ctx.sqlite
      .prepare(
        `INSERT INTO exchanges (id, direction, bundle_id, peer_installation_id, peer_name, file, at, changeset_count, new_changeset_count, encrypted)
         VALUES (?, 'import', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ctx.ids.newId(), checked.manifest.bundleId, sender.installationId, sender.name, path.resolve(request.file), ctx.clock.now(), checked.total, checked.fresh.length, checked.encrypted ? 1 : 0);
    return result;
  }).immediate();
  return { ...head, ...outcome, imported: checked.fresh.length > 0, backupFile };
}
