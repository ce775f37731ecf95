import { afterEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, makeCore, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('refusals in the installation’s language', () => {
  it('answers a French installation in French, bad input and domain refusals alike, with the key for the screen', () => {
    t = makeCore();
    const community = addCommunity(t, 'Délı̨nę');
    t.must('plans:create', { communityId: community, fiscalYear: 2025 });
    t.must('installation:update', { locale: 'fr' });

    const badInput = t.core.invoke('progress:record', { actionId: 'a1', quarter: 5, status: 'on_track', narrative: 'x' });
    expect(badInput).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Le trimestre 5 n’existe pas\u00a0: les trimestres vont de 1 à 4.', details: { messageKey: 'input.issues' } },
    });
    if (!badInput.ok) {
      const issues = (badInput.error.details as { issues: Array<{ path: unknown[]; message: string; messageKey: string }> }).issues;
      expect(issues[0]).toMatchObject({ path: ['quarter'], messageKey: 'input.quarter.outOfRange', message: 'Le trimestre 5 n’existe pas\u00a0: les trimestres vont de 1 à 4.' });
    }
    expect(t.core.invoke('progress:record', { quarter: 2, status: 'on_track', narrative: 'x' } as never)).toMatchObject({
      ok: false,
      error: { message: 'Il manque l’identifiant de la mesure.' },
    });

    const refused = t.core.invoke('plans:create', { communityId: community, fiscalYear: 2025 });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Délı̨nę a déjà un plan pour l’EF 2025-2026.',
        details: { messageKey: 'plan.exists', params: { community: 'Délı̨nę', fiscalYear: 2025 } },
      },
    });
    expect(t.core.invoke('plans:get', { planId: 'nothing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Impossible de trouver le plan. Cet élément a peut-être été supprimé, ou l’identifiant est erroné.' },
    });

    // Back in English, the same refusals are today's sentences.
    t.must('installation:update', { locale: 'en' });
    expect(t.core.invoke('plans:create', { communityId: community, fiscalYear: 2025 })).toMatchObject({
      ok: false,
      error: { message: 'Délı̨nę already has a plan for FY 2025–26.', details: { messageKey: 'plan.exists' } },
    });
  });

  it('lists the actions without progress in French when a report is refused', () => {
    t = makeCore('2025-08-15T12:00:00.000Z');
    const { plan } = agreedPlan(t, addCommunity(t, 'Wrigley'), 2025, ['Patrols', 'Youth nights']);
    t.must('installation:update', { locale: 'fr' });
    const refused = t.core.invoke('reports:submit', { planId: plan.id, quarter: 1 });
    expect(refused.ok ? '' : refused.error.message).toBe(
      '2\u00a0mesures n’ont pas encore d’avancement consigné pour le T1 de l’EF 2025-2026\u00a0: «\u00a0Patrols\u00a0», «\u00a0Youth nights\u00a0».',
    );
  });

  it('answers an unknown method and an unexpected fault in the installation’s language too', async () => {
    t = makeCore();
    t.must('installation:update', { locale: 'fr' });
    const unknown = await t.core.call('plans:fly', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method', message: 'Aucune action ne s’appelle «\u00a0plans:fly\u00a0».' } });
  });
});
