/**
 * Parts the roll-up's tabs and the "Printing and exports" screen share: the filters (fiscal year,
 * region, detachment, theme, zone) and the export buttons of a set of tables (CSV each, XLSX of
 * everything, optionally marked public), placed above what they export.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupView } from '../../../shared/report-routes';
import type { ExportView, RollupData, RollupFilters } from '../../../shared/reports';
import { CSWB_ZONES, type CswbZone } from '../../../shared/vocabulary';
import { exportTableTitles } from '../../../shared/words/export-tables';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { FiscalYearSelect } from '../../components/FiscalYearSelect';
import { useFormat } from '../../i18n/format';
import { themeLabel } from '../plans/plan-reference';
import { useRollupCommands } from './rollup-slice';
import { OperationProgress } from '../operations/OperationProgress';

export function RollupFiltersPanel({ filters, onChange, data }: { filters: RollupFilters; onChange: (f: RollupFilters) => void; data: RollupData | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const set = (patch: Partial<RollupFilters>) => onChange({ ...filters, ...patch });
  return (
    <section className="panel no-print" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('reports.rollup.filters')}
      </h2>
      <div className="row">
        <FiscalYearSelect value={filters.fiscalYear} onChange={(fiscalYear) => set({ fiscalYear })} />
        <Select className="field--inline" label={t('reports.rollup.region')} value={filters.region ?? ''} onChange={(e) => set({ region: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.regions ?? []).map((r) => ({ value: r, label: r }))]} />
        <Select className="field--inline" label={t('reports.rollup.detachment')} value={filters.detachmentId ?? ''} onChange={(e) => set({ detachmentId: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.detachments ?? []).map((d) => ({ value: d.id, label: d.name }))]} />
        <Select className="field--inline" label={t('reports.rollup.theme')} value={filters.themeId ?? ''} onChange={(e) => set({ themeId: e.target.value || undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...(data?.choices.themes ?? []).map((th) => ({ value: th.id, label: themeLabel(th, format.locale) }))]} />
        <Select className="field--inline" label={t('reports.rollup.zone')} value={filters.zone ?? ''} onChange={(e) => set({ zone: (e.target.value || undefined) as CswbZone | undefined })} options={[{ value: '', label: t('reports.rollup.any') }, ...CSWB_ZONES.map((z) => ({ value: z, label: t(`vocab.zone.${z}`) }))]} />
      </div>
    </section>
  );
}

/** What each roll-up tab exports. */
export const VIEW_EXPORTS: Record<RollupView, ExportView[]> = {
  completeness: ['completeness-by-quarter', 'completeness-by-community', 'completeness'],
  status: ['action-status'],
  themes: ['themes', 'zones'],
  indicators: ['indicator-trends'],
  commitment: ['commitment-progress'],
};

/** "Mark exports public": counts below 5 shown as "fewer than 5", narratives left out. */
export function PublicChoice({ id, checked, onChange }: { id?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <label className="small rollup-exports__public" htmlFor={inputId}>
      <input id={inputId} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('reports.rollup.exportPublic')}
    </label>
  );
}

/** The export buttons of some of the roll-up's tables, with the same filters as what is shown. */
export function RollupExports({ filters, views, compact = false, withXlsx = true, isPublic: givenPublic }: { filters: RollupFilters; views: readonly ExportView[]; compact?: boolean; withXlsx?: boolean; /** Given: the screen has one "public" choice for all its exports. */ isPublic?: boolean }) {
  const { t, i18n } = useTranslation();
  const commands = useRollupCommands();
  const [ownPublic, setPublic] = useState(false);
  const isPublic = givenPublic ?? ownPublic;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const publicId = useId();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  async function run(key: string, request: Omit<Parameters<typeof commands.exportFile>[0], keyof RollupFilters | 'locale' | 'public'>) {
    setBusy(key);
    setError(null);
    try {
      await commands.exportFile({ ...filters, ...request, locale, public: isPublic });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <section className={['rollup-export-bar', 'no-print', compact ? 'rollup-export-bar--compact' : 'panel'].join(' ')} aria-label={t('rollupViews.exports.label')}>
      <ErrorBanner error={error} />
      <div className="rollup-exports">
        {views.map((v) => (
          <Button key={v} size="small" busy={busy === v} onClick={() => void run(v, { format: 'csv', views: [v] })}>
            {t('reports.rollup.exportCsv', { table: exportTableTitles[locale][v] })}
          </Button>
        ))}
        {withXlsx ? (
          <Button size="small" variant={compact ? 'secondary' : 'primary'} busy={busy === 'xlsx'} onClick={() => void run('xlsx', { format: 'xlsx' })}>
            {t('reports.rollup.exportXlsx')}
          </Button>
        ) : null}
        {givenPublic === undefined ? <PublicChoice id={publicId} checked={ownPublic} onChange={setPublic} /> : null}
      </div>
      {/* The core prepares the file in its worker for long operations: its real progress, and Stop (issue 13 §1). */}
      {busy ? <OperationProgress operation="exports:file" label={t('operations.exports.label')} /> : null}
    </section>
  );
}
