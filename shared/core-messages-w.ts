/**
 * Catalogue entries (see core-messages.ts) for long operations run off the main thread
 * (issue 13 §1): a cancelled operation, a core that stopped answering, a demo that could not be made.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const operationMessages = {
  'operation.cancelled': {
    en: 'Cancelled: nothing was changed. You can start it again whenever you like.',
    fr: `Annulé${NBSP}: rien n’a été modifié. Vous pouvez recommencer quand vous le souhaitez.`,
  },
  'operation.coreStopped': {
    en: 'The planner’s database stopped answering. Your saved work is safe: close the planner and open it again.',
    fr: `La base de données du planificateur a cessé de répondre. Votre travail enregistré est en sécurité${NBSP}: fermez le planificateur puis rouvrez-le.`,
  },
  'demo.seedFailed': {
    en: 'The demo could not be made. Your real data is not affected.',
    fr: 'La démonstration n’a pas pu être créée. Vos données réelles ne sont pas touchées.',
  },
} as const satisfies Record<string, Bilingual>;
