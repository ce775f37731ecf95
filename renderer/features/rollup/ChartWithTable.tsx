import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, type TableProps } from '../../components/Table';
import { ChartFigure } from './charts';

/**
 * A roll-up chart and the table of the same figures, under one caption. The chart is for sighted
 * readers; the table is what screen readers read and what gets printed, so its caption stays
 * for screen readers only (the figure above already shows it).
 */
export function ChartWithTable<T>({ caption, rows, rowKey, columns, children }: { caption: string; children: ReactNode } & Pick<TableProps<T>, 'rows' | 'rowKey' | 'columns'>) {
  const { t } = useTranslation();
  return (
    <>
      <ChartFigure caption={caption} hint={t('reports.rollup.chartHint')}>
        {children}
      </ChartFigure>
      <Table caption={caption} hideCaption compact rows={rows} rowKey={rowKey} columns={columns} />
    </>
  );
}
