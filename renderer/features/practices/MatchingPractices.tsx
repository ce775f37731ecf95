/**
 * Offered in the action dialog when an action is added (issue 14 §2): the published practices that
 * answer the themes of the action's priority, each with "Use this practice", which fills the new
 * action's title and description (the person can still change them).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practice } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { useCall } from '../../app/store-context';

export function MatchingPractices({ priorityId, onUse }: { priorityId: string; onUse: (practice: Practice) => void }) {
  const { t } = useTranslation();
  const matching = useCall('practices:list', { priorityId }, { live: false });
  const [used, setUsed] = useState<string | null>(null);
  const list = matching.data ?? [];
  if (list.length === 0) return null;
  return (
    <details className="matching-practices panel">
      <summary>
        <strong>{t('practices.offer.heading')}</strong> <span className="muted small">{t('practices.offer.intro', { count: list.length })}</span>
      </summary>
      <ul className="plain-list">
        {list.slice(0, 20).map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong>
            {p.communityNames.length ? <span className="muted small"> — {p.communityNames.join(', ')}</span> : null}
            <p className="small pre-wrap">{p.whatWasDone}</p>
            <Button
              size="small"
              aria-label={t('practices.offer.useNamed', { title: p.title })}
              onClick={() => {
                onUse(p);
                setUsed(p.title);
              }}
            >
              {t('practices.offer.use')}
            </Button>
          </li>
        ))}
      </ul>
      {used ? (
        <p role="status" className="small">
          {t('practices.offer.used', { title: used })}
        </p>
      ) : null}
    </details>
  );
}
