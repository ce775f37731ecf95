import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlanScreen } from '../../renderer/features/plans/PlanScreen';
import { planFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

function planWithRevision(reason: string) {
  return { ...planFixture(), editable: true, revisions: [{ id: 'rev1', planId: 'plan1', reason, openedBy: 'Sgt. Paul Martin', openedAt: '2026-09-10T16:00:00.000Z', closedBy: null, closedAt: null }] };
}

describe('the open revision banner', () => {
  it('ends the reason once, whether it was typed with its full stop or not', async () => {
    const first = setup({ 'plans:get': () => planWithRevision('Corrected the data source.'), 'plans:list': () => [] });
    const view = first.renderIn(<PlanScreen planId="plan1" />);
    expect((await screen.findByText(/^Reason:/)).textContent).toBe('Reason: Corrected the data source. Opened by Sgt. Paul Martin on Sep 10, 2026. Close the revision when the changes are done.');
    view.unmount();
    setup({ 'plans:get': () => planWithRevision('Council asked for the youth priority first'), 'plans:list': () => [] }).renderIn(<PlanScreen planId="plan1" />);
    expect((await screen.findByText(/^Reason:/)).textContent).toContain('youth priority first. Opened by');
  });

  it('says it in French', async () => {
    setup({ 'plans:get': () => planWithRevision('Source corrigée.'), 'plans:list': () => [] }, 'fr').renderIn(<PlanScreen planId="plan1" />);
    expect((await screen.findByText(/^Motif/)).textContent).toMatch(/^Motif\u00a0: Source corrigée\. Ouverte par Sgt\. Paul Martin le 10 sept\. 2026\./);
  });
});
