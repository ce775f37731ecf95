/**
 * Everything about a bundle that can be checked without changing anything: its format, the
 * sender's signature over the whole, trust (bundle-trust.ts), each changeset's shape and the log's
 * rules, and every changeset's signature, checked on other cores while the caller applies.
 */
import { isUtf8 } from 'node:buffer';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import type { ImportPreview, Peer } from '../../../shared/domain';
import { type ChangesetBody, parseChangesetBody, partitionOfChangeset } from '../changelog/changeset-body';
import { inReadScope, ownReadScope, partitionLabel } from '../changelog/partitions';
import { newerVersionOfChangeset, problemWithChangeset } from '../changelog/changeset-validation';
import type { CoreContext } from '../changelog/core-context';
import { readFileCapped } from './bundle-file';
import {
  type BundleManifest,
  parseChangesetLine,
  type ChangesetLine,
  hashLines,
  jsonDepthWithin,
  linesOf,
  openBundle,
  type OpenedBundle,
  outlineOf,
  type StreamOutline,
  LIMITS,
  MANIFEST_FORMAT,
  manifestFormatSchema,
  manifestSchema,
  parseLine,
  PLANNER_VERSION,
  trailerSchema,
  versionAfter,
  tooDeep,
  trailerSigned,
} from './bundle-format';
import { readOrRefuse, refuse } from './bundle-refusal';
import { type IncomingFile, readBundleFiles } from './bundle-files';
import { judgeOrigins, judgeSender, type NewOrigin, type OriginJudgement } from './bundle-trust';
import { certifiedAuthorities, type OriginAuthority } from './import-scope';
import { verifyInParallel, warmWorkers } from './parallel-verify';
import { type ChainLine, type HeadProof, proveByHeads } from './signed-heads';
import { territoryRow } from '../queries/territory';
import { isDemoDatabase, storedCertified, type VerifiedSection, verifySection } from './territory-section';

export interface ImportRequest {
  file: string;
  passphrase?: string | null;
  trustNewSender?: boolean;
  /** With trustNewSender: what the new sender may change. */
  scopeCommunityIds?: string[];
  allCommunities?: boolean;
  /** On a computer joining a territory: the territory key's fingerprint the person confirmed. */
  joiningFingerprint?: string;
}

export interface Incoming {
  text: string;
  signature: string;
  body: ChangesetBody;
}

export interface CheckedBundle {
  manifest: BundleManifest;
  encrypted: boolean;
  senderTrust: 'trusted' | 'unknown';
  senderScope: string[] | null;
  fresh: Incoming[];
  total: number;
  newOrigins: NewOrigin[];
  /** What each origin may change (null: everything); the check runs on the state after applying. */
  originScope: Map<string, string[] | null>;
  /** Each certified origin's role and communities (import-scope.ts judges its ops by them). */
  originAuthority: Map<string, OriginAuthority>;
  /** The earlier identity of a sender restored from a backup, when it is one. */
  continues: Peer | null;
  setAside: ImportPreview['setAside'];
  /** Ids this computer signed under and forgot (restored twice), with changes in this bundle. */
  forgottenOwn: string[];
  /** The bundle's territory part, checked against the territory known here (null: none, or not enrolled). */
  territory: VerifiedSection | null;
  /** Blocks until every signature is checked; refuses (throws) when one is not valid. */
  awaitSignatures: () => void;
  /** The hash of every line, which the sender signed (the trailer): what names these exact bytes. */
  digest: string;
  /**
   * These exact bytes were imported here before (`imported_bundles`) from a sender still trusted:
   * nothing was parsed past the manifest, nothing is applied (see `alreadyImported`).
   */
  alreadyApplied: boolean;
  /** How the changesets were proven: by their origins' signed heads, or each by its own signature. */
  proofs: { byHead: number; bySignature: number };
  /** Heads that verified and were reached, and the chain each reached: kept after applying. */
  headProof: HeadProof;
  /** The evidence files it carries, checked (bundle-files.ts); stored after applying, for the attachments here. */
  files: IncomingFile[];
}

const damaged = () => refuse('damaged', msg('import.damaged'));

/** What readSealed needs of a line stream: its first and last lines, how many there are, and the hash of every line before the last. */
interface SealedStream {
  first: string | undefined;
  last: string | undefined;
  lineCount: number;
  digestBeforeLast: () => string;
}

/** A stream's lines as readSealed reads them; `digest`: that hash when already known (outlineOf, from bytes that are valid UTF-8). */
function sealedLines(lines: readonly string[], digest?: string): SealedStream {
  return { first: lines[0], last: lines.at(-1), lineCount: lines.length, digestBeforeLast: () => digest ?? hashLines(lines.slice(0, -1)) };
}

/** The manifest of a whole bundle whose sender signed it; refuses anything else. */
function readSealed(stream: SealedStream): { manifest: BundleManifest; digest: string } {
  const said = parseLine(manifestFormatSchema, stream.first);
  if (said && said.format > MANIFEST_FORMAT) {
    // Nothing of a newer manifest is trusted or applied; its `requires` only tells the person what to install.
    // Like the file header: a version to install is named only when it is later than this one.
    refuse('newer_version', said.requires !== undefined && versionAfter(said.requires, PLANNER_VERSION) ? msg('bundle.needsVersion', { version: said.requires }) : msg('import.newerManifest'));
  }
  const manifest = parseLine(manifestSchema, stream.first) ?? damaged();
  // The content is whole when the trailer reads and holds the hash of every line before it (bundle-format.ts sealedTrailer).
  const trailer = parseLine(trailerSchema, stream.last);
  if (trailer === null || stream.digestBeforeLast() !== trailer.digest) return damaged();
  if (stream.lineCount !== manifest.changesetCount + (manifest.files ?? 0) + 2 || trailer.count !== manifest.changesetCount) damaged();
  if (!trailerSigned(trailer, manifest.sender.publicKey)) refuse('bad_signature', msg('import.badSignature'));
  return { manifest, digest: trailer.digest };
}

/**
 * Whether these exact bytes (the digest the sender signed) were imported here before. Safe to skip
 * everything else then: the log only grows, so every changeset they carry is still held, as the
 * same text (a backup restored from before that import has no record of it either); their trust,
 * territory section and acknowledgement were stored by that import. Only a bundle that was
 * applied whole is recorded (nothing set aside), so a change set aside then is read again.
 */
function importedBefore(ctx: CoreContext, digest: string): boolean {
  return ctx.sqlite.prepare('SELECT 1 FROM imported_bundles WHERE digest = ?').pluck().get(digest) !== undefined;
}

/**
 * The same bytes again (the case of a bundle re-imported, or dropped twice): known from the
 * manifest, the trailer and the hash of the stream's bytes alone, without decoding or checking any
 * changeset — those bytes passed every check when they were applied. Runs exactly the checks the
 * full reading runs before it asks `importedBefore` and has no effect of its own; anything that
 * does not hold (a refusal among them) is left to the full reading, which refuses in its own order.
 */
function appliedBefore(ctx: CoreContext, request: ImportRequest, forImport: boolean, opened: OpenedBundle, outline: StreamOutline | null): CheckedBundle | null {
  if (outline === null) return null;
  try {
    const { manifest, digest } = readSealed({ ...outline, digestBeforeLast: () => outline.digest });
    if (!importedBefore(ctx, digest)) return null;
    const { judged } = readManifest(ctx, request, forImport, manifest);
    if (judged.senderTrust !== 'trusted') return null;
    return alreadyAppliedCheck(manifest, digest, opened.encryption !== 'none', judged, outline.linesBeforeLast(manifest.files ?? 0));
  } catch (error) {
    // A refusal: the full reading meets it again, in its own order.
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** What the manifest alone decides, in this order: the demo and a real territory apart, the territory part, the sender. */
function readManifest(ctx: CoreContext, request: ImportRequest, forImport: boolean, manifest: BundleManifest) {
  const demo = isDemoDatabase(ctx);
  // The demo and a real territory never mix (unenrolled scratch databases may take either, for practice).
  if (manifest.demo === true && !demo && territoryRow(ctx) !== null) refuse('demo_mismatch', msg('enrolment.demoIntoReal'));
  if (demo && manifest.demo !== true && manifest.territory !== undefined) refuse('demo_mismatch', msg('enrolment.realIntoDemo'));
  const territory = verifySection(ctx, manifest.territory, request.joiningFingerprint !== undefined ? { joiningFingerprint: request.joiningFingerprint } : {});
  const certified = territory?.certified ?? storedCertified(ctx);
  const judged = judgeSender(ctx, manifest, { refuseNewSender: forImport && !request.trustNewSender, certified });
  if (judged.senderTrust === 'unknown' && request.trustNewSender) {
    // The first import from a newly trusted sender is held to the communities it is trusted for.
    judged.senderScope = request.scopeCommunityIds !== undefined && request.scopeCommunityIds.length > 0 ? request.scopeCommunityIds : request.allCommunities === true ? null : [];
  }
  return { territory, certified, judged };
}

/** A bundle whose exact bytes were applied here before (`alreadyApplied`): nothing in it is applied again. */
function alreadyAppliedCheck(manifest: BundleManifest, digest: string, encrypted: boolean, judged: { senderTrust: 'trusted' | 'unknown'; senderScope: string[] | null }, fileLines: readonly string[]): CheckedBundle {
  return {
    manifest,
    encrypted,
    senderTrust: judged.senderTrust,
    senderScope: judged.senderScope,
    fresh: [],
    total: manifest.changesetCount,
    newOrigins: [],
    originScope: new Map(),
    originAuthority: new Map(),
    continues: null,
    setAside: [],
    forgottenOwn: [],
    territory: null,
    awaitSignatures: () => {},
    digest,
    alreadyApplied: true,
    proofs: { byHead: 0, bySignature: 0 },
    headProof: { proven: new Set(), verifiedHeads: [], reached: [] },
    // The same bytes again: their files were checked then; any whose record has arrived since are stored now.
    files: readBundleFiles(fileLines),
  };
}

export function checkBundle(ctx: CoreContext, request: ImportRequest, { forImport }: { forImport: boolean }): CheckedBundle {
  const bytes = readFileCapped(request.file);
  // This computer's key opens a bundle made for it; the passphrase one made with a passphrase.
  const opened = readOrRefuse(() => openBundle(bytes, { passphrase: request.passphrase ?? null, encryptionPrivateKey: ctx.keys.encryptionPrivateKey ?? null }));
  const outline = outlineOf(opened.payload);
  const again = appliedBefore(ctx, request, forImport, opened, outline);
  if (again) return again;
  const decoded = { encryption: opened.encryption, lines: readOrRefuse(() => linesOf(opened.payload)) };
  // Valid UTF-8, the lines are those bytes exactly: the hash of the bytes before the trailer is the hash of the lines before it.
  const { manifest, digest } = readSealed(sealedLines(decoded.lines, outline !== null && isUtf8(opened.payload) ? outline.digest : undefined));
  // A large import deflates its bodies on the worker pool: started now, its threads are up by then.
  warmWorkers(manifest.changesetCount);
  const sender = manifest.sender;
  const { territory, certified, judged } = readManifest(ctx, request, forImport, manifest);
  if (judged.senderTrust === 'trusted' && importedBefore(ctx, digest)) {
    // The trailer and the sender are checked (above); the changesets were checked and applied the first time.
    return alreadyAppliedCheck(manifest, digest, decoded.encryption !== 'none', judged, decoded.lines.slice(1 + manifest.changesetCount, -1));
  }
  const origins = judgeOrigins(ctx, manifest, judged, certified);

  // First pass: read each changeset's origin and start checking every signature in parallel.
  const entries = decoded.lines.slice(1, 1 + manifest.changesetCount).map((line) => parseChangesetLine(line) ?? damaged());
  // Evidence files (format 3): whole, named by their hash, and files this planner accepts (bundle-files.ts).
  const files = readBundleFiles(decoded.lines.slice(1 + manifest.changesetCount, -1));
  const raws = entries.map((entry) => {
    if (!jsonDepthWithin(entry.body, LIMITS.jsonDepth)) refuse('damaged', tooDeep().ref);
    try {
      return JSON.parse(entry.body) as { origin?: unknown; seq?: unknown };
    } catch {
      return refuse('damaged', msg('import.unreadableChange'));
    }
  });
  const unsigned = raws.findIndex((raw) => typeof raw.origin !== 'string' || !origins.originKey.has(raw.origin));
  if (unsigned >= 0) refuse('forged', msg('import.unsignedOrigin'));
  // Only a key shown to sign something here is pinned: the sender's (the trailer) and those of
  // origins with a changeset in the bundle (every signature is checked). A key merely named in the
  // manifest proves nothing, and pinning it would hand its real owner the namer's trust.
  const signingOrigins = new Set(raws.map((raw) => raw.origin));
  const provenOrigins = origins.newOrigins.filter((o) => o.installationId === sender.installationId || signingOrigins.has(o.installationId));
  // Signed heads (signed-heads.ts): one signature per (origin, partition) proves every changeset its
  // chain reaches; the others are checked one by one, on other cores, as before.
  const chainLines: ChainLine[] = [];
  raws.forEach((raw, index) => {
    const { partition, seq } = raw as { partition?: unknown; seq?: unknown };
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || (partition !== undefined && typeof partition !== 'string')) return;
    chainLines.push({ index, origin: raw.origin as string, partition: partition ?? '*', seq, text: entries[index]!.body, signature: entries[index]!.signature });
  });
  const headProof = proveByHeads(ctx, manifest.heads ?? [], chainLines, (origin) => origins.originKey.get(origin));
  const unproven = entries.flatMap((_, i) => (headProof.proven.has(i) ? [] : [i]));
  const verification = verifyInParallel(unproven.map((i) => ({ publicKey: origins.originKey.get(raws[i]!.origin as string)!, text: entries[i]!.body, signature: entries[i]!.signature })));
  const refuseForgery = () => {
    const badJob = verification.firstInvalid();
    const bad = badJob >= 0 ? unproven[badJob]! : -1;
    if (bad >= 0) {
      const body = raws[bad]!;
      refuse('forged', body.origin === sender.installationId ? msg('import.forgedChange.sender', { seq: String(body.seq), name: sender.name }) : msg('import.forgedChange.other', { seq: String(body.seq) }));
    }
  };

  // Second pass, while the signatures are being checked: strict schemas and the log's rules.
  const { fresh, setAside, problems } = sortChangesets(ctx, entries, raws, origins);
  // A bad signature outranks every other problem: it is the one that says "do not trust this file".
  if (problems.length > 0) {
    refuseForgery();
    problems[0]!();
  }
  // Otherwise the signatures are still being checked on other cores while the changesets are
  // applied inside the caller's transaction; applying waits for them before judging scope.
  return {
    manifest,
    encrypted: decoded.encryption !== 'none',
    senderTrust: judged.senderTrust,
    senderScope: judged.senderScope,
    fresh,
    total: manifest.changesetCount,
    newOrigins: provenOrigins,
    originScope: origins.originScope,
    originAuthority: certifiedAuthorities(ctx, origins.originKey),
    continues: judged.senderTrust === 'trusted' && !judged.senderPeer ? (judged.continued?.peer ?? null) : null,
    setAside,
    forgottenOwn: [...origins.forgottenOwn].filter((origin) => fresh.some((c) => c.body.origin === origin)),
    territory,
    awaitSignatures: refuseForgery,
    digest,
    alreadyApplied: false,
    proofs: { byHead: headProof.proven.size, bySignature: unproven.length },
    headProof,
    files,
  };
}

/**
 * Each changeset held to the log's rules: new ones kept (fresh), those already here skipped, a
 * revoked origin's set aside. Problems are returned, not thrown, so a bad signature can outrank them.
 */
function sortChangesets(ctx: CoreContext, entries: readonly ChangesetLine[], raws: readonly unknown[], origins: OriginJudgement) {
  const fresh: Incoming[] = [];
  const known = ctx.sqlite.prepare('SELECT id, changeset_body(body) AS body FROM changesets WHERE origin = ? AND partition = ? AND seq = ?');
  // Nothing is held past an (origin, partition)'s highest seq here, and no id is taken in an empty
  // log: a first import asks neither question thousands of times.
  const highest = new Map((ctx.sqlite.prepare('SELECT origin, partition, max(seq) FROM changesets GROUP BY origin, partition').raw().all() as Array<[string, string, number]>).map(([o, p, seq]) => [`${o}\u0000${p}`, seq]));
  const readScope = ownReadScope(ctx);
  const idTaken = highest.size === 0 ? null : ctx.sqlite.prepare('SELECT origin, seq FROM changesets WHERE id = ?');
  const seenInBundle = new Set<string>();
  const setAside = new Map<string, ImportPreview['setAside'][number]>();
  const problems: Array<() => never> = [];
  for (const [index, entry] of entries.entries()) {
    ctx.progress?.('check', index, entries.length);
    const newer = newerVersionOfChangeset(raws[index]);
    if (newer) refuse('newer_version', newer);
    const body = parseChangesetBody(raws[index]) ?? refuse('damaged', msg('import.unreadableChange'));
    const partition = partitionOfChangeset(body);
    const stored = body.seq > (highest.get(`${body.origin}\u0000${partition}`) ?? 0) ? undefined : (known.get(body.origin, partition, body.seq) as { id: string; body: string } | undefined);
    if (stored) {
      if (stored.body !== entry.body) {
        problems.push(() => refuse('seq_reused', msg('import.seqReused', { seq: body.seq })));
      }
      continue;
    }
    // Only what is new is held to today's rules: a change already here is skipped, not refused again.
    const problem = problemWithChangeset(body, ctx.recorder.schemaVersion);
    if (problem) problems.push(() => refuse('damaged', problem));
    const owner = idTaken?.get(body.id) as { origin: string; seq: number } | undefined;
    if (owner || seenInBundle.has(body.id)) problems.push(() => refuse('forged', msg('import.idCollision')));
    // A computer keeps only its read scope: a changeset of another community is never planted here.
    if (!inReadScope(readScope, partition)) {
      problems.push(() => refuse('out_of_scope', msg('import.outsideReadScope', { community: partitionLabel(ctx.sqlite, partition) })));
    }
    const originSeq = `${body.origin}\u0000${partition}\u0000${body.seq}`;
    if (seenInBundle.has(originSeq)) {
      problems.push(() => refuse('seq_reused', msg('import.seqTwice', { seq: body.seq })));
    }
    seenInBundle.add(body.id);
    seenInBundle.add(originSeq);
    const certRevoked = origins.certRevoked.get(body.origin);
    // Per partition when the revocation says so (a partition it does not name: nothing was held, nothing accepted).
    const byPartition = certRevoked?.acceptedByPartition;
    const acceptedUpTo = byPartition === undefined ? certRevoked?.acceptedUpTo : Object.hasOwn(byPartition, partition) ? byPartition[partition]! : 0;
    if (certRevoked && body.seq > acceptedUpTo!) {
      problems.push(() => refuse('revoked', msg('enrolment.revokedChanges', { name: certRevoked.name, date: certRevoked.at.slice(0, 10) })));
      continue;
    }
    const revoked = origins.revokedOrigins.get(body.origin);
    if (revoked !== undefined) {
      const aside = setAside.get(body.origin) ?? { installationId: body.origin, ...revoked, changesets: 0, reason: 'revoked' as const };
      aside.changesets += 1;
      setAside.set(body.origin, aside);
      continue;
    }
    fresh.push({ text: entry.body, signature: entry.signature, body });
  }
  ctx.progress?.('check', entries.length, entries.length);
  return { fresh, setAside: [...setAside.values()], problems };
}
