/**
 * Every screen of the planner (and the main dialogs), as a list of visits for the screen-wide
 * end-to-end check (support/every-screen.ts: no missing text, no script error, fits 1366, 911,
 * 800 and 640 px, axe at 1366 and 911 px, a screenshot of each). A new screen or dialog is covered
 * once it is added here.
 */
import type { Page } from 'playwright-core';
import type { PreviewServer } from '../../../electron/harness/preview-server';
import type { Locale } from '../../../shared/vocabulary';
import { must } from './harness';

export interface Visit {
  name: string;
  hash: string;
  /** Opens a dialog (or otherwise prepares the screen) after it is shown. */
  then?: (page: Page, locale: Locale) => Promise<void>;
  role?: 'detachment' | 'liaison' | 'coordinator';
  /** The communities the installation works for (by index in the demo's completeness rows); none: all. */
  scoped?: boolean;
}

async function openDialog(page: Page, name: RegExp | string, ready = (p: Page) => p.getByRole('dialog').waitFor()): Promise<void> {
  await page.getByRole('button', { name }).first().click();
  await ready(page);
}

/**
 * The visits, made on the demo territory behind `server` (it copies one plan forward, so a draft
 * plan can be shown). `scopeCommunityId` is the community a detachment's visits work for.
 */
export function everyScreenVisits(server: Pick<PreviewServer, 'core'>): { visits: Visit[]; scopeCommunityId: string } {
  const core = server.core;
  const matrix = must(core.invoke('completeness:matrix', { fiscalYear: 2026 }));
  const active = matrix.rows.find((r) => r.planStatus === 'active' && r.cells[0]!.state === 'on_time')!;
  const other = matrix.rows.find((r) => r.planStatus === 'active' && r.communityId !== active.communityId)!;
  // A draft to show the editable plan: next year's, copied forward.
  const draft = must(core.invoke('plans:copyForward', { planId: other.planId! }));
  const commitment = must(core.invoke('commitments:list', {}))[0]!;
  const visits: Visit[] = [
    { name: 'home-coordinator', hash: '#/' },
    { name: 'home-detachment', hash: '#/', role: 'detachment', scoped: true },
    { name: 'home-liaison', hash: '#/', role: 'liaison', scoped: true },
    { name: 'communities', hash: '#/communities' },
    { name: 'community', hash: `#/communities/${active.communityId}` },
    { name: 'plan-agreed', hash: `#/plans/${active.planId}` },
    { name: 'plan-draft', hash: `#/plans/${draft.id}` },
    {
      name: 'dialog-add-action',
      hash: `#/plans/${draft.id}`,
      then: (p, l) => openDialog(p, l === 'en' ? /^Add an action to/ : /^Ajouter une mesure à/),
    },
    {
      name: 'dialog-sign-off',
      hash: `#/plans/${draft.id}`,
      then: (p, l) => openDialog(p, l === 'en' ? 'Sign off…' : 'Approuver…'),
    },
    {
      name: 'dialog-copy-forward',
      hash: `#/communities/${active.communityId}`,
      then: (p, l) => openDialog(p, l === 'en' ? /^Copy forward from/ : /^Reconduire le plan/, (q) => q.getByRole('dialog').locator('h3').first().waitFor()),
    },
    { name: 'progress', hash: `#/plans/${active.planId}/progress/2` },
    { name: 'progress-detachment', hash: `#/plans/${active.planId}/progress/2`, role: 'detachment', scoped: true },
    { name: 'report', hash: `#/plans/${active.planId}/report/1` },
    { name: 'rollup-ten-years', hash: '#/coordinator/history' },
    { name: 'rollup-completeness', hash: '#/rollup/completeness' },
    { name: 'rollup-status', hash: '#/rollup/status' },
    { name: 'rollup-themes', hash: '#/rollup/themes' },
    { name: 'rollup-indicators', hash: '#/rollup/indicators' },
    { name: 'rollup-commitment', hash: '#/rollup/commitment' },
    { name: 'exports', hash: '#/exports' },
    { name: 'commitments', hash: '#/commitments' },
    { name: 'commitment', hash: `#/commitments/${commitment.id}` },
    { name: 'exchange', hash: '#/exchange' },
    { name: 'exchange-peers', hash: '#/exchange/peers' },
    { name: 'exchange-conflicts', hash: '#/exchange/conflicts' },
    { name: 'territory-communities', hash: '#/territory' },
    { name: 'territory-organisations', hash: '#/territory/organisations' },
    { name: 'computers', hash: '#/computers' },
    { name: 'settings', hash: '#/settings' },
    { name: 'not-found', hash: '#/no/such/page' },
    { name: 'practices', hash: '#/practices' },

    { name: 'engagements', hash: `#/communities/${active.communityId}/engagements` },
  ];
  return { visits, scopeCommunityId: active.communityId };
}

/** Sets who is using the planner and in which language, as the visit needs (read again on the next page load). */
export function becomeFor(server: Pick<PreviewServer, 'core'>, visit: Visit, locale: Locale, scopeCommunityId: string): void {
  must(server.core.invoke('installation:update', { locale, role: visit.role ?? 'coordinator', scopeCommunityIds: visit.scoped ? [scopeCommunityId] : [] }));
}
