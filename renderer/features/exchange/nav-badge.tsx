/** The exchange section's hooks into the shell: the conflict count badge, and 'bundle:open'. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall, useClient, usePlanner } from '../../app/store-context';
import './exchange.css';

/** How many conflicts wait, beside "Exchange" in the navigation; nothing when there are none. */
export function ConflictsBadge() {
  const { t } = useTranslation();
  const status = useCall('sync:status', {});
  const count = status.data?.conflictCount ?? 0;
  if (count === 0) return null;
  return (
    <span className="count-badge" aria-label={t('sync.nav.conflictsBadge', { count })} title={t('sync.nav.conflictsBadge', { count })}>
      {count}
    </span>
  );
}

/** Main sends 'bundle:open' for a double-clicked or dropped .planbundle: show its preview. */
export function useBundleOpenEvents(): void {
  const client = useClient();
  const openBundle = usePlanner((s) => s.openBundle);
  useEffect(() => client.on('bundle:open', ({ file }) => openBundle(file)), [client, openBundle]);
}
