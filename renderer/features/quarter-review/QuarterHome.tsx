/**
 * The home page's part of issue 14 §4–§5, mounted by HomeScreen.tsx (two places) with the
 * completeness matrices it already reads: reports the coordinator returned (for the community's computers: the reason
 * and a link to amend), reports waiting for the coordinator's review (for the coordinator), what
 * is due in the next 14 days for this computer's communities, and the planning year's calendar.
 */
import { useTranslation } from 'react-i18next';
import type { CompletenessMatrix } from '../../../shared/domain';
import { fiscalYearOf } from '../../../shared/fiscal-calendar';
import { DEFAULT_REPORT_DUE_DAYS } from '../../../shared/vocabulary';
import { eventPhase, planningYearCalendar, type YearEvent } from '../../../shared/rules/year-at-a-glance';
import { EmptyState } from '../../components/Feedback';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall, usePlanner } from '../../app/store-context';
import { currentFiscalQuarter, todayIso } from '../../app/today';
import { REVIEW_SYMBOL, ReviewMark } from './ReviewMark';
import { dueSoon, reportsInReview, type DueSoonItem } from './year-at-a-glance';
import './quarter-review.css';

const SHOWN = 12;

type HomeProps = { matrices: ReadonlyArray<CompletenessMatrix | undefined>; inScope: (row: { communityId: string }) => boolean };

/** Near the top of the home page: the reports of the review that need this computer. */
export function QuarterReviewHome({ matrices, inScope }: HomeProps) {
  const profile = usePlanner((s) => s.profile)!;
  if (profile.role === 'coordinator') return <WaitingForReview matrices={matrices} inScope={inScope} />;
  return (
    <>
      <ReturnedReports matrices={matrices} inScope={inScope} />
      <ReviewedReports matrices={matrices} inScope={inScope} />
    </>
  );
}

/** The community's other submitted reports and where they stand: waiting for review, resubmitted, accepted — with dates. */
function ReviewedReports({ matrices, inScope }: HomeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = reportsInReview(matrices, inScope, ['submitted', 'resubmitted', 'accepted']).reverse();
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="home-reviewed" data-testid="home-reviewed">
      <h2 id="home-reviewed">{t('quarterReview.homeReviewedTitle')}</h2>
      <ul className="plain-list">
        {items.slice(0, SHOWN).map((i) => {
          const quarter = format.quarter(i.fiscalYear, i.quarter);
          return (
            <li key={`${i.planId}:${i.quarter}`} className="row">
              <span>
                <strong>{i.communityName}</strong> — {quarter}
              </span>
              <ReviewMark review={i.review} />
              <a href={href.report(i.planId, i.quarter)} aria-label={t('quarterReview.homeOpenReportFor', { name: i.communityName, quarter })}>
                {t('quarterReview.homeOpenReport')}
              </a>
            </li>
          );
        })}
        {items.length > SHOWN ? <li className="muted">{t('home.andMore', { count: items.length - SHOWN })}</li> : null}
      </ul>
    </section>
  );
}

/** At the foot of the home page: the year at a glance. */
export function YearAtAGlanceHome({ matrices, inScope }: HomeProps) {
  const now = currentFiscalQuarter();
  // In the fourth quarter, next year's plans are being prepared and signed off.
  const nextYear = useCall('completeness:matrix', now.quarter === 4 ? { fiscalYear: now.fiscalYear + 1 } : null);
  return <YearAtAGlance matrices={matrices} nextYear={nextYear.data} inScope={inScope} />;
}

function ReturnedReports({ matrices, inScope }: { matrices: ReadonlyArray<CompletenessMatrix | undefined>; inScope: (row: { communityId: string }) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = reportsInReview(matrices, inScope, ['returned']);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="home-returned" data-testid="home-returned">
      <h2 id="home-returned">{t('quarterReview.homeReturnedTitle')}</h2>
      <ul className="plain-list">
        {items.map((i) => {
          const quarter = format.quarter(i.fiscalYear, i.quarter);
          return (
            <li key={`${i.planId}:${i.quarter}`}>
              <span aria-hidden="true" className="review-mark review-mark--returned">
                <span className="review-mark__symbol">{REVIEW_SYMBOL.returned}</span>
              </span>{' '}
              <strong>{t('quarterReview.homeReturnedItem', { name: i.communityName, quarter, date: format.date(i.review.on), who: i.review.by ?? '' })}</strong>
              <p className="review-reason">{i.review.reason}</p>
              <a href={href.progress(i.planId, i.quarter)} aria-label={t('quarterReview.homeAmendFor', { name: i.communityName, quarter })}>
                {t('quarterReview.homeAmend')}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WaitingForReview({ matrices, inScope }: { matrices: ReadonlyArray<CompletenessMatrix | undefined>; inScope: (row: { communityId: string }) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = reportsInReview(matrices, inScope, ['submitted', 'resubmitted']);
  if (items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="home-waiting" data-testid="home-waiting">
      <h2 id="home-waiting">{t('quarterReview.homeWaitingTitle')}</h2>
      <ul className="plain-list">
        {items.slice(0, SHOWN).map((i) => {
          const quarter = format.quarter(i.fiscalYear, i.quarter);
          return (
            <li key={`${i.planId}:${i.quarter}`} className="row">
              <ReviewMark review={i.review} />
              <span>
                <strong>{i.communityName}</strong> — {quarter}
              </span>
              <a href={href.report(i.planId, i.quarter)} aria-label={t('quarterReview.homeReviewFor', { name: i.communityName, quarter })}>
                {t('quarterReview.homeReview')}
              </a>
            </li>
          );
        })}
        {items.length > SHOWN ? <li className="muted">{t('home.andMore', { count: items.length - SHOWN })}</li> : null}
      </ul>
    </section>
  );
}

export function YearAtAGlance({ matrices, nextYear, inScope, today = todayIso() }: { matrices: ReadonlyArray<CompletenessMatrix | undefined>; nextYear: CompletenessMatrix | undefined; inScope: (row: { communityId: string }) => boolean; today?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fiscalYear = fiscalYearOf(today);
  const dueDays = matrices.find((m) => m?.fiscalYear === fiscalYear)?.reportDueDays ?? matrices.find((m) => m)?.reportDueDays ?? DEFAULT_REPORT_DUE_DAYS;
  const items = dueSoon(matrices, nextYear, inScope, today);
  const events = planningYearCalendar(fiscalYear, dueDays);
  const range = (e: YearEvent) => (e.from === e.to ? format.date(e.from) : t('quarterReview.range', { from: format.date(e.from), to: format.date(e.to) }));
  const what = (e: YearEvent) => {
    switch (e.kind) {
      case 'quarter':
        return t('quarterReview.eventQuarter', { quarter: format.quarter(e.fiscalYear, e.quarter!) });
      case 'report':
        return t('quarterReview.eventDue', { quarter: format.quarter(e.fiscalYear, e.quarter!), date: format.date(e.to) });
      case 'planning':
        return t('quarterReview.eventPlanning', { year: format.fiscalYear(e.fiscalYear) });
      default:
        return t('quarterReview.eventSignOff', { year: format.fiscalYear(e.fiscalYear) });
    }
  };
  return (
    <section className="panel" aria-labelledby="home-year" data-testid="year-at-a-glance">
      <h2 id="home-year">{t('quarterReview.yearTitle', { year: format.fiscalYear(fiscalYear) })}</h2>
      <h3>{t('quarterReview.dueSoonTitle')}</h3>
      {items.length === 0 ? (
        <EmptyState headingLevel={3} title={t('quarterReview.dueSoonNone')} />
      ) : (
        <ul className="plain-list due-soon-list" data-testid="due-soon">
          {items.slice(0, SHOWN).map((i) => (
            <DueSoonRow key={`${i.kind}:${i.communityId}:${i.fiscalYear}:${i.quarter ?? ''}`} item={i} />
          ))}
          {items.length > SHOWN ? <li className="muted">{t('home.andMore', { count: items.length - SHOWN })}</li> : null}
        </ul>
      )}
      <details open>
        <summary>
          <h3 className="inline-heading">{t('quarterReview.calendarTitle')}</h3>
        </summary>
        <div className="table-wrap">
          <table className="table year-calendar">
            <caption className="visually-hidden">{t('quarterReview.calendarCaption', { year: format.fiscalYear(fiscalYear) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quarterReview.calendarWhen')}</th>
                <th scope="col">{t('quarterReview.calendarWhat')}</th>
                <th scope="col">{t('quarterReview.calendarState')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const phase = eventPhase(e, today);
                return (
                  <tr key={`${e.kind}:${e.quarter ?? ''}`} data-phase={phase} data-kind={e.kind}>
                    <th scope="row">{range(e)}</th>
                    <td>{what(e)}</td>
                    <td>{t(`quarterReview.${phase}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function DueSoonRow({ item }: { item: DueSoonItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = `${t('quarterReview.dueOn', { date: format.date(item.dueDate) })} (${t('quarterReview.dueInDays', { count: item.days })})`;
  if (item.kind === 'signOff') {
    return (
      <li data-kind="signOff">
        <strong>{t('quarterReview.dueSignOff', { year: format.fiscalYear(item.fiscalYear), name: item.communityName })}</strong> — {when}{' '}
        <a href={item.planId ? href.plan(item.planId) : href.community(item.communityId)}>{t('home.openPlan')}</a>
      </li>
    );
  }
  const quarter = format.quarter(item.fiscalYear, item.quarter!);
  return (
    <li data-kind="report">
      <strong>{t('quarterReview.dueReport', { quarter, name: item.communityName })}</strong> — {when}{' '}
      <a href={href.progress(item.planId!, item.quarter!)} aria-label={t('quarterReview.dueOpenProgressFor', { name: item.communityName, quarter, date: format.date(item.dueDate) })}>
        {t('home.openProgress')}
      </a>
    </li>
  );
}
