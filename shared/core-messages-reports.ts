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

  // Saving a print page as a PDF (files:savePrintedPdf, answered by Electron main).
  'pdf.notMade': {
    en: 'The PDF could not be made from this page. Try again; if it keeps happening, use Print and choose to save as PDF there.',
    fr: 'Le PDF n’a pas pu être créé à partir de cette page. Réessayez; si le problème persiste, utilisez Imprimer et choisissez d’y enregistrer en PDF.',
  },
  'pdf.diskFull': { en: 'The PDF could not be saved to {target}: the disk or stick is full.', fr: 'Le PDF n’a pas pu être enregistré dans {target}\u00a0: le disque ou la clé est plein.' },
  'pdf.notWritable': {
    en: 'The PDF could not be saved to {target}: the folder cannot be written to. Choose another folder, or close the file if another program has it open.',
    fr: 'Le PDF n’a pas pu être enregistré dans {target}\u00a0: impossible d’écrire dans ce dossier. Choisissez un autre dossier, ou fermez le fichier s’il est ouvert dans un autre programme.',
  },
} as const satisfies Record<string, Bilingual>;
