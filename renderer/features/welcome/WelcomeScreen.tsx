/**
 * First start (issue 10, §2): on a database with no profile, three choices in the person's
 * language — start a new territory (the coordinator), join a territory (a detachment or a community
 * office), or explore the demo (its own database). No name is ever filled in for the person: what
 * they type is what their peers will read.
 */
import { PageHeader } from '../../components/PageHeader';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { usePlanner } from '../../app/store-context';
import { useWelcomeCommands } from './welcome-commands';
import { ApiError } from '../../api/api-error';
import { OperationProgress } from '../operations/OperationProgress';

type Choice = 'choose' | 'start' | 'join';

export function WelcomeScreen() {
  const [choice, setChoice] = useState<Choice>('choose');
  if (choice === 'start') return <StartTerritoryForm onBack={() => setChoice('choose')} />;
  if (choice === 'join') return <JoinTerritoryForm onBack={() => setChoice('choose')} />;
  return <WelcomeChoices onChoose={setChoice} />;
}

function WelcomeChoices({ onChoose }: { onChoose: (choice: Choice) => void }) {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const loadSetup = usePlanner((s) => s.loadSetup);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stopped, setStopped] = useState(false);
  async function openDemo() {
    setBusy(true);
    setError(null);
    setStopped(false);
    try {
      await commands.openDemo();
      await loadSetup();
    } catch (e) {
      // Stopped while the demo was being made (issue 13 §1): nothing was kept, which is no error.
      if (e instanceof ApiError && e.code === 'cancelled') setStopped(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <PageHeader title={t('territory.welcome.title')} subtitle={t('territory.welcome.intro')} />
      <ErrorBanner error={error} />
      <ul className="welcome-choices">
        <li className="panel">
          <h2>{t('territory.welcome.startTitle')}</h2>
          <p>{t('territory.welcome.startBody')}</p>
          <Button variant="primary" onClick={() => onChoose('start')}>
            {t('territory.welcome.start')}
          </Button>
        </li>
        <li className="panel">
          <h2>{t('territory.welcome.joinTitle')}</h2>
          <p>{t('territory.welcome.joinBody')}</p>
          <Button variant="primary" onClick={() => onChoose('join')}>
            {t('territory.welcome.join')}
          </Button>
        </li>
        <li className="panel">
          <h2>{t('territory.welcome.demoTitle')}</h2>
          <p>{t('territory.welcome.demoBody')}</p>
          <Button busy={busy} onClick={() => void openDemo()}>
            {busy ? t('territory.welcome.demoOpening') : t('territory.welcome.demo')}
          </Button>
          {/* The first time, the demo is made in the core's worker: its progress, and Stop. */}
          {busy ? <OperationProgress operation="demo:open" label={t('operations.demo.label')} /> : null}
          <p role="status" className="small muted">
            {stopped ? t('operations.demo.stopped') : null}
          </p>
        </li>
      </ul>
    </>
  );
}

const blank = (s: string) => s.trim() === '';

/**
 * The frame both first-start forms share: the title, the fields (told once the form was submitted,
 * so missing ones show their sentence), the refusal of the core, submit and Back.
 */
function SetupForm({
  title,
  intro,
  submitLabel,
  complete,
  run,
  onBack,
  children,
}: {
  title: string;
  intro: string;
  submitLabel: string;
  complete: boolean;
  run: () => Promise<void>;
  onBack: () => void;
  children: (checked: boolean) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(run, () => {});
  return (
    <>
      <PageHeader title={title} subtitle={intro} />
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setChecked(true);
          if (complete) void submit();
        }}
      >
        <ErrorBanner error={error} />
        {children(checked)}
        <div className="button-group">
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
          <Button onClick={onBack}>{t('territory.welcome.back')}</Button>
        </div>
      </form>
    </>
  );
}

/** The coordinator's computer: the territory's name, this computer's and the person's. */
function StartTerritoryForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const locale = usePlanner((s) => s.locale);
  const setupChanged = usePlanner((s) => s.setupChanged);
  const [territoryName, setTerritoryName] = useState('');
  const [computerName, setComputerName] = useState('');
  const [userName, setUserName] = useState('');
  return (
    <SetupForm
      title={t('territory.start.title')}
      intro={t('territory.start.intro')}
      submitLabel={t('territory.start.submit')}
      complete={!blank(territoryName) && !blank(computerName) && !blank(userName)}
      run={async () => {
        const setup = await commands.start(territoryName.trim(), computerName.trim(), userName.trim(), locale);
        await setupChanged(setup, 'reference');
      }}
      onBack={onBack}
    >
      {(checked) => (
        <>
          <TextField
            label={t('territory.start.territoryName')}
            hint={t('territory.start.territoryNameHint')}
            value={territoryName}
            onChange={(e) => setTerritoryName(e.target.value)}
            error={checked && blank(territoryName) ? t('territory.start.territoryNameMissing') : undefined}
            required
            maxLength={200}
          />
          <NameFields computerName={computerName} setComputerName={setComputerName} userName={userName} setUserName={setUserName} checked={checked} computerHint={t('territory.start.computerNameHint')} />
        </>
      )}
    </SetupForm>
  );
}

function NameFields({
  computerName,
  setComputerName,
  userName,
  setUserName,
  checked,
  computerHint,
}: {
  computerName: string;
  setComputerName: (s: string) => void;
  userName: string;
  setUserName: (s: string) => void;
  checked: boolean;
  computerHint: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      <TextField
        label={t('territory.names.computerName')}
        hint={computerHint}
        value={computerName}
        onChange={(e) => setComputerName(e.target.value)}
        error={checked && blank(computerName) ? t('territory.names.computerNameMissing') : undefined}
        required
        maxLength={200}
      />
      <TextField
        label={t('territory.names.userName')}
        hint={t('territory.names.userNameHint')}
        value={userName}
        onChange={(e) => setUserName(e.target.value)}
        error={checked && blank(userName) ? t('territory.names.userNameMissing') : undefined}
        required
        maxLength={200}
        autoComplete="name"
      />
    </div>
  );
}

/** A detachment or community office computer: its name and its person's, then the enrolment request. */
function JoinTerritoryForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const commands = useWelcomeCommands();
  const locale = usePlanner((s) => s.locale);
  const setupChanged = usePlanner((s) => s.setupChanged);
  const [computerName, setComputerName] = useState('');
  const [userName, setUserName] = useState('');
  return (
    <SetupForm
      title={t('territory.join.title')}
      intro={t('territory.join.intro')}
      submitLabel={t('territory.join.submit')}
      complete={!blank(computerName) && !blank(userName)}
      run={async () => {
        const setup = await commands.join(computerName.trim(), userName.trim(), locale);
        await setupChanged(setup);
      }}
      onBack={onBack}
    >
      {(checked) => <NameFields computerName={computerName} setComputerName={setComputerName} userName={userName} setUserName={setUserName} checked={checked} computerHint={t('territory.join.computerNameHint')} />}
    </SetupForm>
  );
}
