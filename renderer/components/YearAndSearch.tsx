/**
 * The filters panel the community lists open with: the fiscal year (this year to start) and a
 * search by name, then the screen's own filters.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentFiscalQuarter } from '../app/today';
import { TextField } from './Field';
import { FiscalYearSelect } from './FiscalYearSelect';

export function useYearAndSearch() {
  const [fiscalYear, setFiscalYear] = useState(currentFiscalQuarter().fiscalYear);
  const [search, setSearch] = useState('');
  return { fiscalYear, setFiscalYear, search, setSearch };
}

export type YearAndSearch = ReturnType<typeof useYearAndSearch>;

export function YearAndSearchPanel({ filter, children }: { filter: YearAndSearch; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="panel">
      <div className="row">
        <FiscalYearSelect value={filter.fiscalYear} onChange={filter.setFiscalYear} />
        <TextField className="field--inline" type="search" label={t('communities.search')} value={filter.search} onChange={(e) => filter.setSearch(e.target.value)} placeholder={t('communities.searchPlaceholder')} />
        {children}
      </div>
    </div>
  );
}
