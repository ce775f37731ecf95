import { useTranslation } from 'react-i18next';
import { usePlanner } from '../app/store-context';
import { Button } from './Button';

/** Short confirmations ("Priority removed") with Undo where it applies; announced politely. */
export function Notices() {
  const { t } = useTranslation();
  const notices = usePlanner((s) => s.notices);
  const dismiss = usePlanner((s) => s.dismissNotice);
  const undo = usePlanner((s) => s.undoNotice);
  return (
    <section className="notices" aria-label={t('notices.region')} aria-live="polite" role="status">
      {notices.map((n) => (
        <div key={n.id} className="notice">
          <span className="notice__text">{n.message}</span>
          {n.undo ? (
            <Button size="small" onClick={() => void undo(n.id)}>
              {t('notices.undo')}
            </Button>
          ) : null}
          <Button size="small" onClick={() => dismiss(n.id)}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('notices.dismiss')}</span>
          </Button>
        </div>
      ))}
    </section>
  );
}
