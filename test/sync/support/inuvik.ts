import { afterEach } from 'vitest';
import { addCommunity, addTheme, agreedPlan, exportBundle, importBundle, makeInstallation } from '../../support';

/** The installations of these tests start in August of fiscal year 2025. */
export const AUGUST = '2025-08-10T12:00:00.000Z';

/**
 * A coordinator, the Inuvik detachment and the Inuvik community office, with Inuvik's agreed plan
 * of fiscal year 2025 (two actions) on all three (a passphrase bundle from the coordinator).
 * Closed after each test of the file that calls `closeAfterEach()`.
 */
const open: Array<{ core: { close(): void } }> = [];
export function closeAfterEach(): void {
  afterEach(() => open.splice(0).forEach((i) => i.core.close()));
}

export function inuvikTerritory() {
  const coordinator = makeInstallation('Coordinator', { role: 'coordinator', idPrefix: 'c', now: AUGUST });
  const detachment = makeInstallation('Inuvik detachment', { role: 'detachment', idPrefix: 'd', now: AUGUST });
  const liaison = makeInstallation('Inuvik office', { role: 'liaison', idPrefix: 'l', now: AUGUST });
  open.push(coordinator, detachment, liaison);
  const community = addCommunity(coordinator, 'Inuvik', { detachment: 'Inuvik' });
  addTheme(coordinator, 'youth', 'Youth', 'Jeunesse');
  const { plan, actions } = agreedPlan(coordinator, community, 2025, ['Foot patrols', 'Youth nights']);
  const full = exportBundle(coordinator, null, 'correct horse battery');
  importBundle(detachment, full, 'correct horse battery');
  importBundle(liaison, full, 'correct horse battery');
  return { coordinator, detachment, liaison, community, plan, actions };
}
