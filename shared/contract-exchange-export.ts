/**
 * What the export wizard reads before it writes a bundle (issue 11 §4): the computers a bundle can
 * be written for (by name, never by fingerprint), and what the bundle will hold per community and
 * how it will be encrypted. Where the file goes is `files:bundleDestinations` (contract-files.ts).
 */
import { z } from 'zod';
import type * as D from './domain';
import { id, idList, input, read } from './contract-fields';

export const exchangeExportMethods = {
  'bundles:exportRecipients': read<D.ExportRecipient[]>()(
    'The computers a bundle can be written for: enrolled computers (name, user, role, communities, whether bundles for them are encrypted to their own key) and computers trusted by hand; never this one nor a revoked one.',
    input({}),
  ),
  'bundles:exportContents': read<D.ExportContents>()(
    'What a bundle for these computers (or a full bundle) would hold, per community and for the territory-wide lists, and whether it is encrypted to their keys or needs a passphrase. Nothing is written.',
    input({ to: id('peer installation id').optional(), alsoTo: idList('peer installation id').optional(), full: z.boolean().optional() }),
  ),
} as const;
