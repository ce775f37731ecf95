import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerStore } from '../app/store-context';

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * The screen's title. After in-app navigation its h1 takes focus, so a screen reader announces
 * the new screen (on the first screen focus stays at the top, where the skip link is); the window
 * title follows it.
 */
export function PageHeader({ title, subtitle, actions, crumbs, status }: { title: string; subtitle?: ReactNode; actions?: ReactNode; crumbs?: Crumb[]; status?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const store = usePlannerStore();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (store.getState().navigations === 0) return;
    // Only when focus is not already somewhere meaningful (e.g. a dialog that stayed open).
    if (document.activeElement === document.body || document.activeElement === null || document.activeElement?.closest('.app-nav')) heading.current?.focus();
  }, [store]);
  return (
    <>
      {crumbs && crumbs.length > 0 ? (
        <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
          <ol>
            {crumbs.map((c) => (
              <li key={c.label}>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header">
        <div className="page-header__text">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {subtitle || status ? (
            <p className="page-header__subtitle">
              {status} {subtitle}
            </p>
          ) : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </>
  );
}
