/** Catalogue entries (see core-messages.ts) for first start, the territory key, enrolment and certificates. */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const territoryMessages = {
  'noun.territory name': { en: 'territory name', fr: 'le nom du territoire' },
  'noun.territory fingerprint': { en: 'territory fingerprint', fr: 'l’empreinte du territoire' },
  'noun.certificate serial': { en: 'certificate serial', fr: 'le numéro de série du certificat' },
  'noun.request id': { en: 'request id', fr: 'l’identifiant de la demande' },
  'noun.installation id': { en: 'installation id', fr: 'l’identifiant de l’installation' },
  'noun.reason': { en: 'reason', fr: 'le motif' },

  'territory.roleName.coordinator': { en: 'coordinator', fr: 'coordination' },
  'territory.roleName.detachment': { en: 'detachment', fr: 'détachement' },
  'territory.roleName.liaison': { en: 'community office', fr: 'bureau communautaire' },

  // First start.
  'setup.notSetUp': {
    en: 'This computer is not set up yet: start a territory, join one, or open the demo.',
    fr: `Cet ordinateur n’est pas encore configuré${NBSP}: démarrez un territoire, joignez-vous à un territoire ou ouvrez la démonstration.`,
  },
  'setup.joining': {
    en: 'This computer is waiting for its enrolment bundle from the coordinator: until then it can only write its enrolment request and accept the enrolment bundle.',
    fr: `Cet ordinateur attend son paquet d’inscription de la coordination${NBSP}: d’ici là, il peut seulement écrire sa demande d’inscription et accepter le paquet d’inscription.`,
  },
  'setup.alreadySetUp': {
    en: 'This computer is already set up as "{name}": a territory is started or joined only on a new database.',
    fr: `Cet ordinateur est déjà configuré sous le nom «${NBSP}{name}${NBSP}»${NBSP}: on ne démarre un territoire ou ne s’y joint que sur une nouvelle base de données.`,
  },

  // The territory key.
  'territory.coordinatorOnly': {
    en: 'Only the coordinator’s computer, which holds the territory key, can do this.',
    fr: 'Seul l’ordinateur de la coordination, qui détient la clé du territoire, peut faire cela.',
  },
  'territory.keyMissing': {
    en: 'The territory key is not on this computer (its key file {file} is missing or damaged). Restore it from the recovery file with its recovery code.',
    fr: `La clé du territoire n’est pas sur cet ordinateur (son fichier de clé {file} est absent ou endommagé). Rétablissez-la à partir du fichier de récupération et de son code de récupération.`,
  },
  'territory.notEnrolled': {
    en: 'This computer does not belong to a territory.',
    fr: 'Cet ordinateur n’appartient à aucun territoire.',
  },
  'territory.recoveryUnreadable': {
    en: 'This file is not a territory recovery file, or it is damaged.',
    fr: 'Ce fichier n’est pas un fichier de récupération de territoire, ou il est endommagé.',
  },
  'territory.recoveryWrongCode': {
    en: 'That recovery code does not open this recovery file. Check the printed code, character by character.',
    fr: 'Ce code de récupération n’ouvre pas ce fichier de récupération. Vérifiez le code imprimé, caractère par caractère.',
  },
  'territory.recoveryOtherTerritory': {
    en: 'This recovery file is for another territory ("{name}"). Nothing was changed.',
    fr: `Ce fichier de récupération est celui d’un autre territoire («${NBSP}{name}${NBSP}»). Rien n’a été modifié.`,
  },
  'territory.recoveryOldKey': {
    en: 'This recovery file holds a territory key that has since been replaced. Use the recovery file written after the last key change.',
    fr: 'Ce fichier de récupération contient une clé de territoire remplacée depuis. Utilisez le fichier de récupération écrit après le dernier changement de clé.',
  },
  'territory.handoverRefused': {
    en: 'This bundle names a new territory key that the key this computer knows did not hand over to. Nothing was imported.',
    fr: 'Ce paquet de plans indique une nouvelle clé de territoire que la clé connue de cet ordinateur n’a pas transmise. Rien n’a été importé.',
  },

  // Enrolment.
  'enrolment.notARequest': {
    en: 'This file is not an enrolment request, or it is damaged.',
    fr: 'Ce fichier n’est pas une demande d’inscription, ou il est endommagé.',
  },
  'enrolment.requestForged': {
    en: 'This enrolment request is not signed by the key it names: it was changed after it was written. Ask the computer for a new request.',
    fr: `Cette demande d’inscription n’est pas signée par la clé qu’elle indique${NBSP}: elle a été modifiée après avoir été écrite. Demandez une nouvelle demande à l’ordinateur.`,
  },
  'enrolment.ownRequest': {
    en: 'This enrolment request was written by this computer itself.',
    fr: 'Cette demande d’inscription a été écrite par cet ordinateur lui-même.',
  },
  'enrolment.requestNotFound': {
    en: 'No enrolment request "{requestId}" has been read here. Read the request file first.',
    fr: `Aucune demande d’inscription «${NBSP}{requestId}${NBSP}» n’a été lue ici. Lisez d’abord le fichier de demande.`,
  },
  'enrolment.communitiesRequired': {
    en: 'A {role} computer serves some communities: choose at least one.',
    fr: `Un ordinateur de {role} sert certaines collectivités${NBSP}: choisissez-en au moins une.`,
  },
  'enrolment.allOnlyCoordinator': {
    en: 'Only a coordinator’s certificate covers all communities: choose the communities this computer serves.',
    fr: `Seul le certificat de la coordination couvre toutes les collectivités${NBSP}: choisissez les collectivités que sert cet ordinateur.`,
  },
  'enrolment.unknownCommunity': {
    en: 'There is no community "{communityId}" in this territory.',
    fr: `Il n’y a aucune collectivité «${NBSP}{communityId}${NBSP}» dans ce territoire.`,
  },
  'enrolment.notAnEnrolmentBundle': {
    en: 'This file is not an enrolment bundle: it holds no certificate for this computer.',
    fr: `Ce fichier n’est pas un paquet d’inscription${NBSP}: il ne contient aucun certificat pour cet ordinateur.`,
  },
  'enrolment.fingerprintMismatch': {
    en: 'The territory fingerprint you typed ({typed}) is not the one of this enrolment bundle ({actual}). Nothing was changed: check it again with the coordinator, by phone.',
    fr: `L’empreinte du territoire que vous avez tapée ({typed}) n’est pas celle de ce paquet d’inscription ({actual}). Rien n’a été modifié${NBSP}: vérifiez-la de nouveau avec la coordination, par téléphone.`,
  },
  'enrolment.notForThisComputer': {
    en: 'This enrolment bundle is for another computer ("{name}"), not this one. Nothing was changed.',
    fr: `Ce paquet d’inscription est destiné à un autre ordinateur («${NBSP}{name}${NBSP}»), pas à celui-ci. Rien n’a été modifié.`,
  },
  'enrolment.alreadyEnrolled': {
    en: 'This computer already belongs to the territory "{name}". Nothing was changed.',
    fr: `Cet ordinateur appartient déjà au territoire «${NBSP}{name}${NBSP}». Rien n’a été modifié.`,
  },
  'enrolment.certificateForged': {
    en: 'The certificate of "{name}" is not signed by the territory key: it was forged or damaged. Nothing was imported.',
    fr: `Le certificat de «${NBSP}{name}${NBSP}» n’est pas signé par la clé du territoire${NBSP}: il a été falsifié ou endommagé. Rien n’a été importé.`,
  },
  'enrolment.otherTerritory': {
    en: 'This bundle comes from another territory ("{name}"). Nothing was imported.',
    fr: `Ce paquet de plans vient d’un autre territoire («${NBSP}{name}${NBSP}»). Rien n’a été importé.`,
  },
  'enrolment.revokedChanges': {
    en: '"{name}" was revoked on {date} by the coordinator: its changes after that are not accepted. Nothing was imported.',
    fr: `«${NBSP}{name}${NBSP}» a été révoqué le {date} par la coordination${NBSP}: ses modifications postérieures ne sont pas acceptées. Rien n’a été importé.`,
  },
  'enrolment.revokedSender': {
    en: 'This bundle was written by "{name}", which was revoked on {date} by the coordinator. Nothing was imported.',
    fr: `Ce paquet de plans a été écrit par «${NBSP}{name}${NBSP}», révoqué le {date} par la coordination. Rien n’a été importé.`,
  },
  'enrolment.revokeWhich': {
    en: 'Say which certificate to revoke: its serial, or the installation id of its computer.',
    fr: `Indiquez le certificat à révoquer${NBSP}: son numéro de série, ou l’identifiant d’installation de son ordinateur.`,
  },
  'enrolment.certificateNotFound': {
    en: 'No certificate "{serial}" was issued in this territory.',
    fr: `Aucun certificat «${NBSP}{serial}${NBSP}» n’a été délivré dans ce territoire.`,
  },
  'enrolment.alreadyRevoked': {
    en: 'The certificate of "{name}" was already revoked on {date}.',
    fr: `Le certificat de «${NBSP}{name}${NBSP}» a déjà été révoqué le {date}.`,
  },
  'enrolment.cannotRevokeSelf': {
    en: 'The coordinator’s own certificate cannot be revoked from its own computer.',
    fr: 'Le certificat de la coordination ne peut pas être révoqué depuis son propre ordinateur.',
  },
  'enrolment.demoIntoReal': {
    en: 'This bundle comes from the demo: the demo’s data is never mixed with a real territory’s. Nothing was imported.',
    fr: `Ce paquet de plans vient de la démonstration${NBSP}: les données de démonstration ne sont jamais mêlées à celles d’un vrai territoire. Rien n’a été importé.`,
  },
  'enrolment.realIntoDemo': {
    en: 'This bundle comes from a real territory: the demo never takes real data. Nothing was imported.',
    fr: `Ce paquet de plans vient d’un vrai territoire${NBSP}: la démonstration ne reçoit jamais de vraies données. Rien n’a été importé.`,
  },
  'enrolment.outsideCertificate': {
    en: 'This bundle changes {community}’s data, but the certificate of "{name}" does not cover that community. Nothing was imported.',
    fr: `Ce paquet de plans modifie les données de {community}, mais le certificat de «${NBSP}{name}${NBSP}» ne couvre pas cette collectivité. Rien n’a été importé.`,
  },

  // Unenrolled trust on first use.
  'peer.scopeRequired': {
    en: 'Say which communities this computer may change: choose them, or all communities for the coordinator’s computer.',
    fr: `Indiquez les collectivités que cet ordinateur peut modifier${NBSP}: choisissez-les, ou toutes les collectivités pour l’ordinateur de la coordination.`,
  },
} as const satisfies Record<string, Bilingual>;
