/**
 * The engagement log's fixed vocabulary (issue 14 §1): the kinds of events through which a
 * community's priorities are set and checked with it. Labels are in the renderer's catalogue
 * (renderer/i18n/engagement.*.json, `engagement.kind.<code>`) and, for core sentences, below.
 */
export const ENGAGEMENT_KINDS = [
  'council_meeting',
  'council_workshop',
  'focus_group',
  'public_survey',
  'steering_committee',
  'town_hall',
  'monthly_feedback',
  'situation_table',
  'other',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** The kinds' names in both languages (the roll-up's export and any core sentence name them from here). */
export const ENGAGEMENT_KIND_LABELS: Readonly<Record<EngagementKind, { en: string; fr: string }>> = {
  council_meeting: { en: 'Council meeting', fr: 'Réunion du conseil' },
  council_workshop: { en: 'Council workshop', fr: 'Atelier du conseil' },
  focus_group: { en: 'Focus group', fr: 'Groupe de discussion' },
  public_survey: { en: 'Public survey', fr: 'Sondage public' },
  steering_committee: { en: 'Steering committee', fr: 'Comité directeur' },
  town_hall: { en: 'Town hall', fr: 'Assemblée publique' },
  monthly_feedback: { en: 'Monthly feedback to chief and council', fr: 'Compte rendu mensuel au chef et au conseil' },
  situation_table: { en: 'Situation table', fr: 'Table de concertation' },
  other: { en: 'Other', fr: 'Autre' },
};
