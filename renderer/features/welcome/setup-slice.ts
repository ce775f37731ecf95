/**
 * Where this database stands (installation:setupState): a new database shows the first start, a
 * joining one the waiting page, a ready one the planner. The first start keeps its own steps
 * (reference data, then the recovery file) after territory:start has already made it 'ready'.
 */
import type { SetupState } from '../../../shared/domain';
import type { Locale } from '../../../shared/vocabulary';
import type { SliceCreator } from '../../app/planner-store';

/** The coordinator's steps after starting a territory, before the planner's screens. */
export type WelcomeStep = 'reference' | 'recovery';

export interface SetupSlice {
  setup: SetupState | null;
  welcomeStep: WelcomeStep | null;
  /** Reads the setup state, then the profile when the database is in use. */
  loadSetup(): Promise<void>;
  /** A new setup state from the core (after start, join, accept); loads the profile once ready. */
  setupChanged(setup: SetupState, step?: WelcomeStep | null): Promise<void>;
  setWelcomeStep(step: WelcomeStep | null): void;
  /** The language on the first start: nothing to save it in yet, so the page alone switches. */
  chooseLanguage(locale: Locale): void;
}

export const createSetupSlice: SliceCreator<SetupSlice> = (set, get, { client, i18n }) => ({
  setup: null,
  welcomeStep: null,

  async loadSetup() {
    let setup: SetupState;
    try {
      setup = await client.call('installation:setupState', {});
    } catch {
      // A core without first start (or a failure reading it): the profile says what is wrong, if anything.
      await get().loadProfile();
      return;
    }
    await get().setupChanged(setup);
  },

  async setupChanged(setup, step) {
    set({ setup, ...(step !== undefined ? { welcomeStep: step } : {}) });
    if (setup.state === 'ready') await get().loadProfile();
    else get().chooseLanguage(setup.state === 'joining' ? setup.locale : get().locale);
  },

  setWelcomeStep(step) {
    set({ welcomeStep: step });
  },

  chooseLanguage(locale) {
    void i18n.changeLanguage(locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale === 'fr' ? 'fr-CA' : 'en-CA';
    set({ locale });
  },
});
