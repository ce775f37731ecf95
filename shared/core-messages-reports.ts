/** Catalogue entries (see core-messages.ts) for reports, the roll-up and exports (contract-reports.ts). */
import type { Bilingual } from './core-messages';

export const reportsMessages = {
  'reports.trueOrFalse': { en: 'Say true or false for {option:quoted}.', fr: 'Indiquez true ou false pour {option:quoted}.' },
  'reports.threshold': {
    en: 'The suppression threshold must be a whole number from 1 to 100.',
    fr: 'Le seuil de masquage des petits nombres doit être un nombre entier de 1 à 100.',
  },
  'exports.format': { en: 'The format must be csv or xlsx.', fr: 'Le format doit être csv ou xlsx.' },
  'exports.view': { en: 'The view must be one of: {views}.', fr: 'La vue doit être l’une des suivantes\u00a0: {views}.' },
  'exports.csvOneView': {
    en: 'A CSV file holds one table: choose exactly one view (or export XLSX for several).',
    fr: 'Un fichier CSV ne contient qu’un tableau\u00a0: choisissez une seule vue (ou exportez en XLSX pour en avoir plusieurs).',
  },
} as const satisfies Record<string, Bilingual>;
