/** Catalogue entries (see core-messages.ts) for bundles encrypted to their recipients (format 2). */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const recipientsMessages = {
  'noun.peer installation ids': { en: 'peer installation ids', fr: 'les identifiants des installations partenaires' },
  'export.tooManyRecipients': {
    en: 'A bundle can be made for at most {max} computers.',
    fr: 'Un paquet peut être fait pour {max} ordinateurs au plus.',
  },
  'enrolment.oldRequestPassphrase': {
    en: 'The request from "{name}" was written by an older planner and names no encryption key, so its enrolment bundle cannot be encrypted to that computer. Give a passphrase for the bundle (and read it to the person by phone), or choose to write it without encryption.',
    fr: `La demande de «${NBSP}{name}${NBSP}» a été écrite par une version plus ancienne du planificateur et ne nomme aucune clé de chiffrement${NBSP}: son paquet d’inscription ne peut donc pas être chiffré pour cet ordinateur. Donnez une phrase de passe pour le paquet (et lisez-la à la personne par téléphone), ou choisissez de l’écrire sans chiffrement.`,
  },
  'bundle.needsVersion': {
    en: 'This bundle needs version {version} or later of the planner. Update the planner on this computer to read it; nothing was imported.',
    fr: `Ce paquet demande la version {version} ou une version plus récente du planificateur. Mettez le planificateur à jour sur cet ordinateur pour le lire${NBSP}; rien n’a été importé.`,
  },
  'bundle.notForThisComputer': {
    en: 'This bundle was not made for this computer: it is encrypted for other computers, or it was damaged on the way. Ask the sender to make a bundle for this computer.',
    fr: `Ce paquet n’a pas été fait pour cet ordinateur${NBSP}: il est chiffré pour d’autres ordinateurs, ou il a été endommagé en chemin. Demandez à l’expéditeur de faire un paquet pour cet ordinateur.`,
  },
  'bundle.headerChanged': {
    en: 'This plan bundle was changed or damaged on the way (its header does not match). Ask the sender for a new copy.',
    fr: `Ce paquet de plans a été modifié ou endommagé en chemin (son en-tête ne correspond pas). Demandez une nouvelle copie à l’expéditeur.`,
  },
  'bundle.chunkDamaged': {
    en: 'This plan bundle was changed or damaged on the way (a part of it is missing, out of order or altered). Ask the sender for a new copy.',
    fr: `Ce paquet de plans a été modifié ou endommagé en chemin (une partie manque, est dans le désordre ou a été altérée). Demandez une nouvelle copie à l’expéditeur.`,
  },
  'export.passphraseNeeded': {
    en: 'No encryption key is known for {name}: give a passphrase of at least {min} characters, and tell it to the person who will import the bundle.',
    fr: `Aucune clé de chiffrement n’est connue pour {name}${NBSP}: donnez une phrase de passe d’au moins {min} caractères, et communiquez-la à la personne qui importera le paquet.`,
  },
  'export.fullNeedsPassphrase': {
    en: 'A full bundle without a recipient is encrypted with a passphrase: give one of at least {min} characters.',
    fr: `Un paquet complet sans destinataire est chiffré avec une phrase de passe${NBSP}: donnez-en une d’au moins {min} caractères.`,
  },
  'export.recipientRevoked': {
    en: 'The certificate of {name} was revoked: no bundle is made for it.',
    fr: `Le certificat de {name} a été révoqué${NBSP}: aucun paquet n’est fait pour cet ordinateur.`,
  },
  'export.unknownRecipient': {
    en: 'No enrolled or trusted computer has the id {installationId}: choose the recipients among the computers you exchange with.',
    fr: `Aucun ordinateur inscrit ou de confiance n’a l’identifiant {installationId}${NBSP}: choisissez les destinataires parmi les ordinateurs avec lesquels vous échangez.`,
  },
} as const satisfies Record<string, Bilingual>;
