/**
 * The titles of the export tables (CSV files, XLSX sheets), in English and French: the exports
 * (electron/core/reports/labels.ts) and the screens' export buttons read them from here.
 */
import type { ExportView } from '../reports';
import type { Locale } from '../vocabulary';

export const exportTableTitles: Record<Locale, Record<ExportView, string>> = {
  en: {
    completeness: 'Completeness by community and quarter',
    'completeness-by-quarter': 'Completeness rates per quarter',
    'completeness-by-community': 'Completeness rates per community',
    'action-status': 'Action status across communities',
    themes: 'Themes across communities',
    zones: 'CSWB zones across communities',
    'indicator-trends': 'Indicator trends',
    'commitment-progress': 'Commitment progress',
    plans: 'Plans',
    priorities: 'Priorities',
    actions: 'Actions',
    indicators: 'Indicators',
    'indicator-values': 'Indicator values',
    progress: 'Quarterly progress',
    reports: 'Quarterly reports',
  },
  fr: {
    completeness: 'Complétude par collectivité et trimestre',
    'completeness-by-quarter': 'Taux de complétude par trimestre',
    'completeness-by-community': 'Taux de complétude par collectivité',
    'action-status': 'État des mesures dans les collectivités',
    themes: 'Thèmes dans les collectivités',
    zones: 'Zones SBEC dans les collectivités',
    'indicator-trends': 'Tendances des indicateurs',
    'commitment-progress': 'Avancement de l’engagement',
    plans: 'Plans',
    priorities: 'Priorités',
    actions: 'Mesures',
    indicators: 'Indicateurs',
    'indicator-values': 'Valeurs des indicateurs',
    progress: 'Avancement trimestriel',
    reports: 'Rapports trimestriels',
  },
};
