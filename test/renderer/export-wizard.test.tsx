/**
 * The export wizard (issue 11 §4): the recipient is chosen by name from the enrolled computers
 * (never a fingerprint to type), another computer of the same communities can be added, the bundle's
 * contents are shown per community before writing, a passphrase is asked only where no recipient
 * key is known, and the file goes to a USB drive listed first.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BundleDestination, BundleEncryption, ExportContents, ExportRecipient, ExportResult } from '../../shared/domain';
import type { BundleFiles } from '../../renderer/api/bundle-files';
import { ExportWizard } from '../../renderer/features/exchange/ExportWizard';
import { BundleFilesContext } from '../../renderer/features/exchange/use-bundle-files';
import { setup } from './support/render-app';

const detachment: ExportRecipient = {
  installationId: 'det1',
  name: 'Łutselk’e detachment laptop',
  userName: 'Cst. Marie Drybones',
  role: 'detachment',
  communityIds: ['c-lut'],
  communityNames: ['Łutselk’e'],
  enrolled: true,
  hasEncryptionKey: true,
};
const office: ExportRecipient = { ...detachment, installationId: 'off1', name: 'Łutselk’e band office', userName: 'Noel Jerome', role: 'liaison' };
const behchoko: ExportRecipient = { ...detachment, installationId: 'off2', name: 'Behchokǫ̀ office', role: 'liaison', communityIds: ['c-beh'], communityNames: ['Behchokǫ̀'] };
const handTrusted: ExportRecipient = { installationId: 'tofu', name: 'Old laptop', userName: null, role: null, communityIds: ['c-lut'], communityNames: ['Łutselk’e'], enrolled: false, hasEncryptionKey: false };

const toRecipients: ExportContents = {
  parts: [
    { partition: 'c-lut', kind: 'community', communityId: 'c-lut', communityName: 'Łutselk’e', changesets: 7 },
    { partition: 'territory', kind: 'territory', communityId: null, communityName: null, changesets: 3 },
  ],
  changesetCount: 10,
  encryption: 'recipients',
  withoutKey: [],
};

const stick: BundleDestination = { kind: 'removable', name: 'KINGSTON', folder: '/media/ana/KINGSTON', file: '/media/ana/KINGSTON/HQ-to-Lutselke.planbundle' };
const documents: BundleDestination = { kind: 'documents', name: 'Documents', folder: '/home/ana/Documents', file: '/home/ana/Documents/HQ-to-Lutselke.planbundle' };

function files(over: Partial<BundleFiles> = {}): BundleFiles {
  return { mode: 'dialogs', chooseToOpen: async () => null, upload: async () => '', chooseDestination: async () => '/elsewhere/x.planbundle', download: async () => {}, ...over };
}

function written(input: { file: string }, encryption: BundleEncryption): ExportResult {
  return { file: input.file, bytes: 4096, changesetCount: 10, encrypted: encryption !== 'none', recipient: 'x', encryption, recipients: encryption === 'recipients' ? ['x'] : [] };
}

function open(contents: (input: { to?: string; alsoTo?: string[]; full?: boolean }) => ExportContents, locale: 'en' | 'fr' = 'en', bundleFiles = files()) {
  const app = setup(
    {
      'sync:whoami': () => ({ installationId: 'me', name: 'Justice HQ', publicKey: 'k', fingerprint: 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X' }),
      'bundles:exportRecipients': () => [detachment, office, behchoko, handTrusted],
      'bundles:exportContents': (input) => contents(input as { to?: string; alsoTo?: string[]; full?: boolean }),
      'files:bundleDestinations': () => ({ destinations: [stick, documents] }),
      'bundles:export': (input) => written(input as { file: string }, (input as { passphrase?: string }).passphrase ? 'passphrase' : 'recipients'),
    },
    locale,
  );
  app.renderIn(
    <BundleFilesContext.Provider value={bundleFiles}>
      <ExportWizard onClose={() => {}} />
    </BundleFilesContext.Provider>,
  );
  return app;
}

describe('the export wizard', () => {
  it('sends to enrolled computers chosen by name, shows the contents per community, asks no passphrase, and saves on the USB drive', async () => {
    const app = open(() => toRecipients);
    const user = userEvent.setup();
    const wizard = await screen.findByRole('dialog', { name: 'Send a bundle' });
    expect(within(wizard).queryByRole('textbox')).toBeNull();
    await user.click(await within(wizard).findByRole('radio', { name: /Łutselk’e detachment laptop.*Cst\. Marie Drybones · Detachment · Łutselk’e/ }));
    // Only the computer of the same communities is offered as a second recipient.
    const also = within(wizard).getByRole('group', { name: 'Also for' });
    expect(within(also).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual(['Łutselk’e band office (Community office)']);
    await user.click(within(also).getByRole('checkbox'));
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));

    const table = await within(wizard).findByRole('table', { name: 'Changes in the bundle, per community' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'PartChanges',
      'Łutselk’e7',
      'Territory-wide lists (communities, regions, detachments, themes, commitments)3',
      'Total10',
    ]);
    expect(within(wizard).getByText('Only these 2 computers can open this bundle, each with its own key: Łutselk’e detachment laptop, Łutselk’e band office. No passphrase is needed.')).toBeTruthy();
    expect(within(wizard).queryByLabelText('Passphrase')).toBeNull();
    expect(app.bridge.calls.find((c) => c.method === 'bundles:exportContents')?.input).toEqual({ to: 'det1', alsoTo: ['off1'] });
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));

    const where = await within(wizard).findByRole('group', { name: 'Where should the bundle be saved?' });
    const places = within(where).getAllByRole('radio');
    expect(places.map((r) => r.closest('label')!.querySelector('strong')!.textContent)).toEqual(['USB drive “KINGSTON”', 'Documents folder', 'Another place…']);
    expect((places[0] as HTMLInputElement).checked).toBe(true);
    // A stick plugged in late: the list is read again.
    await user.click(within(wizard).getByRole('button', { name: 'Look again for USB drives' }));
    await within(wizard).findByRole('group', { name: 'Where should the bundle be saved?' });
    expect(app.bridge.calls.filter((c) => c.method === 'files:bundleDestinations')).toHaveLength(2);
    await user.click(within(wizard).getByRole('button', { name: 'Write the bundle' }));
    expect(await within(wizard).findByText('The bundle is ready')).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'bundles:export')?.input).toEqual({ to: 'det1', alsoTo: ['off1'], file: stick.file });
    expect(within(wizard).getByText('Encrypted to each recipient’s own key (Łutselk’e detachment laptop, Łutselk’e band office)')).toBeTruthy();
  });

  it('asks a passphrase where no key is known (a computer trusted by hand), and says why', async () => {
    const app = open(() => ({ ...toRecipients, encryption: 'passphrase', withoutKey: ['Old laptop'] }));
    const user = userEvent.setup();
    const wizard = await screen.findByRole('dialog');
    await user.click(await within(wizard).findByRole('radio', { name: /Old laptop — not enrolled: a passphrase is needed/ }));
    expect(within(wizard).queryByRole('group', { name: 'Also for' })).toBeNull();
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    expect(await within(wizard).findByText(/No encryption key is known for Old laptop/)).toBeTruthy();
    await user.type(within(wizard).getByLabelText('Passphrase', { exact: true }), 'short');
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    expect(within(wizard).getByText('The passphrase must have at least 8 characters.')).toBeTruthy();
    await user.clear(within(wizard).getByLabelText('Passphrase', { exact: true }));
    await user.type(within(wizard).getByLabelText('Passphrase', { exact: true }), 'caribou crossing');
    await user.type(within(wizard).getByLabelText('Type the passphrase again'), 'caribou crossing');
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    await user.click(await within(wizard).findByRole('radio', { name: /Another place…/ }));
    await user.click(within(wizard).getByRole('button', { name: 'Choose where to save…' }));
    expect(await within(wizard).findByText('Encrypted with a passphrase')).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'bundles:export')?.input).toEqual({ to: 'tofu', file: '/elsewhere/x.planbundle', passphrase: 'caribou crossing', encrypt: true });
  });

  it('works with the keyboard alone and speaks French: a full bundle needs a passphrase', async () => {
    const app = open(() => ({ ...toRecipients, encryption: 'passphrase', withoutKey: [], parts: [...toRecipients.parts, { partition: '*', kind: 'legacy', communityId: null, communityName: null, changesets: 2 }], changesetCount: 12 }), 'fr');
    const user = userEvent.setup();
    const wizard = await screen.findByRole('dialog', { name: 'Envoyer un paquet' });
    await within(wizard).findByRole('radio', { name: /Un paquet complet/ });
    const full = within(wizard).getByRole('radio', { name: /Un paquet complet/ }) as HTMLInputElement;
    full.focus();
    expect(full.checked).toBe(true);
    await user.keyboard('{Enter}');
    expect(await within(wizard).findByText(/Un paquet complet n’est pas destiné à un seul ordinateur/)).toBeTruthy();
    expect(within(wizard).getByRole('rowheader', { name: 'Modifications faites avant que les collectivités soient séparées' })).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'bundles:exportContents')?.input).toEqual({ full: true });
    await user.click(within(wizard).getByLabelText('Phrase de passe', { exact: true }));
    await user.keyboard('caribou crossing{Tab}caribou crossing{Enter}');
    const where = await within(wizard).findByRole('group', { name: 'Où enregistrer le paquet ?' });
    expect(within(where).getAllByRole('radio')[0]!.closest('label')!.textContent).toContain('Clé USB « KINGSTON »');
  });
});

describe('with dozens of computers', () => {
  it('filters the list by computer, user or community, keeping the chosen one', async () => {
    const many: ExportRecipient[] = Array.from({ length: 12 }, (_, i) => ({ ...behchoko, installationId: `c${i}`, name: `Office ${i}`, communityNames: [i === 7 ? 'Délı̨nę' : 'Behchokǫ̀'] }));
    setup({
      'sync:whoami': () => ({ installationId: 'me', name: 'Justice HQ', publicKey: 'k', fingerprint: 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X' }),
      'bundles:exportRecipients': () => [detachment, ...many],
    }).renderIn(
      <BundleFilesContext.Provider value={files()}>
        <ExportWizard onClose={() => {}} />
      </BundleFilesContext.Provider>,
    );
    const user = userEvent.setup();
    const wizard = await screen.findByRole('dialog');
    await user.click(await within(wizard).findByRole('radio', { name: /Łutselk’e detachment laptop/ }));
    // Accents do not matter: "deline" finds Délı̨nę.
    await user.type(within(wizard).getByRole('searchbox', { name: 'Find a computer' }), 'deline');
    const names = within(wizard).getAllByRole('radio').map((r) => r.closest('label')!.querySelector('strong')!.textContent);
    expect(names).toEqual(['Łutselk’e detachment laptop', 'Office 7', 'A full bundle']);
  });
});
