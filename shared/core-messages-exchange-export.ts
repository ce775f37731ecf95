/** Catalogue entries (see core-messages.ts) for the export wizard's reads: recipients, contents, destinations. */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const exchangeExportMessages = {
  'exportPlan.recipient': {
    en: 'Say who the bundle is for: one or more computers, or a full bundle, not both.',
    fr: `Indiquez pour qui est le paquet${NBSP}: un ou plusieurs ordinateurs, ou un paquet complet, pas les deux.`,
  },
  'exportPlan.unknownRecipient': {
    en: 'No computer trusted here has the id "{id}": choose the recipient from the list of computers.',
    fr: `Aucun ordinateur de confiance ici n’a l’identifiant «${NBSP}{id}${NBSP}»${NBSP}: choisissez le destinataire dans la liste des ordinateurs.`,
  },
  'exportPlan.revokedRecipient': {
    en: '"{name}" was revoked: no bundle is written for it any more.',
    fr: `«${NBSP}{name}${NBSP}» a été révoqué${NBSP}: on ne lui écrit plus de paquet.`,
  },
  'exportPlan.sameRecipientTwice': {
    en: 'The same computer is named twice among the recipients.',
    fr: 'Le même ordinateur figure deux fois parmi les destinataires.',
  },
} as const satisfies Record<string, Bilingual>;
