/** First start's calls: start a territory, join one, the enrolment request and bundle, the recovery file, the demo. */
import type { DemoSwitched } from '../../../shared/contract-demo';
import type { StandardTheme } from '../../../shared/domain';
import type { Locale } from '../../../shared/vocabulary';
import type { PastedCommunity } from './reference-list';
import { ApiError } from '../../api/api-error';
import type { PlannerClient } from '../../api/planner-client';
import type { Result } from '../../../shared/result';
import { useCommands, type CommandDeps } from '../../app/use-commands';

/** demo:* are answered by the adapter (main or the harness), not the core: outside the typed contract. */
async function callDemo(client: PlannerClient, method: 'demo:open' | 'demo:leave'): Promise<DemoSwitched> {
  const invoke = client.invoke as unknown as (this: PlannerClient, method: string, input: object) => Promise<Result<DemoSwitched>>;
  const result = await invoke.call(client, method, {});
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function welcomeCommands({ client }: CommandDeps) {
  return {
    setupState: () => client.call('installation:setupState', {}),
    start: (territoryName: string, computerName: string, userName: string, locale: Locale) =>
      client.call('territory:start', { territoryName, computerName, userName, locale }),
    join: (computerName: string, userName: string, locale: Locale) => client.call('territory:join', { computerName, userName, locale }),
    writeRequest: (file: string) => client.call('enrolment:writeRequest', { file }),
    accept: (file: string, territoryFingerprint: string, passphrase: string | null) =>
      client.call('enrolment:accept', { file, territoryFingerprint, passphrase }),
    exportRecovery: (file: string) => client.call('territory:exportRecovery', { file }),
    /** The chosen themes, then each region named in the list once, then the communities. */
    async createReference(themes: StandardTheme[], communities: PastedCommunity[]) {
      for (const th of themes) await client.call('themes:create', { code: th.code, nameEn: th.nameEn, nameFr: th.nameFr });
      const known = new Map((await client.call('regions:list', {})).map((r) => [r.nameEn.toLowerCase(), r.id]));
      let regions = 0;
      for (const c of communities) {
        if (known.has(c.region.toLowerCase())) continue;
        // The region's French name is the same until the coordinator gives another one.
        const region = await client.call('regions:create', { nameEn: c.region, nameFr: c.region });
        known.set(c.region.toLowerCase(), region.id);
        regions++;
      }
      for (const c of communities) {
        await client.call('communities:create', { name: c.name, otherNames: c.otherNames, regionId: known.get(c.region.toLowerCase())!, hasDetachment: false, servedByDetachmentId: null });
      }
      return { themes: themes.length, regions, communities: communities.length };
    },
    openDemo: () => callDemo(client, 'demo:open'),
    leaveDemo: () => callDemo(client, 'demo:leave'),
  };
}

export const useWelcomeCommands = () => useCommands(welcomeCommands);
