/**
 * Catalogue entries (see core-messages.ts) for promising practices (issue 14 §2): the territory's
 * library, published by the coordinator, proposed by a community's detachment or community office.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const practiceMessages = {
  'noun.practice id': { en: 'practice id', fr: 'l’identifiant de la pratique' },
  'noun.proposal id': { en: 'proposal id', fr: 'l’identifiant de la proposition' },
  'noun.practice title': { en: 'practice title', fr: 'le titre de la pratique' },
  'noun.what was done': { en: 'what was done', fr: 'le texte « ce qui a été fait »' },
  'noun.challenge': { en: 'challenge it answers', fr: 'le défi auquel elle répond' },
  'noun.outcome': { en: 'what came of it', fr: 'le texte « ce qui en est ressorti »' },
  'noun.contact': { en: 'contact', fr: 'la personne-ressource' },
  'noun.practice status': { en: 'practice status', fr: 'l’état de la pratique' },
  'noun.decision': { en: 'decision', fr: 'la décision' },
  'noun.search text': { en: 'search text', fr: 'le texte recherché' },
  'noun.indicator ids': { en: 'indicator ids', fr: 'les identifiants d’indicateur' },
  'noun.practice ids': { en: 'practice ids', fr: 'les identifiants de pratique' },
  'permission.coordinatorOnly.practices': {
    en: 'Only the territorial coordinator publishes, changes or declines promising practices; a detachment or community office proposes one from its own plan.',
    fr: `Seul le coordonnateur territorial publie, modifie ou refuse les pratiques prometteuses${NBSP}; un détachement ou un bureau communautaire en propose une à partir de son propre plan.`,
  },
  'practice.notFound': {
    en: 'This promising practice is not in the library: it may have been withdrawn by the coordinator.',
    fr: `Cette pratique prometteuse n’est pas dans la bibliothèque${NBSP}: le coordonnateur l’a peut-être retirée.`,
  },
  'practice.proposalNotFound': {
    en: 'This proposal is not on this computer: it may have been withdrawn.',
    fr: `Cette proposition n’est pas sur cet ordinateur${NBSP}: elle a peut-être été retirée.`,
  },
  'practice.alreadyDecided': {
    en: 'This proposal was already {decision} by {who} on {date}; nothing was changed.',
    fr: `Cette proposition a déjà été {decision} par {who} le {date}${NBSP}; rien n’a été modifié.`,
  },
  'practice.decision.accepted': { en: 'accepted', fr: 'acceptée' },
  'practice.decision.declined': { en: 'declined', fr: 'refusée' },
  'practice.actionNotInCommunity': {
    en: 'This action is not part of a plan of {community}: a practice can only be shared from the proposing community’s own plan.',
    fr: `Cette mesure ne fait partie d’aucun plan de {community}${NBSP}: une pratique ne peut être proposée qu’à partir du plan de la collectivité qui la propose.`,
  },
  'practice.coordinatorPublishes': {
    en: 'As the coordinator, you publish practices directly: use “Publish” instead of proposing.',
    fr: `En tant que coordonnateur, vous publiez directement les pratiques${NBSP}: utilisez «${NBSP}Publier${NBSP}» plutôt que de proposer.`,
  },
  'practice.contactNotTerritory': {
    en: 'The contact {name} is on the list of one community only, which other communities do not receive: write the contact in words instead.',
    fr: `La personne-ressource {name} figure sur la liste d’une seule collectivité, que les autres collectivités ne reçoivent pas${NBSP}: écrivez plutôt ses coordonnées en toutes lettres.`,
  },
  'practice.datesOrder': {
    en: 'The practice cannot end ({to}) before it started ({from}).',
    fr: 'La pratique ne peut pas se terminer ({to}) avant d’avoir commencé ({from}).',
  },
  'practice.unknownTheme': {
    en: 'One of the themes chosen is not in the territory’s list of themes; choose themes from the list.',
    fr: `Un des thèmes choisis ne figure pas dans la liste des thèmes du territoire${NBSP}; choisissez des thèmes dans la liste.`,
  },
  'practice.unknownCommunity': {
    en: 'One of the communities chosen is not in the territory’s list; choose communities from the list.',
    fr: `Une des collectivités choisies ne figure pas dans la liste du territoire${NBSP}; choisissez des collectivités dans la liste.`,
  },
  'practice.unknownPerson': {
    en: 'The contact chosen is not on this computer’s list of people; choose someone from the list or write the contact in words.',
    fr: `La personne-ressource choisie ne figure pas dans la liste des personnes de cet ordinateur${NBSP}; choisissez quelqu’un dans la liste ou écrivez ses coordonnées en toutes lettres.`,
  },
} as const satisfies Record<string, Bilingual>;
