import 'i18next';
import type en from './en.json';
import type syncEn from './sync.en.json';
import type reportsEn from './reports.en.json';
import type cycleEn from './cycle.en.json';
import type territoryAdminEn from './territory-admin.en.json';
import type territoryEn from './territory.en.json';
import type permissionsEn from './permissions.en.json';
import type exchangeExportEn from './exchange-export.en.json';
import type exchangeImportEn from './exchange-import.en.json';
import type progressFormEn from './progress-form.en.json';
import type backupsEn from './backups.en.json';
import type printOptionsEn from './print-options.en.json';
import type operationsEn from './operations.en.json';
import type layoutEn from './layout.en.json';
import type rollupViewsEn from './rollup-views.en.json';
import type printContentEn from './print-content.en.json';
import type safeEditsEn from './safe-edits.en.json';
import type commentsEn from './comments.en.json';
import type evidenceEn from './evidence.en.json';
import type practicesEn from './practices.en.json';
import type engagementEn from './engagement.en.json';
import type quarterReviewEn from './quarter-review.en.json';
import type { VocabularyLabels } from '../../shared/words/vocabulary-labels';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & typeof syncEn & typeof reportsEn & typeof cycleEn & typeof territoryAdminEn & typeof territoryEn & typeof permissionsEn & typeof exchangeExportEn & typeof exchangeImportEn & typeof progressFormEn & typeof backupsEn & typeof printOptionsEn & typeof layoutEn & typeof rollupViewsEn & typeof printContentEn & typeof safeEditsEn & typeof commentsEn & typeof operationsEn & typeof evidenceEn & typeof practicesEn & typeof engagementEn & typeof quarterReviewEn & { vocab: VocabularyLabels } };
    nsSeparator: false;
    returnNull: false;
  }
}
