/**
 * The other side's comments not read yet, on the home page (issue 12 §5): how many, where (the
 * community, the quarter, the action), and a link to the report where they are read. Nothing when
 * there are none, so the home page stays short.
 */
import { useTranslation } from 'react-i18next';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { useCall } from '../../app/store-context';
import { href } from '../../app/routes';
import { useFormat } from '../../i18n/format';
import './comments.css';

const SHOWN = 6;

export function NewComments() {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = useCall('comments:unread', {});
  const items = unread.data ?? [];
  if (items.length === 0) return null;
  const shown = items.slice(0, SHOWN);
  return (
    <section className="panel home-comments" aria-labelledby="home-comments">
      <h2 id="home-comments">{t('comments.homeTitle', { count: items.length })}</h2>
      <ul className="plain-list">
        {shown.map((c) => {
          const quarter = format.quarter(c.fiscalYear, c.quarter as Quarter);
          return (
            <li key={c.commentId}>
              <strong>{t('comments.homeWhere', { community: c.communityName, quarter })}</strong>{' '}
              <span>{c.actionTitle ? t('comments.homeOnAction', { title: c.actionTitle }) : t('comments.homeOnReport')}</span>
              <br />
              <span className="muted small">{t('comments.byLineShort', { who: c.author, date: format.dateTime(c.createdAt) })}</span>{' '}
              <a href={href.report(c.planId, c.quarter as Quarter)} aria-label={t('comments.homeOpenFor', { community: c.communityName, quarter, who: c.author })}>
                {t('comments.homeOpen')}
              </a>
            </li>
          );
        })}
        {items.length > shown.length ? <li className="muted">{t('comments.homeMore', { count: items.length - shown.length })}</li> : null}
      </ul>
    </section>
  );
}

/** How many comments from the other side wait to be read: a small count for the navigation, nothing when none. */
export function NewCommentsBadge() {
  const { t } = useTranslation();
  const unread = useCall('comments:unread', {});
  const count = unread.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <span className="count-badge" aria-label={t('comments.homeTitle', { count })} title={t('comments.homeTitle', { count })}>
      {count}
    </span>
  );
}
