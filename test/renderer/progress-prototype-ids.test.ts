/**
 * Action and indicator ids arrive in bundles from other computers: ids such as "__proto__" or
 * "constructor" are rows like any other in the progress form's state (no id finds an inherited
 * property, no edit loses another row).
 */
import { describe, expect, it } from 'vitest';
import { action, planFixture, progressFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

describe('the progress form with odd ids from a bundle', () => {
  it('keeps a row whose id is "__proto__" through edits of other rows, and finds no row that does not exist', async () => {
    const plan = planFixture();
    plan.priorities[0]!.actions = [action('__proto__', 'Check stops on the ice road'), action('act2', 'School presentations')];
    plan.priorities[0]!.indicators[0]!.id = '__proto__';
    const progress = progressFixture();
    progress.rows = plan.priorities[0]!.actions.map((a) => ({ action: a, priorityTitle: 'Reduce impaired driving', entry: null }));
    const app = setup({ 'plans:get': () => plan, 'progress:get': () => progress });
    const store = app.store;
    await store.getState().loadProgressForm('plan1', 2);

    store.getState().editProgressRow('act2', { narrative: 'Two presentations.' });
    store.getState().editProgressRow('__proto__', { narrative: 'Twelve check stops.' });
    store.getState().editIndicatorValue('__proto__', '4');
    const form = store.getState().progressForm!;
    expect(Object.keys(form.rows).sort()).toEqual(['__proto__', 'act2']);
    expect(form.rows['__proto__']).toMatchObject({ actionId: '__proto__', draft: { narrative: 'Twelve check stops.' } });
    expect(form.rows['act2']).toMatchObject({ draft: { narrative: 'Two presentations.' } });
    expect(Object.keys(form.indicators)).toEqual(['__proto__']);
    expect(form.indicators['__proto__']).toMatchObject({ draft: '4' });

    // "constructor" is not a row here: editing it changes nothing and adds nothing.
    store.getState().editProgressRow('constructor', { narrative: 'x' });
    expect(Object.keys(store.getState().progressForm!.rows).sort()).toEqual(['__proto__', 'act2']);
  });
});
