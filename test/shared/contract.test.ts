import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, isMethodName, METHOD_NAMES } from '../../shared/contract';
import { handlers } from '../../electron/core/handlers/handlers';

describe('the contract', () => {
  it('names every method namespace:verb and has a handler for each', () => {
    for (const name of METHOD_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(typeof handlers[name]).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    expect(isMethodName('plans:get')).toBe(true);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('accepts good input', () => {
    const good: Array<[keyof typeof contract, unknown]> = [
      ['communities:list', {}],
      ['plans:list', { communityId: '01HZX', fiscalYear: 2025 }],
      ['progress:record', { actionId: 'a1', quarter: 2, status: 'on_track', narrative: 'Patrols weekly.', nextSteps: null }],
      ['plans:agree', { planId: 'p', communitySignatory: 'Chief', communitySignedOn: '2025-03-31', detachmentSignatory: 'Sgt', detachmentSignedOn: '2025-03-31' }],
      ['actions:add', { priorityId: 'p', title: 'Checkstops', owner: 'police', plannedQuarters: [1, 4] }],
      ['indicators:add', { priorityId: 'p', name: 'Charges', unit: 'count', baseline: 0, target: -1.5, direction: 'decrease' }],
      ['completeness:matrix', { fiscalYear: 2025, asOf: '2025-12-31' }],
    ];
    for (const [method, input] of good) expect(contract[method].input.safeParse(input).success, method).toBe(true);
  });

  it('rejects bad input', () => {
    const bad: Array<[keyof typeof contract, unknown]> = [
      ['plans:list', { fiscalYear: 25 }],
      ['plans:list', { fiscalYear: 2025.5 }],
      ['plans:get', { planId: "'; DROP TABLE plans; --" }],
      ['plans:get', { planId: 'p', extra: true }],
      ['plans:get', {}],
      ['plans:get', null],
      ['progress:record', { actionId: 'a', quarter: 0, status: 'on_track', narrative: '' }],
      ['progress:record', { actionId: 'a', quarter: '2', status: 'on_track', narrative: '' }],
      ['progress:record', { actionId: 'a', quarter: 2, status: 'fine', narrative: '' }],
      ['plans:agree', { planId: 'p', communitySignatory: 'C', communitySignedOn: '31/03/2025', detachmentSignatory: 'S', detachmentSignedOn: '2025-03-31' }],
      ['plans:create', { communityId: 'c', fiscalYear: 2025, title: '   ' }],
      ['indicators:add', { priorityId: 'p', name: 'n', unit: 'u', baseline: Number.NaN, direction: 'decrease' }],
      ['actions:add', { priorityId: 'p', title: 't', owner: 'mayor' }],
      ['installation:update', { reportDueDays: -1 }],
    ];
    for (const [method, input] of bad) expect(contract[method].input.safeParse(input).success, `${method} ${JSON.stringify(input)}`).toBe(false);
  });

  it('turns every input schema into a JSON Schema (the documented scripting interface)', () => {
    for (const name of METHOD_NAMES) {
      const schema = z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' });
      expect(schema.type, name).toBe('object');
    }
  });
});
