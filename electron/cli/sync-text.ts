/**
 * The plan-bundle commands' answers, worded for people: short lines, numbers with separators.
 * Every text that came from a bundle or a peer (names, actors, titles, values, ids) goes through
 * `inert` (terminal-text.ts); fingerprints are derived from keys by the core and printed on lines
 * of their own, never beside a text a peer chose.
 */
import type { BundleRefusalReason } from '../../shared/bundle-refusals';
import type { BundleInspection, Conflict, ExportResult, Identity, ImportPreview, ImportResult, Peer, Revocation } from '../../shared/domain';
import { fiscalYearLabel } from '../../shared/fiscal-calendar';
import { inert } from './terminal-text';

/** The commands an import refusal's hint may suggest, written out for this database and file. */
export interface ImportHintCommands {
  /** The same import, trusting the new sender. */
  trustingSender: string;
  /** The same import, with its passphrase in a file. */
  withPassphraseFile: string;
  peersList: string;
}

/** What to do next after an import was refused for this reason; nothing for most reasons. */
export function importRefusalHint(reason: BundleRefusalReason | null, commands: ImportHintCommands): string | undefined {
  switch (reason) {
    case 'untrusted_sender':
      return `To trust it, after checking that fingerprint with the sender:\n  ${commands.trustingSender}`;
    case 'passphrase_required':
      return `Give the passphrase in a file: ${commands.withPassphraseFile} (its first line is the passphrase).`;
    case 'out_of_scope':
      return `See what this peer may change with: ${commands.peersList}`;
    default:
      return undefined;
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function bytes(n: number): string {
  if (n < 1024) return count(n, 'byte');
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "2026-11-24 14:05 UTC" from an ISO time; anything else as given. */
export function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** A value of a conflict's version, on one line and at most `max` characters. */
export function shortValue(value: unknown, max = 60): string {
  if (value === null || value === undefined) return '(empty)';
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  const flat = inert(raw.replace(/\s+/g, ' ').trim());
  const cut = [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

const quoted = (name: string) => `"${inert(name)}"`;
const installation = (id: string) => `installation ${inert(id)}`;
/** A fingerprint on a line of its own, after a label of ours. */
const fingerprintLine = (label: string, fingerprint: string, indent = '') => `${indent}${label}: ${inert(fingerprint)}`;
const senderKey = (fingerprint: string) => fingerprintLine("Fingerprint of the sender's key", fingerprint);
/** Computers known by id and key: the id on one line, the fingerprint of its key on the next. */
const originLines = (origins: ReadonlyArray<{ installationId: string; fingerprint: string }>, indent: string, after = (_i: number) => '') =>
  origins.flatMap((o, i) => [`${indent}${installation(o.installationId)}${after(i)}`, fingerprintLine('Fingerprint of its key', o.fingerprint, `${indent}  `)]);

export function identity(me: Identity): string {
  return `Installation ${inert(me.installationId)}\nName ${quoted(me.name)}\nFingerprint ${me.fingerprint}\n`;
}

export function exported(result: ExportResult): string {
  const what = result.recipient !== null ? `for ${quoted(result.recipient)}` : 'a full bundle';
  const how = result.encryption === 'recipients' ? `encrypted to ${result.recipients.map(quoted).join(' and ')}` : result.encrypted ? 'encrypted with a passphrase' : 'NOT encrypted';
  const lines = [`Wrote ${result.file}: ${count(result.changesetCount, 'change')}, ${bytes(result.bytes)}, ${what}, ${how}.`];
  if (result.encryption === 'recipients') lines.push('Only those computers can open it; no passphrase is needed.');
  else if (result.encrypted) lines.push('Give the passphrase to the recipient another way than the file (by phone, not in the same email).');
  return `${lines.join('\n')}\n`;
}

function sender(s: Pick<ImportPreview['sender'], 'name' | 'installationId'>): string {
  return `${quoted(s.name)} (${installation(s.installationId)})`;
}

function planLines(preview: ImportPreview): string[] {
  const lines = preview.changesPerPlan
    .slice()
    .sort((a, b) => b.fiscalYear - a.fiscalYear || a.communityName.localeCompare(b.communityName, 'en'))
    .map((p) => `  ${inert(p.communityName)}${p.fiscalYear ? `, ${fiscalYearLabel(p.fiscalYear)}` : ''}: ${count(p.rows, 'row')}`);
  if (preview.otherChanges > 0) lines.push(`  Outside plans (communities, people, lists…): ${count(preview.otherChanges, 'row')}`);
  return lines;
}

function gapLines(preview: ImportPreview): string[] {
  return preview.gaps.map(
    (g) => `  From ${installation(g.installationId)}${g.partition !== undefined ? ` (${g.partition === 'territory' ? 'territory-wide lists' : g.partition === '*' ? 'changes from before partitions' : `community ${inert(g.partition)}`})` : ''}: this computer has its changes up to number ${g.have}, the bundle starts at ${g.firstInBundle}. The missing ones come with a later bundle; until then what depends on them stays hidden.`,
  );
}

export function conflictLines(conflicts: readonly Conflict[], indent = ''): string[] {
  const lines: string[] = [];
  for (const c of conflicts) {
    const what = c.kind === 'removed_while_edited' ? 'removed on one computer while edited on another' : 'edited on more than one computer';
    lines.push(`${indent}${inert(c.id)}  ${inert(c.label)} — ${inert(c.table)}.${inert(c.field)}, ${what}`);
    for (const h of c.heads) {
      // The core names this installation's own versions "this computer"; others by their peer name.
      const computer = h.originName === 'this computer' ? 'this computer' : h.originName === h.origin ? installation(h.origin) : `${quoted(h.originName)} (${inert(h.origin)})`;
      lines.push(`${indent}  ${inert(h.opId)}  by ${inert(h.actor)} on ${computer}, ${inert(when(h.at))}: ${shortValue(h.value)}`);
    }
  }
  return lines;
}

/** New changes of revoked computers that the bundle relays: left out, not applied. */
function setAsideLines(p: ImportPreview, verb: string): string[] {
  if (p.setAside.length === 0) return [];
  return [
    `${verb} new changes from ${count(p.setAside.length, 'revoked computer')} (not applied; the rest of the bundle is):`,
    ...p.setAside.flatMap((a) => [`  ${quoted(a.name)}: ${count(a.changesets, 'change')}`, fingerprintLine('Fingerprint of its key', a.fingerprint, '    ')]),
  ];
}

/** Computers other than the sender whose changes the bundle relays and that are new here. */
function vouchedFor(p: ImportPreview): ImportPreview['newOrigins'] {
  return p.newOrigins.filter((o) => o.installationId !== p.sender.installationId);
}

export function preview(p: ImportPreview, options: { trustNewSender: boolean; importCommand: string }): string {
  const lines = ['Dry run: nothing was changed.', `From ${sender(p.sender)}.`, senderKey(p.sender.fingerprint)];
  if (p.sender.trust === 'trusted') lines.push('The sender is trusted here.');
  else if (options.trustNewSender) lines.push('The sender is not trusted here yet; importing with --trust-new-sender would trust it for every community.');
  else lines.push('The sender is not trusted here yet: check the fingerprint above with the sender (by phone) before importing with --trust-new-sender, which trusts it for every community.');
  const others = vouchedFor(p);
  if (others.length > 0) {
    lines.push(`It carries changes made on ${count(others.length, 'other computer')} not known here, vouched for by the sender:`, ...originLines(others, '  '));
  }
  lines.push(`Made ${inert(when(p.createdAt))}; ${count(p.changesetCount, 'change')}, ${p.newChangesetCount.toLocaleString('en')} new here.`);
  if (p.alreadyImported) {
    lines.push(p.changesetCount === 0 ? 'The bundle holds no changes: importing it would change nothing.' : 'Already imported: importing it again would change nothing.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('Changes per plan:', ...planLines(p), ...setAsideLines(p, 'Would leave out'));
  if (p.newConflicts.length === 0) lines.push('New conflicts: none.');
  else lines.push(`New conflicts: ${p.newConflicts.length}, for people to choose between after the import:`, ...conflictLines(p.newConflicts, '  '));
  if (p.gaps.length === 0) lines.push('Gaps: none.');
  else lines.push('Gaps:', ...gapLines(p));
  lines.push(`To import: ${options.importCommand}`);
  return `${lines.join('\n')}\n`;
}

export function imported(r: ImportResult, narrowCommand: string): string {
  const lines: string[] = [];
  if (!r.imported) {
    lines.push(r.changesetCount === 0 ? 'The bundle holds no changes: nothing changed.' : 'Already imported: nothing changed.');
  } else {
    const plans = r.changesPerPlan.length;
    lines.push(
      `Imported ${count(r.newChangesetCount, 'new change')} from ${sender(r.sender)}: ${count(plans, 'plan')} and ${count(r.otherChanges, 'other row')} changed.`,
      senderKey(r.sender.fingerprint),
    );
  }
  if (r.sender.trust === 'unknown') lines.push(`Trusted the new sender for every community. To narrow what it may change: ${narrowCommand}`);
  const others = vouchedFor(r);
  if (others.length > 0) lines.push('Also trusted, as vouched for by the sender:', ...originLines(others, '  '));
  lines.push(...setAsideLines(r, 'Left out'));
  if (r.newConflicts.length > 0) lines.push(`New conflicts: ${r.newConflicts.length}. See them with "conflicts list".`);
  if (r.gaps.length > 0) lines.push('Some earlier changes have not arrived yet:', ...gapLines(r));
  if (r.backupFile) lines.push(`Backup from before the import: ${r.backupFile}`);
  return `${lines.join('\n')}\n`;
}

export function inspection(i: BundleInspection, trust: string | null, withPassphrase: string): string {
  const lines = [`Plan bundle, format ${i.formatVersion}, ${bytes(i.bytes)}.`];
  if (i.encryptedFor === 'recipients') lines.push(`Encrypted to ${i.recipients === 1 ? '1 computer' : `${i.recipients} computers`} (their keys; no passphrase needed), and this computer is one of them.`);
  else lines.push(i.encryption ? `Encrypted with a passphrase: ${i.encryption.cipher}, key from the passphrase by ${i.encryption.kdf} (N=${i.encryption.N}, r=${i.encryption.r}, p=${i.encryption.p}).` : 'Not encrypted.');
  const m = i.manifest;
  if (!m) {
    lines.push(`The contents are encrypted. To see who sent it and what it holds: ${withPassphrase}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`From ${sender(m.sender)}.`, senderKey(m.sender.fingerprint));
  if (trust) lines.push(`That key is ${trust}.`);
  lines.push(
    m.signatureValid
      ? "The sender's signature over the whole bundle is valid (each change's own signature is checked by \"import --dry-run\")."
      : "WARNING: the sender's signature does not match the content: the bundle was altered or damaged. Do not import it.",
  );
  lines.push(`Made ${inert(when(m.createdAt))}, ${m.full ? 'a full bundle (everything the sender holds)' : `for ${installation(String(m.recipient))} (what it had not acknowledged)`}.`);
  lines.push(`${count(m.changesetCount, 'change')}, by computer:`, ...originLines(m.origins, '  ', (i) => `: ${count(m.origins[i]!.changesets, 'change')}`));
  return `${lines.join('\n')}\n`;
}

export function conflicts(list: readonly Conflict[], resolveCommand: string): string {
  if (list.length === 0) return 'No conflicts.\n';
  const lines = [`${count(list.length, 'conflict')}:`, ...conflictLines(list)];
  lines.push(`Keep one version with: ${resolveCommand}   (or --value TEXT for a merged value)`);
  return `${lines.join('\n')}\n`;
}

export function resolved(conflictId: string, remaining: number, exportCommand: string): string {
  return `Resolved ${inert(conflictId)}; ${remaining === 0 ? 'no conflicts left' : `${count(remaining, 'conflict')} left`}. The choice reaches the others with the next bundle: ${exportCommand}\n`;
}

export function scope(peer: Peer, names: Map<string, string>): string {
  if (peer.scopeCommunityIds === null) return 'every community';
  if (peer.scopeCommunityIds.length === 0) return 'no community';
  return peer.scopeCommunityIds.map((id) => inert(names.get(id) ?? id)).join(', ');
}

export function peers(list: readonly Peer[], names: Map<string, string>): string {
  if (list.length === 0) return 'No peers yet. Import a bundle with --trust-new-sender to trust its sender.\n';
  const lines: string[] = [];
  for (const p of list) {
    lines.push(quoted(p.name), fingerprintLine('Fingerprint', p.fingerprint, '  '));
    lines.push(`  ${installation(p.installationId)}; may change: ${scope(p, names)}`);
    const notes = [
      p.trustedAt ? `trusted ${inert(when(p.trustedAt))}` : 'not trusted',
      p.introducedBy ? `vouched for by ${installation(p.introducedBy)}` : null,
      p.revokedAt ? `REVOKED ${inert(when(p.revokedAt))}: its bundles are refused` : null,
    ].filter((n): n is string => n !== null);
    lines.push(`  ${notes.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function trusted(peer: Peer, names: Map<string, string>): string {
  return `Trusted ${quoted(peer.name)} to change: ${scope(peer, names)}.\n${fingerprintLine('Fingerprint', peer.fingerprint)}\n`;
}

export function revoked(peer: Revocation, retrustCommand: string): string {
  const lines = [`Revoked ${quoted(peer.name)}: its new changes will be refused; what was imported before stays.`, fingerprintLine('Fingerprint', peer.fingerprint)];
  if (peer.alsoRevoked.length > 0) {
    lines.push(
      `Also revoked, as ${peer.alsoRevoked.length === 1 ? 'it was' : 'they were'} trusted because ${quoted(peer.name)} introduced ${peer.alsoRevoked.length === 1 ? 'it' : 'them'}:`,
      ...peer.alsoRevoked.flatMap((p) => [`  ${quoted(p.name)}`, fingerprintLine('Fingerprint', p.fingerprint, '    ')]),
    );
  }
  lines.push(`To trust it again: ${inert(retrustCommand)}`);
  return `${lines.join('\n')}\n`;
}
