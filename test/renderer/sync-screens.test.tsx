import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Conflict, ImportPreview } from '../../shared/domain';
import type { BundleFiles } from '../../renderer/api/bundle-files';
import { ConflictsScreen } from '../../renderer/features/exchange/ConflictsScreen';
import { ImportDialog } from '../../renderer/features/exchange/ImportDialog';
import { BundleFilesContext } from '../../renderer/features/exchange/use-bundle-files';
import { deferred } from './support/fake-core';
import { setup } from './support/render-app';
import { importPreview, narrativeConflict } from '../support/peer-fixtures';

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
    expect(screen.getByRole('progressbar', { name: /Importing the bundle/ })).toBeTruthy();
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

describe('the conflict inbox', () => {
  const edit = narrativeConflict();

  it('shows both versions side by side and resolves with the one kept, or a typed merge', async () => {
    const app = setup({ 'conflicts:list': () => [edit], 'conflicts:resolve': () => [] });
    app.renderIn(<ConflictsScreen />);
    const user = userEvent.setup();
    await screen.findByText('Sixteen youth.');
    await user.click(screen.getByRole('button', { name: 'Edit a merge…' }));
    expect((screen.getByLabelText('Merged what happened') as HTMLTextAreaElement).value).toBe('Fourteen youth.\n\nSixteen youth.');
    await user.click(screen.getAllByRole('button', { name: 'Keep this version' })[1]!);
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'conflicts:resolve')?.input).toEqual({ conflictId: 'cf_1', pickOpId: 'op2' }));
  });

  it('offers "Keep it removed" and "Keep the edits" for a removal, and says when there is nothing to choose', async () => {
    const removal: Conflict = { ...edit, id: 'cf_2', kind: 'removed_while_edited', field: 'deletedAt', heads: [{ ...edit.heads[0]!, opId: 'del', value: '2026-10-20T15:00:00Z' }, edit.heads[1]!] };
    const app = setup({ 'conflicts:list': () => [removal], 'conflicts:resolve': () => [] });
    app.renderIn(<ConflictsScreen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Keep it removed' }));
    await waitFor(() => expect(app.bridge.calls.find((c) => c.method === 'conflicts:resolve')?.input).toEqual({ conflictId: 'cf_2', pickOpId: 'del' }));
    expect(screen.queryByRole('button', { name: 'Edit a merge…' })).toBeNull();

    const empty = setup({ 'conflicts:list': () => [] });
    empty.renderIn(<ConflictsScreen />);
    expect(await screen.findByRole('heading', { name: 'No conflicts' })).toBeTruthy();
  });

  it('shows the two statuses of a status conflict by their names and offers only to keep one', async () => {
    const status: Conflict = {
      ...edit,
      id: 'cf_3',
      field: 'status',
      heads: [{ ...edit.heads[0]!, value: 'on_track' }, { ...edit.heads[1]!, value: 'at_risk' }],
    };
    const app = setup({ 'conflicts:list': () => [status], 'conflicts:resolve': () => [] });
    app.renderIn(<ConflictsScreen />);
    expect(await screen.findByText('On track')).toBeTruthy();
    expect(screen.getByText('At risk')).toBeTruthy();
    expect(screen.queryByText('on_track')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit a merge…' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Keep this version' })).toHaveLength(2);
    void app;
  });
});
