/**
 * The Territory section: the reference lists every plan draws on. The coordinator adds, edits,
 * retires and imports them; other computers see them read-only (they arrive in plan bundles).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import type { TerritoryTab } from '../../app/routes';
import { CommunitiesTab } from './CommunitiesTab';
import { DetachmentsTab } from './DetachmentsTab';
import { OrganisationsTab } from './OrganisationsTab';
import { RegionsTab, ThemesTab } from './SimpleListTabs';
import { TerritorySubnav, useCanAdminister } from './TerritoryParts';

const TABS: Record<TerritoryTab, () => ReactNode> = {
  communities: () => <CommunitiesTab />,
  regions: () => <RegionsTab />,
  detachments: () => <DetachmentsTab />,
  themes: () => <ThemesTab />,
  organisations: () => <OrganisationsTab />,
};

export function TerritoryScreen({ tab }: { tab: TerritoryTab }) {
  const { t } = useTranslation();
  const canAdminister = useCanAdminister();
  return (
    <>
      <PageHeader title={`${t('territoryAdmin.title')} — ${t(`territoryAdmin.tabs.${tab}`)}`} subtitle={t('territoryAdmin.subtitle')} />
      <TerritorySubnav current={tab} />
      {canAdminister ? null : (
        <Banner tone="info" title={t('territoryAdmin.readOnlyTitle')}>
          <p>{t('territoryAdmin.readOnlyBody')}</p>
        </Banner>
      )}
      {TABS[tab]()}
    </>
  );
}
