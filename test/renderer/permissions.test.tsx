import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommunitySummary, InstallationProfile, Plan } from '../../shared/domain';
import { PlanScreen } from '../../renderer/features/plans/PlanScreen';
import { SignOffDialog } from '../../renderer/features/plans/SignOffDialog';
import { useProfileLock } from '../../renderer/app/use-permission';
import { setup, testProfile } from './support/render-app';

const draft: Plan = {
  id: 'plan1',
  communityId: 'com2',
  communityName: 'Hay River',
  fiscalYear: 2026,
  title: 'Hay River policing priorities action plan FY 2026–27',
  status: 'draft',
  copiedFromPlanId: null,
  summary: null,
  communitySignatory: null,
  communitySignedOn: null,
  detachmentSignatory: null,
  detachmentSignedOn: null,
  priorities: [{ id: 'pri1', planId: 'plan1', rank: 1, title: 'Safer roads', description: null, themeIds: [], zone: 'prevention', continuesPriorityId: null, actions: [], indicators: [] }],
  revisions: [],
  editable: true,
} as Plan;

const communities = [
  { id: 'com1', name: 'Dettah' },
  { id: 'com2', name: 'Hay River' },
] as CommunitySummary[];

function app(profile: Partial<InstallationProfile>, locale: 'en' | 'fr' = 'en') {
  const a = setup(
    {
      'installation:get': () => ({ ...testProfile, ...profile, locale, today: '2026-04-15' }),
      'plans:agree': (input) => ({ ...draft, ...input }) as Plan,
      'plans:get': () => draft,
      'plans:list': () => [],
      'communities:list': () => communities,
      'themes:list': () => [],
      'people:list': () => [],
      'organisations:list': () => [],
      'commitments:list': () => [],
    },
    locale,
  );
  return a;
}

describe('the screens say why a role may not do something', () => {
  it('shows the detachment block disabled to a community office, with the reason beside it, and sends only the community block', async () => {
    const a = app({ role: 'liaison' });
    await a.store.getState().loadProfile();
    a.renderIn(<SignOffDialog plan={draft} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: /Sign off the plan of Hay River/ });
    const detachmentName = within(dialog).getByLabelText('Signed for the detachment by') as HTMLInputElement;
    expect(detachmentName.disabled).toBe(true);
    const reason = within(dialog).getByText('Only the detachment or the coordinator may sign for the detachment.');
    // The reason is the field's description, read with it, not only a tooltip.
    expect(detachmentName.getAttribute('aria-describedby')).toBe(reason.id);
    const communityName = within(dialog).getByLabelText(/^Signed for the community by/) as HTMLInputElement;
    expect(communityName.disabled).toBe(false);

    const user = userEvent.setup();
    await user.type(communityName, 'Chief April Martel');
    await user.click(within(dialog).getByRole('button', { name: 'Sign off the plan' }));
    await waitFor(() => expect(a.bridge.calls.some((c) => c.method === 'plans:agree')).toBe(true));
    expect(a.bridge.calls.find((c) => c.method === 'plans:agree')?.input).toEqual({ planId: 'plan1', communitySignatory: 'Chief April Martel', communitySignedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
  });

  it('says it in French to a detachment, for the community block', async () => {
    const a = app({ role: 'detachment' }, 'fr');
    await a.store.getState().loadProfile();
    a.renderIn(<SignOffDialog plan={draft} onClose={() => {}} />);
    expect(screen.getByText('Seuls le bureau communautaire ou la coordination territoriale peuvent signer pour la collectivité.')).toBeTruthy();
  });

  it('shows the plan of a community outside this computer’s communities read-only, saying whose it is', async () => {
    const a = app({ role: 'liaison', scopeCommunityIds: ['com1'] });
    await a.store.getState().loadProfile();
    a.renderIn(<PlanScreen planId="plan1" />);
    await screen.findByText("This computer works for Dettah only: Hay River's plans are changed by its own computers or the coordinator.");
    expect(screen.getByText('You can read this plan but not change it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a priority' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign off…' })).toBeNull();
  });

  it('offers the plan’s changes to a computer of that community', async () => {
    const a = app({ role: 'liaison', scopeCommunityIds: ['com2'] });
    await a.store.getState().loadProfile();
    a.renderIn(<PlanScreen planId="plan1" />);
    await screen.findByRole('button', { name: 'Sign off…' });
    expect(screen.getAllByRole('button', { name: 'Add a priority' }).length).toBeGreaterThan(0);
    expect(screen.queryByText('You can read this plan but not change it.')).toBeNull();
  });

  it('tells Settings that role and communities come from the certificate once enrolled', async () => {
    function Lock() {
      const lock = useProfileLock();
      return <p>{lock.allowed ? 'open' : lock.reason}</p>;
    }
    const enrolled = app({ role: 'detachment', scopeCommunityIds: ['com1'], certificateSerial: 'S1' } as Partial<InstallationProfile>, 'fr');
    await enrolled.store.getState().loadProfile();
    enrolled.renderIn(<Lock />);
    expect(screen.getByText(/^Le rôle et les collectivités de cet ordinateur viennent de son certificat/)).toBeTruthy();
  });

  it('leaves them open on a database not enrolled', async () => {
    function Lock() {
      return <p>{useProfileLock().allowed ? 'open' : 'locked'}</p>;
    }
    const scratch = app({ role: 'detachment' });
    await scratch.store.getState().loadProfile();
    scratch.renderIn(<Lock />);
    expect(screen.getByText('open')).toBeTruthy();
  });
});
