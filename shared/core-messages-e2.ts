/**
 * Catalogue entries (see core-messages.ts) for comments on a report or one of its actions
 * (issue 12 §5): who may change one, and until when.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const commentMessages = {
  'noun.comment id': { en: 'comment id', fr: 'l’identifiant du commentaire' },
  'noun.comment ids': { en: 'comment ids', fr: 'les identifiants de commentaire' },
  'comment.notFound': {
    en: 'This comment no longer exists: it may have been removed by its author.',
    fr: `Ce commentaire n’existe plus${NBSP}: son auteur l’a peut-être retiré.`,
  },
  'comment.notAuthor': {
    en: 'Only its author ({author}) can change or remove this comment; answer it with a comment of your own.',
    fr: `Seule la personne qui l’a écrit ({author}) peut modifier ou retirer ce commentaire${NBSP}; répondez-y par votre propre commentaire.`,
  },
  'comment.alreadyRead': {
    en: 'This comment was read by {reader} on {date}: it can no longer be changed or removed. Add a new comment instead.',
    fr: `Ce commentaire a été lu par {reader} le {date}${NBSP}: il ne peut plus être modifié ni retiré. Ajoutez plutôt un nouveau commentaire.`,
  },
  'comment.beforeTracking': {
    en: 'This comment was written by an earlier version of the planner, which did not record whether it was read: it can no longer be changed or removed. Add a new comment instead.',
    fr: `Ce commentaire a été écrit par une version antérieure du planificateur, qui n’enregistrait pas s’il avait été lu${NBSP}: il ne peut plus être modifié ni retiré. Ajoutez plutôt un nouveau commentaire.`,
  },
  'comment.actionNotInPlan': {
    en: 'This action is not part of this plan: a comment can only be about an action of the report it is left on.',
    fr: `Cette mesure ne fait pas partie de ce plan${NBSP}: un commentaire ne peut porter que sur une mesure du rapport où il est laissé.`,
  },
  'permission.comment.authorRole': {
    en: "A comment written on a community's computer cannot be given as the territorial coordinator's.",
    fr: `Un commentaire écrit sur un ordinateur d’une collectivité ne peut pas être présenté comme celui de la coordination territoriale.`,
  },
  'permission.comment.ownSideRead': {
    en: 'Only the other side may mark a comment read: the coordinator the community’s comments, the community the coordinator’s.',
    fr: `Seul l’autre côté peut marquer un commentaire comme lu${NBSP}: la coordination ceux de la collectivité, la collectivité ceux de la coordination.`,
  },
} as const satisfies Record<string, Bilingual>;
