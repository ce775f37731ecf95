/**
 * Every community with its plan for the chosen year and its quarterly report completeness.
 * The core does the search, by any of a community's names, ignoring accents, apostrophes and case
 * ("deline" finds "Délı̨nę", "Lutselke" finds "Łutselk'e"); names sort as the language expects.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunitySummary, CompletenessRow } from '../../../shared/domain';
import { compareNames } from '../../../shared/text-search';
import { PLAN_STATUSES } from '../../../shared/vocabulary';
import { ButtonLink } from '../../components/Button';
import { EmptyState, LoadedList, NoMatch } from '../../components/Feedback';
import { Select } from '../../components/Field';
import { NoPlanCell } from '../../components/NoPlanCell';
import { PageHeader } from '../../components/PageHeader';
import { useYearAndSearch, YearAndSearchPanel } from '../../components/YearAndSearch';
import { StatusChip } from '../../components/StatusChip';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';

type Row = CommunitySummary & { completeness: CompletenessRow | undefined };

export function CommunitiesScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = usePlanner((s) => s.locale);
  const isCoordinator = usePlanner((s) => s.profile?.role === 'coordinator');
  const filter = useYearAndSearch();
  const { fiscalYear, search } = filter;
  const [region, setRegion] = useState('');
  const [planFilter, setPlanFilter] = useState('');
  const searching = search.trim() !== '';
  const communities = useCall('communities:list', { fiscalYear, ...(searching ? { search } : {}) });
  // The regions to filter by come from every community, not only those the search found.
  const all = useCall('communities:list', searching ? { fiscalYear } : null);
  const matrix = useCall('completeness:matrix', { fiscalYear });

  const everyCommunity = searching ? all.data : communities.data;
  const regions = useMemo(() => [...new Set((everyCommunity ?? []).map((c) => c.region))].sort(compareNames(locale)), [everyCommunity, locale]);
  const rows: Row[] = useMemo(() => {
    const byCommunity = new Map((matrix.data?.rows ?? []).map((r) => [r.communityId, r]));
    const compare = compareNames(locale);
    return (communities.data ?? [])
      .filter((c) => (region ? c.region === region : true))
      .filter((c) => (planFilter ? (c.plan?.status ?? 'none') === planFilter : true))
      .sort((a, b) => compare(a.name, b.name))
      .map((c) => ({ ...c, completeness: byCommunity.get(c.id) }));
  }, [communities.data, matrix.data, region, planFilter, locale]);

  const columns: Array<Column<Row>> = [
    {
      key: 'name',
      header: t('communities.community'),
      rowHeader: true,
      render: (c) => <a href={href.community(c.id)}>{c.name}</a>,
    },
    { key: 'region', header: t('communities.region'), render: (c) => c.region },
    {
      key: 'detachment',
      header: t('communities.detachment'),
      render: (c) =>
        c.hasDetachment ? (
          t('communities.ownDetachment')
        ) : (
          <span>{c.servedByDetachmentName ? t('communities.servedBy', { name: c.servedByDetachmentName }) : t('communities.noDetachment')}</span>
        ),
    },
    {
      key: 'plan',
      header: t('communities.plan'),
      render: (c) => (c.plan ? <a className="matrix-link" href={href.plan(c.plan.id)}><StatusChip kind="plan" value={c.plan.status} /><span className="visually-hidden"> {t('communities.planOf', { name: c.name })}</span></a> : <StatusChip kind="plan" value="none" />),
    },
    ...([1, 2, 3, 4] as const).map(
      (q): Column<Row> => ({
        key: `q${q}`,
        header: format.quarterShort(q),
        render: (c) => {
          const cell = c.completeness?.cells[q - 1];
          if (!c.plan) return <NoPlanCell />;
          return cell ? <StatusChip kind="completeness" value={cell.state} /> : null;
        },
      }),
    ),
  ];

  return (
    <>
      <PageHeader title={t('communities.title')} subtitle={t('communities.subtitle')} />
      <YearAndSearchPanel filter={filter}>
        <Select
          className="field--inline"
          label={t('communities.region')}
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          placeholder={t('communities.allRegions')}
          options={regions.map((r) => ({ value: r, label: r }))}
        />
        <Select
          className="field--inline"
          label={t('communities.planStatus')}
          value={planFilter}
          onChange={(e) => setPlanFilter(e.target.value)}
          placeholder={t('communities.anyPlanStatus')}
          options={(['none', ...PLAN_STATUSES] as const).map((s) => ({ value: s, label: t(`vocab.planStatus.${s}`) }))}
        />
      </YearAndSearchPanel>
      <LoadedList call={{ ...communities, error: communities.error ?? matrix.error, reload: () => { communities.reload(); matrix.reload(); } }} empty={
          searching ? (
            <NoMatch />
          ) : // The coordinator keeps the reference lists: point to them, not to a bundle from oneself.
          isCoordinator ? (
            <EmptyState title={t('communities.emptyTitle')} action={<ButtonLink href={href.territory()} variant="primary" icon="arrow-right">{t('territoryAdmin.communitiesPage.goToTerritory')}</ButtonLink>}>
              {t('territoryAdmin.communitiesPage.emptyBody')}
            </EmptyState>
          ) : (
            <EmptyState title={t('communities.emptyTitle')}>{t('communities.emptyBody')}</EmptyState>
          )
        }>
        {() =>
          rows.length === 0 ? (
            <NoMatch />
          ) : (
            <>
              <p className="muted small" aria-live="polite">
                {t('communities.count', { count: rows.length, year: format.fiscalYear(fiscalYear) })}
              </p>
              <Table caption={t('communities.tableCaption', { year: format.fiscalYear(fiscalYear) })} hideCaption columns={columns} rows={rows} rowKey={(c) => c.id} compact />
            </>
          )
        }
      </LoadedList>
    </>
  );
}
