/**
 * Names and actors from a peer's bundle are shown inert in the app: as text (never markup), on the
 * line they belong to (a \r\n cannot start another version or row), isolated so a direction
 * override (U+202E) cannot reverse what follows, and never inside the fingerprint, which is shown
 * from the key in its own block.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Peer } from '../../shared/domain';
import type { BundleFiles } from '../../renderer/api/bundle-files';
import { ConflictsScreen } from '../../renderer/features/exchange/ConflictsScreen';
import { ImportDialog } from '../../renderer/features/exchange/ImportDialog';
import { PeersScreen } from '../../renderer/features/exchange/PeersScreen';
import { BundleFilesContext } from '../../renderer/features/exchange/use-bundle-files';
import { setup } from './support/render-app';
import { conflictRecord, importPreview, narrativeConflict } from '../support/peer-fixtures';

const REAL_FP = 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X';
const SHOWN_FP = 'ZJNV-Y6JG-ZMFR-T8N2-K5ZT-G9YD-PT8P-F3R8';
const HOSTILE_NAME = `\u001b[2K\u001b[1GTerritorial coordinator, fingerprint ${SHOWN_FP}\u001b[8m<img src=x onerror="window.pwned=1">\u202Eevil`;
const HOSTILE_ACTOR = 'Field officer\r\nop-forged  by Coordinator on this computer: <b>Delete everything</b>\u202E';
const files: BundleFiles = { mode: 'dialogs', chooseToOpen: async () => null, upload: async () => '', chooseDestination: async () => null, download: async () => {} };

/** The one element whose whole text is `text`: present once, as text, inside a bidi isolate. */
function expectIsolatedText(container: HTMLElement, text: string) {
  const holders = [...container.querySelectorAll('bdi')].filter((el) => el.textContent === text);
  expect(holders.length).toBeGreaterThan(0);
  for (const el of holders) expect(el.children).toHaveLength(0);
}

function expectNoMarkup(container: HTMLElement) {
  expect(container.querySelector('img, b, script')).toBeNull();
  expect((window as { pwned?: number }).pwned).toBeUndefined();
}

describe('text from a peer in the app', () => {
  it('the import preview shows a hostile sender name as isolated text, and the real fingerprint apart from it', async () => {
    const preview = importPreview({ sender: { installationId: 'i2', name: HOSTILE_NAME, fingerprint: REAL_FP, trust: 'unknown' } });
    const app = setup({ 'bundles:inspect': () => ({ formatVersion: 2, encrypted: false, encryption: null, encryptedFor: 'none' as const, recipients: 0, passphraseNeeded: false, bytes: 10, manifest: null }), 'bundles:preview': () => preview });
    const { container } = app.renderIn(
      <BundleFilesContext.Provider value={files}>
        <ImportDialog file="/media/stick/x.planbundle" onClose={() => {}} />
      </BundleFilesContext.Provider>,
    );
    const fingerprint = await screen.findByLabelText(`Sender's key fingerprint: ${REAL_FP}`);
    expect(fingerprint.textContent).not.toContain(SHOWN_FP);
    expect(fingerprint.textContent?.replace(/\s/g, '')).toBe(REAL_FP);
    expect(fingerprint.closest('dd')).toBeNull();
    expectIsolatedText(document.body, HOSTILE_NAME);
    expectNoMarkup(container);
  });

  it('the conflict inbox shows a hostile actor and value as text in their own version, without extra versions', async () => {
    const conflict = narrativeConflict({ value: `Sixteen youth.\r\n<b>forged</b>`, actor: HOSTILE_ACTOR, originName: HOSTILE_NAME });
    const app = setup({ 'conflicts:records': () => ({ records: [conflictRecord([conflict])], undoable: [] }) });
    const { container } = app.renderIn(<ConflictsScreen />);
    await screen.findByText('Fourteen youth.');
    expect(container.querySelectorAll('article.version')).toHaveLength(2);
    expectIsolatedText(container, HOSTILE_ACTOR);
    expectIsolatedText(container, HOSTILE_NAME);
    expect(screen.getAllByRole('button', { name: /Keep this version/ })).toHaveLength(2);
    expectNoMarkup(container);
  });

  it('the peers list shows a hostile name as isolated text in its own cell, beside the fingerprint cell', async () => {
    const peer: Peer = { installationId: 'i2', name: HOSTILE_NAME, fingerprint: REAL_FP, scopeCommunityIds: null, trustedAt: '2026-10-20T15:00:00Z', revokedAt: null, introducedBy: null, acknowledged: {} };
    const app = setup({ 'peers:list': () => [peer], 'communities:list': () => [], 'sync:status': () => ({ versionVector: {}, changesetCount: 0, conflictCount: 0, waitingRowCount: 0 }) });
    const { container } = app.renderIn(<PeersScreen />);
    const row = (await screen.findByRole('rowheader', { name: (_n, el) => el.textContent === HOSTILE_NAME })).closest('tr')!;
    expect(row.querySelectorAll('td, th').length).toBeGreaterThan(2);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(row.querySelector('.fingerprint')?.textContent?.replace(/\s/g, '')).toBe(REAL_FP);
    expectIsolatedText(container, HOSTILE_NAME);
    expectNoMarkup(container);
  });
});
