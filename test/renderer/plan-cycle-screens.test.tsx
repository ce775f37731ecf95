/**
 * The plan cycle's rules on screen (issue 10 §5): amendments after submission marked with the text
 * as submitted, in English and French; Submit disabled until the last two weeks of the quarter.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEntry, QuarterProgress } from '../../shared/domain';
import type { Locale } from '../../shared/vocabulary';
import { CommunityScreen } from '../../renderer/features/communities/CommunityScreen';
import { PlanScreen } from '../../renderer/features/plans/PlanScreen';
import { ProgressScreen } from '../../renderer/features/progress/ProgressScreen';
import { QuarterlyReportScreen } from '../../renderer/features/reports/QuarterlyReportScreen';
import { entry, planFixture, progressFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

afterEach(() => vi.useRealTimers());

function amendedProgress(): QuarterProgress {
  const amended: ProgressEntry = {
    ...entry('act1', 'at_risk', 'Only three check stops: the road closed early.'),
    amendments: [
      { id: 'am1', amendedBy: 'Sgt. Paul Martin', amendedAt: '2026-10-20T15:00:00.000Z', previousStatus: 'on_track', previousNarrative: '14 check stops in August.', previousNextSteps: 'More in September' },
    ],
  };
  const form = progressFixture({ act1: amended, act2: entry('act2', 'completed', 'Two schools visited.') });
  return {
    ...form,
    report: {
      ...form.report,
      state: 'submitted',
      submittedAt: '2026-10-05T18:00:00.000Z',
      submittedBy: 'Noel Jerome',
      submissionOpensOn: '2026-09-17',
      lastAmendment: { amendedAt: '2026-10-20T15:00:00.000Z', amendedBy: 'Sgt. Paul Martin' },
    },
  };
}

async function reportScreen(locale: Locale) {
  const app = setup({ 'plans:get': () => planFixture(), 'progress:get': () => amendedProgress() }, locale);
  app.renderIn(<QuarterlyReportScreen planId="plan1" quarter={2} />);
  await screen.findByRole('heading', { level: 2, name: 'Reduce impaired driving' });
  return app;
}

describe('the quarterly report screen after an amendment', () => {
  it('marks the amended entry with who and when, keeps the submitted text one click away, and offers to print it as submitted', async () => {
    await reportScreen('en');
    const row = screen.getByRole('row', { name: /Check stops on the ice road/ });
    const summary = within(row).getByText(/^Amended on /);
    expect(summary.textContent).toMatch(/^Amended on Oct(\.)? 20, 2026.* by Sgt\. Paul Martin$/);
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('14 check stops in August.')).toBeTruthy();
    expect(within(details).getByText('On track')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /School presentations/ })).queryByText(/Amended on/)).toBeNull();
    expect(screen.getByText('Amended after submission')).toBeTruthy();
    const print = screen.getByRole('link', { name: 'Print as submitted' });
    expect(print.getAttribute('href')).toBe('#/print/quarterly/plan1/2?as=submitted');
  });

  it('says the same in French', async () => {
    await reportScreen('fr');
    const row = screen.getByRole('row', { name: /Check stops on the ice road/ });
    expect(within(row).getByText(/^Modifié le /).textContent).toMatch(/^Modifié le 20 oct\. 2026.* par Sgt\. Paul Martin$/);
    expect(within(row).getByText('Afficher la version remise', { exact: false })).toBeTruthy();
    expect(screen.getByText('Modifié après la remise')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Imprimer la version remise' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Amended|submitted/);
  });
});

describe('the progress form and the date rules', () => {
  function progressApp(today: string, locale: Locale = 'en') {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(today));
    const form = progressFixture({ act1: entry('act1', 'on_track', 'Done'), act2: entry('act2', 'on_track', 'Done') });
    const app = setup({ 'plans:get': () => planFixture(), 'progress:get': () => ({ ...form, report: { ...form.report, submissionOpensOn: '2026-09-17' } }) }, locale);
    app.renderIn(<ProgressScreen planId="plan1" quarter={2} />);
    return app;
  }

  it('disables Submit before the last two weeks of the quarter, and says from when', async () => {
    progressApp('2026-09-10T12:00:00.000Z');
    const submit = await screen.findByRole('button', { name: /Submit/ });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    const hint = document.getElementById(submit.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/^You can submit from Sep(\.|t\.)? 17, 2026, in the last two weeks of the quarter\.$/);
  });

  it('enables it from the first day of the window', async () => {
    progressApp('2026-09-17T12:00:00.000Z');
    const submit = await screen.findByRole('button', { name: /Submit/ });
    await waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(/You can submit from/)).toBeNull();
  });

  it('closes the form of a quarter that has not started', async () => {
    progressApp('2026-06-20T12:00:00.000Z', 'fr');
    expect(await screen.findByText('Ce trimestre n’a pas commencé')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remettre/ })).toBeNull();
  });
});

describe('withdrawing a draft and reinstating it', () => {
  const draft = () => ({ ...planFixture(), status: 'draft' as const, editable: true, communitySignatory: null, communitySignedOn: null, detachmentSignatory: null, detachmentSignedOn: null });
  const withdrawn = { id: 'plan1', communityId: 'com1', communityName: 'Délı̨nę', fiscalYear: 2026, title: 'Délı̨nę plan FY 2026–27', withdrawnAt: '2026-11-02T10:00:00.000Z', priorityCount: 1 };

  it('asks first, saying what it does and that it can be undone, then goes to the community', async () => {
    const app = setup({
      'plans:get': () => draft(),
      'plans:list': () => [],
      'people:list': () => [],
      'organisations:list': () => [],
      'themes:list': () => [],
      'commitments:list': () => [],
      'plans:withdraw': () => withdrawn,
    });
    app.renderIn(<PlanScreen planId="plan1" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Withdraw this draft' }));
    const dialog = screen.getByRole('dialog', { name: /Withdraw the draft FY 2026–27 plan\?/ });
    expect(dialog.textContent).toMatch(/no quarterly reports are expected from it/);
    expect(dialog.textContent).toMatch(/you can reinstate it from the community's page/);
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw the draft' }));
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'plans:withdraw')).toBe(true));
    expect(app.bridge.calls.find((c) => c.method === 'plans:withdraw')!.input).toEqual({ planId: 'plan1' });
    await waitFor(() => expect(window.location.hash).toBe('#/communities/com1'));
  });

  it('is not offered on a signed plan', async () => {
    setup({ 'plans:get': () => planFixture(), 'plans:list': () => [], 'people:list': () => [], 'organisations:list': () => [], 'themes:list': () => [], 'commitments:list': () => [] }).renderIn(<PlanScreen planId="plan1" />);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Withdraw this draft' })).toBeNull();
  });

  it('lists withdrawn drafts on the community page with Reinstate, in French too', async () => {
    const community = { id: 'com1', name: 'Délı̨nę', region: 'Sahtu', hasDetachment: true, servedByDetachmentId: null, servedByDetachmentName: null };
    const app = setup(
      { 'communities:get': () => community as never, 'plans:list': () => [], 'plans:withdrawn': () => [withdrawn], 'plans:reinstate': () => draft() },
      'fr',
    );
    app.renderIn(<CommunityScreen communityId="com1" />);
    const section = await screen.findByRole('region', { name: 'Plans provisoires retirés' });
    expect(section.textContent).toMatch(/Plan provisoire retiré EF 2026-2027\u00a0: «\u00a0Délı̨nę plan FY 2026–27\u00a0», retiré le .*2026 \(1\u00a0priorité\)\./);
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Rétablir le plan provisoire retiré EF 2026-2027' }));
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'plans:reinstate')?.input).toEqual({ planId: 'plan1' }));
    await waitFor(() => expect(window.location.hash).toBe('#/plans/plan1'));
  });
});
