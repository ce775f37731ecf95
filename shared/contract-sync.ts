/** Plan bundles, peers and conflicts: the methods of the sync design (ARCHITECTURE.md, "Sync"). */
import { z } from 'zod';
import { noun, schemaMessage } from './core-messages';
import type * as D from './domain';
import { id, idList, input, read, plainName, shortText, write } from './contract-fields';

const filePath = z
  .string({ error: schemaMessage('input.missing', { field: noun('file') }) })
  .min(1, { error: schemaMessage('input.missing', { field: noun('file') }) })
  .max(4096, { error: schemaMessage('input.filePathTooLong') });
const passphrase = z.string().max(1024, { error: schemaMessage('input.passphraseTooLong') }).nullable().optional();
const fingerprint = z
  .string({ error: schemaMessage('input.missing', { field: noun('fingerprint') }) })
  .regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){7}$/, { error: schemaMessage('input.notAFingerprint') });

export const syncMethods = {
  'sync:whoami': read<D.Identity>()("This installation's id, name and key fingerprint.", input({})),
  'sync:digest': read<D.ReplicatedDigest>()(
    'A hash of the replicated content (equal on two installations exactly when their data and conflicts are equal), and one per partition held.',
    input({}),
  ),
  'sync:status': read<D.SyncStatus>()('What this installation holds: changesets per origin, conflicts, waiting rows.', input({})),

  'bundles:export': write<D.ExportResult>()(
    'Write a plan bundle for a peer (everything it has not acknowledged) or a full bundle, encrypted to its recipients\' keys (a passphrase where no key is known) unless turned off.',
    input({
      to: id('peer installation id').optional(),
      /** More computers the bundle is encrypted to, beside `to` (e.g. a detachment's community office). */
      alsoTo: idList('peer installation id').optional(),
      full: z.boolean().optional(),
      file: filePath,
      passphrase,
      encrypt: z.boolean().optional(),
      /** Leave evidence files out (a small USB stick, an email limit): the records travel, their files with a later bundle. */
      withoutFiles: z.boolean().optional(),
    }),
  ),
  'bundles:inspect': read<D.BundleInspection>()(
    'The header of a bundle and, with the passphrase, who sent it and what it holds.',
    input({ file: filePath, passphrase }),
  ),
  'bundles:preview': read<D.ImportPreview>()(
    'Check a bundle and show what importing it would do, without changing anything.',
    input({ file: filePath, passphrase }),
  ),
  'bundles:import': write<D.ImportResult>()(
    'Import a bundle in one all-or-nothing step, after a backup. A new sender must be trusted explicitly.',
    input({
      file: filePath,
      passphrase,
      trustNewSender: z.boolean().optional(),
      /** With trustNewSender: the communities the new sender may change (or allCommunities, for the coordinator's computer). */
      scopeCommunityIds: idList('community id').optional(),
      allCommunities: z.boolean().optional(),
    }),
  ),
  'bundles:history': read<D.Exchange[]>()('Bundles written and read here, newest first.', input({})),

  'peers:list': read<D.Peer[]>()('Installations whose bundles are accepted, with their scope.', input({})),
  'peers:trust': write<D.Peer>()(
    'Trust a peer seen in a bundle preview, by its fingerprint, for the communities named, or all of them when said explicitly (never by default).',
    input({ fingerprint, scopeCommunityIds: idList('community id').optional(), allCommunities: z.boolean().optional(), name: plainName('peer name').optional() }),
  ),
  'peers:revoke': write<D.Revocation>()('Stop accepting bundles signed by a peer and by the installations it introduced.', input({ fingerprint })),

  'conflicts:list': read<D.Conflict[]>()('Concurrent edits waiting for someone to choose.', input({})),
  'conflicts:resolve': write<D.Conflict[]>()(
    'Resolve a conflict by keeping one version (pickOpId) or a typed merge (value).',
    input({ conflictId: id('conflict id'), pickOpId: z.string().min(1).max(80).optional(), value: z.string().max(10_000).optional() }),
  ),
  'conflicts:records': read<D.ConflictRecords>()(
    'Conflicts grouped by record (one decision per record, with its community, plan year and action), and the resolutions made here that can still be undone.',
    input({}),
  ),
  'conflicts:resolveRecord': write<D.RecordResolution>()(
    'Resolve conflicts of one record in one change: a version kept whole, or field by field (pickOpId or a typed merge per conflict).',
    input({
      recordId: z.string({ error: schemaMessage('input.missing', { field: noun('record id') }) }).min(1).max(200),
      choices: z.array(z.strictObject({ conflictId: id('conflict id'), pickOpId: z.string().min(1).max(80).optional(), value: z.string().max(10_000).optional() })).min(1).max(50),
    }),
  ),
  'conflicts:undo': write<D.ConflictRecords>()(
    'Undo a resolution made here that no bundle has carried yet: the conflict is back as it was.',
    input({ resolutionId: id('resolution id') }),
  ),
} as const;
