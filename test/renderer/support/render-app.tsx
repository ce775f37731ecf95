import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { InstallationProfile } from '../../../shared/domain';
import type { Locale } from '../../../shared/vocabulary';
import { PlannerClient } from '../../../renderer/api/planner-client';
import { createI18n } from '../../../renderer/i18n/i18n';
import { createPlannerStore } from '../../../renderer/app/planner-store';
import { PlannerProvider } from '../../../renderer/app/store-context';
import { fakeBridge, type FakeHandlers } from './fake-core';

export const testProfile: InstallationProfile = {
  installationId: 'inst1',
  name: 'Dettah community office',
  userName: 'Noel Jerome',
  role: 'liaison',
  scopeCommunityIds: [],
  locale: 'en',
  reportDueDays: 30,
};

/** The app's providers around a component, with a fake core and a fresh store. */
export function setup(handlers: FakeHandlers, locale: Locale = 'en') {
  const bridge = fakeBridge({ 'installation:get': () => ({ ...testProfile, locale, today: '2026-09-15' }), ...handlers });
  const client = new PlannerClient(bridge);
  const i18n = createI18n(locale);
  const store = createPlannerStore({ client, i18n });
  const renderIn = (ui: ReactNode) =>
    render(
      <I18nextProvider i18n={i18n}>
        <PlannerProvider store={store} client={client}>
          {ui}
        </PlannerProvider>
      </I18nextProvider>,
    );
  return { bridge, client, i18n, store, renderIn };
}
