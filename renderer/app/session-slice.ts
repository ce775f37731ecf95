import type { MethodRawInput } from '../../shared/contract';
import type { InstallationProfile } from '../../shared/domain';
import type { Locale } from '../../shared/vocabulary';
import { messageOf } from '../api/api-error';
import type { SliceCreator } from './planner-store';

export interface SessionSlice {
  profile: InstallationProfile | null;
  profileError: unknown;
  locale: Locale;
  loadProfile(): Promise<void>;
  /** Switches the language at once, then remembers it in the installation profile. */
  setLocale(locale: Locale): Promise<void>;
  saveProfile(patch: MethodRawInput<'installation:update'>): Promise<InstallationProfile>;
}

function applyLanguage(i18n: { changeLanguage(l: string): unknown }, locale: Locale): void {
  void i18n.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'fr' ? 'fr-CA' : 'en-CA';
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, { client, i18n }) => ({
  profile: null,
  profileError: null,
  locale: i18n.language === 'fr' ? 'fr' : 'en',

  async loadProfile() {
    try {
      const profile = await client.call('installation:get', {});
      applyLanguage(i18n, profile.locale);
      set({ profile, locale: profile.locale, profileError: null });
    } catch (error) {
      set({ profileError: error });
    }
  },

  async setLocale(locale) {
    applyLanguage(i18n, locale);
    set({ locale });
    try {
      const profile = await client.call('installation:update', { locale });
      set({ profile });
    } catch (error) {
      get().notify(i18n.t('settings.languageNotSaved', { message: messageOf(error, i18n.language) }));
    }
  },

  async saveProfile(patch) {
    const profile = await client.call('installation:update', patch);
    if (profile.locale !== get().locale) applyLanguage(i18n, profile.locale);
    set({ profile, locale: profile.locale });
    return profile;
  },
});
