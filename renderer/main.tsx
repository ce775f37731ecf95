/**
 * Start: find the way to the core (window.api in Electron, the harness bridge in a browser), load
 * where this database stands (first start, joining, or in use: then its profile, which sets the
 * language), and show the app.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectToCore } from './api/connect';
import { App } from './app/App';
import { createI18n } from './i18n/i18n';
import { createPlannerStore } from './app/planner-store';
import { PlannerProvider } from './app/store-context';
import { NoConnection } from './app/NoConnection';
import { installLeaveGuard, LeaveGuardDialog } from './app/leave-guard';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const root = createRoot(container);
const client = connectToCore();
const i18n = createI18n(navigator.language.startsWith('fr') ? 'fr' : 'en');

if (!client) {
  root.render(
    <I18nextProvider i18n={i18n}>
      <NoConnection />
    </I18nextProvider>,
  );
} else {
  const store = createPlannerStore({ client, i18n }, window.location.hash);
  client.on('data:changed', () => store.getState().dataChanged());
  installLeaveGuard((hash) => store.getState().syncRoute(hash));
  void store.getState().loadSetup();
  root.render(
    <I18nextProvider i18n={i18n}>
      <PlannerProvider store={store} client={client}>
        <App />
        <LeaveGuardDialog />
      </PlannerProvider>
    </I18nextProvider>,
  );
}
