/**
 * English and French catalogues, loaded with the page (they are small) so switching language is
 * instant and works offline. Keys are typed from en.json (see i18next.d.ts), so a key used in code
 * but missing from the catalogue does not compile; test/renderer checks that fr.json has exactly
 * the keys of en.json.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/vocabulary';
import en from './en.json';
import fr from './fr.json';
import syncEn from './sync.en.json';
import syncFr from './sync.fr.json';
import reportsEn from './reports.en.json';
import reportsFr from './reports.fr.json';
import cycleEn from './cycle.en.json';
import cycleFr from './cycle.fr.json';
import territoryEn from './territory.en.json';
import territoryFr from './territory.fr.json';
import territoryAdminEn from './territory-admin.en.json';
import territoryAdminFr from './territory-admin.fr.json';
import { vocabularyLabels } from '../../shared/words/vocabulary-labels';

/**
 * The main catalogues joined with the plan bundle screens' own pair (sync.*.json: the "sync" keys),
 * the reports' (reports.*.json: the "reports" keys), the Territory screens' (territory-admin.*.json: the
 * "territoryAdmin" keys) and the labels of the vocabularies (the "vocab"
 * keys), which live in the one word catalogue shared with the core (shared/words/).
 */
export const catalogues = {
  en: { ...en, ...syncEn, ...reportsEn, ...cycleEn, ...territoryEn, ...territoryAdminEn, vocab: vocabularyLabels.en },
  fr: { ...fr, ...syncFr, ...reportsFr, ...cycleFr, ...territoryFr, ...territoryAdminFr, vocab: vocabularyLabels.fr },
} as const;

export function createI18n(locale: Locale = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: catalogues.en }, fr: { translation: catalogues.fr } },
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr'],
    // Method names such as "plans:agree" appear in keys' values, never as namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}
