/** Catalogue entries (see core-messages.ts) for conflicts decided per record and undoing a resolution. */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const exchangeImportMessages = {
  'noun.record id': { en: 'record id', fr: 'l’identifiant de l’élément' },
  'noun.resolution id': { en: 'resolution id', fr: 'l’identifiant de la résolution' },
  'conflictRecord.otherRecord': {
    en: 'These choices are for conflicts of another record: choose for one record at a time.',
    fr: `Ces choix portent sur les conflits d’un autre élément${NBSP}: choisissez pour un élément à la fois.`,
  },
  'conflictRecord.twice': { en: 'The same conflict was chosen twice: choose one version per field.', fr: `Le même conflit a été choisi deux fois${NBSP}: choisissez une version par champ.` },
  'conflictRecord.nothingChosen': { en: 'Choose at least one version to keep.', fr: 'Choisissez au moins une version à garder.' },
  'conflictRecord.undoUnknown': {
    en: 'That resolution was not found on this computer: it may have been undone already.',
    fr: `Cette résolution est introuvable sur cet ordinateur${NBSP}: elle a peut-être déjà été annulée.`,
  },
  'conflictRecord.undoSent': {
    en: 'This resolution can no longer be undone: a bundle has been written since, and may carry it to other computers. Make a new change if need be.',
    fr: `Cette résolution ne peut plus être annulée${NBSP}: un paquet a été écrit depuis et peut l’emporter vers d’autres ordinateurs. Faites une nouvelle modification au besoin.`,
  },
  'conflictRecord.undoLater': {
    en: 'This resolution can no longer be undone: other changes were made here after it.',
    fr: `Cette résolution ne peut plus être annulée${NBSP}: d’autres modifications ont été faites ici après elle.`,
  },
} as const satisfies Record<string, Bilingual>;
