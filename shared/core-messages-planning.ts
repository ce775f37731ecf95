/** Catalogue entries (see core-messages.ts) for the planning cycle's refusals and the core itself. */
import type { Bilingual } from './core-messages';
import { PLAN_STATUSES, type PlanStatus } from './vocabulary';
import { vocabularyLabels } from './words/vocabulary-labels';

/** A plan status inside a sentence: the label of the one word catalogue, in lower case. */
const inSentence = (status: PlanStatus): Bilingual => ({
  en: vocabularyLabels.en.planStatus[status].toLocaleLowerCase('en'),
  fr: vocabularyLabels.fr.planStatus[status].toLocaleLowerCase('fr'),
});
const planStatusWords = Object.fromEntries(PLAN_STATUSES.map((status) => [`planStatus.${status}`, inSentence(status)])) as {
  readonly [S in PlanStatus as `planStatus.${S}`]: Bilingual;
};

export const planningMessages = {
  'core.internal': {
    en: 'Something went wrong and nothing was changed. Please try again; if it keeps happening, make a backup and contact support.',
    fr: 'Un problème est survenu et rien n’a été modifié. Veuillez réessayer; si le problème persiste, faites une sauvegarde et communiquez avec le soutien technique.',
  },
  'core.busy': {
    en: 'The planner is busy: another window or command is writing to its database (a long import, for example). Nothing was changed; try again in a moment.',
    fr: 'Le planificateur est occupé\u00a0: une autre fenêtre ou commande écrit dans sa base de données (une longue importation, par exemple). Rien n’a été modifié; réessayez dans un moment.',
  },
  'core.diskFull': {
    en: 'The disk is full: free space on {folder} and try again. Nothing was changed; what is already saved can still be read.',
    fr: 'Le disque est plein\u00a0: libérez de l’espace dans {folder} et réessayez. Rien n’a été modifié; ce qui est déjà enregistré peut encore être consulté.',
  },
  'core.unknownMethod': { en: 'There is no action called "{method}".', fr: 'Aucune action ne s’appelle «\u00a0{method}\u00a0».' },
  'core.notSetUp': {
    en: 'This installation has not been set up yet. Run "init" first (or open the app once).',
    fr: 'Cette installation n’est pas encore configurée. Exécutez d’abord «\u00a0init\u00a0» (ou ouvrez l’application une fois).',
  },
  'core.notFound': {
    en: 'The {thing} was not found. It may have been removed, or the id is wrong.',
    fr: 'Impossible de trouver {thing}. Cet élément a peut-être été supprimé, ou l’identifiant est erroné.',
  },
  'core.doesNotExist': {
    en: { one: '{thing:cap} {ids} does not exist.', other: '{thing:cap} {ids} do not exist.' },
    fr: { one: '{thing:cap} {ids} n’existe pas.', other: 'Ces identifiants n’existent pas\u00a0: {ids} ({thing}).' },
  },

  ...planStatusWords,

  'plan.exists': { en: '{community} already has a plan for {fiscalYear:fy}.', fr: '{community} a déjà un plan pour l’{fiscalYear:fy}.' },
  'plan.transition': {
    en: 'A plan that is {from} cannot become {to}.',
    fr: 'Un plan à l’état «\u00a0{from}\u00a0» ne peut pas passer à l’état «\u00a0{to}\u00a0».',
  },
  'plan.agree.noPriority': { en: 'A plan needs at least one priority before it can be agreed.', fr: 'Un plan doit compter au moins une priorité avant d’être approuvé.' },
  'plan.close.revisionOpen': { en: 'Close the open revision of this plan before closing the plan.', fr: 'Clôturez la révision ouverte de ce plan avant de clore le plan.' },
  'plan.closed': { en: 'This plan is closed and can no longer be changed.', fr: 'Ce plan est clos et ne peut plus être modifié.' },
  'plan.agreedOn': {
    en: 'This plan was agreed on {date}. Open a revision (with its reason) before changing it.',
    fr: 'Ce plan a été approuvé le {date}. Ouvrez une révision (avec son motif) avant de le modifier.',
  },
  'plan.agreed': {
    en: 'This plan was agreed. Open a revision (with its reason) before changing it.',
    fr: 'Ce plan a été approuvé. Ouvrez une révision (avec son motif) avant de le modifier.',
  },
  'plan.revision.draft': {
    en: 'A draft plan can be changed directly; revisions are for agreed plans.',
    fr: 'Un plan provisoire se modifie directement; les révisions servent aux plans approuvés.',
  },
  'plan.revision.alreadyOpen': { en: 'This plan already has an open revision.', fr: 'Ce plan a déjà une révision ouverte.' },
  'plan.revision.none': { en: 'This plan has no open revision.', fr: 'Ce plan n’a aucune révision ouverte.' },
  'plan.reorder.mismatch': {
    en: "The new order must list each of the plan's priorities exactly once.",
    fr: 'Le nouvel ordre doit nommer chacune des priorités du plan une seule fois.',
  },

  'indicator.planClosed': {
    en: 'This plan is closed; its indicator values can no longer be changed.',
    fr: 'Ce plan est clos; les valeurs de ses indicateurs ne peuvent plus être modifiées.',
  },

  'progress.planClosed': {
    en: 'This plan is closed; its quarterly progress can no longer be changed.',
    fr: 'Ce plan est clos; son avancement trimestriel ne peut plus être modifié.',
  },
  'progress.narrativeRequired': { en: 'Please write a short narrative explaining the status.', fr: 'Veuillez écrire un court compte rendu qui explique l’état.' },

  'report.planDraft': {
    en: 'This plan is still a draft. It must be agreed before quarterly reports are submitted.',
    fr: 'Ce plan est encore provisoire. Il doit être approuvé avant la remise des rapports trimestriels.',
  },
  'report.alreadySubmitted': {
    en: 'The {fiscalYear:fy} Q{quarter} report was already submitted on {date} by {who}.',
    fr: 'Le rapport du T{quarter} de l’{fiscalYear:fy} a déjà été remis le {date} par {who}.',
  },
  'report.noActions': { en: 'This plan has no actions to report on.', fr: 'Ce plan n’a aucune mesure sur laquelle faire rapport.' },
  /** `titles` is 'report.titles' or, when they are cut short, 'report.titlesAndMore'. */
  'report.missingProgress': {
    en: {
      one: '{count} action has no progress recorded for {fiscalYear:fy} Q{quarter} yet: {titles}.',
      other: '{count} actions have no progress recorded for {fiscalYear:fy} Q{quarter} yet: {titles}.',
    },
    fr: {
      one: '{count}\u00a0mesure n’a pas encore d’avancement consigné pour le T{quarter} de l’{fiscalYear:fy}\u00a0: {titles}.',
      other: '{count}\u00a0mesures n’ont pas encore d’avancement consigné pour le T{quarter} de l’{fiscalYear:fy}\u00a0: {titles}.',
    },
  },
  'report.titles': { en: '{titles:quoted}', fr: '{titles:quoted}' },
  'report.titlesAndMore': {
    en: { one: '{titles:quoted} and {count} more', other: '{titles:quoted} and {count} more' },
    fr: { one: '{titles:quoted} et {count}\u00a0autre', other: '{titles:quoted} et {count}\u00a0autres' },
  },
  'report.notStarted': {
    en: '{fiscalYear:fy} Q{quarter} has not started yet; its report cannot be submitted.',
    fr: 'Le T{quarter} de l’{fiscalYear:fy} n’a pas encore commencé; son rapport ne peut pas être remis.',
  },
} as const satisfies Record<string, Bilingual>;
