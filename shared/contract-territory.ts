/**
 * First start, the territory key, enrolment, certificates, revocation and recovery (issue 10, §2–3).
 * `installation:setupState`, `territory:start` and `territory:join` answer on a database with no
 * profile yet; every other method refuses there with a sentence.
 */
import { z } from 'zod';
import { noun, schemaMessage } from './core-messages';
import type * as D from './domain';
import { id, idList, input, locale, plainName, read, role, shortText, write } from './contract-fields';

const filePath = z
  .string({ error: schemaMessage('input.missing', { field: noun('file') }) })
  .min(1, { error: schemaMessage('input.missing', { field: noun('file') }) })
  .max(4096, { error: schemaMessage('input.filePathTooLong') });
const passphrase = z.string().max(1024, { error: schemaMessage('input.passphraseTooLong') }).nullable().optional();
/** Typed by a person from a phone call: case and spaces do not matter, the dashes are optional. */
const territoryFingerprint = z
  .string({ error: schemaMessage('input.missing', { field: noun('territory fingerprint') }) })
  .transform((s) => s.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[A-Z2-9]{32}$/, { error: schemaMessage('input.notAFingerprint') })
      .transform((s) => s.match(/.{4}/g)!.join('-')),
  );
const serial = id('certificate serial');
const userName = plainName('user name');
const computerName = plainName('installation name');

export const territoryMethods = {
  'installation:setupState': read<D.SetupState>()(
    'Where this database stands (new, joining, ready), its territory, role, communities and certificate. Answers in every state.',
    input({}),
  ),
  'territory:start': write<D.SetupState>()(
    'Start a new territory on this computer: its profile (coordinator), the territory key and the coordinator’s own certificate.',
    input({ territoryName: plainName('territory name'), computerName, userName, locale: locale.optional() }),
  ),
  'territory:join': write<D.SetupState>()(
    'Prepare this computer to join a territory: its profile, waiting for the enrolment bundle from the coordinator.',
    input({ computerName, userName, locale: locale.optional() }),
  ),
  'enrolment:writeRequest': write<D.EnrolmentRequestWritten>()(
    'Write this computer’s enrolment request file (its keys, name and user), for the coordinator.',
    input({ file: filePath }),
  ),
  'enrolment:readRequest': write<D.EnrolmentRequestInfo>()(
    'Read an enrolment request file (coordinator): who it is and its key fingerprint.',
    input({ file: filePath }),
  ),
  'enrolment:list': read<D.EnrolmentList>()('Enrolment requests read here and the certificates issued, with their revoked state.', input({})),
  'enrolment:enrol': write<D.EnrolmentIssued>()(
    'Issue a certificate for a request (coordinator) with a role and communities, and write the enrolment bundle.',
    input({
      requestId: id('request id'),
      role,
      communityIds: idList('community id').nullable().optional(),
      file: filePath,
      passphrase,
      replacesSerial: serial.optional(),
    }),
  ),
  'enrolment:reenrol': write<D.EnrolmentIssued>()(
    'Enrol a replacement computer with the role and communities of an earlier certificate, which is revoked if it was not yet.',
    input({ requestId: id('request id'), replacesSerial: serial, file: filePath, passphrase }),
  ),
  'enrolment:accept': write<D.EnrolmentAccepted>()(
    'Accept the enrolment bundle on the joining computer, after checking the territory fingerprint by phone.',
    input({ file: filePath, passphrase, territoryFingerprint }),
  ),
  'enrolment:revoke': write<D.CertificateRevoked>()(
    'Revoke a certificate (coordinator): the computer’s later changes are refused everywhere.',
    input({ serial: serial.optional(), installationId: id('installation id').optional(), reason: shortText('reason') }),
  ),
  'territory:exportRecovery': write<D.RecoveryExported>()(
    'Write the territory key, encrypted with a new recovery code shown once, for a lost coordinator computer.',
    input({ file: filePath }),
  ),
  'territory:recover': write<D.SetupState>()(
    'Put the territory key back on this coordinator computer from a recovery file and its code.',
    input({ file: filePath, recoveryCode: z.string().min(1).max(200) }),
  ),
  'territory:rotateKey': write<D.TerritoryKeyRotated>()(
    'Replace the territory key by a new one, handed over by a signature of the old key.',
    input({}),
  ),
} as const;
