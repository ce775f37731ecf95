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
import territoryAdminEn from './territory-admin.en.json';
import territoryAdminFr from './territory-admin.fr.json';
import territoryEn from './territory.en.json';
import territoryFr from './territory.fr.json';
import permissionsEn from './permissions.en.json';
import permissionsFr from './permissions.fr.json';
import exchangeExportEn from './exchange-export.en.json';
import progressFormEn from './progress-form.en.json';
import progressFormFr from './progress-form.fr.json';
import exchangeExportFr from './exchange-export.fr.json';
import exchangeImportEn from './exchange-import.en.json';
import exchangeImportFr from './exchange-import.fr.json';
import backupsEn from './backups.en.json';
import backupsFr from './backups.fr.json';
import printOptionsEn from './print-options.en.json';
import printOptionsFr from './print-options.fr.json';
import operationsEn from './operations.en.json';
import operationsFr from './operations.fr.json';
import layoutEn from './layout.en.json';
import layoutFr from './layout.fr.json';
import rollupViewsEn from './rollup-views.en.json';
import rollupViewsFr from './rollup-views.fr.json';
import printContentEn from './print-content.en.json';
import printContentFr from './print-content.fr.json';
import safeEditsEn from './safe-edits.en.json';
import safeEditsFr from './safe-edits.fr.json';
import commentsEn from './comments.en.json';
import commentsFr from './comments.fr.json';
import evidenceEn from './evidence.en.json';
import evidenceFr from './evidence.fr.json';
import practicesEn from './practices.en.json';
import practicesFr from './practices.fr.json';
import engagementEn from './engagement.en.json';
import engagementFr from './engagement.fr.json';
import quarterReviewEn from './quarter-review.en.json';
import quarterReviewFr from './quarter-review.fr.json';
import { vocabularyLabels } from '../../shared/words/vocabulary-labels';

/**
 * Every pair of catalogues, in the order they are joined: the main one, then one pair per part of
 * the app (its keys under its own top-level name: "sync", "reports", "cycle", "territoryAdmin",
 * "territory", "permissions"), so that parts built side by side never edit the same file. No pair
 * may repeat another's top-level key (test/renderer/i18n-catalogues.test.ts). The labels of the
 * vocabularies (the "vocab" keys) live in the one word catalogue shared with the core (shared/words/).
 */
export const cataloguePairs = {
  main: { en, fr },
  sync: { en: syncEn, fr: syncFr },
  reports: { en: reportsEn, fr: reportsFr },
  cycle: { en: cycleEn, fr: cycleFr },
  territoryAdmin: { en: territoryAdminEn, fr: territoryAdminFr },
  territory: { en: territoryEn, fr: territoryFr },
  permissions: { en: permissionsEn, fr: permissionsFr },
  exchangeExport: { en: exchangeExportEn, fr: exchangeExportFr },
  progressForm: { en: progressFormEn, fr: progressFormFr },
  exchangeImport: { en: exchangeImportEn, fr: exchangeImportFr },
  backups: { en: backupsEn, fr: backupsFr },
  printOptions: { en: printOptionsEn, fr: printOptionsFr },
  layout: { en: layoutEn, fr: layoutFr },
  rollupViews: { en: rollupViewsEn, fr: rollupViewsFr },
  printContent: { en: printContentEn, fr: printContentFr },
  safeEdits: { en: safeEditsEn, fr: safeEditsFr },
  comments: { en: commentsEn, fr: commentsFr },
  operations: { en: operationsEn, fr: operationsFr },
  evidence: { en: evidenceEn, fr: evidenceFr },
  practices: { en: practicesEn, fr: practicesFr },
  engagement: { en: engagementEn, fr: engagementFr },
  quarterReview: { en: quarterReviewEn, fr: quarterReviewFr },
} as const;

export const catalogues = {
  en: { ...en, ...syncEn, ...reportsEn, ...cycleEn, ...territoryAdminEn, ...territoryEn, ...permissionsEn, ...exchangeExportEn, ...exchangeImportEn, ...progressFormEn, ...backupsEn, ...printOptionsEn, ...layoutEn, ...rollupViewsEn, ...printContentEn, ...safeEditsEn, ...commentsEn, ...operationsEn, ...evidenceEn, ...practicesEn, ...engagementEn, ...quarterReviewEn, vocab: vocabularyLabels.en },
  fr: { ...fr, ...syncFr, ...reportsFr, ...cycleFr, ...territoryAdminFr, ...territoryFr, ...permissionsFr, ...exchangeExportFr, ...exchangeImportFr, ...progressFormFr, ...backupsFr, ...printOptionsFr, ...layoutFr, ...rollupViewsFr, ...printContentFr, ...safeEditsFr, ...commentsFr, ...operationsFr, ...evidenceFr, ...practicesFr, ...engagementFr, ...quarterReviewFr, vocab: vocabularyLabels.fr },
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
