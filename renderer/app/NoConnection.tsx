import { useTranslation } from 'react-i18next';

/** Shown when the page was opened outside the app and outside the harness: nothing can be saved. */
export function NoConnection() {
  const { t } = useTranslation();
  return (
    <main className="app-main" id="main">
      <h1>{t('app.name')}</h1>
      <div className="banner banner--error" role="alert">
        <div className="banner__body">
          <p>
            <strong>{t('noConnection.title')}</strong>
          </p>
          <p>{t('noConnection.body')}</p>
        </div>
      </div>
    </main>
  );
}
