/**
 * The one catalogue of the labels of the closed vocabularies (shared/vocabulary.ts, and the
 * report vocabularies of shared/reports.ts), in every language: the renderer loads it as its
 * `vocab.*` keys, the exports and the core's messages read it. A language that lacks a label does
 * not compile (`satisfies`), and test/shared/vocabulary-labels.test.ts checks it again at run time
 * against the vocabulary lists.
 */
import type { IndicatorAssessment, StatusOrNone } from '../reports';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  COMPLETENESS_STATES,
  CSWB_ZONES,
  INDICATOR_DIRECTIONS,
  LOCALES,
  MILESTONE_STATUSES,
  ORGANISATION_KINDS,
  OWNER_PARTIES,
  PLAN_STATUSES,
  PROGRESS_STATUSES,
  REPORT_STATES,
  ROLES,
  type CommitmentKind,
  type CommitmentStatus,
  type CompletenessState,
  type CswbZone,
  type IndicatorDirection,
  type Locale,
  type MilestoneStatus,
  type OrganisationKind,
  type OwnerParty,
  type PlanStatus,
  type ReportState,
  type Role,
} from '../vocabulary';

/** A type, not an interface: i18next walks the renderer's `vocab.*` keys only through index-compatible types. */
export type VocabularyLabels = {
  role: Record<Role, string>;
  locale: Record<Locale, string>;
  /** With `none`: a community that has no plan for the year. */
  planStatus: Record<PlanStatus | 'none', string>;
  /** With `not_recorded`: an action with no progress for the quarter. */
  progressStatus: Record<StatusOrNone, string>;
  completeness: Record<CompletenessState, string>;
  reportState: Record<ReportState, string>;
  commitmentStatus: Record<CommitmentStatus, string>;
  commitmentKind: Record<CommitmentKind, string>;
  milestoneStatus: Record<MilestoneStatus, string>;
  owner: Record<OwnerParty, string>;
  zone: Record<CswbZone, string>;
  direction: Record<IndicatorDirection, string>;
  organisationKind: Record<OrganisationKind, string>;
  assessment: Record<IndicatorAssessment, string>;
};

export type VocabularyName = keyof VocabularyLabels;

/** The codes each vocabulary labels, in the order of its list; the test checks the labels against them. */
export const VOCABULARY_CODES = {
  role: ROLES,
  locale: LOCALES,
  planStatus: [...PLAN_STATUSES, 'none'],
  progressStatus: [...PROGRESS_STATUSES, 'not_recorded'],
  completeness: COMPLETENESS_STATES,
  reportState: REPORT_STATES,
  commitmentStatus: COMMITMENT_STATUSES,
  commitmentKind: COMMITMENT_KINDS,
  milestoneStatus: MILESTONE_STATUSES,
  owner: OWNER_PARTIES,
  zone: CSWB_ZONES,
  direction: INDICATOR_DIRECTIONS,
  organisationKind: ORGANISATION_KINDS,
  assessment: ['target_met', 'improving', 'worsening', 'unchanged', 'no_data'],
} as const satisfies { [V in VocabularyName]: ReadonlyArray<keyof VocabularyLabels[V]> };

const en = {
  role: { detachment: 'Detachment', liaison: 'Community office', coordinator: 'Territorial coordinator' },
  locale: { en: 'English', fr: 'Français' },
  planStatus: { none: 'No plan', draft: 'Draft', agreed: 'Agreed', active: 'Active', closed: 'Closed' },
  progressStatus: {
    not_started: 'Not started',
    on_track: 'On track',
    at_risk: 'At risk',
    delayed: 'Delayed',
    completed: 'Completed',
    discontinued: 'Discontinued',
    not_recorded: 'Not recorded',
  },
  completeness: { no_plan: 'No plan', upcoming: 'Upcoming', due: 'Upcoming, due soon', on_time: 'On time', late: 'Late', missing: 'Missing' },
  reportState: { draft: 'Not submitted', submitted: 'Submitted' },
  commitmentStatus: {
    completed: 'Completed',
    underway_on_track: 'Underway, on track',
    underway_with_challenges: 'Underway, with challenges',
    not_being_pursued: 'Not being pursued',
  },
  commitmentKind: { commitment: 'Commitment', initiative: 'Initiative' },
  milestoneStatus: { pending: 'Pending', achieved: 'Achieved', missed: 'Missed' },
  owner: { police: 'Police', community: 'Community', joint: 'Joint', partner: 'Partner' },
  zone: { social_development: 'Social development', prevention: 'Prevention', risk_intervention: 'Risk intervention', incident_response: 'Incident response' },
  direction: { increase: 'Increase', decrease: 'Decrease', maintain: 'Maintain' },
  organisationKind: {
    police: 'Police',
    chief_and_council: 'Chief and council',
    health: 'Health',
    education: 'Education',
    social_services: 'Social services',
    housing: 'Housing',
    victim_services: 'Victim services',
    justice: 'Justice',
    other: 'Other',
  },
  assessment: { target_met: 'Target met', improving: 'Improving', worsening: 'Worsening', unchanged: 'No change', no_data: 'No data' },
} satisfies VocabularyLabels;

const fr = {
  role: { detachment: 'Détachement', liaison: 'Bureau communautaire', coordinator: 'Coordination territoriale' },
  locale: { en: 'English', fr: 'Français' },
  planStatus: { none: 'Aucun plan', draft: 'Provisoire', agreed: 'Approuvé', active: 'En œuvre', closed: 'Clos' },
  progressStatus: {
    not_started: 'Pas commencée',
    on_track: 'En bonne voie',
    at_risk: 'À risque',
    delayed: 'En retard',
    completed: 'Terminée',
    discontinued: 'Abandonnée',
    not_recorded: 'Non consigné',
  },
  completeness: { no_plan: 'Aucun plan', upcoming: 'À venir', due: 'À venir, échéance proche', on_time: 'À temps', late: 'En retard', missing: 'Manquant' },
  reportState: { draft: 'Non remis', submitted: 'Remis' },
  commitmentStatus: {
    completed: 'Réalisé',
    underway_on_track: 'En cours, en bonne voie',
    underway_with_challenges: 'En cours, avec des difficultés',
    not_being_pursued: 'Abandonné',
  },
  commitmentKind: { commitment: 'Engagement', initiative: 'Initiative' },
  milestoneStatus: { pending: 'À venir', achieved: 'Atteint', missed: 'Manqué' },
  owner: { police: 'Police', community: 'Collectivité', joint: 'Conjointe', partner: 'Partenaire' },
  zone: {
    social_development: 'Développement social',
    prevention: 'Prévention',
    risk_intervention: 'Intervention en situation de risque',
    incident_response: 'Intervention en cas d’incident',
  },
  direction: { increase: 'Augmenter', decrease: 'Diminuer', maintain: 'Maintenir' },
  organisationKind: {
    police: 'Police',
    chief_and_council: 'Chef et conseil',
    health: 'Santé',
    education: 'Éducation',
    social_services: 'Services sociaux',
    housing: 'Logement',
    victim_services: 'Services aux victimes',
    justice: 'Justice',
    other: 'Autre',
  },
  assessment: { target_met: 'Cible atteinte', improving: 'En amélioration', worsening: 'En recul', unchanged: 'Sans changement', no_data: 'Aucune donnée' },
} satisfies VocabularyLabels;

export const vocabularyLabels: Readonly<Record<Locale, VocabularyLabels>> = { en, fr };

/** The label of one code of one vocabulary, in a language. */
export function vocabularyLabel<V extends VocabularyName>(locale: Locale, vocabulary: V, code: keyof VocabularyLabels[V]): string {
  return (vocabularyLabels[locale][vocabulary] as Record<PropertyKey, string>)[code]!;
}
