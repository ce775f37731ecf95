/**
 * Home for my role: today's fiscal year and quarter, what is due and overdue for the communities
 * I work for (all of them for the coordinator), my communities' plans, and recent activity.
 */
import { useTranslation } from 'react-i18next';
import type { ChangeRecord, CompletenessMatrix, CompletenessRow } from '../../../shared/domain';
import { type Quarter } from '../../../shared/fiscal-calendar';
import { ButtonLink } from '../../components/Button';
import { EmptyState, ErrorBanner, Loading } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { StatusChip } from '../../components/StatusChip';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { currentFiscalQuarter, todayIso } from '../../app/today';
import { describeChange } from './activity';
import { NewComments } from '../reports/NewComments';
import { QuarterReviewHome, YearAtAGlanceHome } from '../quarter-review/QuarterHome';

interface DueItem {
  communityId: string;
  communityName: string;
  planId: string;
  fiscalYear: number;
  quarter: Quarter;
  state: 'due' | 'missing';
  dueDate: string;
  daysLate: number | null;
}

function dueItems(matrices: Array<CompletenessMatrix | undefined>, inScope: (row: CompletenessRow) => boolean): DueItem[] {
  const items: DueItem[] = [];
  for (const matrix of matrices) {
    if (!matrix) continue;
    for (const row of matrix.rows) {
      if (!row.planId || !inScope(row)) continue;
      for (const cell of row.cells) {
        if (cell.state === 'due' || cell.state === 'missing') {
          items.push({ communityId: row.communityId, communityName: row.communityName, planId: row.planId, fiscalYear: matrix.fiscalYear, quarter: cell.quarter, state: cell.state, dueDate: cell.dueDate, daysLate: cell.daysLate });
        }
      }
    }
  }
  return items.sort((a, b) => (a.state === b.state ? a.dueDate.localeCompare(b.dueDate) : a.state === 'missing' ? -1 : 1));
}

export function HomeScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const profile = usePlanner((s) => s.profile)!;
  const now = currentFiscalQuarter();
  const scope = new Set(profile.scopeCommunityIds);
  const inScope = (row: { communityId: string }) => scope.size === 0 || scope.has(row.communityId);

  const current = useCall('completeness:matrix', { fiscalYear: now.fiscalYear });
  // Early in a fiscal year, last year's Q4 report is still due.
  const previous = useCall('completeness:matrix', now.quarter === 1 ? { fiscalYear: now.fiscalYear - 1 } : null);
  const communities = useCall('communities:list', profile.role === 'coordinator' ? null : { fiscalYear: now.fiscalYear });
  const nextYear = useCall('communities:list', profile.role !== 'coordinator' && now.quarter === 4 ? { fiscalYear: now.fiscalYear + 1 } : null);
  const history = useCall('history:recent', { limit: 8, ownCommunities: true });

  const items = dueItems([previous.data, current.data], inScope);
  const overdue = items.filter((i) => i.state === 'missing');
  const due = items.filter((i) => i.state === 'due');
  const myCommunities = (communities.data ?? []).filter((c) => inScope({ communityId: c.id }));

  return (
    <>
      <PageHeader
        title={t('home.title', { name: profile.userName })}
        subtitle={t('layout.home.thisComputer', { installation: profile.name })}
      />

      <NewComments />

      {/* Issue 14 §4: reports returned by the coordinator, or waiting for the coordinator's review. */}
      <QuarterReviewHome matrices={[previous.data, current.data]} inScope={inScope} />

      <section className="panel" aria-labelledby="home-today">
        <h2 id="home-today">{t('home.today')}</h2>
        <div className="grid-3">
          <div>
            <span className="muted small">{t('home.date')}</span>
            <span className="stat">{format.date(todayIso())}</span>
          </div>
          <div>
            <span className="muted small">{t('common.fiscalYear')}</span>
            <span className="stat">{format.fiscalYear(now.fiscalYear)}</span>
          </div>
          <div>
            <span className="muted small">{t('common.quarter')}</span>
            <span className="stat">{t('home.quarterNow', { quarter: format.quarterShort(now.quarter), months: t(`home.quarterMonths.q${now.quarter}`) })}</span>
          </div>
        </div>
        {now.quarter === 4 && profile.role !== 'coordinator' ? <p className="muted">{t('home.planningSeason', { year: format.fiscalYear(now.fiscalYear + 1) })}</p> : null}
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="home-due">
          <h2 id="home-due">{t('home.reportsTitle')}</h2>
          <ErrorBanner error={current.error} onRetry={current.reload} />
          {current.loading && !current.data ? (
            <Loading />
          ) : items.length === 0 ? (
            <EmptyState headingLevel={3} title={t('home.nothingDueTitle')}>
              {t('home.nothingDueBody')}
            </EmptyState>
          ) : (
            <>
              {overdue.length > 0 ? <h3>{t('home.overdue', { count: overdue.length })}</h3> : null}
              <DueList items={overdue} />
              {due.length > 0 ? <h3>{t('home.dueSoon', { count: due.length })}</h3> : null}
              <DueList items={due} />
            </>
          )}
          {profile.role === 'coordinator' ? (
            <p>
              <a href={href.coordinator()}>{t('home.openRollup')}</a>
            </p>
          ) : null}
        </section>

        <section className="panel" aria-labelledby="home-activity">
          <h2 id="home-activity">{t('home.activityTitle')}</h2>
          <ErrorBanner error={history.error} onRetry={history.reload} />
          {history.loading && !history.data ? <Loading /> : <Activity records={history.data ?? []} />}
        </section>
      </div>

      {profile.role !== 'coordinator' ? (
        <section className="panel" aria-labelledby="home-plans">
          <h2 id="home-plans">{t('home.myPlans', { year: format.fiscalYear(now.fiscalYear) })}</h2>
          <ErrorBanner error={communities.error} onRetry={communities.reload} />
          {communities.loading && !communities.data ? (
            <Loading />
          ) : myCommunities.length === 0 ? (
            <EmptyState headingLevel={3} title={t('home.noCommunitiesTitle')} action={<ButtonLink href={href.settings()}>{t('home.openSettings')}</ButtonLink>}>
              {t('home.noCommunitiesBody')}
            </EmptyState>
          ) : (
            <ul className="plain-list">
              {myCommunities.map((c) => {
                const next = nextYear.data?.find((n) => n.id === c.id);
                return (
                  <li key={c.id} className="row">
                    <a href={href.community(c.id)}>
                      <strong>{c.name}</strong>
                    </a>
                    <StatusChip kind="plan" value={c.plan?.status ?? 'none'} />
                    {c.plan ? (
                      <>
                        <a href={href.plan(c.plan.id)}>{t('home.openPlan')}</a>
                        {c.plan.status !== 'draft' ? <a href={href.progress(c.plan.id, now.quarter)}>{t('home.recordProgress', { quarter: format.quarterShort(now.quarter) })}</a> : null}
                      </>
                    ) : (
                      <a href={href.community(c.id)}>{t('home.startPlan')}</a>
                    )}
                    {next !== undefined ? (
                      next.plan ? (
                        <a href={href.plan(next.plan.id)}>{t('home.openNextPlan', { year: format.fiscalYear(now.fiscalYear + 1) })}</a>
                      ) : (
                        <a href={href.community(c.id)}>{t('home.prepareNextPlan', { year: format.fiscalYear(now.fiscalYear + 1) })}</a>
                      )
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : null}

      {/* Issue 14 §5: what is due in the next 14 days, and the planning year's calendar. */}
      <YearAtAGlanceHome matrices={[previous.data, current.data]} inScope={inScope} />
    </>
  );
}

function DueList({ items }: { items: DueItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return null;
  const shown = items.slice(0, 12);
  return (
    <ul className="plain-list">
      {shown.map((item) => (
        <li key={`${item.planId}:${item.quarter}`} className="due-item">
          <StatusChip kind="completeness" value={item.state} detail={item.daysLate ? t('common.daysLate', { count: item.daysLate }) : undefined} />
          <span>
            <strong>{item.communityName}</strong> — {format.quarter(item.fiscalYear, item.quarter)}
            <br />
              <span className="muted small">{t('home.dueOn', { date: format.date(item.dueDate) })}</span>
          </span>
          <a href={href.progress(item.planId, item.quarter)} aria-label={t('home.openProgressFor', { name: item.communityName, quarter: format.quarter(item.fiscalYear, item.quarter) })}>
            {t('home.openProgress')}
          </a>
        </li>
      ))}
      {items.length > shown.length ? <li className="muted">{t('home.andMore', { count: items.length - shown.length })}</li> : null}
    </ul>
  );
}

function Activity({ records }: { records: ChangeRecord[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (records.length === 0) {
    return (
      <EmptyState headingLevel={3} title={t('home.noActivityTitle')}>
        {t('home.noActivityBody')}
      </EmptyState>
    );
  }
  return (
    <ul className="plain-list">
      {records.map((r) => {
        const change = describeChange(r);
        const what = 'key' in change ? t(change.key) : t(change.verb, { thing: t(change.thing) });
        const place = r.place
          ? r.place.quarter === null
            ? t('layout.activity.place', { community: r.place.communityName, year: format.fiscalYear(r.place.fiscalYear) })
            : t('layout.activity.placeQuarter', { community: r.place.communityName, year: format.fiscalYear(r.place.fiscalYear), quarter: format.quarterShort(r.place.quarter as Quarter) })
          : null;
        return (
          <li key={r.changesetId}>
            <strong>{r.actor}</strong> — {change.subject ? t('layout.activity.withSubject', { what, subject: t('common.quoted', { text: change.subject }) }) : what}
            {place ? (
              <>
                <br />
                {place}
              </>
            ) : null}
            <br />
            <span className="muted small">{format.dateTime(r.at)}</span>
          </li>
        );
      })}
    </ul>
  );
}
