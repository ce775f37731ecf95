import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CommunitySummary, Conflict, ImportPreview } from '../../shared/domain';
import type { BundleFiles } from '../../renderer/api/bundle-files';
import { ConflictsScreen } from '../../renderer/features/exchange/ConflictsScreen';
import { ExchangeScreen } from '../../renderer/features/exchange/ExchangeScreen';
import { usePlanner } from '../../renderer/app/store-context';
import { ImportDialog } from '../../renderer/features/exchange/ImportDialog';
import { BundleFilesContext } from '../../renderer/features/exchange/use-bundle-files';
import { deferred } from './support/fake-core';
import { setup, testProfile } from './support/render-app';
import { conflictRecord, importPreview, narrativeConflict } from '../support/peer-fixtures';

const FP = 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X';
const files: BundleFiles = { mode: 'dialogs', chooseToOpen: async () => null, upload: async () => '', chooseDestination: async () => null, download: async () => {} };

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return importPreview({
    sender: { installationId: 'i2', name: 'Inuvik detachment', fingerprint: FP, trust: 'unknown' },
    changesetCount: 3,
    newChangesetCount: 3,
    changesPerPlan: [{ planId: 'p1', communityName: 'Inuvik', fiscalYear: 2026, rows: 4 }],
    otherChanges: 0,
    ...over,
  });
}

describe('the import preview', () => {
  it('asks for the passphrase of an encrypted bundle, shows an unknown sender’s fingerprint, and imports only once the box is ticked', async () => {
    const importing = deferred<ImportPreview & { imported: boolean; backupFile: string | null }>();
    const app = setup({
      'bundles:inspect': () => ({ formatVersion: 2, encrypted: true, encryption: null, encryptedFor: 'passphrase' as const, recipients: 0, passphraseNeeded: true, bytes: 10, manifest: null }),
      'bundles:preview': () => preview(),
      'bundles:import': () => importing.promise,
    });
    app.renderIn(
      <BundleFilesContext.Provider value={files}>
        <ImportDialog file="/media/stick/Inuvik.planbundle" onClose={() => {}} />
      </BundleFilesContext.Provider>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Passphrase'), 'caribou crossing');
    await user.click(screen.getByRole('button', { name: 'Open the bundle' }));
    expect(await screen.findByText('Not trusted yet')).toBeTruthy();
    expect(screen.getByLabelText(`Sender's key fingerprint: ${FP}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText('Check the fingerprint with the sender, then tick the box to import.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'bundles:import')).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: /I checked the fingerprint/ }));
    // Trust never defaults to every community: the communities must be chosen first.
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText(/Choose the communities this computer may change/)).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'bundles:import')).toBe(false);
    await user.click(screen.getByRole('radio', { name: 'All communities' }));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    // Saying both phases with their counts; no percentage is invented before the core reports one
    // (the determinate bar fed by the core's progress events: operation-progress.test.tsx).
    const bar = screen.getByRole('progressbar', { name: 'Checking 3 changes (signatures, senders, communities), then applying the 3 new ones.' });
    expect(bar.getAttribute('aria-busy')).toBe('true');
    expect(bar.getAttribute('aria-valuetext')).toBe('Starting…');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'bundles:import')?.input).toEqual({ file: '/media/stick/Inuvik.planbundle', passphrase: 'caribou crossing', trustNewSender: true, allCommunities: true });
    importing.resolve({ ...preview(), imported: true, backupFile: '/backups/b.db' });
    expect(await screen.findByText('Bundle imported')).toBeTruthy();
  });
});

describe('changes set aside from a revoked computer', () => {
  it('are listed by name, count and fingerprint before importing', async () => {
    const app = setup({
      'bundles:inspect': () => ({ formatVersion: 2, encrypted: false, encryption: null, encryptedFor: 'none' as const, recipients: 0, passphraseNeeded: false, bytes: 10, manifest: null }),
      'bundles:preview': () => preview({ sender: { installationId: 'c', name: 'Coordinator', fingerprint: FP, trust: 'trusted' }, setAside: [{ installationId: 'f', name: 'Old laptop', fingerprint: FP, changesets: 3, reason: 'revoked' }] }),
    });
    app.renderIn(
      <BundleFilesContext.Provider value={files}>
        <ImportDialog file="/media/stick/Coordinator.planbundle" onClose={() => {}} />
      </BundleFilesContext.Provider>,
    );
    expect(await screen.findByText('Changes from revoked computers are left out')).toBeTruthy();
    expect(screen.getByText(/Old laptop: 3 changes set aside/)).toBeTruthy();
  });
});

describe('the conflict inbox, one decision per record', () => {
  const narrative = narrativeConflict();
  const status: Conflict = { ...narrative, id: 'cf_3', field: 'status', heads: [{ ...narrative.heads[0]!, opId: 'op3', value: 'on_track' }, { ...narrative.heads[1]!, opId: 'op4', value: 'delayed' }] };
  const records = (...conflicts: Conflict[]) => ({ records: conflicts.length ? [conflictRecord(conflicts)] : [], undoable: [] });

  it('names the community, shows each author’s fields side by side, and keeps one author’s whole version in one call', async () => {
    const app = setup({ 'conflicts:records': () => records(narrative, status), 'conflicts:resolveRecord': () => ({ resolutionId: 'cs9', records: records() }), 'conflicts:undo': () => records(narrative, status) });
    app.renderIn(<ConflictsScreen />);
    expect(await screen.findByRole('heading', { name: 'Inuvik: Camp — FY 2026–27 Q2' })).toBeTruthy();
    expect(screen.getByText('1 record waits for a choice.')).toBeTruthy();
    expect(screen.getByText(/Plan FY 2026–27/)).toBeTruthy();
    const theirs = screen.getByRole('article', { name: 'The version from Inuvik' });
    expect(within(theirs).getByText('Sixteen youth.')).toBeTruthy();
    expect(within(theirs).getByText('Delayed')).toBeTruthy();
    const mine = screen.getByRole('article', { name: 'The version written on this computer' });
    expect(within(mine).getByText('Fourteen youth.')).toBeTruthy();
    expect(within(mine).getByText('On track')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(theirs).getByRole('button', { name: 'Keep this version' }));
    await waitFor(() =>
      expect(app.bridge.calls.find((c) => c.method === 'conflicts:resolveRecord')?.input).toEqual({
        recordId: 'progressEntries:r1',
        choices: [
          { conflictId: 'cf_1', pickOpId: 'op2' },
          { conflictId: 'cf_3', pickOpId: 'op4' },
        ],
      }),
    );
    // The notice offers Undo until a bundle is written.
    await waitFor(() => expect(app.store.getState().notices.map((n) => [n.message, typeof n.undo])).toEqual([['Resolved: Camp — FY 2026–27 Q2. You can undo it until a bundle is written; then it travels with it.', 'function']]));
    await act(() => app.store.getState().undoNotice(app.store.getState().notices[0]!.id));
    expect(app.bridge.calls.find((c) => c.method === 'conflicts:undo')?.input).toEqual({ resolutionId: 'cs9' });
  });

  it('chooses field by field, with a typed merge for the text, in one call', async () => {
    const app = setup({ 'conflicts:records': () => records(narrative, status), 'conflicts:resolveRecord': () => ({ resolutionId: 'cs9', records: records() }) });
    app.renderIn(<ConflictsScreen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Choose field by field, or type a merge…' }));
    await user.click(screen.getByRole('button', { name: 'Keep these choices' }));
    expect(screen.getByText('Choose a version for at least one field.')).toBeTruthy();
    await user.click(within(screen.getByRole('group', { name: 'status' })).getByRole('radio', { name: /On track/ }));
    await user.click(within(screen.getByRole('group', { name: 'what happened' })).getByRole('radio', { name: 'A merge typed here' }));
    expect((screen.getByLabelText('Merged what happened') as HTMLTextAreaElement).value).toBe('Fourteen youth.\n\nSixteen youth.');
    await user.clear(screen.getByLabelText('Merged what happened'));
    await user.type(screen.getByLabelText('Merged what happened'), 'Fifteen youth.');
    await user.click(screen.getByRole('button', { name: 'Keep these choices' }));
    await waitFor(() =>
      expect(app.bridge.calls.find((c) => c.method === 'conflicts:resolveRecord')?.input).toEqual({
        recordId: 'progressEntries:r1',
        choices: [
          { conflictId: 'cf_1', value: 'Fifteen youth.' },
          { conflictId: 'cf_3', pickOpId: 'op3' },
        ],
      }),
    );
  });

  it('lists resolutions not sent yet as "Resolved — undo", and undoes one', async () => {
    const undoable = { id: 'cs9', table: 'progressEntries', rowId: 'r1', label: 'Camp — FY 2026–27 Q2', communityName: 'Inuvik', at: '2026-10-21T15:00:00Z', fields: ['narrative', 'status'] };
    const app = setup({ 'conflicts:records': () => ({ records: [], undoable: [undoable] }), 'conflicts:undo': () => records(narrative, status) });
    app.renderIn(<ConflictsScreen />);
    expect(await screen.findByRole('heading', { name: 'Resolved here, not sent yet' })).toBeTruthy();
    expect(screen.getByText(/undo is no longer offered, because the choice may already be on its way/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Resolved — undo: Camp — FY 2026–27 Q2' }));
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'conflicts:undo')?.input).toEqual({ resolutionId: 'cs9' }));
    await waitFor(() => expect(app.store.getState().notices.map((n) => n.message)).toEqual(['Undone: Camp — FY 2026–27 Q2 is back in the conflict inbox.']));
  });

  it('offers "Keep it removed" and "Keep the edits" for a removal, and says when there is nothing to choose', async () => {
    const removal: Conflict = { ...narrative, id: 'cf_2', kind: 'removed_while_edited', field: 'deletedAt', heads: [{ ...narrative.heads[0]!, opId: 'del', value: '2026-10-20T15:00:00Z' }, narrative.heads[1]!] };
    const app = setup({ 'conflicts:records': () => records(removal), 'conflicts:resolveRecord': () => ({ resolutionId: null, records: records() }) });
    app.renderIn(<ConflictsScreen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Keep it removed' }));
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'conflicts:resolveRecord')?.input).toEqual({ recordId: 'progressEntries:r1', choices: [{ conflictId: 'cf_2', pickOpId: 'del' }] }));
    expect(screen.queryByRole('button', { name: /field by field/ })).toBeNull();

    const empty = setup({ 'conflicts:records': () => records() });
    empty.renderIn(<ConflictsScreen />);
    expect(await screen.findByRole('heading', { name: 'No conflicts' })).toBeTruthy();
  });

  it('says which communities the view covers on a computer that keeps only some', async () => {
    const app = setup({
      'installation:get': () => ({ ...testProfile, scopeCommunityIds: ['c2', 'c1'], today: '2026-09-15' }),
      'conflicts:records': () => records(narrative),
      'communities:list': () => [{ id: 'c1', name: 'Łutselk’e' }, { id: 'c2', name: 'Fort Resolution' }] as CommunitySummary[],
    });
    await act(() => app.store.getState().loadProfile());
    app.renderIn(<ConflictsScreen />);
    expect(await screen.findByText('Shows only the communities this computer keeps: Fort Resolution and Łutselk’e.')).toBeTruthy();
  });
});

describe('an import followed by "Resolve the conflicts"', () => {
  it('counts and lists each record once, and coming back to Exchange does not reopen the dialog nor ask for the passphrase again', async () => {
    const narrative = narrativeConflict();
    const status: Conflict = { ...narrative, id: 'cf_3', field: 'status', heads: [{ ...narrative.heads[0]!, opId: 'op3', value: 'on_track' }, { ...narrative.heads[1]!, opId: 'op4', value: 'delayed' }] };
    const p = preview({ sender: { installationId: 'i2', name: 'Inuvik detachment', fingerprint: FP, trust: 'trusted' }, newConflicts: [narrative, status] });
    const app = setup({
      'bundles:inspect': () => ({ formatVersion: 2, encrypted: true, encryption: null, encryptedFor: 'passphrase' as const, recipients: 0, passphraseNeeded: true, bytes: 10, manifest: null }),
      'bundles:preview': () => p,
      'bundles:import': () => ({ ...p, imported: true, backupFile: null }),
      'bundles:history': () => [],
      'sync:status': () => ({ versionVector: {}, changesetCount: 3, conflictCount: 2, waitingRowCount: 0 }),
      'sync:whoami': () => ({ installationId: 'i1', name: 'Site', publicKey: 'k', fingerprint: FP }),
      'conflicts:records': () => ({ records: [conflictRecord([narrative, status])], undoable: [] }),
    });
    function Section() {
      const route = usePlanner((s) => s.route.name);
      return route === 'conflicts' ? <ConflictsScreen /> : <ExchangeScreen />;
    }
    act(() => app.store.getState().syncRoute('#/exchange'));
    app.renderIn(
      <BundleFilesContext.Provider value={files}>
        <Section />
      </BundleFilesContext.Provider>,
    );
    act(() => app.store.getState().openBundle('/media/stick/Inuvik.planbundle'));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Passphrase'), 'caribou crossing');
    await user.click(screen.getByRole('button', { name: 'Open the bundle' }));
    expect(await screen.findByText(/^1 thing was changed both here and by the sender/)).toBeTruthy();
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getAllByText('Camp — FY 2026–27 Q2')).toHaveLength(1);
    expect(within(dialog).getByText('(changed on both: what happened, status)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(await screen.findByRole('link', { name: 'Resolve the 1 conflict' }));
    act(() => app.store.getState().syncRoute('#/exchange/conflicts'));
    expect(await screen.findByRole('heading', { name: 'Inuvik: Camp — FY 2026–27 Q2' })).toBeTruthy();
    act(() => app.store.getState().syncRoute('#/exchange'));
    expect(await screen.findByRole('heading', { name: 'Import a bundle' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    expect(app.bridge.calls.filter((c) => c.method === 'bundles:inspect')).toHaveLength(1);
  });
});
