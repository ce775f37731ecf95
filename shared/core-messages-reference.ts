/** Catalogue entries (see core-messages.ts) for the territory's reference data and its spreadsheet import. */
import type { Bilingual } from './core-messages';

export const referenceMessages = {
  // Nouns of the reference methods' fields.
  'noun.region id': { en: 'region id', fr: 'l’identifiant de la région' },
  'noun.person id': { en: 'person id', fr: 'l’identifiant de la personne' },
  'noun.milestone id': { en: 'milestone id', fr: 'l’identifiant du jalon' },
  'noun.reference list': { en: 'reference list', fr: 'la liste de référence' },
  'noun.file format': { en: 'file format', fr: 'le format du fichier' },
  'noun.region record': { en: 'region', fr: 'la région' },
  'noun.detachment': { en: 'detachment', fr: 'le détachement' },
  'noun.milestone': { en: 'milestone', fr: 'le jalon' },

  // Refusals of the reference methods.
  'reference.regionExists': { en: 'There is already a region called "{name}".', fr: 'Il existe déjà une région nommée «\u00a0{name}\u00a0».' },
  'reference.communityExists': {
    en: 'There is already a community called "{name}" (or known by that name).',
    fr: 'Il existe déjà une collectivité nommée «\u00a0{name}\u00a0» (ou connue sous ce nom).',
  },
  'reference.detachmentExists': { en: 'There is already a detachment called "{name}".', fr: 'Il existe déjà un détachement nommé «\u00a0{name}\u00a0».' },
  'reference.themeExists': { en: 'There is already a theme with the code "{code}".', fr: 'Il existe déjà un thème dont le code est «\u00a0{code}\u00a0».' },
  'reference.organisationExists': {
    en: 'There is already an organisation called "{name}" here.',
    fr: 'Il existe déjà un organisme nommé «\u00a0{name}\u00a0» à cet endroit.',
  },
  'reference.commitmentExists': {
    en: 'There is already a commitment or initiative numbered {number}.',
    fr: 'Il existe déjà un engagement ou une initiative portant le numéro {number}.',
  },
  'reference.retired': {
    en: '{name} is retired and cannot be chosen for new work. Bring it back first if it is needed again.',
    fr: '{name} est retiré et ne peut pas être choisi pour un nouveau travail. Rétablissez-le d’abord s’il est de nouveau nécessaire.',
  },
  'reference.detachmentRequired': {
    en: 'Say which detachment serves a community that has no detachment of its own.',
    fr: 'Indiquez quel détachement dessert une collectivité qui n’a pas son propre détachement.',
  },
  'reference.relatedToItself': { en: 'A commitment cannot be related to itself.', fr: 'Un engagement ne peut pas être lié à lui-même.' },

  // Spreadsheet import.
  'import.sourceMissing': {
    en: 'Choose the file to import (its path, or its content with its name).',
    fr: 'Choisissez le fichier à importer (son chemin, ou son contenu avec son nom).',
  },
  'import.unreadableFile': { en: 'The file {file} could not be read.', fr: 'Impossible de lire le fichier {file}.' },
  'import.unknownFormat': {
    en: 'The file {file} is not a spreadsheet the planner reads: save it as .csv or .xlsx.',
    fr: 'Le fichier {file} n’est pas un tableur que le planificateur sait lire\u00a0: enregistrez-le en .csv ou en .xlsx.',
  },
  'import.tooBig': {
    en: 'The file is too big: a reference list can be at most {max:number} bytes.',
    fr: 'Le fichier est trop volumineux\u00a0: une liste de référence ne peut pas dépasser {max:number}\u00a0octets.',
  },
  'import.tooManyRows': {
    en: 'The file has more than {max:number} rows: split it into several files.',
    fr: 'Le fichier compte plus de {max:number}\u00a0lignes\u00a0: répartissez-le en plusieurs fichiers.',
  },
  'import.notSpreadsheet': {
    en: 'The file could not be read as a spreadsheet ({format}). Open it in a spreadsheet program and save it again as {format}.',
    fr: 'Le fichier n’a pas pu être lu comme un tableur ({format}). Ouvrez-le dans un tableur et enregistrez-le de nouveau en {format}.',
  },
  'import.noRows': { en: 'The file has no rows under its header.', fr: 'Le fichier ne contient aucune ligne sous son en-tête.' },
  'import.missingColumns': {
    en: { one: 'The file has no column {columns:quoted}: start from the template.', other: 'The file has no columns {columns:quoted}: start from the template.' },
    fr: {
      one: 'Le fichier n’a pas de colonne {columns:quoted}\u00a0: partez du modèle.',
      other: 'Le fichier n’a pas les colonnes {columns:quoted}\u00a0: partez du modèle.',
    },
  },
  'import.unknownColumns': {
    en: { one: 'The file has a column the template does not have: {columns:quoted}.', other: 'The file has columns the template does not have: {columns:quoted}.' },
    fr: {
      one: 'Le fichier a une colonne qui n’est pas dans le modèle\u00a0: {columns:quoted}.',
      other: 'Le fichier a des colonnes qui ne sont pas dans le modèle\u00a0: {columns:quoted}.',
    },
  },
  'import.row': { en: 'Row {row}: {problem}', fr: 'Ligne {row}\u00a0: {problem}' },
  'import.cellEmpty': { en: 'the {column} column is empty.', fr: 'la colonne «\u00a0{column}\u00a0» est vide.' },
  'import.cellTooLong': {
    en: 'the {column} column is too long (at most {max:number} characters).',
    fr: 'la colonne «\u00a0{column}\u00a0» est trop longue ({max:number}\u00a0caractères au plus).',
  },
  'import.cellActive': {
    en: 'the {column} column contains control characters or text-direction marks; type it as plain text.',
    fr: 'la colonne «\u00a0{column}\u00a0» contient des caractères de contrôle ou des marques de sens d’écriture; saisissez-la en texte simple.',
  },
  'import.cellFormula': {
    en: 'the {column} column starts with "=", "+", "-" or "@" like a formula; type the text without it.',
    fr: 'la colonne «\u00a0{column}\u00a0» commence par «\u00a0=\u00a0», «\u00a0+\u00a0», «\u00a0-\u00a0» ou «\u00a0@\u00a0» comme une formule; saisissez le texte sans ce signe.',
  },
  'import.notYesNo': {
    en: 'the {column} column says "{value}": write yes or no.',
    fr: 'la colonne «\u00a0{column}\u00a0» indique «\u00a0{value}\u00a0»\u00a0: écrivez oui ou non.',
  },
  'import.notOneOf': {
    en: 'the {column} column says "{value}": it must be one of {values}.',
    fr: 'la colonne «\u00a0{column}\u00a0» indique «\u00a0{value}\u00a0»\u00a0: la valeur doit être l’une de {values}.',
  },
  'import.regionMissing': {
    en: 'region "{name}" does not exist — add it or fix the spelling.',
    fr: 'la région «\u00a0{name}\u00a0» n’existe pas — ajoutez-la ou corrigez l’orthographe.',
  },
  'import.detachmentMissing': {
    en: 'detachment "{name}" does not exist — add it or fix the spelling.',
    fr: 'le détachement «\u00a0{name}\u00a0» n’existe pas — ajoutez-le ou corrigez l’orthographe.',
  },
  'import.communityMissing': {
    en: 'community "{name}" does not exist — add it or fix the spelling.',
    fr: 'la collectivité «\u00a0{name}\u00a0» n’existe pas — ajoutez-la ou corrigez l’orthographe.',
  },
  'import.organisationMissing': {
    en: 'organisation "{name}" does not exist — add it or fix the spelling.',
    fr: 'l’organisme «\u00a0{name}\u00a0» n’existe pas — ajoutez-le ou corrigez l’orthographe.',
  },
  'import.ambiguous': {
    en: '"{name}" names more than one {thing}: use the exact official name.',
    fr: '«\u00a0{name}\u00a0» désigne plus d’un élément ({thing})\u00a0: utilisez le nom officiel exact.',
  },
  'import.duplicate': { en: '"{name}" is also on row {first}.', fr: '«\u00a0{name}\u00a0» figure aussi à la ligne {first}.' },
  'import.detachmentRequired': {
    en: 'the community has no detachment of its own, so the detachment column must name the one that serves it.',
    fr: 'la collectivité n’a pas son propre détachement; la colonne du détachement doit donc nommer celui qui la dessert.',
  },
  /** `problems`: the rows' sentences ('import.row'), the first ones when there are many. */
  'import.refused': {
    en: { one: 'Nothing was imported: the file has {count} problem. {problems}', other: 'Nothing was imported: the file has {count} problems. {problems}' },
    fr: {
      one: 'Rien n’a été importé\u00a0: le fichier présente {count}\u00a0problème. {problems}',
      other: 'Rien n’a été importé\u00a0: le fichier présente {count}\u00a0problèmes. {problems}',
    },
  },
} as const satisfies Record<string, Bilingual>;
