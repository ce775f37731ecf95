/**
 * The territory key's signed texts: certificates, revocations and key handovers, each a canonical
 * JSON text (keys in a fixed order) signed with Ed25519 by the territory key, and the checks of
 * each. Pure: no database.
 */
import { z } from 'zod';
import type { CertificateBody, RevocationBody } from '../../../shared/domain';
import { ROLES } from '../../../shared/vocabulary';
import { signText, verifyText } from './identity';

const idText = z.string().min(1).max(64);
const base64 = z.string().max(200).regex(/^[A-Za-z0-9+/=]+$/);

export const certificateBodySchema = z.strictObject({
  kind: z.literal('certificate'),
  version: z.literal(1),
  serial: idText,
  territoryId: idText,
  territoryName: z.string().max(200),
  installationId: idText,
  name: z.string().max(200),
  userName: z.string().max(200),
  role: z.enum(ROLES),
  communityIds: z.array(idText).max(500).nullable(),
  signingKey: base64,
  issuedAt: z.string().max(40),
  replacesSerial: idText.nullable(),
  /** The installation's X25519 key bundles are encrypted to (absent from certificates issued before it: such a computer cannot be a recipient). */
  encryptionKey: base64.optional(),
});

export const revocationBodySchema = z.strictObject({
  kind: z.literal('revocation'),
  version: z.literal(1),
  serial: idText,
  territoryId: idText,
  installationId: idText,
  revokedAt: z.string().max(40),
  reason: z.string().max(400),
  acceptedUpTo: z.number().int().min(0),
  acceptedByPartition: z.record(z.string().min(1).max(64), z.number().int().min(0)).optional(),
});

/** A signed text as it travels: the exact body and its signature. */
export const signedTextSchema = z.strictObject({ body: z.string().max(8192), signature: base64 });
export type SignedText = z.infer<typeof signedTextSchema>;

export const keyHistorySchema = z.array(z.strictObject({ publicKey: base64, replacedAt: z.string().max(40), handover: base64 })).max(64);
export type KeyHistory = z.infer<typeof keyHistorySchema>;

/** The body in canonical order: the same certificate always gives the same text. */
export function certificateText(body: CertificateBody): string {
  const ordered: CertificateBody = {
    kind: 'certificate',
    version: 1,
    serial: body.serial,
    territoryId: body.territoryId,
    territoryName: body.territoryName,
    installationId: body.installationId,
    name: body.name,
    userName: body.userName,
    role: body.role,
    communityIds: body.communityIds === null ? null : [...body.communityIds],
    signingKey: body.signingKey,
    issuedAt: body.issuedAt,
    replacesSerial: body.replacesSerial,
    // Last, and only when present: a certificate issued before encryption keys reads as it was signed.
    ...(body.encryptionKey !== undefined ? { encryptionKey: body.encryptionKey } : {}),
  };
  return JSON.stringify(ordered);
}

export function revocationText(body: RevocationBody): string {
  const ordered: RevocationBody = {
    kind: 'revocation',
    version: 1,
    serial: body.serial,
    territoryId: body.territoryId,
    installationId: body.installationId,
    revokedAt: body.revokedAt,
    reason: body.reason,
    acceptedUpTo: body.acceptedUpTo,
    ...(body.acceptedByPartition !== undefined ? { acceptedByPartition: Object.fromEntries(Object.entries(body.acceptedByPartition).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
  };
  return JSON.stringify(ordered);
}

/** What the old territory key signs to hand over to the new one. */
export function handoverText(territoryId: string, from: string, to: string, at: string): string {
  return JSON.stringify({ kind: 'territory-key-handover', version: 1, territoryId, from, to, at });
}

export function signWith(privateKey: string, text: string): string {
  return signText(privateKey, text);
}

/** A body parsed by its schema, or null (never throws on hostile input). */
export function parseSigned<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The territory keys a computer accepts, oldest first, each with the moment it was replaced
 * (null for the current one): the current key and every earlier key whose handover chain leads
 * to it. Null when a handover does not verify.
 */
export function keyChain(territoryId: string, currentKey: string, history: KeyHistory): Array<{ publicKey: string; until: string | null }> | null {
  const chain: Array<{ publicKey: string; until: string | null }> = [];
  for (let i = 0; i < history.length; i++) {
    const entry = history[i]!;
    const next = i + 1 < history.length ? history[i + 1]!.publicKey : currentKey;
    if (!verifyText(entry.publicKey, handoverText(territoryId, entry.publicKey, next, entry.replacedAt), entry.handover)) return null;
    chain.push({ publicKey: entry.publicKey, until: entry.replacedAt });
  }
  chain.push({ publicKey: currentKey, until: null });
  return chain;
}

/** Whether a text dated `at` was signed by one of the chain's keys while it was in use. */
export function signedByChain(chain: ReadonlyArray<{ publicKey: string; until: string | null }>, text: string, signature: string, at: string): boolean {
  return chain.some((k) => (k.until === null || at <= k.until) && verifyText(k.publicKey, text, signature));
}

/** The territory part of a bundle's manifest (see territory-section.ts). */
export const territorySectionSchema = z.strictObject({
  territoryId: z.string().min(1).max(64),
  name: z.string().max(200),
  publicKey: base64,
  keyHistory: keyHistorySchema,
  certificates: z.array(signedTextSchema).max(2000),
  revocations: z.array(signedTextSchema).max(2000),
});
export type TerritorySection = z.infer<typeof territorySectionSchema>;
