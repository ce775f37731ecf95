/**
 * Catalogue entries (see core-messages.ts) for the coordinator's review of a quarterly report
 * (issue 14 §4): accepted (the quarter is locked, later edits are amendments) or returned with a
 * reason, which the community answers by resubmitting.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const quarterReviewMessages = {
  'noun.review id': { en: 'review id', fr: 'l’identifiant de l’examen' },
  'noun.review decision': { en: 'review decision', fr: 'la décision d’examen' },
  'noun.return reason': { en: 'reason for returning the report', fr: 'le motif du renvoi du rapport' },
  'reviewStatus.draft': { en: 'not submitted yet', fr: 'pas encore remis' },
  'reviewStatus.submitted': { en: 'submitted, waiting for review', fr: 'remis, en attente d’examen' },
  'reviewStatus.accepted': { en: 'accepted', fr: 'accepté' },
  'reviewStatus.returned': { en: 'returned to the community', fr: 'renvoyé à la collectivité' },
  'reviewStatus.resubmitted': { en: 'resubmitted, waiting for review', fr: 'remis de nouveau, en attente d’examen' },
  'permission.coordinatorOnly.review': {
    en: 'Only the territorial coordinator may accept or return a quarterly report.',
    fr: 'Seule la coordination territoriale peut accepter ou renvoyer un rapport trimestriel.',
  },
  'review.notSubmitted': {
    en: 'The {fiscalYear:fy} Q{quarter} report has not been submitted yet: there is nothing to accept or return.',
    fr: `Le rapport du T{quarter} de l’{fiscalYear:fy} n’a pas encore été remis${NBSP}: il n’y a rien à accepter ni à renvoyer.`,
  },
  'review.alreadyAccepted': {
    en: 'The {fiscalYear:fy} Q{quarter} report was accepted on {date} by {who}: the quarter is locked, and later changes are recorded as amendments.',
    fr: `Le rapport du T{quarter} de l’{fiscalYear:fy} a été accepté le {date} par {who}${NBSP}: le trimestre est verrouillé et les changements ultérieurs sont consignés comme des modifications.`,
  },
  'review.awaitingResubmission': {
    en: 'The {fiscalYear:fy} Q{quarter} report was returned on {date} by {who}: it can be reviewed again once the community resubmits it.',
    fr: `Le rapport du T{quarter} de l’{fiscalYear:fy} a été renvoyé le {date} par {who}${NBSP}: il pourra être examiné de nouveau lorsque la collectivité l’aura remis.`,
  },
  'review.reasonRequired': {
    en: 'Say why the report is returned: the community reads this reason on its home page before amending the report.',
    fr: `Indiquez pourquoi le rapport est renvoyé${NBSP}: la collectivité lit ce motif sur sa page d’accueil avant de modifier le rapport.`,
  },
  'review.notReturned': {
    en: 'Only a report the coordinator returned can be resubmitted; the {fiscalYear:fy} Q{quarter} report is {status}.',
    fr: 'Seul un rapport renvoyé par la coordination peut être remis de nouveau; le rapport du T{quarter} de l’{fiscalYear:fy} est {status}.',
  },
} as const satisfies Record<string, Bilingual>;
