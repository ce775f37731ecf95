/**
 * A small territory for the report and roll-up tests, built through the contract like a person
 * would, with figures simple enough to compute by hand (see reports-rollup.test.ts).
 *
 * FY 2025–26, "today" 2025-11-15, reports due 30 days after a quarter: Q1 due 2025-07-30,
 * Q2 due 2025-10-30, Q3 and Q4 upcoming.
 *   Aklavik        Beaufort Delta, Aklavik Detachment   active  Q1 on time, Q2 late (2025-11-05)
 *   Behchokǫ̀       North Slave, Behchokǫ̀ Detachment     active  Q1 on time, Q2 missing
 *   Colville Lake  Sahtu, no detachment                 draft   Q1 missing, Q2 missing
 *   Délı̨nę         Sahtu, no detachment                 no plan
 */
import { addCommitment, addCommunity, addTheme, makeCore, type TestCore } from '../support';

export const FIXTURE_NOW = '2025-11-15T12:00:00.000Z';

export function buildReportFixture() {
  const t: TestCore = makeCore('2025-03-25T12:00:00.000Z');
  const ids = {
    aklavik: addCommunity(t, 'Aklavik', { region: 'Beaufort Delta', detachment: 'Aklavik Detachment' }),
    behchoko: addCommunity(t, 'Behchokǫ̀', { region: 'North Slave', detachment: 'Behchokǫ̀ Detachment' }),
    colville: addCommunity(t, 'Colville Lake', { region: 'Sahtu', detachment: null }),
    deline: addCommunity(t, 'Délı̨nę', { region: 'Sahtu', detachment: null }),
  };
  const theme = { alcohol: addTheme(t, 'alcohol', 'Alcohol and drugs', 'Alcool et drogues'), youth: addTheme(t, 'youth', 'Youth', 'Jeunes'), violence: addTheme(t, 'family_violence', 'Family violence', 'Violence familiale') };
  const commitment = addCommitment(t, '4.4.2', 'Support policing action plans in each community');
  t.must('installation:update', { role: 'coordinator' });

  const sign = (planId: string) => {
    t.must('plans:agree', { planId, communitySignatory: 'Chief Mary Kodakin', communitySignedOn: '2025-03-20', detachmentSignatory: 'Sgt. Paul Martin', detachmentSignedOn: '2025-03-21' });
    t.must('plans:activate', { planId });
  };

  // Aklavik
  const a = t.must('plans:create', { communityId: ids.aklavik, fiscalYear: 2025, title: 'Aklavik safety plan 2025–26' });
  const aP1 = t.must('priorities:add', { planId: a.id, title: 'Reduce impaired driving', zone: 'prevention', themeIds: [theme.alcohol, theme.youth] });
  const aP2 = t.must('priorities:add', { planId: a.id, title: 'Safer homes', zone: 'risk_intervention', themeIds: [theme.violence] });
  const a1 = t.must('actions:add', { priorityId: aP1.id, title: 'Checkstops on the ice road', owner: 'police', leadName: 'Cst. Élise Tremblay', plannedQuarters: [1, 2], commitmentIds: [commitment] });
  const a2 = t.must('actions:add', { priorityId: aP1.id, title: 'Youth drum circle', owner: 'community', plannedQuarters: [2, 3] });
  const a3 = t.must('actions:add', { priorityId: aP2.id, title: 'Shelter referral protocol', owner: 'joint', plannedQuarters: [3] });
  const charges = t.must('indicators:add', { priorityId: aP1.id, name: 'Impaired driving charges', unit: 'charges', baseline: 12, target: 6, direction: 'decrease' });
  const attendance = t.must('indicators:add', { priorityId: aP1.id, name: 'Youth attendance', unit: '%', baseline: 40, target: 60, direction: 'increase' });
  sign(a.id);

  // Behchokǫ̀
  const b = t.must('plans:create', { communityId: ids.behchoko, fiscalYear: 2025, title: 'Plan de sécurité de Behchokǫ̀' });
  const bP1 = t.must('priorities:add', { planId: b.id, title: 'Alcool et drogues', zone: 'prevention', themeIds: [theme.alcohol] });
  const b1 = t.must('actions:add', { priorityId: bP1.id, title: 'Patrouilles à pied', owner: 'police', plannedQuarters: [1, 2, 3, 4] });
  const b2 = t.must('actions:add', { priorityId: bP1.id, title: 'Soirées sans alcool', owner: 'community', plannedQuarters: [1, 2] });
  const calls = t.must('indicators:add', { priorityId: bP1.id, name: 'Appels de service', unit: 'calls', baseline: 3, target: 2, direction: 'decrease' });
  sign(b.id);

  // Colville Lake: a draft.
  const c = t.must('plans:create', { communityId: ids.colville, fiscalYear: 2025 });
  const cP1 = t.must('priorities:add', { planId: c.id, title: 'Youth and family', zone: 'social_development', themeIds: [theme.youth, theme.alcohol] });
  const c1 = t.must('actions:add', { priorityId: cP1.id, title: 'Land-based camp', owner: 'community' });

  // Q1 progress, submitted 2025-07-10 (Aklavik) and 2025-07-15 (Behchokǫ̀).
  t.clock.set('2025-07-10T16:00:00.000Z');
  t.must('progress:record', { actionId: a1.id, quarter: 1, status: 'on_track', narrative: 'Three checkstops held.' });
  t.must('progress:record', { actionId: a2.id, quarter: 1, status: 'not_started', narrative: '' });
  t.must('progress:record', { actionId: a3.id, quarter: 1, status: 'not_started', narrative: '' });
  t.must('indicators:recordValue', { indicatorId: charges.id, quarter: 1, value: 10 });
  t.must('indicators:recordValue', { indicatorId: attendance.id, quarter: 1, value: 45 });
  t.must('reports:submit', { planId: a.id, quarter: 1 });
  t.clock.set('2025-07-15T16:00:00.000Z');
  t.must('progress:record', { actionId: b1.id, quarter: 1, status: 'delayed', narrative: 'Deux agents en congé; reprise en août.' });
  t.must('progress:record', { actionId: b2.id, quarter: 1, status: 'on_track', narrative: 'Première soirée à l’école.' });
  t.must('indicators:recordValue', { indicatorId: calls.id, quarter: 1, value: 4 });
  t.must('reports:submit', { planId: b.id, quarter: 1 });

  // Q2: Aklavik late (2025-11-05); Behchokǫ̀ records one entry but does not submit.
  t.clock.set('2025-11-05T16:00:00.000Z');
  t.must('progress:record', { actionId: a1.id, quarter: 2, status: 'completed', narrative: 'Checkstops done — the chief’s “zero tolerance” message, on the radio.', nextSteps: 'Report to council, "in person"' });
  t.must('progress:record', { actionId: a2.id, quarter: 2, status: 'at_risk', narrative: 'The drum keeper moved away, 2 sessions cancelled.', nextSteps: 'Find a new keeper' });
  t.must('progress:record', { actionId: a3.id, quarter: 2, status: 'not_started', narrative: '' });
  t.must('indicators:recordValue', { indicatorId: charges.id, quarter: 2, value: 5 });
  t.must('reports:submit', { planId: a.id, quarter: 2 });
  t.must('progress:record', { actionId: b2.id, quarter: 2, status: 'discontinued', narrative: 'La salle n’est plus disponible.' });

  t.clock.set(FIXTURE_NOW);
  return { t, ids, theme, commitment, plans: { a, b, c }, actions: { a1, a2, a3, b1, b2, c1 }, indicators: { charges, attendance, calls }, priorities: { aP1, aP2, bP1, cP1 } };
}
