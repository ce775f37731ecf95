/**
 * The first start's own page, shown instead of the planner while the database is new, joining,
 * or in the coordinator's first steps: a header with the language switch (the person's language
 * from the first screen) and one step at a time.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Notices } from '../../components/Notices';
import { useSubmit } from '../../components/use-submit';
import { messageOf } from '../../api/api-error';
import { useWelcomeCommands } from './welcome-commands';
import './territory.css';
import { usePlanner } from '../../app/store-context';
import { ReferenceDataStep } from './ReferenceDataStep';
import { RecoveryStep } from './RecoveryStep';
import { WaitingScreen } from './WaitingScreen';
import { WelcomeScreen } from './WelcomeScreen';

/** Whether the first start's page is shown instead of the planner. */
export function useShowsWelcome(): boolean {
  const state = usePlanner((s) => s.setup?.state);
  const step = usePlanner((s) => s.welcomeStep);
  return state === 'new' || state === 'joining' || (state === 'ready' && step !== null);
}

export function WelcomeFlow() {
  const { t } = useTranslation();
  const setup = usePlanner((s) => s.setup)!;
  const step = usePlanner((s) => s.welcomeStep);
  const setStep = usePlanner((s) => s.setWelcomeStep);
  const locale = usePlanner((s) => s.locale);
  const chooseLanguage = usePlanner((s) => s.chooseLanguage);
  const setLocale = usePlanner((s) => s.setLocale);
  const other = locale === 'en' ? 'fr' : 'en';
  // Until there is a profile the choice lives in the page; once there is one it is saved too.
  const switchLanguage = () => (setup.state === 'ready' ? void setLocale(other) : chooseLanguage(other));
  const territoryName = setup.territory?.name ?? '';
  return (
    <div className="app app--welcome">
      <header className="app-header">
        <span className="app-header__title">{t('app.name')}</span>
        <Button variant="on-dark" size="small" lang={other === 'fr' ? 'fr-CA' : 'en-CA'} onClick={switchLanguage}>
          {t('header.switchLanguage')}
        </Button>
      </header>
      <main className="app-main welcome-main" id="main" tabIndex={-1}>
        {setup.state === 'new' ? (
          <WelcomeScreen />
        ) : setup.state === 'joining' ? (
          <WaitingScreen />
        ) : step === 'reference' ? (
          <ReferenceDataStep onDone={() => setStep('recovery')} />
        ) : (
          <RecoveryStep
            territoryName={territoryName}
            onDone={() => {
              setStep(null);
              window.location.hash = '#/communities';
            }}
          />
        )}
      </main>
      <Notices />
    </div>
  );
}

/** On every screen while the demo database is open: nothing in it is real, and how to leave it. */
export function DemoBanner() {
  const { t } = useTranslation();
  const isDemo = usePlanner((s) => s.setup?.isDemo === true);
  const loadSetup = usePlanner((s) => s.loadSetup);
  const dataChanged = usePlanner((s) => s.dataChanged);
  const notify = usePlanner((s) => s.notify);
  const commands = useWelcomeCommands();
  const { busy, submit } = useSubmit(
    async () => {
      try {
        await commands.leaveDemo();
      } catch (error) {
        notify(messageOf(error, locale));
        return;
      }
      window.location.hash = '#/';
      await loadSetup();
      dataChanged();
    },
    () => {},
  );
  const locale = usePlanner((s) => s.locale);
  if (!isDemo) return null;
  return (
    <aside className="demo-banner" aria-label={t('territory.demo.label')}>
      <p>
        <strong>{t('territory.demo.banner')}</strong> <span>{t('territory.demo.bannerBody')}</span>
      </p>
      <Button size="small" busy={busy} onClick={() => void submit()}>
        {t('territory.demo.leave')}
      </Button>
    </aside>
  );
}
