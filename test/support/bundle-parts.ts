/** Taking bundles apart and putting them back together, for hostile variants. */
import fs from 'node:fs';
import { decodeBundle, encodeBundle, hashLines } from '../../electron/core/bundles/bundle-format';
import { signText } from '../../electron/core/bundles/identity';

export interface BundleParts {
  manifest: Record<string, unknown> & { sender: { installationId: string; name: string; publicKey: string }; keys: Record<string, string>; changesetCount: number };
  changesets: Array<{ type: 'changeset'; body: string; signature: string }>;
  trailer: { type: 'trailer'; count: number; digest: string; signature: string };
}

export function readParts(file: string, passphrase: string | null = null): BundleParts {
  const lines = decodeBundle(fs.readFileSync(file), passphrase).lines;
  return {
    manifest: JSON.parse(lines[0]!),
    changesets: lines.slice(1, -1).map((l) => JSON.parse(l)),
    trailer: JSON.parse(lines.at(-1)!),
  };
}

/**
 * Writes the parts as a bundle, with a trailer signed by `signerPrivateKey` (the sender's own key
 * for an inside attacker, or an attacker's key together with a matching manifest key).
 */
export function writeParts(parts: BundleParts, file: string, signerPrivateKey: string, passphrase: string | null = null): string {
  const manifest = { ...parts.manifest, changesetCount: parts.changesets.length };
  const lines = [JSON.stringify(manifest), ...parts.changesets.map((c) => JSON.stringify(c))];
  const digest = hashLines(lines);
  lines.push(JSON.stringify({ type: 'trailer', count: parts.changesets.length, digest, signature: signText(signerPrivateKey, digest) }));
  fs.writeFileSync(file, encodeBundle(lines, passphrase));
  return file;
}
