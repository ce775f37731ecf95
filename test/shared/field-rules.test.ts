import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';
import { fieldRules } from '../../shared/field-rules';
import { CSWB_ZONES, PLAN_STATUSES, PROGRESS_STATUSES } from '../../shared/vocabulary';

/**
 * A stored field has one rule, used by the contract (local calls) and by the import (values from
 * other computers): for any value, a method's input accepts it in that field exactly when the
 * field's rule does. Checked through whole method inputs, so a method that re-declared a field
 * with its own schema would fail here.
 */

/** Values near and across every rule's edges, and of every wrong kind. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 8 }),
  fc.integer({ min: 1995, max: 2105 }),
  fc.constantFrom(1e308, -2_147_483_649, 2 ** 53, Number.NaN, Infinity, 2.5, -0),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '   ', ' x ', 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(10_000), 'x'.repeat(10_001), '../etc', 'a'.repeat(64), 'a'.repeat(65)),
  fc.constantFrom(...PROGRESS_STATUSES, ...CSWB_ZONES, ...PLAN_STATUSES, 'police', 'joint', 'increase', 'completed', 'underway_on_track', 'health', 'pwned'),
  fc.constantFrom('2025-03-31', '2025-13-01', '2025-3-31', '31/03/2025'),
  fc.boolean(),
  fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }),
  fc.array(fc.constantFrom('t1', 'bad id', ''), { maxLength: 3 }),
  fc.array(fc.constant('t1'), { minLength: 100, maxLength: 101 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer()),
);

const cases: Array<[MethodName, string, Record<string, unknown>, z.ZodType]> = [
  ['plans:create', 'fiscalYear', { communityId: 'c1' }, fieldRules.plans.fiscalYear],
  ['plans:create', 'title', { communityId: 'c1', fiscalYear: 2025 }, fieldRules.plans.title],
  ['plans:agree', 'communitySignedOn', { planId: 'p', communitySignatory: 'Chief', detachmentSignatory: 'Sgt', detachmentSignedOn: '2025-03-31' }, fieldRules.plans.communitySignedOn],
  ['progress:record', 'quarter', { actionId: 'a1', status: 'on_track', narrative: 'Done' }, fieldRules.progressEntries.quarter],
  ['progress:record', 'status', { actionId: 'a1', quarter: 1, narrative: 'Done' }, fieldRules.progressEntries.status],
  ['progress:record', 'narrative', { actionId: 'a1', quarter: 1, status: 'on_track' }, fieldRules.progressEntries.narrative],
  ['priorities:add', 'title', { planId: 'p', zone: 'prevention' }, fieldRules.priorities.title],
  ['priorities:add', 'zone', { planId: 'p', title: 'T' }, fieldRules.priorities.zone],
  ['priorities:update', 'themeIds', { priorityId: 'p' }, fieldRules.priorities.themeIds],
  ['actions:add', 'owner', { priorityId: 'p', title: 'T' }, fieldRules.actions.owner],
  ['actions:update', 'plannedQuarters', { actionId: 'a' }, fieldRules.actions.plannedQuarters],
  ['actions:update', 'leadPersonId', { actionId: 'a' }, fieldRules.actions.leadPersonId],
  ['indicators:add', 'direction', { priorityId: 'p', name: 'N', unit: 'u' }, fieldRules.indicators.direction],
  ['indicators:recordValue', 'value', { indicatorId: 'i', quarter: 1 }, fieldRules.indicatorValues.value],
  ['commitments:update', 'status', { commitmentId: 'c' }, fieldRules.commitments.status],
  ['organisations:create', 'kind', { name: 'Health centre' }, fieldRules.organisations.kind],
  ['reports:comment', 'body', { planId: 'p', quarter: 1 }, fieldRules.reportComments.body],
  ['reports:return', 'reason', { planId: 'p', quarter: 1 }, fieldRules.reportReviews.reason],
];

describe('the field rules and the contract', () => {
  it.each(cases)('%s accepts a value in "%s" exactly when the field’s rule does', (method, field, base, rule) => {
    const methodInput = contract[method].input as z.ZodType;
    fc.assert(
      fc.property(anyValue, (value) => {
        // Absent and empty values are the method's and the column's business, not the rule's.
        fc.pre(value !== undefined && value !== null);
        expect(methodInput.safeParse({ ...base, [field]: value }).success, JSON.stringify(value)?.slice(0, 60)).toBe(rule.safeParse(value).success);
      }),
      { numRuns: 400 },
    );
  });

  it('the cases above are valid inputs once the field is filled in', () => {
    // Guards the property: with a broken base, both sides could agree only by refusing everything.
    const good: Record<string, unknown> = { fiscalYear: 2025, title: 'T', communitySignedOn: '2025-03-31', quarter: 1, status: 'on_track', narrative: '', zone: 'prevention', themeIds: [], owner: 'joint', plannedQuarters: [1], leadPersonId: 'p1', direction: 'increase', value: 1, kind: 'health', body: 'Thanks', reason: 'Please add the numbers.' };
    for (const [method, field, base] of cases) {
      const value = method === 'commitments:update' ? 'completed' : good[field];
      expect(contract[method].input.safeParse({ ...base, [field]: value }).success, `${method} ${field}`).toBe(true);
    }
  });

  it('gives the reported values a rule that refuses them', () => {
    expect(fieldRules.plans.fiscalYear.safeParse(1e308).success).toBe(false);
    expect(fieldRules.progressEntries.quarter.safeParse(99).success).toBe(false);
    expect(fieldRules.priorities.rank.safeParse(-2_147_483_649).success).toBe(false);
    expect(fieldRules.progressEntries.status.safeParse('pwned').success).toBe(false);
  });
});
