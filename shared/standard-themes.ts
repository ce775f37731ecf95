/**
 * The standard list of themes offered when a territory starts (themes:standard), in English and
 * French. The coordinator may edit, add to or retire them; the demo territory uses this list.
 */
export const STANDARD_THEMES = [
  { code: 'drugs_alcohol', nameEn: 'Drugs and alcohol', nameFr: 'Drogues et alcool' },
  { code: 'family_violence', nameEn: 'Family violence', nameFr: 'Violence familiale' },
  { code: 'youth', nameEn: 'Youth', nameFr: 'Jeunesse' },
  { code: 'property_crime', nameEn: 'Property crime', nameFr: 'Crimes contre les biens' },
  { code: 'traffic_safety', nameEn: 'Traffic safety', nameFr: 'Sécurité routière' },
  { code: 'mental_health_addictions', nameEn: 'Mental health and addictions', nameFr: 'Santé mentale et dépendances' },
  { code: 'vulnerable_persons', nameEn: 'Vulnerable persons', nameFr: 'Personnes vulnérables' },
  { code: 'visibility_engagement', nameEn: 'Police visibility and engagement', nameFr: 'Visibilité et engagement de la police' },
  { code: 'impaired_driving', nameEn: 'Impaired driving', nameFr: 'Conduite avec facultés affaiblies' },
  { code: 'community_involvement', nameEn: 'Community involvement', nameFr: 'Participation communautaire' },
] as const;
