/**
 * Catalogue entries (see core-messages.ts) for the engagement log (issue 14 §1): its fields'
 * names, and the sentences that refuse an engagement the core cannot record.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const engagementMessages = {
  'noun.engagement id': { en: 'engagement id', fr: 'l’identifiant de la rencontre' },
  'noun.engagement kind': { en: 'kind of engagement', fr: 'le type de rencontre' },
  'noun.outcomes': { en: 'outcomes', fr: 'les résultats' },
  'noun.follow-ups': { en: 'follow-ups', fr: 'les suivis' },
  'noun.other participants': { en: 'other participants', fr: 'les autres participants' },
  'noun.person ids': { en: 'person ids', fr: 'les identifiants de personne' },
  'noun.organisation ids': { en: 'organisation ids', fr: 'les identifiants d’organisme' },
  'noun.priority ids': { en: 'priority ids', fr: 'les identifiants de priorité' },
  'noun.action ids': { en: 'action ids', fr: 'les identifiants de mesure' },
  'engagement.notFound': {
    en: 'This engagement no longer exists: it may have been removed on another computer.',
    fr: `Cette rencontre n’existe plus${NBSP}: elle a peut-être été retirée sur un autre ordinateur.`,
  },
  'engagement.notRemoved': {
    en: 'This engagement was not removed: there is nothing to restore.',
    fr: `Cette rencontre n’a pas été retirée${NBSP}: il n’y a rien à rétablir.`,
  },
  'engagement.otherCommunity': {
    en: 'An engagement of {community} can only name the people, organisations, priorities and actions of {community} (or of the whole territory); these are not: {names}. Nothing was saved.',
    fr: `Une rencontre de {community} ne peut nommer que les personnes, organismes, priorités et mesures de {community} (ou de tout le territoire)${NBSP}; ceux-ci n’en sont pas${NBSP}: {names}. Rien n’a été enregistré.`,
  },
  'engagement.missing': {
    en: 'Some of the people, organisations, priorities or actions named no longer exist here: {ids}. Nothing was saved.',
    fr: `Certaines des personnes, organismes, priorités ou mesures nommés n’existent plus ici${NBSP}: {ids}. Rien n’a été enregistré.`,
  },
} as const satisfies Record<string, Bilingual>;
