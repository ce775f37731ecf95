/**
 * Enrolment: the joining computer's request file, the coordinator's certificate and enrolment
 * bundle, the joining computer's acceptance, and revocation. Certificates and revocations are
 * signed by the territory key (territory-key.ts) and travel in every bundle's manifest
 * (territory-section.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { replaceWithPrivateFile } from '../../../db/private-files';
import { msg } from '../../../shared/core-messages';
import type { ReadScope } from '../changelog/partitions';
import type { MethodInput } from '../../../shared/contract';
import type { CertificateRevoked, EnrolmentAccepted, EnrolmentIssued, EnrolmentRequestInfo, EnrolmentRequestWritten, RevocationBody } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import type { CoreContext } from '../changelog/core-context';
import { installationRow } from '../queries/installation';
import {
  certifiedOrigins,
  issuedCertificate,
  ownPendingRequest,
  requestInfo,
  requestRow,
  setupState,
  storedCertificates,
  storedRevocations,
  territoryRow,
} from '../queries/territory';
import { exportBundle } from './bundle-export';
import { importBundle } from './bundle-import';
import { fingerprintOf, signText, verifyText } from './identity';
import { pinCertified } from './territory-section';
import { issueCertificate, requestFileText, territoryPrivateKey } from './territory-key';
import { revocationText } from './territory-crypto';

const requestSchema = z.strictObject({
  request: z.strictObject({
    kind: z.literal('enrolment-request'),
    version: z.literal(1),
    requestId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
    installationId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
    computerName: z.string().min(1).max(200),
    userName: z.string().min(1).max(200),
    signingKey: z.string().max(200),
    /** The X25519 key the certificate will name (absent from requests written before it). */
    encryptionKey: z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/).optional(),
    createdAt: z.string().max(40),
  }),
  signature: z.string().max(200),
});

function writeFileOrRefuse(file: string, text: string): string {
  const target = path.resolve(file);
  try {
    replaceWithPrivateFile(target, text);
  } catch (error) {
    const full = ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');
    throw full ? new DomainError('disk_full', msg('export.diskFull', { target })) : new DomainError('forbidden', msg('export.notWritable', { target }));
  }
  return target;
}

/** Writes this computer's enrolment request: the one kept since it joined, or a new one (re-enrolment). */
export function writeRequest(ctx: CoreContext, input: MethodInput<'enrolment:writeRequest'>): EnrolmentRequestWritten {
  const me = installationRow(ctx)!;
  const pending = me.territoryId === null ? ownPendingRequest(ctx, me.installationId) : null;
  const text = pending?.body ?? requestFileText(ctx, { installationId: me.installationId, computerName: me.name, userName: me.userName });
  const file = writeFileOrRefuse(input.file, text);
  const request = (JSON.parse(text) as z.infer<typeof requestSchema>).request;
  return { file, requestId: request.requestId, installationId: me.installationId, fingerprint: fingerprintOf(request.signingKey) };
}

/** The coordinator reads a request file: kept, and shown with its key's fingerprint. */
export function readRequest(ctx: CoreContext, input: MethodInput<'enrolment:readRequest'>): EnrolmentRequestInfo {
  territoryPrivateKey(ctx);
  let parsed: z.infer<typeof requestSchema>;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(input.file), 'utf8');
    if (text.length > 64 * 1024) throw new Error('too big');
    parsed = requestSchema.parse(JSON.parse(text));
  } catch {
    throw new DomainError('invalid_input', msg('enrolment.notARequest'));
  }
  if (!verifyText(parsed.request.signingKey, JSON.stringify(parsed.request), parsed.signature)) throw new DomainError('forbidden', msg('enrolment.requestForged'));
  const me = installationRow(ctx)!;
  if (parsed.request.installationId === me.installationId || parsed.request.signingKey === ctx.keys.publicKey) throw new DomainError('invalid_input', msg('enrolment.ownRequest'));
  ctx.sqlite
    .prepare('INSERT OR IGNORE INTO enrolment_requests (request_id, installation_id, body, received_at) VALUES (?, ?, ?, ?)')
    .run(parsed.request.requestId, parsed.request.installationId, text, ctx.clock.now());
  return requestInfo(requestRow(ctx, parsed.request.requestId)!);
}

function revocationOf(ctx: CoreContext, serial: string): RevocationBody | null {
  return storedRevocations(ctx).find((r) => r.serial === serial)?.parsed ?? null;
}

/** Issues the certificate and writes the enrolment bundle: everything in the new computer's read scope. */
export function enrol(ctx: CoreContext, input: MethodInput<'enrolment:enrol'>): EnrolmentIssued {
  const keys = territoryPrivateKey(ctx);
  const territory = territoryRow(ctx)!;
  const row = requestRow(ctx, input.requestId);
  if (!row) throw new DomainError('not_found', msg('enrolment.requestNotFound', { requestId: input.requestId }));
  const request = (JSON.parse(row.body) as z.infer<typeof requestSchema>).request;
  let communityIds: string[] | null = input.communityIds && input.communityIds.length > 0 ? [...new Set(input.communityIds)] : null;
  if (input.role !== 'coordinator' && communityIds === null) {
    throw new DomainError('invalid_input', msg('enrolment.communitiesRequired', { role: msg(`territory.roleName.${input.role}`) }));
  }
  if (input.role === 'coordinator' && input.communityIds && input.communityIds.length > 0) communityIds = null;
  const exists = ctx.sqlite.prepare('SELECT 1 FROM communities WHERE id = ? AND deleted_at IS NULL').pluck();
  for (const id of communityIds ?? []) if (exists.get(id) === undefined) throw new DomainError('not_found', msg('enrolment.unknownCommunity', { communityId: id }));
  let replaces: string | null = null;
  if (input.replacesSerial !== undefined) {
    const old = storedCertificates(ctx).find((c) => c.serial === input.replacesSerial);
    if (!old) throw new DomainError('not_found', msg('enrolment.certificateNotFound', { serial: input.replacesSerial }));
    replaces = old.serial;
  }
  const now = ctx.clock.now();
  const serial = ctx.ids.newId();
  let result: EnrolmentIssued | undefined;
  ctx.sqlite.transaction(() => {
    issueCertificate(ctx, keys.privateKey, {
      kind: 'certificate',
      version: 1,
      serial,
      territoryId: territory.territoryId,
      territoryName: territory.name,
      installationId: request.installationId,
      name: request.computerName,
      userName: request.userName,
      role: input.role,
      communityIds,
      signingKey: request.signingKey,
      issuedAt: now,
      replacesSerial: replaces,
      ...(request.encryptionKey !== undefined ? { encryptionKey: request.encryptionKey } : {}),
    });
    ctx.sqlite.prepare('UPDATE enrolment_requests SET certificate_serial = ? WHERE request_id = ?').run(serial, row.requestId);
    if (replaces !== null && revocationOf(ctx, replaces) === null) {
      revokeSerial(ctx, keys.privateKey, replaces, `Replaced by ${request.computerName} (${serial})`);
    }
    pinCertified(ctx, certifiedOrigins(storedCertificates(ctx), storedRevocations(ctx)));
    const passphrase = input.passphrase ?? null;
    // The enrolment bundle carries only the new computer's read scope (its communities and the territory).
    const scope: ReadScope = communityIds === null ? { all: true } : { all: false, communities: communityIds };
    // Encrypted to the key the request names (signed with the key whose fingerprint was checked by
    // phone); a request written before encryption keys falls back to the passphrase, as before.
    const recipientKeys = request.encryptionKey !== undefined ? [{ name: request.computerName, key: request.encryptionKey }] : undefined;
    // Without a key, the person says how to protect the bundle: a passphrase, or none (null) on purpose.
    if (recipientKeys === undefined && input.passphrase === undefined) throw new DomainError('invalid_input', msg('enrolment.oldRequestPassphrase', { name: request.computerName }));
    const written = exportBundle(ctx, {
      full: true,
      scope,
      file: input.file,
      passphrase,
      encrypt: recipientKeys !== undefined || (passphrase !== null && passphrase !== ''),
      ...(recipientKeys ? { recipientKeys } : {}),
    });
    const cert = storedCertificates(ctx).find((c) => c.serial === serial)!.parsed;
    result = { certificate: issuedCertificate(ctx, cert, null), file: written.file, encrypted: written.encrypted, changesetCount: written.changesetCount };
  })();
  return result!;
}

/** Re-enrols a replacement computer with the role and communities of an earlier certificate. */
export function reenrol(ctx: CoreContext, input: MethodInput<'enrolment:reenrol'>): EnrolmentIssued {
  const old = storedCertificates(ctx).find((c) => c.serial === input.replacesSerial);
  if (!old) throw new DomainError('not_found', msg('enrolment.certificateNotFound', { serial: input.replacesSerial }));
  return enrol(ctx, { requestId: input.requestId, role: old.parsed.role, communityIds: old.parsed.communityIds, file: input.file, passphrase: input.passphrase, replacesSerial: old.serial });
}

/** The joining computer accepts its enrolment bundle, after the territory fingerprint was checked by phone. */
export function acceptEnrolment(ctx: CoreContext, input: MethodInput<'enrolment:accept'>): EnrolmentAccepted {
  const me = installationRow(ctx)!;
  if (me.territoryId !== null) throw new DomainError('conflict', msg('enrolment.alreadyEnrolled', { name: territoryRow(ctx)?.name ?? me.territoryId }));
  const imported = importBundle(ctx, { file: input.file, passphrase: input.passphrase ?? null, joiningFingerprint: input.territoryFingerprint }, (checked) => {
    const section = checked.territory;
    const mine = section?.newCertificates.filter((c) => c.parsed.installationId === me.installationId) ?? [];
    const own = mine.filter((c) => c.parsed.signingKey === ctx.keys.publicKey).sort((a, b) => (a.parsed.issuedAt < b.parsed.issuedAt ? 1 : -1))[0];
    if (!own) {
      const other = section?.newCertificates.find((c) => c.parsed.role !== 'coordinator' && checked.manifest.recipient === c.parsed.installationId) ?? mine[0];
      if (other) throw new DomainError('forbidden', msg('enrolment.notForThisComputer', { name: other.parsed.name }));
      throw new DomainError('invalid_input', msg('enrolment.notAnEnrolmentBundle'));
    }
    if (section!.newRevocations.some((r) => r.parsed.serial === own.parsed.serial)) throw new DomainError('forbidden', msg('enrolment.notAnEnrolmentBundle'));
    ctx.sqlite
      .prepare('UPDATE installation SET territory_id = ?, certificate_serial = ?, role = ?, scope_community_ids = ? WHERE key = 1')
      .run(own.parsed.territoryId, own.parsed.serial, own.parsed.role, JSON.stringify(own.parsed.communityIds ?? []));
    ctx.sqlite.prepare('UPDATE enrolment_requests SET certificate_serial = ? WHERE installation_id = ? AND certificate_serial IS NULL').run(own.parsed.serial, me.installationId);
  });
  return { setup: setupState(ctx), changesetCount: imported.changesetCount, newChangesetCount: imported.newChangesetCount };
}

function revokeSerial(ctx: CoreContext, privateKey: string, serial: string, reason: string): RevocationBody {
  const cert = storedCertificates(ctx).find((c) => c.serial === serial)!.parsed;
  const held = ctx.sqlite.prepare('SELECT partition, max(seq) AS seq FROM changesets WHERE origin = ? GROUP BY partition').all(cert.installationId) as Array<{ partition: string; seq: number }>;
  // Changesets are numbered per (origin, partition): what was held is said per partition, and as one
  // number (the highest) for planners that read revocations from before partitions.
  const acceptedUpTo = Math.max(0, ...held.map((h) => h.seq));
  const acceptedByPartition = Object.fromEntries(held.map((h) => [h.partition, h.seq]));
  const body: RevocationBody = {
    kind: 'revocation',
    version: 1,
    serial,
    territoryId: cert.territoryId,
    installationId: cert.installationId,
    revokedAt: ctx.clock.now(),
    reason,
    acceptedUpTo,
    acceptedByPartition,
  };
  const text = revocationText(body);
  ctx.sqlite.prepare('INSERT INTO revocations (serial, body, signature, revoked_at, received_at) VALUES (?, ?, ?, ?, ?)').run(serial, text, signText(privateKey, text), body.revokedAt, ctx.clock.now());
  return body;
}

export function revoke(ctx: CoreContext, input: MethodInput<'enrolment:revoke'>): CertificateRevoked {
  const keys = territoryPrivateKey(ctx);
  if (input.serial === undefined && input.installationId === undefined) throw new DomainError('invalid_input', msg('enrolment.revokeWhich'));
  const certs = storedCertificates(ctx);
  const cert =
    input.serial !== undefined
      ? certs.find((c) => c.serial === input.serial)?.parsed
      : certs.filter((c) => c.parsed.installationId === input.installationId && revocationOf(ctx, c.serial) === null).at(-1)?.parsed;
  if (!cert) throw new DomainError('not_found', msg('enrolment.certificateNotFound', { serial: input.serial ?? input.installationId ?? '' }));
  const me = installationRow(ctx)!;
  if (cert.installationId === me.installationId) throw new DomainError('forbidden', msg('enrolment.cannotRevokeSelf'));
  const earlier = revocationOf(ctx, cert.serial);
  if (earlier) throw new DomainError('conflict', msg('enrolment.alreadyRevoked', { name: cert.name, date: earlier.revokedAt.slice(0, 10) }));
  let body: RevocationBody | undefined;
  ctx.sqlite.transaction(() => {
    body = revokeSerial(ctx, keys.privateKey, cert.serial, input.reason);
    pinCertified(ctx, certifiedOrigins(storedCertificates(ctx), storedRevocations(ctx)));
  })();
  return { serial: cert.serial, installationId: cert.installationId, name: cert.name, revokedAt: body!.revokedAt, reason: body!.reason, acceptedUpTo: body!.acceptedUpTo };
}
