/** Catalogue entries (see core-messages.ts) for the plan cycle's rules of issue 10 §5: withdrawing a draft, dates, amendments. */
import type { Bilingual } from './core-messages';

export const cycleMessages = {
  'plan.withdraw.notDraft': {
    en: 'Only a draft can be withdrawn; this plan is {status}. An agreed plan is changed through a revision.',
    fr: 'Seul un plan provisoire peut être retiré; ce plan est à l’état «\u00a0{status}\u00a0». Un plan approuvé se modifie par une révision.',
  },
  'plan.withdraw.signed': {
    en: 'This draft already carries a signature ({who}, {date}); only an unsigned draft can be withdrawn.',
    fr: 'Ce plan provisoire porte déjà une signature ({who}, {date}); seul un plan provisoire non signé peut être retiré.',
  },
  'plan.reinstate.notWithdrawn': {
    en: 'This plan is not withdrawn; there is nothing to reinstate.',
    fr: 'Ce plan n’est pas retiré; il n’y a rien à rétablir.',
  },
  'plan.signedOn.communityFuture': {
    en: "The community's sign-off date ({date}) is in the future. Enter the day it was signed, today ({today}) at the latest.",
    fr: 'La date de signature de la communauté ({date}) est dans le futur. Indiquez le jour de la signature, au plus tard aujourd’hui ({today}).',
  },
  'plan.signedOn.detachmentFuture': {
    en: "The detachment's sign-off date ({date}) is in the future. Enter the day it was signed, today ({today}) at the latest.",
    fr: 'La date de signature du détachement ({date}) est dans le futur. Indiquez le jour de la signature, au plus tard aujourd’hui ({today}).',
  },
  'progress.quarterNotStarted': {
    en: '{fiscalYear:fy} Q{quarter} has not started yet: its progress can be recorded from {date} on.',
    fr: 'Le T{quarter} de l’{fiscalYear:fy} n’a pas encore commencé\u00a0: son avancement peut être consigné à partir du {date}.',
  },
  'report.tooEarly': {
    en: 'The {fiscalYear:fy} Q{quarter} report can be submitted from {date} on, in the last two weeks of the quarter.',
    fr: 'Le rapport du T{quarter} de l’{fiscalYear:fy} peut être remis à partir du {date}, dans les deux dernières semaines du trimestre.',
  },
} as const satisfies Record<string, Bilingual>;
