import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Organisation, Person } from '../../shared/domain';
import { ActionDialog } from '../../renderer/features/plans/ActionDialog';
import type { PlanReference } from '../../renderer/features/plans/plan-reference';
import { setup } from './support/render-app';

function reference(over: Partial<PlanReference> = {}): PlanReference {
  return {
    themes: [],
    people: [{ id: 'per1', name: 'Cst. Paul Martin', title: null, organisationId: null, communityId: 'com1', retired: false }],
    organisations: [],
    allPeople: [],
    allOrganisations: [],
    commitments: [],
    themeName: (id) => id,
    personName: () => null,
    organisationName: (id) => id,
    commitment: () => undefined,
    locale: 'en',
    reloadPeopleAndOrganisations: vi.fn(),
    ...over,
  };
}

const community = { id: 'com1', name: 'Délı̨nę' };

describe('adding a person or an organisation from the action dialog', () => {
  it('adds a person with the keyboard, for the plan’s community, and makes them the lead without leaving the action', async () => {
    const person: Person = { id: 'per2', name: 'Mary Kodakin', title: 'Youth worker', organisationId: null, communityId: 'com1', retired: false };
    const app = setup({ 'people:create': () => person });
    const ref = reference();
    app.renderIn(<ActionDialog priorityId="pri1" reference={ref} community={community} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Action/), 'Youth camp');
    await user.selectOptions(screen.getByLabelText(/^Owner/), 'joint');
    const addPerson = screen.getByRole('button', { name: 'Add a person…' });
    addPerson.focus();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', { name: 'Add a person' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Name/));
    // The action dialog underneath cannot be reached meanwhile.
    expect(screen.getByRole('dialog', { name: 'Add an action', hidden: true }).closest('[inert]')).not.toBeNull();
    // Submitting empty says what is missing and asks nothing of the core.
    await user.keyboard('{Enter}');
    expect(within(dialog).getByText('Give the person’s name.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'people:create')).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Name/), 'Mary Kodakin');
    await user.type(within(dialog).getByLabelText(/^Title or role/), 'Youth worker');
    expect((within(dialog).getByLabelText(/^Community/) as HTMLSelectElement).value).toBe('com1');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a person' })).toBeNull());
    expect(app.bridge.calls.find((c) => c.method === 'people:create')?.input).toEqual({ name: 'Mary Kodakin', title: 'Youth worker', communityId: 'com1' });
    // Only the small dialog's form was submitted: the action is still being written.
    expect(app.bridge.calls.some((c) => c.method === 'actions:add')).toBe(false);
    const outer = screen.getByRole('dialog', { name: 'Add an action' });
    expect(outer.closest('[inert]')).toBeNull();
    expect((within(outer).getByLabelText(/^Lead person/) as HTMLSelectElement).value).toBe('per2');
    expect(within(outer).getByRole('option', { name: 'Mary Kodakin (Youth worker)' })).toBeTruthy();
    expect(document.activeElement).toBe(addPerson);
    expect(ref.reloadPeopleAndOrganisations).toHaveBeenCalled();
  });

  it('adds a territorial partner organisation and ticks it; Escape closes only the small dialog', async () => {
    const organisation: Organisation = { id: 'org9', name: 'NWT Victim Services', kind: 'victim_services', communityId: null, retired: false };
    const app = setup({ 'organisations:create': () => organisation });
    app.renderIn(<ActionDialog priorityId="pri1" reference={reference()} community={community} onClose={() => {}} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Add an organisation…' }));
    await screen.findByRole('dialog', { name: 'Add a partner organisation' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Add a partner organisation' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Add an action' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add an organisation…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a partner organisation' });
    await user.click(within(dialog).getByRole('button', { name: 'Add the organisation' }));
    expect(within(dialog).getByText('Give the organisation’s name.')).toBeTruthy();
    expect(within(dialog).getByText('Choose the kind of organisation.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Name of the organisation/), 'NWT Victim Services');
    await user.selectOptions(within(dialog).getByLabelText(/^Kind/), 'victim_services');
    await user.selectOptions(within(dialog).getByLabelText(/^Community/), 'Every community');
    await user.click(within(dialog).getByRole('button', { name: 'Add the organisation' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a partner organisation' })).toBeNull());
    expect(app.bridge.calls.find((c) => c.method === 'organisations:create')?.input).toEqual({ name: 'NWT Victim Services', kind: 'victim_services', communityId: null });
    expect((screen.getByRole('checkbox', { name: 'NWT Victim Services (Victim services)' }) as HTMLInputElement).checked).toBe(true);
  });

  it('speaks French', async () => {
    setup({}, 'fr').renderIn(<ActionDialog priorityId="pri1" reference={reference({ locale: 'fr' })} community={community} onClose={() => {}} />);
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Ajouter une personne…' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajouter un organisme…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ajouter un organisme partenaire' });
    expect(within(dialog).getByLabelText(/^Type/)).toBeTruthy();
    expect(within(dialog).getByRole('option', { name: 'Toutes les collectivités' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Ajouter l’organisme' })).toBeTruthy();
  });

  it('keeps a partner from another community (the serving detachment) among the choices, by name', async () => {
    const detachment: Organisation = { id: 'org9', name: 'Tulita RCMP detachment', kind: 'police', communityId: 'com9', retired: false };
    const app = setup({});
    const ref = reference({ allOrganisations: [detachment], organisationName: (id) => (id === 'org9' ? detachment.name : id) });
    const action = {
      id: 'act1', priorityId: 'pri1', rank: 0, title: 'Patrols', description: null, owner: 'police' as const, leadPersonId: null, leadName: null,
      partnerOrganisationIds: ['org9'], plannedQuarters: [], commitmentIds: [], continuesActionId: null,
    };
    app.renderIn(<ActionDialog priorityId="pri1" action={action} reference={ref} community={community} onClose={() => {}} />);
    expect((screen.getByRole('checkbox', { name: /Tulita RCMP detachment/ }) as HTMLInputElement).checked).toBe(true);
  });
});
