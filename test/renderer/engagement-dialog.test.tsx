import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Engagement, Organisation, Person } from '../../shared/domain';
import { EngagementDialog } from '../../renderer/features/engagements/EngagementDialog';
import { pivotCounts } from '../../renderer/features/engagements/EngagementCounts';
import { setup } from './support/render-app';

/** Issue 14 §1: the engagement dialog asks for what is missing before the core is asked, offers the community's and the territory's people, and has the attachments slot. */
const community = { id: 'com1', name: 'Délı̨nę' };
const people: Person[] = [
  { id: 'per1', name: 'Elder Mary Kodakin', title: null, organisationId: null, communityId: 'com1', retired: false },
  { id: 'per2', name: 'Sgt. Paul Martin', title: null, organisationId: null, communityId: null, retired: false },
  { id: 'per3', name: 'Someone of Tulita', title: null, organisationId: null, communityId: 'com2', retired: false },
];
const organisations: Organisation[] = [];

describe('the engagement dialog', () => {
  it('says what is missing, then records the engagement with the people chosen', async () => {
    const app = setup({ 'people:list': () => people, 'organisations:list': () => organisations, 'plans:list': () => [], 'engagements:create': (input) => ({ id: 'eng1', ...input }) as unknown as Engagement });
    let closed = false;
    app.renderIn(<EngagementDialog community={community} onClose={() => (closed = true)} />);
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Record an engagement' });
    await user.clear(within(dialog).getByLabelText(/^Date/));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(within(dialog).getByText('Enter the date it took place.')).toBeTruthy();
    expect(within(dialog).getByText('Choose the kind of engagement.')).toBeTruthy();
    expect(within(dialog).getByText('Write a short summary.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'engagements:create')).toBe(false);

    const group = await within(dialog).findByRole('group', { name: 'People who took part' });
    // The community's own people and the territory's; never another community's.
    expect(within(group).getAllByRole('checkbox').map((b) => b.closest('label')!.textContent)).toEqual(['Elder Mary Kodakin', 'Sgt. Paul Martin']);
    await user.type(within(dialog).getByLabelText(/^Date/), '2026-02-12');
    await user.selectOptions(within(dialog).getByLabelText(/^Kind of engagement/), 'focus_group');
    await user.type(within(dialog).getByLabelText(/^Summary/), 'Youth focus group at the school.');
    await user.click(within(group).getByRole('checkbox', { name: 'Elder Mary Kodakin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(app.bridge.calls.find((c) => c.method === 'engagements:create')?.input).toMatchObject({
      communityId: 'com1',
      date: '2026-02-12',
      kind: 'focus_group',
      summary: 'Youth focus group at the school.',
      outcomes: null,
      participantPersonIds: ['per1'],
      priorityIds: [],
    });
  });

  it('shows the attachments slot for a recorded engagement, in French', async () => {
    const app = setup({ 'people:list': () => people, 'organisations:list': () => organisations, 'plans:list': () => [] }, 'fr');
    const engagement = {
      id: 'eng1', communityId: 'com1', communityName: 'Délı̨nę', date: '2026-02-12', fiscalYear: 2025, quarter: 4, kind: 'town_hall', summary: 'Assemblée.', outcomes: null, followUps: null,
      participantPersonIds: [], participantOrganisationIds: [], otherParticipants: null, priorityIds: [], actionIds: [], people: [], organisations: [], priorities: [], actions: [], recordedBy: 'x', recordedAt: '2026-02-12T00:00:00.000Z',
    } satisfies Engagement;
    app.renderIn(<EngagementDialog community={community} engagement={engagement} onClose={() => {}} attachments={(e) => <p>Fichiers de {e.id}</p>} />);
    const dialog = screen.getByRole('dialog', { name: 'Modifier la rencontre' });
    expect(within(dialog).getByRole('region', { name: 'Fichiers joints' }).textContent).toBe('Fichiers de eng1');
    expect((within(dialog).getByLabelText(/^Type de rencontre/) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('Assemblée publique');
  });
});

describe('the roll-up’s engagement table', () => {
  it('has a row per community and a column per kind held somewhere, with totals', () => {
    const { rows, kinds } = pivotCounts([
      { communityId: 'a', communityName: 'Aklavik', kind: 'town_hall', count: 2 },
      { communityId: 'a', communityName: 'Aklavik', kind: 'council_meeting', count: 1 },
      { communityId: 'b', communityName: 'Behchokǫ̀', kind: 'town_hall', count: 3 },
    ]);
    expect(kinds).toEqual(['council_meeting', 'town_hall']);
    expect(rows.map((r) => [r.communityName, r.counts.council_meeting ?? 0, r.counts.town_hall ?? 0, r.total])).toEqual([
      ['Aklavik', 1, 2, 3],
      ['Behchokǫ̀', 0, 3, 3],
    ]);
  });
});
