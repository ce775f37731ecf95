/** The shell: skip link, header with the person and language, navigation, the current screen. */
import { lazy, Suspense, type ReactNode } from 'react';
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
import { ExportsScreen } from '../features/rollup/ExportsScreen';
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
import { TerritoryScreen } from '../features/territory-admin/TerritoryScreen';
import { PracticesScreen } from '../features/practices/PracticesScreen';
import { byRoute, href, sectionOf, type PerRoute, type Route, type Section } from './routes';
import { usePlanner } from './store-context';
import { ComputersScreen } from '../features/enrolment/ComputersScreen';
import { DemoBanner, useShowsWelcome, WelcomeFlow } from '../features/welcome/WelcomeFlow';
import { EngagementScreen } from '../features/engagements/EngagementScreen';

// The reports and their charts are the heaviest part of the app and most people rarely open them:
// they load on first use, so the everyday screens start faster on old laptops.
const PrintScreen = lazy(() => import('../features/reports/PrintScreen').then((m) => ({ default: m.PrintScreen })));
const RollupScreen = lazy(() => import('../features/rollup/RollupScreen').then((m) => ({ default: m.RollupScreen })));

const SCREENS: PerRoute<ReactNode> = {
  home: () => <HomeScreen />,
  communities: () => <CommunitiesScreen />,
  community: (r) => <CommunityScreen key={r.communityId} communityId={r.communityId} />,
  plan: (r) => <PlanScreen key={r.planId} planId={r.planId} />,
  progress: (r) => <ProgressScreen key={`${r.planId}:${r.quarter}`} planId={r.planId} quarter={r.quarter} />,
  report: (r) => <QuarterlyReportScreen key={`${r.planId}:${r.quarter}`} planId={r.planId} quarter={r.quarter} />,
  completenessHistory: () => <CompletenessHistoryScreen />,
  exports: () => <ExportsScreen />,
  commitments: () => <CommitmentsScreen />,
  commitment: (r) => <CommitmentScreen key={r.commitmentId} commitmentId={r.commitmentId} />,
  settings: () => <SettingsScreen />,
  computers: () => <ComputersScreen />,
  exchange: () => <ExchangeScreen />,
  conflicts: () => <ConflictsScreen />,
  peers: () => <PeersScreen />,
  territory: (r) => <TerritoryScreen tab={r.tab} />,
  // No key: the roll-up's filters stay as they are from one tab to the next.
  rollup: (r) => <RollupScreen view={r.view} />,
  printQuarterly: (r) => <PrintScreen kind="quarterly" planId={r.planId} quarter={r.quarter} options={r.options} />,
  printAnnual: (r) => <PrintScreen kind="annual" planId={r.planId} options={r.options} />,
  notFound: () => <NotFoundScreen />,
  practices: () => <PracticesScreen />,

  engagements: (r) => <EngagementScreen key={r.communityId} communityId={r.communityId} />,
};

/** The route's screen once the person's profile is known; until then a spinner, or why it failed. */
function CurrentScreen({ route }: { route: Route }) {
  const profile = usePlanner((s) => s.profile);
  const profileError = usePlanner((s) => s.profileError);
  const loadProfile = usePlanner((s) => s.loadProfile);
  if (profileError) return <ErrorBanner error={profileError} onRetry={() => void loadProfile()} />;
  if (!profile) return <Loading />;
  return <Suspense fallback={<Loading />}>{byRoute(SCREENS, route)}</Suspense>;
}

const NAV: Array<{ section: Section; href: string; icon: IconName; coordinatorOnly?: boolean }> = [
  { section: 'home', href: href.home(), icon: 'home' },
  { section: 'communities', href: href.communities(), icon: 'map' },
  { section: 'coordinator', href: href.coordinator(), icon: 'grid' },
  { section: 'reports', href: href.exports(), icon: 'printer' },
  { section: 'commitments', href: href.commitments(), icon: 'flag' },
  { section: 'practices', href: href.practices(), icon: 'info' },
  // The reference lists are the coordinator's to keep; other computers receive them in bundles.
  { section: 'territory', href: href.territory(), icon: 'archive', coordinatorOnly: true },
  { section: 'exchange', href: href.exchange(), icon: 'arrow-right' },
  // The Computers screen is the coordinator's: where enrolment is decided.
  { section: 'computers', href: href.computers(), icon: 'lock', coordinatorOnly: true },
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
  const locale = usePlanner((s) => s.locale);
  const setLocale = usePlanner((s) => s.setLocale);
  const section = sectionOf(route);
  const other = locale === 'en' ? 'fr' : 'en';
  // A .planbundle double-clicked (or dropped on the window) opens its import preview.
  useBundleOpenEvents();
  const showsWelcome = useShowsWelcome();
  const nav = NAV.filter((item) => !item.coordinatorOnly || profile?.role === 'coordinator');

  if (showsWelcome) return <WelcomeFlow />;

  // A printable report is a page of its own: no header or navigation on paper or in the PDF.
  if (route.name === 'printQuarterly' || route.name === 'printAnnual') {
    return (
      <>
        <DemoBanner />
        <main className="print-main" id="main" tabIndex={-1}>
          <CurrentScreen route={route} />
        </main>
      </>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t('nav.skipToContent')}
      </a>
      <DemoBanner />
      <header className="app-header">
        <span className="app-header__title">{t('app.name')}</span>
        {/* Who and the language button wrap together, under the title on a narrow window. */}
        <span className="app-header__side">
          {profile ? (
            <span className="app-header__who">
              {t('layout.header.who', { user: profile.userName, role: t(`vocab.role.${profile.role}`) })}
            </span>
          ) : null}
          <Button variant="on-dark" size="small" lang={other === 'fr' ? 'fr-CA' : 'en-CA'} onClick={() => void setLocale(other)}>
            {t('header.switchLanguage')}
          </Button>
        </span>
      </header>
      <nav className="app-nav" aria-label={t('nav.main')}>
        <ul>
          {nav.map((item) => (
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
                ) : item.section === 'territory' ? (
                  t('territoryAdmin.nav')
                ) : item.section === 'computers' ? (
                  t('territory.nav.computers')
                ) : (
                  t(`nav.${item.section}`)
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        <CurrentScreen route={route} />
      </main>
      <Notices />
    </div>
  );
}
