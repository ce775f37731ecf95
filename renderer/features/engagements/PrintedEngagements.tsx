/**
 * The engagement log in the printed documents (issue 14 §1): the annual plan's "How these
 * priorities were set" (the engagements dated in the plan's fiscal year, and any that shaped one of
 * its priorities or actions, whenever held) and the quarterly report's engagements of the quarter.
 * A public document (narratives left out) prints the date, the kind and the organisations only:
 * no summaries and no people's names.
 */
import { useTranslation } from 'react-i18next';
import type { Engagement } from '../../../shared/domain';
import { fiscalYearEnd, fiscalYearStart, type Quarter } from '../../../shared/fiscal-calendar';
import { useCall } from '../../app/store-context';
import { useFormat } from '../../i18n/format';

interface PlanRef {
  communityId: string;
  fiscalYear: number;
  /** The ids of the plan's priorities and actions: an engagement that shaped one belongs to its plan. */
  itemIds: readonly string[];
}

/** The engagements a printed document shows; `ready` once they are read (or could not be). */
export function usePrintedEngagements(plan: PlanRef | null, quarter?: Quarter): { engagements: Engagement[]; ready: boolean; error: unknown } {
  const input = plan === null ? null : quarter === undefined ? { communityId: plan.communityId } : { communityId: plan.communityId, fiscalYear: plan.fiscalYear, quarter };
  const call = useCall('engagements:list', input, { live: false });
  if (plan === null) return { engagements: [], ready: false, error: null };
  const all = call.data ?? [];
  const [from, to] = [fiscalYearStart(plan.fiscalYear), fiscalYearEnd(plan.fiscalYear)];
  const items = new Set(plan.itemIds);
  const engagements = quarter !== undefined ? all : all.filter((e) => (e.date >= from && e.date <= to) || [...e.priorityIds, ...e.actionIds].some((id) => items.has(id)));
  return { engagements, ready: call.data !== undefined || call.error !== null && call.error !== undefined, error: call.error };
}

export function PrintedEngagements({ engagements, kind, excludeNarratives }: { engagements: Engagement[]; kind: 'annual' | 'quarterly'; excludeNarratives: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="print-section print-engagements" data-engagements={kind}>
      <h2>{kind === 'annual' ? t('engagement.print.howSetTitle') : t('engagement.print.quarterTitle')}</h2>
      {engagements.length === 0 ? (
        <p className="muted">{kind === 'annual' ? t('engagement.print.noneYear') : t('engagement.print.noneQuarter')}</p>
      ) : (
        <>
          {kind === 'annual' ? <p>{t('engagement.print.howSetIntro')}</p> : null}
          <ul className="print-list print-engagements__list">
            {engagements.map((e) => {
              const who = [...(excludeNarratives ? [] : e.people.map((p) => p.name ?? '')), ...e.organisations.map((o) => o.name ?? ''), ...(excludeNarratives || !e.otherParticipants ? [] : [e.otherParticipants])].filter(Boolean);
              const shaped = [...e.priorities, ...e.actions].map((x) => x.name).filter(Boolean);
              return (
                <li key={e.id} className="print-keep">
                  <strong>
                    {format.date(e.date)} — {t(`engagement.kind.${e.kind}`)}
                  </strong>
                  {excludeNarratives ? null : <p className="pre-wrap">{e.summary}</p>}
                  {who.length ? (
                    <p>
                      <em>{t('engagement.print.participantsLabel')}</em> {who.join(', ')}
                    </p>
                  ) : null}
                  {!excludeNarratives && e.outcomes ? (
                    <p className="pre-wrap">
                      <em>{t('engagement.print.outcomesLabel')}</em> {e.outcomes}
                    </p>
                  ) : null}
                  {!excludeNarratives && e.followUps ? (
                    <p className="pre-wrap">
                      <em>{t('engagement.print.followUpsLabel')}</em> {e.followUps}
                    </p>
                  ) : null}
                  {shaped.length ? (
                    <p>
                      <em>{t('engagement.print.shapedLabel')}</em> {shaped.join(', ')}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
