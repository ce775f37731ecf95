/**
 * Command hooks: a feature's writes live in its slice module as a factory of commands over the
 * client (and the notices), so components call `commands.removeAction(action)`, never the client.
 * The core's data:changed event refreshes every live read after a write.
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlannerClient } from '../api/planner-client';
import type { NoticeSlice } from './notice-slice';
import { useClient, usePlanner } from './store-hooks';

export type Translate = TFunction;

export interface CommandDeps {
  client: PlannerClient;
  notify: NoticeSlice['notify'];
  t: Translate;
}

/** The commands `make` builds, over this page's client, notices and language. */
export function useCommands<T>(make: (deps: CommandDeps) => T): T {
  const client = useClient();
  const notify = usePlanner((s) => s.notify);
  const { t } = useTranslation();
  return useMemo(() => make({ client, notify, t }), [make, client, notify, t]);
}
