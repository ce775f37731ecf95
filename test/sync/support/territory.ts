/** A territory for tests: a coordinator that started it, a detachment and a community office enrolled by files. */
import path from 'node:path';
import { sequentialIds } from '../../../electron/core/changelog/clock';
import { generateIdentityKeys } from '../../../electron/core/bundles/identity';
import type { MethodName, MethodRawInput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { addCommunity, bundlePath, openTestCore, type TestCore } from '../../support';

export interface Computer extends TestCore {
  label: string;
  call<M extends MethodName>(method: M, input: MethodRawInput<M>): Result<unknown>;
}

export function newComputer(label: string, now = '2025-05-15T12:00:00.000Z'): Computer {
  const t = openTestCore({ label, fileName: `${label}.db`, backupFolder: `${label}-backups`, ids: sequentialIds(label), profile: null, keys: generateIdentityKeys(), now });
  return { ...t, label, call: (method, input) => t.core.invoke(method, input) as Result<unknown> };
}

export interface Territory {
  coordinator: Computer;
  detachment: Computer;
  office: Computer;
  communities: { lutselke: string; behchoko: string; gameti: string };
  fingerprint: string;
}

/** Starts a territory with three communities and enrols a detachment (Łutselk'e) and a community office (Behchokǫ̀). */
export function startTerritory(prefix = '', territoryName = 'Northwest Territories'): Territory {
  const coordinator = newComputer(`${prefix}coord`);
  const started = coordinator.must('territory:start', { territoryName, computerName: 'Justice HQ', userName: 'Dana Coordinator', locale: 'en' });
  const communities = {
    lutselke: addCommunity(coordinator, 'Łutselk’e', { detachment: 'Łutselk’e detachment' }),
    behchoko: addCommunity(coordinator, 'Behchokǫ̀'),
    gameti: addCommunity(coordinator, 'Gamètì'),
  };
  const detachment = enrolNew(coordinator, `${prefix}det`, 'detachment', [communities.lutselke], started.territory!.fingerprint);
  const office = enrolNew(coordinator, `${prefix}office`, 'liaison', [communities.behchoko], started.territory!.fingerprint);
  return { coordinator, detachment, office, communities, fingerprint: started.territory!.fingerprint };
}

export function enrolNew(coordinator: Computer, label: string, role: 'detachment' | 'liaison' | 'coordinator', communityIds: string[], fingerprint: string): Computer {
  const computer = newComputer(label);
  computer.must('territory:join', { computerName: `${label.replace(/^x/, '')} computer`, userName: `User of ${label}` });
  const requestFile = path.join(computer.dir, `${label}.enrolment-request.json`);
  computer.must('enrolment:writeRequest', { file: requestFile });
  const request = coordinator.must('enrolment:readRequest', { file: requestFile });
  const bundle = bundlePath(coordinator, `enrol-${label}`);
  coordinator.must('enrolment:enrol', { requestId: request.requestId, role, communityIds, file: bundle, passphrase: 'correct horse battery' });
  computer.must('enrolment:accept', { file: bundle, passphrase: 'correct horse battery', territoryFingerprint: fingerprint });
  return computer;
}

