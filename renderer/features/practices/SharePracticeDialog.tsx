/**
 * "Share as a promising practice" from an action of a plan (issue 14 §2): the wording starts from
 * the action and its priority (practices:draftFromAction, which never reads the quarterly
 * narratives) and the person chooses what to keep. The coordinator publishes; a community proposes.
 */
import { useTranslation } from 'react-i18next';
import type { Action, PracticeDraft } from '../../../shared/domain';
import { ErrorBanner, Loading } from '../../components/Feedback';
import { FormDialog } from '../../components/FormDialog';
import { Dialog } from '../../components/Dialog';
import { useCall, usePlanner } from '../../app/store-context';
import { useChanged } from '../../app/unsaved-edits';
import { PracticeFields, usePracticeForm } from './PracticeFields';
import { usePracticeCommands } from './practice-commands';

export function SharePracticeDialog({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = useCall('practices:draftFromAction', { actionId: action.id }, { live: false });
  if (draft.error) {
    return (
      <Dialog title={t('practices.share.proposeTitle')} onClose={onClose}>
        <ErrorBanner error={draft.error} />
      </Dialog>
    );
  }
  if (!draft.data) {
    return (
      <Dialog title={t('practices.share.proposeTitle')} onClose={onClose}>
        <Loading />
      </Dialog>
    );
  }
  return <ShareForm draft={draft.data} onClose={onClose} />;
}

function ShareForm({ draft, onClose }: { draft: PracticeDraft; onClose: () => void }) {
  const { t } = useTranslation();
  const isCoordinator = usePlanner((s) => s.profile?.role === 'coordinator');
  const themes = useCall('themes:list', {}, { live: false });
  const commands = usePracticeCommands();
  const form = usePracticeForm(draft);
  const dirty = useChanged(form.state);
  // Where and what it is linked to come from the action; a contact is written in words (the lead's
  // entry in a community's list does not travel to other communities).
  const fixed = { communityIds: draft.communityIds, indicatorIds: draft.indicatorIds };
  const save = async () => {
    if (isCoordinator) await commands.publish({ actionId: draft.actionId, ...form.content(), ...fixed });
    else await commands.propose({ communityId: draft.communityId, actionId: draft.actionId, ...form.content(), ...fixed });
  };
  return (
    <FormDialog
      wide
      dirty={dirty}
      title={isCoordinator ? t('practices.share.publishTitle') : t('practices.share.proposeTitle')}
      submitLabel={isCoordinator ? t('practices.share.publish') : t('practices.share.propose')}
      onClose={onClose}
      isValid={form.valid}
      save={save}
    >
      {(checked) => (
        <>
          <p>{t('practices.share.intro')}</p>
          {isCoordinator ? null : <p className="muted">{t('practices.share.introProposal')}</p>}
          <PracticeFields form={form} checked={checked} themes={themes.data ?? []} />
        </>
      )}
    </FormDialog>
  );
}
