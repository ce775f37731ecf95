/** First start: the three choices, the forms and their refusals, the waiting page, and what Settings shows once enrolled. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SetupState } from '../../shared/domain';
import type { BundleFiles } from '../../renderer/api/bundle-files';
import { ApiError } from '../../renderer/api/api-error';
import { App } from '../../renderer/app/App';
import { BundleFilesContext } from '../../renderer/features/exchange/use-bundle-files';
import { SettingsScreen } from '../../renderer/features/settings/SettingsScreen';
import { setup } from './support/render-app';

const FP = 'K7QD-3MZP-VQBB-9TE2-NALR-A28N-HJ7X-ESTZ';
const NEW: SetupState = { state: 'new', isDemo: false, locale: 'en', territory: null, role: null, communities: null, certificate: null };
const files: BundleFiles = { mode: 'dialogs', chooseToOpen: async () => '/media/stick/enrolment.planbundle', upload: async () => '', chooseDestination: async (name) => `/media/stick/${name}`, download: async () => {} };

function renderApp(app: ReturnType<typeof setup>) {
  app.renderIn(
    <BundleFilesContext.Provider value={files}>
      <App />
    </BundleFilesContext.Provider>,
  );
}

describe('first start', () => {
  it('offers the three choices in the person’s language, and switches language on the page with nothing saved', async () => {
    const app = setup({ 'installation:setupState': () => NEW }, 'fr');
    await app.store.getState().loadSetup();
    renderApp(app);
    expect(screen.getByRole('heading', { level: 2, name: 'Démarrer un nouveau territoire' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Se joindre à un territoire' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Explorer la démonstration' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: /principale|main/i })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Start a new territory' })).toBeTruthy();
    expect(app.bridge.calls.map((c) => c.method)).toEqual(['installation:setupState']);
  });

  it('starts a territory only with every name typed (none filled in), shows the core’s refusal as a sentence, then goes on to the reference data', async () => {
    let refuse = true;
    const app = setup({
      'installation:setupState': () => NEW,
      'territory:start': () => {
        if (refuse) throw new ApiError({ code: 'invalid_input', message: 'The territory name is too long: at most 200 characters.' });
        return { ...NEW, state: 'ready', role: 'coordinator', territory: { id: 't1', name: 'Northwest Territories', fingerprint: FP } };
      },
    });
    await app.store.getState().loadSetup();
    renderApp(app);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Start a new territory' }));
    for (const field of ["Territory's name", "This computer's name", 'Your name']) expect((screen.getByLabelText(field, { exact: false }) as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Start the territory' }));
    expect(screen.getByText("Enter the territory's name.")).toBeTruthy();
    expect(screen.getByText("Enter this computer's name.")).toBeTruthy();
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'territory:start')).toBe(false);

    await user.type(screen.getByLabelText("Territory's name", { exact: false }), 'Northwest Territories');
    await user.type(screen.getByLabelText("This computer's name", { exact: false }), 'Coordinator — Yellowknife');
    await user.type(screen.getByLabelText('Your name', { exact: false }), 'Mary Beaulieu');
    await user.click(screen.getByRole('button', { name: 'Start the territory' }));
    expect(await screen.findByText('The territory name is too long: at most 200 characters.')).toBeTruthy();

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Start the territory' }));
    expect(await screen.findByRole('heading', { level: 1, name: "The territory's reference data" })).toBeTruthy();
    expect(app.bridge.calls.filter((c) => c.method === 'territory:start').at(-1)!.input).toEqual({ territoryName: 'Northwest Territories', computerName: 'Coordinator — Yellowknife', userName: 'Mary Beaulieu', locale: 'en' });
  });

  it('joins: writes the request file, then accepts the enrolment bundle only with a well-formed territory fingerprint', async () => {
    let state: SetupState = NEW;
    const app = setup({
      'installation:setupState': () => state,
      'territory:join': () => (state = { ...NEW, state: 'joining', locale: 'fr' }),
      'enrolment:writeRequest': ({ file }) => ({ file, requestId: 'r1', installationId: 'i2', fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' }),
      'enrolment:accept': () => {
        throw new ApiError({ code: 'forbidden', message: 'Cette empreinte n’est pas celle du territoire de ce paquet.' });
      },
    });
    await app.store.getState().loadSetup();
    renderApp(app);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Join a territory' }));
    await user.type(screen.getByLabelText("This computer's name", { exact: false }), 'Fort Smith detachment');
    await user.type(screen.getByLabelText('Your name', { exact: false }), 'Cst. Dene Laferté');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    // The joining computer's profile is in French: the waiting page follows it.
    expect(await screen.findByRole('heading', { level: 1, name: 'En attente de la coordination' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Écrire le fichier de demande d’inscription' }));
    expect(await screen.findByText('Demande d’inscription écrite')).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'enrolment:writeRequest')!.input).toEqual({ file: '/media/stick/demande-d’inscription.planbundle' });

    await user.click(screen.getByRole('button', { name: 'Ouvrir le paquet d’inscription' }));
    await user.type(await screen.findByLabelText('Empreinte du territoire, lue par la coordination', { exact: false }), 'K7QD 3MZP');
    await user.click(screen.getByRole('button', { name: 'Vérifier et se joindre au territoire' }));
    expect(screen.getByText(/Une empreinte de territoire compte 32 lettres et chiffres/)).toBeTruthy();
    expect(app.bridge.calls.some((c) => c.method === 'enrolment:accept')).toBe(false);

    await user.clear(screen.getByLabelText('Empreinte du territoire, lue par la coordination', { exact: false }));
    await user.type(screen.getByLabelText('Empreinte du territoire, lue par la coordination', { exact: false }), FP.toLowerCase());
    await user.click(screen.getByRole('button', { name: 'Vérifier et se joindre au territoire' }));
    expect(await screen.findByText('Cette empreinte n’est pas celle du territoire de ce paquet.')).toBeTruthy();
    expect(app.bridge.calls.find((c) => c.method === 'enrolment:accept')!.input).toEqual({ file: '/media/stick/enrolment.planbundle', territoryFingerprint: FP.toLowerCase(), passphrase: null });
  });

  it('shows the demo banner on every screen while the demo is open', async () => {
    const app = setup({ 'installation:setupState': () => ({ ...NEW, state: 'ready', isDemo: true, role: 'coordinator' }), 'communities:list': () => [] });
    await app.store.getState().loadSetup();
    renderApp(app);
    expect(await screen.findByText('Demo — not real data.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Leave the demo' })).toBeTruthy();
  });
});

describe('Settings on an enrolled computer', () => {
  it('shows the role and communities from the certificate, read-only, and saves only the names', async () => {
    const app = setup({
      'installation:setupState': () => ({
        state: 'ready',
        isDemo: false,
        locale: 'en',
        territory: { id: 't1', name: 'Northwest Territories', fingerprint: FP },
        role: 'detachment',
        communities: [{ id: 'c1', name: 'Łutselk’e' }],
        certificate: { serial: 'S-0002', issuedAt: '2026-10-20T15:00:00.000Z', role: 'detachment', communityIds: ['c1'] },
      }),
      'communities:list': () => [],
      'database:listBackups': () => [],
      'installation:update': (patch) => ({ installationId: 'inst1', name: 'Fort Smith', userName: 'Cst. Dene', role: 'detachment', scopeCommunityIds: ['c1'], locale: 'en', reportDueDays: 30, ...patch }) as never,
    });
    await app.store.getState().loadSetup();
    app.renderIn(<SettingsScreen />);
    expect(screen.getByText(/Set by the coordinator's certificate no\. S-0002 issued on/)).toBeTruthy();
    expect(screen.getByTestId('certified-role').textContent).toBe('Detachment');
    expect(screen.getByText('Łutselk’e')).toBeTruthy();
    expect(screen.queryByLabelText('Role', { selector: 'select' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(app.bridge.calls.some((c) => c.method === 'installation:update')).toBe(true));
    const patch = app.bridge.calls.find((c) => c.method === 'installation:update')!.input as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['name', 'reportDueDays', 'userName']);
  });
});
