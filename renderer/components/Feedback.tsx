/** Banners, empty states and loading text: how screens tell people what is going on. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Icon } from './Icon';
import { messageOf } from '../api/api-error';

export function Banner({ tone, title, children, actions }: { tone: 'info' | 'warning' | 'success' | 'error'; title?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  const icon = tone === 'success' ? 'check' : tone === 'info' ? 'info' : 'alert';
  return (
    <div className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <Icon name={icon} size={18} />
      <div className="banner__body">
        {title ? <p>
          <strong>{title}</strong>
        </p> : null}
        {children}
      </div>
      {actions ? <div className="button-group">{actions}</div> : null}
    </div>
  );
}

/** Shows the core's own sentence (it is written for people), with an optional retry. */
export function ErrorBanner({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: ReactNode }) {
  const { t, i18n } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <Banner
      tone="error"
      title={title ?? t('common.errorTitle')}
      actions={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    >
      {/* Some refusals put a fingerprint on a line of its own. */}
      <p className="pre-wrap">{messageOf(error, i18n.language)}</p>
    </Banner>
  );
}

export function EmptyState({ title, children, action, headingLevel = 2 }: { title: ReactNode; children?: ReactNode; action?: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Heading>{title}</Heading>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}

/** An empty state in a panel of its own, for a screen whose whole content is the list. */
export function EmptyPanel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="panel">
      <EmptyState title={title}>{children}</EmptyState>
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A list read from the core: its error (with retry), "Loading…" the first time, what to show when it is empty, or the list. */
export function LoadedList<T>({ call, empty, children }: { call: { data: T[] | undefined; error: unknown; loading: boolean; reload: () => void }; empty: ReactNode; children: (list: T[]) => ReactNode }) {
  const list = call.data ?? [];
  return (
    <>
      <ErrorBanner error={call.error} onRetry={call.reload} />
      {call.loading && !call.data ? (
        <Loading />
      ) : list.length === 0 ? (
        empty
      ) : (
        children(list)
      )}
    </>
  );
}

/** A search or filters that match nothing in a list that is not empty. */
export function NoMatch() {
  const { t } = useTranslation();
  return <EmptyState title={t('communities.noMatchTitle')}>{t('communities.noMatchBody')}</EmptyState>;
}
