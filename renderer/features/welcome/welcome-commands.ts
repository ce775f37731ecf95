/** First start's calls: start a territory, join one, the enrolment request and bundle, the recovery file, the demo. */
import type { DemoSwitched } from '../../../shared/contract-demo';
import type { Locale } from '../../../shared/vocabulary';
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
    openDemo: () => callDemo(client, 'demo:open'),
    leaveDemo: () => callDemo(client, 'demo:leave'),
  };
}

export const useWelcomeCommands = () => useCommands(welcomeCommands);
