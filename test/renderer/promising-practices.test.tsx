import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Action, Practice, PracticeDraft, PracticeProposal, Theme } from '../../shared/domain';
import { ActionDialog } from '../../renderer/features/plans/ActionDialog';
import type { PlanReference } from '../../renderer/features/plans/plan-reference';
import { PracticesScreen } from '../../renderer/features/practices/PracticesScreen';
import { SharePracticeDialog } from '../../renderer/features/practices/SharePracticeDialog';
import { setup, testProfile } from './support/render-app';

/** Issue 14 §2 in the renderer: sharing an action, the library with its proposals, the offer in the action dialog. */

const themes: Theme[] = [{ id: 'th-youth', code: 'youth', nameEn: 'Youth', nameFr: 'Jeunes', retired: false }];
const practice: Practice = {
  id: 'pr1',
  title: 'Friday night drop-in',
  whatWasDone: 'A gym night run by RCMP and youth workers.',
  challenge: 'Youth out late on weekends',
  themeIds: ['th-youth'],
  zone: 'prevention',
  communityIds: ['com2'],
  communityNames: ['Łutselk’e'],
  fiscalYear: 2025,
  quarter: null,
  triedFrom: null,
  triedTo: null,
  outcome: 'Fewer calls on Friday nights.',
  indicatorIds: [],
  contactPersonId: null,
  contactText: 'Band office',
  contactLabel: 'Band office',
  status: 'repeated',
  proposalId: null,
  publishedBy: 'Dana Coordinator',
  publishedAt: '2026-08-01T12:00:00.000Z',
  updatedAt: null,
};
const draft: PracticeDraft = { ...practice, actionId: 'act1', communityId: 'com1', communityIds: ['com1'], indicatorIds: ['ind1'], status: 'tried_once', outcome: null, contactText: null };
const action: Action = { id: 'act1', priorityId: 'pri1', rank: 0, title: 'Friday night drop-in', description: 'A gym night.', owner: 'joint', leadPersonId: null, leadName: null, partnerOrganisationIds: [], plannedQuarters: [1], commitmentIds: [], continuesActionId: null };

function reference(): PlanReference {
  return { themes, people: [], organisations: [], allPeople: [], allOrganisations: [], commitments: [], themeName: (id) => id, personName: () => null, organisationName: (id) => id, commitment: () => undefined, locale: 'en', reloadPeopleAndOrganisations: vi.fn() };
}

describe('share as a promising practice', () => {
  it("a community office proposes the action's wording as edited, with the action's place and links, and nothing else", async () => {
    const app = setup({ 'practices:draftFromAction': () => draft, 'themes:list': () => themes, 'practices:propose': () => ({ ...draft, id: 'pp1', communityName: 'Délı̨nę', proposedBy: 'Noel Jerome', proposedAt: '2026-09-01T10:00:00.000Z', decision: null, declineReason: null, decidedBy: null, decidedAt: null, practiceId: null }) });
    await app.store.getState().loadProfile();
    app.renderIn(<SharePracticeDialog action={action} onClose={() => {}} />);
    const title = (await screen.findByLabelText(/^Title/)) as HTMLInputElement;
    const dialog = screen.getByRole('dialog', { name: 'Propose as a promising practice' });
    expect(title.value).toBe('Friday night drop-in');
    expect((within(dialog).getByLabelText(/^What was done/) as HTMLTextAreaElement).value).toBe('A gym night run by RCMP and youth workers.');
    expect(((await within(dialog).findByRole('checkbox', { name: 'Youth' })) as HTMLInputElement).checked).toBe(true);
    const user = userEvent.setup();
    await user.clear(title);
    await user.type(title, 'Gym nights for youth');
    await user.type(within(dialog).getByLabelText(/^What came of it/), 'Calmer Fridays.');
    await user.click(within(dialog).getByRole('button', { name: 'Send to the coordinator' }));
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'practices:propose')).toBe(true));
    expect(app.bridge.calls.find((c) => c.method === 'practices:propose')?.input).toEqual({
      communityId: 'com1',
      actionId: 'act1',
      title: 'Gym nights for youth',
      whatWasDone: 'A gym night run by RCMP and youth workers.',
      challenge: 'Youth out late on weekends',
      themeIds: ['th-youth'],
      zone: 'prevention',
      fiscalYear: 2025,
      triedFrom: null,
      triedTo: null,
      outcome: 'Calmer Fridays.',
      contactText: null,
      status: 'tried_once',
      communityIds: ['com1'],
      indicatorIds: ['ind1'],
    });
    expect(app.bridge.calls.some((c) => c.method === 'practices:publish')).toBe(false);
  });

  it('the coordinator publishes directly, in French', async () => {
    const app = setup({ 'installation:get': () => ({ ...testProfile, role: 'coordinator', locale: 'fr', today: '2026-09-15' }), 'practices:draftFromAction': () => draft, 'themes:list': () => themes, 'practices:publish': () => practice }, 'fr');
    await app.store.getState().loadProfile();
    app.renderIn(<SharePracticeDialog action={action} onClose={() => {}} />);
    await screen.findByLabelText(/^Titre/);
    const dialog = screen.getByRole('dialog', { name: 'Publier comme pratique prometteuse' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Publier' }));
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'practices:publish')).toBe(true));
  });
});

describe('the library', () => {
  const proposal: PracticeProposal = { ...draft, id: 'pp1', communityName: 'Délı̨nę', proposedBy: 'Noel Jerome', proposedAt: '2026-09-01T10:00:00.000Z', decision: null, declineReason: null, decidedBy: null, decidedAt: null, practiceId: null };

  it('shows the coordinator the proposals waiting, and declines one with a reason, in French', async () => {
    const app = setup(
      {
        'installation:get': () => ({ ...testProfile, role: 'coordinator', locale: 'fr', today: '2026-09-15' }),
        'themes:list': () => themes,
        'communities:list': () => [],
        'practices:list': () => [practice],
        'practices:proposals': () => [proposal],
        'practices:decline': () => ({ ...proposal, decision: 'declined', declineReason: 'Précisez' }),
      },
      'fr',
    );
    await app.store.getState().loadProfile();
    app.renderIn(<PracticesScreen />);
    expect(await screen.findByRole('heading', { name: 'Propositions en attente' })).toBeTruthy();
    expect(await screen.findByText('1 pratique')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Détails de Friday night drop-in' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Friday night drop-in', level: 2 }));
    expect(screen.getByText('Répétée', { selector: 'dd' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Refuser Friday night drop-in' }));
    const dialog = await screen.findByRole('dialog', { name: /^Refuser la proposition «\u00a0Friday night drop-in\u00a0»$/ });
    await user.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    expect(within(dialog).getByText('Dites pourquoi, pour que la collectivité puisse l’améliorer.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'practices:decline')).toBe(false);
    await user.type(within(dialog).getByLabelText(/^Motif/), 'Précisez ce qui en est ressorti.');
    await user.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'practices:decline')?.input).toEqual({ proposalId: 'pp1', reason: 'Précisez ce qui en est ressorti.' }));
  });
});

describe('withdrawing', () => {
  it('the coordinator withdraws a practice after confirming; a community withdraws its waiting proposal', async () => {
    const waiting: PracticeProposal = { ...draft, id: 'pp2', communityName: 'Délı̨nę', proposedBy: 'Noel Jerome', proposedAt: '2026-09-01T10:00:00.000Z', decision: null, declineReason: null, decidedBy: null, decidedAt: null, practiceId: null };
    const coordinator = setup({
      'installation:get': () => ({ ...testProfile, role: 'coordinator', today: '2026-09-15' }),
      'themes:list': () => themes,
      'communities:list': () => [],
      'practices:list': () => [practice],
      'practices:proposals': () => [],
      'practices:remove': () => ({ removed: true }),
    });
    await coordinator.store.getState().loadProfile();
    const view = coordinator.renderIn(<PracticesScreen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Details of Friday night drop-in' }));
    await user.click(screen.getByRole('button', { name: 'Withdraw from the library: Friday night drop-in' }));
    const confirm = await screen.findByRole('dialog', { name: 'Withdraw “Friday night drop-in” from the library?' });
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(coordinator.bridge.calls.find((c) => c.method === 'practices:remove')?.input).toEqual({ practiceId: 'pr1' }));
    view.unmount();

    const office = setup({ 'themes:list': () => themes, 'communities:list': () => [], 'practices:list': () => [], 'practices:proposals': () => [waiting], 'practices:withdrawProposal': () => ({ removed: true }) });
    await office.store.getState().loadProfile();
    office.renderIn(<PracticesScreen />);
    expect(await screen.findByText('Waiting for the coordinator')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Withdraw the proposal Friday night drop-in' }));
    await waitFor(() => expect(office.bridge.calls.find((c) => c.method === 'practices:withdrawProposal')?.input).toEqual({ proposalId: 'pp2' }));
  });
});

describe('offered when an action is added', () => {
  it("lists the practices of the priority's themes; “Use this practice” fills the wording, which stays editable", async () => {
    const app = setup({ 'practices:list': () => [practice], 'actions:add': (input) => ({ ...action, ...(input as object) }) });
    app.renderIn(<ActionDialog priorityId="pri1" reference={reference()} community={{ id: 'com1', name: 'Délı̨nę' }} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.click(await screen.findByText('Promising practices on the same theme'));
    expect(app.bridge.calls.find((c) => c.method === 'practices:list')?.input).toEqual({ priorityId: 'pri1' });
    await user.click(screen.getByRole('button', { name: 'Use Friday night drop-in for this action' }));
    const title = screen.getByLabelText(/^Action/) as HTMLInputElement;
    expect(title.value).toBe('Friday night drop-in');
    await user.type(title, ' (Dettah)');
    await user.selectOptions(screen.getByLabelText(/^Owner/), 'joint');
    await user.click(screen.getByRole('button', { name: 'Add the action' }));
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'actions:add')).toBe(true));
    expect(app.bridge.calls.find((c) => c.method === 'actions:add')?.input).toMatchObject({ title: 'Friday night drop-in (Dettah)', description: 'A gym night run by RCMP and youth workers.' });
  });
});
