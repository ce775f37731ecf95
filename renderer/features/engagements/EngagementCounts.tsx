/**
 * The roll-up's count of engagements (issue 14 §1): per community and kind, for the fiscal year
 * chosen, as a table (a column per kind that was held at least once somewhere, and the total).
 */
import { useTranslation } from 'react-i18next';
import type { EngagementCount } from '../../../shared/domain';
import { ENGAGEMENT_KINDS, type EngagementKind } from '../../../shared/engagements';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';

interface CommunityRow {
  communityId: string;
  communityName: string;
  counts: Partial<Record<EngagementKind, number>>;
  total: number;
}

export function pivotCounts(counts: readonly EngagementCount[]): { rows: CommunityRow[]; kinds: EngagementKind[] } {
  const byCommunity = new Map<string, CommunityRow>();
  for (const c of counts) {
    const row = byCommunity.get(c.communityId) ?? { communityId: c.communityId, communityName: c.communityName, counts: {}, total: 0 };
    row.counts[c.kind] = (row.counts[c.kind] ?? 0) + c.count;
    row.total += c.count;
    byCommunity.set(c.communityId, row);
  }
  const kinds = ENGAGEMENT_KINDS.filter((k) => counts.some((c) => c.kind === k));
  return { rows: [...byCommunity.values()], kinds };
}

export function EngagementCounts({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const call = useCall('rollup:engagements', { fiscalYear });
  const year = format.fiscalYear(fiscalYear);
  const { rows, kinds } = pivotCounts(call.data ?? []);
  const columns: Array<Column<CommunityRow>> = [
    { key: 'community', header: t('engagement.rollup.community'), rowHeader: true, sortValue: (r) => r.communityName, render: (r) => <a href={href.engagements(r.communityId)}>{r.communityName}</a> },
    ...kinds.map((k) => ({ key: k, header: t(`engagement.kind.${k}`), numeric: true, render: (r: CommunityRow) => format.number(r.counts[k] ?? 0, 0) })),
    { key: 'total', header: t('engagement.rollup.total'), numeric: true, render: (r) => format.number(r.total, 0) },
  ];
  return (
    <section className="panel rollup-engagements" aria-labelledby="rollup-engagements">
      <h2 id="rollup-engagements">{t('engagement.rollup.title')}</h2>
      <ErrorBanner error={call.error} onRetry={call.reload} />
      {!call.data ? (
        call.error ? null : <Loading />
      ) : rows.length === 0 ? (
        <p className="muted">{t('engagement.rollup.none', { year })}</p>
      ) : (
        <Table caption={t('engagement.rollup.caption', { year })} rows={rows} rowKey={(r) => r.communityId} columns={columns} compact />
      )}
    </section>
  );
}
