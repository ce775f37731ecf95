/**
 * The coordinator's Computers screen (issue 10, §3): the territory fingerprint every member checks
 * by phone; enrolling a computer from its request file (who it is, its role, its communities) into
 * an enrolment bundle; the computers enrolled, their revocation and their replacement; the
 * territory key's recovery file and its replacement.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentIssued, EnrolmentRequestInfo, IssuedCertificate } from '../../../shared/domain';
import { ROLES, type Role } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { DefinitionList } from '../../components/DefinitionList';
import { ConfirmDialog, ConfirmFooter, Dialog } from '../../components/Dialog';
import { Banner, ErrorBanner, LoadedList, Loading } from '../../components/Feedback';
import { overLimit, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useSubmit } from '../../components/use-submit';
import { useFormat } from '../../i18n/format';
import { useCall, usePlanner } from '../../app/store-context';
import { fileNameOf, OpenFileButton, useSaveFile } from '../welcome/file-choice';
import { RecoveryExport } from '../welcome/RecoveryStep';
import { useEnrolmentCommands } from './enrolment-commands';

export function ComputersScreen() {
  const { t } = useTranslation();
  const setup = usePlanner((s) => s.setup);
  const [replacing, setReplacing] = useState<IssuedCertificate | null>(null);
  return (
    <>
      <PageHeader title={t('territory.computers.title')} subtitle={t('territory.computers.subtitle')} />
      {setup?.territory ? (
        <section className="panel" aria-labelledby="computers-fingerprint">
          <h2 id="computers-fingerprint">{t('territory.computers.fingerprintTitle')}</h2>
          <p className="territory-fingerprint" data-testid="territory-fingerprint">
            <code>{setup.territory.fingerprint}</code>
          </p>
          <p>{t('territory.computers.fingerprintBody', { territory: setup.territory.name })}</p>
        </section>
      ) : (
        <Banner tone="info">
          <p>{t('territory.computers.noTerritory')}</p>
        </Banner>
      )}
      <EnrolPanel replacing={replacing} onReplaced={() => setReplacing(null)} />
      <EnrolledPanel onReplace={setReplacing} />
      {setup?.territory ? <KeyPanel territoryName={setup.territory.name} /> : null}
    </>
  );
}

function useRoleLabel() {
  const { t } = useTranslation();
  return (role: Role) => t(`territory.role.${role}`);
}

function EnrolPanel({ replacing, onReplaced }: { replacing: IssuedCertificate | null; onReplaced: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useEnrolmentCommands();
  const [request, setRequest] = useState<EnrolmentRequestInfo | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [issued, setIssued] = useState<EnrolmentIssued | null>(null);
  return (
    <section className="panel" aria-labelledby="computers-enrol">
      <h2 id="computers-enrol">{replacing ? t('territory.computers.replaceTitle', { name: replacing.name }) : t('territory.computers.enrolTitle')}</h2>
      <p>{replacing ? t('territory.computers.replaceBody', { name: replacing.name }) : t('territory.computers.enrolBody')}</p>
      <ErrorBanner error={openError} />
      <div className="button-group">
        <OpenFileButton
          label={request ? t('territory.computers.openOther') : t('territory.computers.open')}
          variant={request ? 'secondary' : 'primary'}
          testId="enrolment-request-input"
          onChosen={async (file) => {
            setIssued(null);
            setRequest(await commands.readRequest(file));
          }}
          onError={setOpenError}
        />
        {replacing ? <Button onClick={onReplaced}>{t('territory.computers.cancelReplace')}</Button> : null}
      </div>
      <div className="after-actions" aria-live="polite">
        {issued ? (
          <Banner tone="success" title={t('territory.computers.bundleWritten', { name: issued.certificate.name })}>
            <p>{t('territory.computers.bundleWrittenBody', { file: issued.file, serial: issued.certificate.serial })}</p>
          </Banner>
        ) : null}
      </div>
      {request ? (
        <>
          <h3>{t('territory.computers.requestFrom', { name: request.computerName })}</h3>
          <DefinitionList
            facts={[
              [t('territory.computers.computerName'), request.computerName],
              [t('territory.computers.userName'), request.userName],
              [t('territory.computers.keyFingerprint'), <code key="fp">{request.fingerprint}</code>],
              [t('territory.computers.requestedOn'), format.dateTime(request.createdAt)],
            ]}
          />
          {request.certificateSerial ? (
            <Banner tone="info">
              <p>{t('territory.computers.alreadyEnrolled', { serial: request.certificateSerial })}</p>
            </Banner>
          ) : null}
          <EnrolForm
            key={request.requestId}
            request={request}
            replacing={replacing}
            onIssued={(result) => {
              setIssued(result);
              setRequest(null);
              onReplaced();
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function EnrolForm({ request, replacing, onIssued }: { request: EnrolmentRequestInfo; replacing: IssuedCertificate | null; onIssued: (issued: EnrolmentIssued) => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const commands = useEnrolmentCommands();
  const saver = useSaveFile();
  const communities = useCall('communities:list', {}, { live: false });
  const [role, setRole] = useState<Role | ''>(replacing?.role ?? '');
  const [chosen, setChosen] = useState<string[]>(replacing?.communityIds ?? []);
  const [search, setSearch] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const needsCommunities = role === 'detachment' || role === 'liaison';
  const roleMissing = role === '';
  const communitiesMissing = needsCommunities && chosen.length === 0;
  const fixed = replacing !== null;
  const shown = useMemo(() => {
    const all = communities.data ?? [];
    const needle = fold(search);
    return needle === '' ? all : all.filter((c) => fold(c.name).includes(needle) || chosen.includes(c.id));
  }, [communities.data, search, chosen]);
  const { busy, error, submit } = useSubmit(async () => {
    const suggested = `${fileNameOf(request.computerName, 'computer')}-${fileNameOf(t('territory.computers.bundleFileName'), 'enrolment')}.planbundle`;
    const issued = await saver.save(suggested, (file) =>
      commands.enrol(request, { role: role as Role, communityIds: needsCommunities ? chosen : null, passphrase: request.hasEncryptionKey || passphrase === '' ? null : passphrase, replaces: replacing }, file),
    );
    if (issued) onIssued(issued);
  }, () => {});
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (!roleMissing && !communitiesMissing) void submit();
      }}
    >
      <ErrorBanner error={error} />
      <fieldset className="choice-group" aria-describedby="enrol-role-hint" disabled={fixed}>
        <legend>{t('territory.computers.role')}</legend>
        <p id="enrol-role-hint" className="field__hint">
          {fixed ? t('territory.computers.roleFixed') : t('territory.computers.roleHint')}
        </p>
        <div className="choice-group__options">
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="enrol-role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {roleLabel(r)}
            </label>
          ))}
        </div>
        {checked && roleMissing ? (
          <p className="field__error" role="alert">
            {t('territory.computers.roleMissing')}
          </p>
        ) : null}
      </fieldset>
      {needsCommunities ? (
        <fieldset className="choice-group" disabled={fixed}>
          <legend>{t('territory.computers.communities')}</legend>
          <p className="field__hint">{t('territory.computers.communitiesHint')}</p>
          <TextField label={t('territory.computers.searchCommunities')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          {communities.data ? (
            <div className="choice-group__options choice-group__options--scroll">
              {shown.length === 0 ? <span className="muted small">{communities.data.length === 0 ? t('territory.computers.noCommunities') : t('territory.computers.noMatch')}</span> : null}
              {shown.map((c) => (
                <label key={c.id} className="choice">
                  <input type="checkbox" checked={chosen.includes(c.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))} />
                  {c.name}
                </label>
              ))}
            </div>
          ) : (
            <Loading />
          )}
          {checked && communitiesMissing ? (
            <p className="field__error" role="alert">
              {t('territory.computers.communitiesMissing')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {request.hasEncryptionKey ? (
        <p className="field__hint">{t('territory.computers.encryptedToKey', { name: request.computerName })}</p>
      ) : (
        <TextField label={t('territory.computers.passphrase')} hint={t('territory.computers.passphraseHint')} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" maxLength={1024} />
      )}
      <Button type="submit" variant="primary" busy={busy}>
        {t('territory.computers.write')}
      </Button>
    </form>
  );
}

/** Lower case, without accents or apostrophes: "Lutselke" finds Łutselk'e. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .replace(/[’'ʼ`\u0313\u0315]/g, '')
    .toLowerCase()
    .trim();
}

function EnrolledPanel({ onReplace }: { onReplace: (certificate: IssuedCertificate) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleLabel = useRoleLabel();
  const list = useCall('enrolment:list', {});
  const [revoking, setRevoking] = useState<IssuedCertificate | null>(null);
  const ownSerial = usePlanner((s) => s.setup?.certificate?.serial ?? null);
  const call = { ...list, data: list.data?.certificates };
  return (
    <section className="panel" aria-labelledby="computers-enrolled">
      <h2 id="computers-enrolled">{t('territory.computers.enrolledTitle')}</h2>
      <LoadedList call={call} empty={<p className="muted">{t('territory.computers.noneEnrolled')}</p>}>
        {(rows) => (
          <Table<IssuedCertificate>
            caption={t('territory.computers.enrolledTitle')}
            hideCaption
            compact
            rows={[...rows].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))}
            rowKey={(c) => c.serial}
            columns={[
              {
                key: 'name',
                header: t('territory.computers.computer'),
                rowHeader: true,
                render: (c) => (
                  <>
                    {c.name}
                    <br />
                    <span className="muted small">{c.userName}</span>
                  </>
                ),
              },
              { key: 'role', header: t('territory.computers.role'), render: (c) => roleLabel(c.role) },
              { key: 'communities', header: t('territory.computers.communities'), render: (c) => (c.communityNames ? c.communityNames.join(', ') : t('territory.computers.allCommunities')) },
              {
                key: 'certificate',
                header: t('territory.computers.certificate'),
                render: (c) => (
                  <>
                    {t('territory.computers.issuedOn', { date: format.date(c.issuedAt) })}
                    <br />
                    <code className="certificate-serial small">{c.serial}</code>
                  </>
                ),
              },
              {
                key: 'state',
                header: t('territory.computers.state'),
                render: (c) => (c.revoked ? t('territory.computers.revokedOn', { date: format.date(c.revoked.at), reason: c.revoked.reason }) : t('territory.computers.active')),
              },
              {
                key: 'actions',
                header: t('territory.computers.actions'),
                render: (c) =>
                  c.serial === ownSerial ? (
                    <span className="muted small">{t('territory.computers.thisComputer')}</span>
                  ) : (
                    <div className="button-group computer-actions">
                      {c.revoked ? null : (
                        <Button size="small" variant="danger" onClick={() => setRevoking(c)} aria-label={t('territory.computers.revokeNamed', { name: c.name })}>
                          {t('territory.computers.revoke')}
                        </Button>
                      )}
                      <Button size="small" onClick={() => onReplace(c)} aria-label={t('territory.computers.replaceNamed', { name: c.name })}>
                        {t('territory.computers.replace')}
                      </Button>
                    </div>
                  ),
              },
            ]}
          />
        )}
      </LoadedList>
      {revoking ? <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} /> : null}
    </section>
  );
}

function RevokeDialog({ certificate, onClose }: { certificate: IssuedCertificate; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useEnrolmentCommands();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(async () => void (await commands.revoke(certificate, reason.trim())), onClose);
  const confirm = () => {
    setChecked(true);
    if (reason.trim() !== '' && overLimit(reason, 500) === 0) void submit();
  };
  return (
    <Dialog
      title={t('territory.computers.revokeTitle', { name: certificate.name })}
      onClose={onClose}
      busy={busy}
      dirty={reason.trim() !== ''}
      onSubmit={confirm}
      footer={(requestClose) => <ConfirmFooter confirmLabel={t('territory.computers.revokeConfirm')} danger busy={busy} onCancel={requestClose} onConfirm={confirm} />}
    >
      <ErrorBanner error={error} />
      <p>{t('territory.computers.revokeBody', { name: certificate.name, serial: certificate.serial })}</p>
      <TextField
        label={t('territory.computers.reason')}
        hint={t('territory.computers.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={checked && reason.trim() === '' ? t('territory.computers.reasonMissing') : undefined}
        required
        maxLength={500}
      />
    </Dialog>
  );
}

function KeyPanel({ territoryName }: { territoryName: string }) {
  const { t } = useTranslation();
  const commands = useEnrolmentCommands();
  const loadSetup = usePlanner((s) => s.loadSetup);
  const [rotating, setRotating] = useState(false);
  return (
    <section className="panel" aria-labelledby="computers-key">
      <h2 id="computers-key">{t('territory.computers.keyTitle')}</h2>
      <p>{t('territory.recovery.exportBody')}</p>
      <RecoveryExport territoryName={territoryName} />
      <h3>{t('territory.computers.rotateTitle')}</h3>
      <p>{t('territory.computers.rotateBody')}</p>
      <Button variant="danger" onClick={() => setRotating(true)}>
        {t('territory.computers.rotate')}
      </Button>
      {rotating ? (
        <ConfirmDialog
          title={t('territory.computers.rotateTitle')}
          confirmLabel={t('territory.computers.rotateConfirm')}
          danger
          onConfirm={async () => {
            await commands.rotateKey();
            await loadSetup();
          }}
          onClose={() => setRotating(false)}
        >
          <p>{t('territory.computers.rotateConfirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
