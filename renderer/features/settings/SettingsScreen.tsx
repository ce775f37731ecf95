/**
 * This installation: its name, the person using it and their role, the communities it works for,
 * the language, when reports are due; backups (features/backups/) and the database's integrity check.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityReport } from '../../../shared/domain';
import { LOCALES, ROLES, type Locale, type Role } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { Banner, ErrorBanner, LoadedList, Loading } from '../../components/Feedback';
import { CheckboxGroup, Select, TextField } from '../../components/Field';
import { DefinitionList } from '../../components/DefinitionList';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useSubmit } from '../../components/use-submit';
import { useTask } from '../../components/use-task';
import { useFormat } from '../../i18n/format';
import { useCall, usePlanner } from '../../app/store-context';
import { useSettingsCommands } from './settings-commands';
import { BackupsPanel } from '../backups/BackupsPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <LanguagePanel />
      <CertificatePanel />
      <ProfilePanel />
      <BackupsPanel />
      <DatabasePanel />
    </>
  );
}

function LanguagePanel() {
  const { t } = useTranslation();
  const locale = usePlanner((s) => s.locale);
  const setLocale = usePlanner((s) => s.setLocale);
  return (
    <section className="panel" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.languageTitle')}</h2>
      <Select
        className="field--inline"
        label={t('settings.language')}
        hint={t('settings.languageHint')}
        value={locale}
        onChange={(e) => void setLocale(e.target.value as Locale)}
        options={LOCALES.map((l) => ({ value: l, label: t(`vocab.locale.${l}`) }))}
      />
    </section>
  );
}

/**
 * An enrolled computer: its role and communities come from the coordinator's certificate and are
 * shown, not edited (issue 10, §3). Nothing for an unenrolled database (a scratch file, the demo).
 */
function CertificatePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const setup = usePlanner((s) => s.setup);
  const certificate = setup?.certificate;
  if (!setup || !certificate) return null;
  return (
    <section className="panel" aria-labelledby="settings-certificate">
      <h2 id="settings-certificate">{t('territory.settings.title')}</h2>
      <p>{t('territory.settings.setBy', { serial: certificate.serial, date: format.date(certificate.issuedAt) })}</p>
      <DefinitionList
        facts={[
          [t('territory.settings.territory'), setup.territory?.name ?? ''],
          [t('territory.settings.role'), <span key="role" data-testid="certified-role">{t(`territory.role.${certificate.role}`)}</span>],
          [t('territory.settings.communities'), setup.communities === null ? t('territory.settings.allCommunities') : setup.communities.map((c) => c.name).join(', ')],
          [t('territory.settings.fingerprint'), <code key="fp">{setup.territory?.fingerprint ?? ''}</code>],
        ]}
      />
    </section>
  );
}

function ProfilePanel() {
  const { t } = useTranslation();
  const profile = usePlanner((s) => s.profile)!;
  // Enrolled: role and communities are the certificate's, shown above.
  const certified = usePlanner((s) => s.setup?.certificate != null);
  const saveProfile = usePlanner((s) => s.saveProfile);
  const notify = usePlanner((s) => s.notify);
  const communities = useCall('communities:list', {}, { live: false });
  const [name, setName] = useState(profile.name);
  const [userName, setUserName] = useState(profile.userName);
  const [role, setRole] = useState<Role>(profile.role);
  const [dueDays, setDueDays] = useState(String(profile.reportDueDays));
  const [scope, setScope] = useState<string[]>(profile.scopeCommunityIds);
  const [checked, setChecked] = useState(false);
  const dueDaysValid = /^\d{1,3}$/.test(dueDays.trim()) && Number(dueDays) <= 365;
  const { busy, error, submit } = useSubmit(
    async () => {
      await saveProfile(certified ? { name, userName, reportDueDays: Number(dueDays) } : { name, userName, role, reportDueDays: Number(dueDays), scopeCommunityIds: scope });
      notify(t('settings.saved'));
    },
    () => setChecked(false),
  );
  return (
    <section className="panel" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('settings.profileTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setChecked(true);
          if (name.trim() !== '' && userName.trim() !== '' && dueDaysValid) void submit();
        }}
      >
        <ErrorBanner error={error} />
        <div className="grid-2">
          <TextField label={t('settings.installationName')} hint={t('settings.installationNameHint')} value={name} onChange={(e) => setName(e.target.value)} error={checked && name.trim() === '' ? t('settings.required') : undefined} required maxLength={200} />
          <TextField label={t('settings.userName')} hint={t('settings.userNameHint')} value={userName} onChange={(e) => setUserName(e.target.value)} error={checked && userName.trim() === '' ? t('settings.required') : undefined} required maxLength={200} />
          {certified ? null : <Select label={t('settings.role')} hint={t('settings.roleHint')} value={role} onChange={(e) => setRole(e.target.value as Role)} options={ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) }))} />}
          <TextField
            label={t('settings.dueDays')}
            hint={t('settings.dueDaysHint')}
            inputMode="numeric"
            value={dueDays}
            onChange={(e) => setDueDays(e.target.value)}
            error={checked && !dueDaysValid ? t('settings.dueDaysInvalid') : undefined}
          />
        </div>
        {certified ? null : communities.data ? (
          <CheckboxGroup
            legend={t('settings.scope')}
            hint={t('settings.scopeHint')}
            options={communities.data.map((c) => ({ value: c.id, label: c.name }))}
            value={scope}
            onChange={setScope}
          />
        ) : (
          <Loading />
        )}
        <Button type="submit" variant="primary" busy={busy}>
          {t('settings.save')}
        </Button>
      </form>
    </section>
  );
}

/** The integrity check; backups have a panel of their own (features/backups/BackupsPanel.tsx). */
function DatabasePanel() {
  const { t } = useTranslation();
  const commands = useSettingsCommands();
  const [integrity, setIntegrity] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const checking = useTask(setError);
  const checkBusy = checking.busy;

  function check() {
    setError(null);
    setIntegrity(null);
    return checking.run(async () => setIntegrity(await commands.integrityCheck()));
  }

  return (
    <section className="panel" aria-labelledby="settings-database">
      <h2 id="settings-database">{t('settings.databaseTitle')}</h2>
      <ErrorBanner error={error} />
      <div className="row spaced-row">
        <Button busy={checkBusy} onClick={() => void check()}>
          {checkBusy ? t('settings.checking') : t('settings.integrityCheck')}
        </Button>
      </div>
      <div aria-live="polite">
        {integrity ? (
          integrity.ok ? (
            <Banner tone="success" title={t('settings.integrityOk')}>
              <p>{t('settings.integrityOkBody')}</p>
            </Banner>
          ) : (
            <Banner tone="error" title={t('settings.integrityProblems', { count: integrity.problems.length })}>
              <ul>
                {integrity.problems.slice(0, 20).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <p>{t('settings.integrityAdvice')}</p>
            </Banner>
          )
        ) : null}
      </div>
    </section>
  );
}
