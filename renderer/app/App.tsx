/** The shell: skip link, header with the person and language, navigation, the current screen. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { ErrorBanner, Loading } from '../components/Feedback';
import { Icon, type IconName } from '../components/Icon';
import { Notices } from '../components/Notices';
import { CommitmentScreen } from '../features/commitments/CommitmentScreen';
import { CommitmentsScreen } from '../features/commitments/CommitmentsScreen';
import { CommunitiesScreen } from '../features/communities/CommunitiesScreen';
import { CommunityScreen } from '../features/communities/CommunityScreen';
import { CompletenessHistoryScreen } from '../features/rollup/CompletenessHistoryScreen';
import { CoordinatorScreen } from '../features/rollup/CoordinatorScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { NotFoundScreen } from './NotFoundScreen';
import { PlanScreen } from '../features/plans/PlanScreen';
import { ProgressScreen } from '../features/progress/ProgressScreen';
import { QuarterlyReportScreen } from '../features/reports/QuarterlyReportScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ConflictsScreen } from '../features/exchange/ConflictsScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { ConflictsBadge, useBundleOpenEvents } from '../features/exchange/nav-badge';
import { PeersScreen } from '../features/exchange/PeersScreen';
import { href, sectionOf, type Route } from './routes';
import { usePlanner } from './store-context';

// The reports and their charts are the heaviest part of the app and most people rarely open them:
// they load on first use, so the everyday screens start faster on old laptops.
const PrintScreen = lazy(() => import('../features/reports/PrintScreen').then((m) => ({ default: m.PrintScreen })));
const RollupScreen = lazy(() => import('../features/rollup/RollupScreen').then((m) => ({ default: m.RollupScreen })));

function Screen({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Loading />}>
      <ScreenFor route={route} />
    </Suspense>
  );
}

function ScreenFor({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'communities':
      return <CommunitiesScreen />;
    case 'community':
      return <CommunityScreen key={route.communityId} communityId={route.communityId} />;
    case 'plan':
      return <PlanScreen key={route.planId} planId={route.planId} />;
    case 'progress':
      return <ProgressScreen key={`${route.planId}:${route.quarter}`} planId={route.planId} quarter={route.quarter} />;
    case 'report':
      return <QuarterlyReportScreen key={`${route.planId}:${route.quarter}`} planId={route.planId} quarter={route.quarter} />;
    case 'coordinator':
      return <CoordinatorScreen />;
    case 'completenessHistory':
      return <CompletenessHistoryScreen />;
    case 'commitments':
      return <CommitmentsScreen />;
    case 'commitment':
      return <CommitmentScreen key={route.commitmentId} commitmentId={route.commitmentId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'peers':
      return <PeersScreen />;
    case 'rollup':
      return <RollupScreen key={route.view} view={route.view} />;
    case 'printQuarterly':
      return <PrintScreen kind="quarterly" planId={route.planId} quarter={route.quarter} options={route.options} />;
    case 'printAnnual':
      return <PrintScreen kind="annual" planId={route.planId} options={route.options} />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

const NAV: Array<{ section: NonNullable<ReturnType<typeof sectionOf>>; href: string; icon: IconName }> = [
  { section: 'home', href: href.home(), icon: 'home' },
  { section: 'communities', href: href.communities(), icon: 'map' },
  { section: 'coordinator', href: href.coordinator(), icon: 'grid' },
  { section: 'reports', href: href.reports(), icon: 'chart' },
  { section: 'commitments', href: href.commitments(), icon: 'flag' },
  { section: 'exchange', href: href.exchange(), icon: 'arrow-right' },
  { section: 'settings', href: href.settings(), icon: 'gear' },
];

function focusMain(event: React.MouseEvent<HTMLAnchorElement>) {
  // The skip link must not change the hash: the hash is the route.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const { t } = useTranslation();
  const route = usePlanner((s) => s.route);
  const profile = usePlanner((s) => s.profile);
  const profileError = usePlanner((s) => s.profileError);
  const locale = usePlanner((s) => s.locale);
  const setLocale = usePlanner((s) => s.setLocale);
  const loadProfile = usePlanner((s) => s.loadProfile);
  const section = sectionOf(route);
  const other = locale === 'en' ? 'fr' : 'en';
  // A .planbundle double-clicked (or dropped on the window) opens its import preview.
  useBundleOpenEvents();

  // A printable report is a page of its own: no header or navigation on paper or in the PDF.
  if (route.name === 'printQuarterly' || route.name === 'printAnnual') {
    return (
      <main className="print-main" id="main" tabIndex={-1}>
        {profileError ? <ErrorBanner error={profileError} onRetry={() => void loadProfile()} /> : profile ? <Screen route={route} /> : <Loading />}
      </main>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-header__title">{t('app.name')}</span>
        {profile ? (
          <span className="app-header__who">
            {t('header.who', { user: profile.userName, role: t(`vocab.role.${profile.role}`), installation: profile.name })}
          </span>
        ) : null}
        <Button variant="on-dark" size="small" lang={other === 'fr' ? 'fr-CA' : 'en-CA'} onClick={() => void setLocale(other)}>
          {t('header.switchLanguage')}
        </Button>
      </header>
      <nav className="app-nav" aria-label={t('nav.main')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.section}>
              <a href={item.href} aria-current={section === item.section ? 'page' : undefined}>
                <Icon name={item.icon} size={16} />
                {item.section === 'exchange' ? (
                  <>
                    {t('sync.nav.exchange')}
                    {profile ? <ConflictsBadge /> : null}
                  </>
                ) : item.section === 'reports' ? (
                  t('reports.nav')
                ) : (
                  t(`nav.${item.section}`)
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        {profileError ? (
          <ErrorBanner error={profileError} onRetry={() => void loadProfile()} />
        ) : profile ? (
          <Screen route={route} />
        ) : (
          <Loading />
        )}
      </main>
      <Notices />
    </div>
  );
}
