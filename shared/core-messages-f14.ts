/**
 * Catalogue entries (see core-messages.ts) for evidence files (issue 14 §3): what may be
 * attached, and why a file is refused, on this computer or in a bundle.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const evidenceMessages = {
  'noun.attachment id': { en: 'attachment id', fr: 'l’identifiant de la pièce jointe' },
  'noun.record kind': { en: 'kind of record', fr: 'le type d’enregistrement' },
  'noun.file name': { en: 'file name', fr: 'le nom du fichier' },
  'noun.file content': { en: 'file content', fr: 'le contenu du fichier' },
  'file.empty': { en: 'This file is empty: there is nothing to attach.', fr: `Ce fichier est vide${NBSP}: il n’y a rien à joindre.` },
  'file.tooLarge': {
    en: 'This file is {size} MB: a file can be at most {max} MB. Make it smaller (scan at a lower resolution, or save a smaller copy) and attach it again.',
    fr: `Ce fichier fait {size}${NBSP}Mo${NBSP}: un fichier peut faire au plus {max}${NBSP}Mo. Réduisez-le (numérisez-le à une résolution plus basse, ou enregistrez-en une copie plus petite) et joignez-le de nouveau.`,
  },
  'file.muchTooLarge': {
    en: 'This file is larger than {max} MB, the most a file can be: nothing was attached. Make it smaller and attach it again.',
    fr: `Ce fichier dépasse {max}${NBSP}Mo, la taille maximale d’un fichier${NBSP}: rien n’a été joint. Réduisez-le et joignez-le de nouveau.`,
  },
  'file.notEncoded': {
    en: 'The content of this file did not arrive whole: nothing was attached. Try again.',
    fr: `Le contenu de ce fichier n’est pas arrivé en entier${NBSP}: rien n’a été joint. Réessayez.`,
  },
  'file.notAccepted': {
    en: 'This file is not a PDF, a picture (PNG, JPEG, GIF, WebP) or an office document (Word, Excel, PowerPoint, OpenDocument), whatever its name says: it cannot be attached.',
    fr: `Ce fichier n’est ni un PDF, ni une image (PNG, JPEG, GIF, WebP), ni un document de bureautique (Word, Excel, PowerPoint, OpenDocument), quoi qu’en dise son nom${NBSP}: il ne peut pas être joint.`,
  },
  'file.program': {
    en: 'This file is a program ({kind}), whatever its name says: programs are never attached, as they could harm the computers that open them.',
    fr: `Ce fichier est un programme ({kind}), quoi qu’en dise son nom${NBSP}: les programmes ne sont jamais joints, car ils pourraient nuire aux ordinateurs qui les ouvrent.`,
  },
  'file.imageTooLarge': {
    en: 'This picture says it is {width} × {height} pixels: at most {maxSide} pixels a side and {maxMegapixels} megapixels are accepted, so that opening it cannot exhaust an older computer. Save a smaller copy and attach that.',
    fr: `Cette image se dit de {width} × {height} pixels${NBSP}: au plus {maxSide} pixels de côté et {maxMegapixels} mégapixels sont acceptés, pour que l’ouvrir ne puisse pas épuiser un ordinateur ancien. Enregistrez-en une copie plus petite et joignez-la.`,
  },
  'file.imageUnreadable': {
    en: 'This picture’s header cannot be read (its size is not given): the file is damaged or not really a picture, and cannot be attached.',
    fr: `L’en-tête de cette image est illisible (sa taille n’y figure pas)${NBSP}: le fichier est endommagé ou n’est pas vraiment une image, et ne peut pas être joint.`,
  },
  'file.pdfActive': {
    en: 'This PDF contains {found:list}: parts that can run or open something when the document is opened. Such PDFs are not attached. Print it to a new PDF (or scan the paper copy) and attach that.',
    fr: `Ce PDF contient {found:list}${NBSP}: des éléments qui peuvent exécuter ou ouvrir quelque chose à l’ouverture du document. De tels PDF ne sont pas joints. Imprimez-le dans un nouveau PDF (ou numérisez la copie papier) et joignez celui-là.`,
  },
  'file.pdfPart.javascript': { en: 'JavaScript', fr: 'du JavaScript' },
  'file.pdfPart.launch': { en: 'an action that launches a program', fr: 'une action qui lance un programme' },
  'file.pdfPart.embedded': { en: 'embedded files', fr: 'des fichiers incorporés' },
  'file.pdfPart.richMedia': { en: 'embedded media', fr: 'des médias incorporés' },
  'file.pdfPart.form': { en: 'a form that sends or imports data', fr: 'un formulaire qui envoie ou importe des données' },
  'file.pdfPart.hidden': { en: 'compressed parts too large to check', fr: 'des parties compressées trop grandes pour être vérifiées' },
  'file.macros': {
    en: 'This office document contains macros (small programs): it cannot be attached. Save it without macros (as .docx, .xlsx or .pptx) and attach that.',
    fr: `Ce document de bureautique contient des macros (de petits programmes)${NBSP}: il ne peut pas être joint. Enregistrez-le sans macros (en .docx, .xlsx ou .pptx) et joignez celui-là.`,
  },
  'attachment.kindNotHeld': {
    en: 'Files cannot be attached to this kind of record in this version of the planner.',
    fr: 'Cette version du planificateur ne permet pas de joindre des fichiers à ce type d’enregistrement.',
  },
  'attachment.recordNotFound': {
    en: 'The record to attach this file to is not on this computer (it may have been removed): nothing was attached.',
    fr: `L’enregistrement auquel joindre ce fichier n’est pas sur cet ordinateur (il a peut-être été retiré)${NBSP}: rien n’a été joint.`,
  },
  'attachment.notFound': {
    en: 'This attached file is no longer there: it may have been removed.',
    fr: `Ce fichier joint n’est plus là${NBSP}: il a peut-être été retiré.`,
  },
  'attachment.notReceived': {
    en: 'The file “{fileName}” has not been received yet: it was left out of the bundle that brought its record. It will come with a later bundle that carries files.',
    fr: `Le fichier « {fileName} » n’a pas encore été reçu${NBSP}: il a été laissé hors du paquet qui a apporté son enregistrement. Il arrivera avec un prochain paquet qui transporte les fichiers.`,
  },
  'import.fileRefused': {
    en: 'A file in this bundle was refused: {reason} Nothing was imported.',
    fr: `Un fichier de ce paquet a été refusé${NBSP}: {reason} Rien n’a été importé.`,
  },
  'import.fileHashMismatch': {
    en: 'A file in this bundle is not the file its record names (its content was changed after it was attached): nothing was imported. Ask the sender for a new bundle.',
    fr: `Un fichier de ce paquet n’est pas celui que nomme son enregistrement (son contenu a été modifié après avoir été joint)${NBSP}: rien n’a été importé. Demandez un nouveau paquet à l’expéditeur.`,
  },
  'import.fileDamaged': {
    en: 'The files in this bundle are damaged (a part is missing or out of order): nothing was imported. Ask the sender for a new bundle.',
    fr: `Les fichiers de ce paquet sont endommagés (une partie manque ou est dans le désordre)${NBSP}: rien n’a été importé. Demandez un nouveau paquet à l’expéditeur.`,
  },
  'import.attachmentElsewhere': {
    en: 'A file in this bundle is attached to a record of another community than its own: nothing was imported.',
    fr: `Un fichier de ce paquet est joint à un enregistrement d’une autre collectivité que la sienne${NBSP}: rien n’a été importé.`,
  },
} as const satisfies Record<string, Bilingual>;
