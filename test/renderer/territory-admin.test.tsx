/** The Territory screens with a fake core: forms refuse with sentences, retire and bring back, import previews. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommunitySummary, Detachment, ReferenceImportOutcome, ReferenceImportPreview, Region, Theme } from '../../shared/domain';
import type { Role } from '../../shared/vocabulary';
import { ApiError } from '../../renderer/api/api-error';
import { TerritoryScreen } from '../../renderer/features/territory-admin/TerritoryScreen';
import { ImportDialog } from '../../renderer/features/territory-admin/ImportDialog';
import { CommitmentsScreen } from '../../renderer/features/commitments/CommitmentsScreen';
import { CommunitiesScreen } from '../../renderer/features/communities/CommunitiesScreen';
import type { FakeHandlers } from './support/fake-core';
import { setup, testProfile } from './support/render-app';

const region: Region = { id: 'reg1', nameEn: 'South Slave', nameFr: 'Slave Sud', name: 'South Slave', retired: false };
const detachment: Detachment = { id: 'det1', name: 'Fort Resolution detachment', nameEn: 'Fort Resolution detachment', nameFr: 'Détachement de Fort Resolution', communityId: null, servedCommunityIds: ['com1'], retired: false };
const community: CommunitySummary = {
  id: 'com1',
  name: 'Łutselk’e',
  otherNames: ['Snowdrift'],
  region: 'South Slave',
  regionId: 'reg1',
  regionNameEn: 'South Slave',
  regionNameFr: 'Slave Sud',
  hasDetachment: false,
  servedByDetachmentId: 'det1',
  servedByDetachmentName: 'Fort Resolution detachment',
  retired: false,
  plan: null,
};
const youth: Theme = { id: 'th1', code: 'youth', nameEn: 'Youth', nameFr: 'Jeunes', retired: false };
const problem = (row: number, message: string) => ({ row, message, ref: { key: 'import.test', params: {} } as never });

async function open(handlers: FakeHandlers, { role = 'coordinator', locale = 'en', tab = 'communities' }: { role?: Role; locale?: 'en' | 'fr'; tab?: 'communities' | 'regions' | 'detachments' | 'themes' | 'organisations' } = {}) {
  const app = setup(
    {
      'installation:get': () => ({ ...testProfile, role, locale, today: '2026-09-15' }),
      'communities:list': () => [community],
      'regions:list': () => [region],
      'detachments:list': () => [detachment],
      'themes:list': () => [youth],
      'organisations:list': () => [],
      'people:list': () => [],
      ...handlers,
    },
    locale,
  );
  await app.store.getState().loadProfile();
  app.renderIn(<TerritoryScreen tab={tab} />);
  return app;
}

describe('the Territory screens', () => {
  it('say what is missing before asking the core, and show the core’s refusal as its sentence', async () => {
    const app = await open({
      'communities:create': () => {
        throw new ApiError({ code: 'invalid_input', message: 'A community named “Łutselk’e” already exists: give this one another name.' });
      },
    });
    const user = userEvent.setup();
    await screen.findByRole('rowheader', { name: 'Łutselk’e' });
    await user.click(screen.getByRole('button', { name: 'Add a community' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a community' });
    await user.click(within(dialog).getByRole('button', { name: 'Add the community' }));
    expect(within(dialog).getByText('Give the community’s official name.')).toBeTruthy();
    expect(within(dialog).getByText('Choose the community’s region.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'communities:create')).toBe(false);

    await user.type(within(dialog).getByLabelText(/^Official name/), 'Łutselk’e');
    // Enter in "Another name" adds the name to the list, it does not submit.
    await user.type(within(dialog).getByLabelText(/^Another name/), 'Snowdrift{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Remove the name “Snowdrift”' })).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/^Another name/), 'Old Snowdrift');
    await user.click(within(dialog).getByRole('button', { name: 'Add this name' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove the name “Old Snowdrift”' }));
    await user.selectOptions(within(dialog).getByLabelText(/^Region/), 'South Slave');
    await user.selectOptions(within(dialog).getByLabelText(/^Served by detachment/), 'Fort Resolution detachment');
    await user.click(within(dialog).getByRole('button', { name: 'Add the community' }));

    expect(await within(dialog).findByText('A community named “Łutselk’e” already exists: give this one another name.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Add a community' })).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'communities:create')?.input).toEqual({
      name: 'Łutselk’e',
      otherNames: ['Snowdrift'],
      regionId: 'reg1',
      hasDetachment: false,
      servedByDetachmentId: 'det1',
    });
  });

  it('pass the search to the core, which matches any name with or without diacritics', async () => {
    const app = await open({ 'communities:list': (input) => ((input as { search?: string }).search === 'nowhere' ? [] : [community]) });
    const user = userEvent.setup();
    await screen.findByRole('rowheader', { name: 'Łutselk’e' });
    await user.type(screen.getByLabelText(/^Search by any name/), 'Lutselke');
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'communities:list' && (c.input as { search?: string }).search === 'Lutselke')).toBe(true));
    await user.clear(screen.getByLabelText(/^Search by any name/));
    await user.type(screen.getByLabelText(/^Search by any name/), 'nowhere');
    expect(await screen.findByText('Nothing matches')).toBeTruthy();
  });

  it('retire a theme after saying what retiring keeps, and bring it back', async () => {
    let retired = false;
    const app = await open(
      {
        'themes:list': () => [{ ...youth, retired }],
        'themes:retire': (input) => {
          retired = (input as { retired: boolean }).retired;
          return { ...youth, retired };
        },
      },
      { tab: 'themes' },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Retire “Youth”' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retire the theme Youth?' });
    expect(within(confirm).getByText(/Plans and reports that use it keep it/)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Retire' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.bridge.calls.find((c) => c.method === 'themes:retire')?.input).toEqual({ themeId: 'th1', retired: true });
    app.store.getState().dataChanged();

    // The section, then its table's scroll box, share the name: the section comes first.
    const [retiredSection] = await screen.findAllByRole('region', { name: 'Retired themes' });
    await user.click(within(retiredSection!).getByRole('button', { name: 'Bring back “Youth”' }));
    await waitFor(() => expect(app.bridge.calls.filter((c) => c.method === 'themes:retire').map((c) => c.input)).toEqual([{ themeId: 'th1', retired: true }, { themeId: 'th1', retired: false }]));
  });

  it('are read-only for a detachment: no Add, Edit or Retire, and a sentence saying who keeps the lists', async () => {
    await open({}, { role: 'detachment' });
    await screen.findByRole('rowheader', { name: 'Łutselk’e' });
    expect(screen.getByText('Only the territorial coordinator changes these lists')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a community' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Retire/ })).toBeNull();
  });

  it('speak French, names included', async () => {
    await open({}, { locale: 'fr', tab: 'regions' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Territoire — Régions' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ajouter une région' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Retirer «\u00a0Slave Sud\u00a0»' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Modifier «\u00a0Slave Sud\u00a0»' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifier la région Slave Sud' });
    await user.clear(within(dialog).getByLabelText(/^Nom en français/));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    expect(within(dialog).getByText('Donnez le nom en français.')).toBeTruthy();
  });
});

describe('importing a list from a spreadsheet', () => {
  const csv = new File(['name,region\nŁutselk’e,Sahtu\n'], 'communities.csv', { type: 'text/csv' });

  it('lists each row’s problem as a sentence and keeps Import disabled', async () => {
    const app = setup({
      'reference:previewImport': async (): Promise<ReferenceImportPreview> => ({
        kind: 'communities',
        format: 'csv',
        rows: [{ row: 2, label: 'Łutselk’e', action: 'create', values: {} }],
        problems: [problem(2, 'Row 2: region “Sahtu” does not exist — add it or fix the spelling.')],
        ok: false,
      }),
    });
    app.renderIn(<ImportDialog list="communities" onClose={() => {}} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/^Spreadsheet/), csv);
    expect(await screen.findByText('Row 2: region “Sahtu” does not exist — add it or fix the spelling.')).toBeTruthy();
    expect(screen.getByText(/1 row has a problem/)).toBeTruthy();
    const importButton = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    const sent = app.bridge.calls.find((c) => c.method === 'reference:previewImport')?.input as { kind: string; content: { fileName: string; base64: string } };
    expect(sent.kind).toBe('communities');
    expect(sent.content.fileName).toBe('communities.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.content.base64), (ch) => ch.charCodeAt(0)))).toBe('name,region\nŁutselk’e,Sahtu\n');
  });

  it('imports all rows at once once none has a problem', async () => {
    let closed = false;
    const app = setup({
      'reference:previewImport': async (): Promise<ReferenceImportPreview> => ({ kind: 'communities', format: 'csv', rows: [{ row: 2, label: 'Łutselk’e', action: 'create', values: {} }], problems: [], ok: true }),
      'reference:import': async (): Promise<ReferenceImportOutcome> => ({ kind: 'communities', created: 1, updated: 0, unchanged: 0 }),
    });
    app.renderIn(<ImportDialog list="communities" onClose={() => (closed = true)} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/^Spreadsheet/), csv);
    expect(await screen.findByText('1 row is ready to import.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(app.bridge.calls.some((c) => c.method === 'reference:import')).toBe(true);
  });
});

describe('commitments, created and edited by the coordinator', () => {
  const commitment = {
    id: 'cmt1',
    kind: 'commitment' as const,
    number: '4.4.2',
    title: 'Community safety plans',
    titleEn: 'Community safety plans',
    titleFr: 'Plans de sécurité communautaire',
    descriptionEn: null,
    descriptionFr: null,
    leadDepartment: 'Justice',
    priorityArea: null,
    status: 'underway_on_track' as const,
    relatedCommitmentIds: [],
    milestones: [],
  };

  it('add one with its English and French titles, refusing until both are given', async () => {
    const app = setup({
      'installation:get': () => ({ ...testProfile, role: 'coordinator', today: '2026-09-15' }),
      'commitments:list': () => [commitment],
      'commitments:create': (input) => ({ ...commitment, id: 'cmt2', number: (input as { number: string }).number }),
    });
    await app.store.getState().loadProfile();
    app.renderIn(<CommitmentsScreen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a commitment or initiative' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a commitment or initiative' });
    await user.selectOptions(within(dialog).getByLabelText(/^Kind/), 'initiative');
    await user.type(within(dialog).getByLabelText(/^Number/), '5.1');
    await user.type(within(dialog).getByLabelText(/^Title in English/), 'Victim services in every region');
    await user.type(within(dialog).getByLabelText(/^Lead department/), 'Justice');
    await user.click(within(dialog).getByRole('button', { name: 'Add it' }));
    expect(within(dialog).getByText('Give the title in French.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'commitments:create')).toBe(false);
    await user.type(within(dialog).getByLabelText(/^Title in French/), 'Services aux victimes dans chaque région');
    await user.click(within(dialog).getByRole('checkbox', { name: '4.4.2 — Community safety plans' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.bridge.calls.find((c) => c.method === 'commitments:create')?.input).toEqual({
      kind: 'initiative',
      number: '5.1',
      title: 'Victim services in every region',
      titleFr: 'Services aux victimes dans chaque région',
      descriptionEn: null,
      descriptionFr: null,
      leadDepartment: 'Justice',
      priorityArea: null,
      status: 'underway_on_track',
      relatedCommitmentIds: ['cmt1'],
    });
  });

  it('offer no Add button to a community office', async () => {
    const app = setup({ 'commitments:list': () => [commitment] });
    await app.store.getState().loadProfile();
    app.renderIn(<CommitmentsScreen />);
    await screen.findByText('Community safety plans');
    expect(screen.queryByRole('button', { name: 'Add a commitment or initiative' })).toBeNull();
  });
});

describe('the Communities page with no communities yet', () => {
  it('points the coordinator to the Territory lists, and others to the coordinator’s bundle', async () => {
    const empty = { 'communities:list': () => [], 'completeness:matrix': () => ({ fiscalYear: 2026, rows: [] }) as never };
    const coordinator = setup({ ...empty, 'installation:get': () => ({ ...testProfile, role: 'coordinator', today: '2026-09-15' }) });
    await coordinator.store.getState().loadProfile();
    const { unmount } = coordinator.renderIn(<CommunitiesScreen />);
    expect((await screen.findByRole('link', { name: 'Open the Territory lists' })).getAttribute('href')).toBe('#/territory');
    expect(screen.queryByText(/import a plan bundle/)).toBeNull();
    unmount();

    const office = setup(empty);
    await office.store.getState().loadProfile();
    office.renderIn(<CommunitiesScreen />);
    expect(await screen.findByText(/import a plan bundle from the coordinator/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open the Territory lists' })).toBeNull();
  });
});
