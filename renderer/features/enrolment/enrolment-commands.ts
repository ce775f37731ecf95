/** The Computers screen's calls: read a request, issue a certificate, revoke one, the territory key. */
import type { EnrolmentIssued, EnrolmentRequestInfo, IssuedCertificate } from '../../../shared/domain';
import type { Role } from '../../../shared/vocabulary';
import { useCommands, type CommandDeps } from '../../app/use-commands';

export function enrolmentCommands({ client, notify, t }: CommandDeps) {
  return {
    readRequest: (file: string): Promise<EnrolmentRequestInfo> => client.call('enrolment:readRequest', { file }),
    /** A new computer, or (with `replaces`) a replacement with the same role and communities. */
    async enrol(request: EnrolmentRequestInfo, choice: { role: Role; communityIds: string[] | null; passphrase: string | null; replaces: IssuedCertificate | null }, file: string): Promise<EnrolmentIssued> {
      const issued = choice.replaces
        ? await client.call('enrolment:reenrol', { requestId: request.requestId, replacesSerial: choice.replaces.serial, file, passphrase: choice.passphrase })
        : await client.call('enrolment:enrol', { requestId: request.requestId, role: choice.role, communityIds: choice.communityIds, file, passphrase: choice.passphrase });
      notify(t('territory.computers.enrolled', { name: issued.certificate.name }));
      return issued;
    },
    async revoke(certificate: IssuedCertificate, reason: string) {
      const revoked = await client.call('enrolment:revoke', { serial: certificate.serial, reason });
      notify(t('territory.computers.revoked', { name: revoked.name }));
      return revoked;
    },
    async rotateKey() {
      const rotated = await client.call('territory:rotateKey', {});
      notify(t('territory.computers.keyReplaced', { fingerprint: rotated.fingerprint }));
      return rotated;
    },
  };
}

export const useEnrolmentCommands = () => useCommands(enrolmentCommands);
