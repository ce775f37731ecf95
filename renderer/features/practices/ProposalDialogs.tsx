/** The coordinator's decision on a community's proposal: accept (editing the wording) or decline with a reason. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeProposal, Theme } from '../../../shared/domain';
import { MAX_LONG_TEXT, TextArea } from '../../components/Field';
import { FormDialog, filled, requiredError } from '../../components/FormDialog';
import { useChanged } from '../../app/unsaved-edits';
import { PracticeFields, usePracticeForm } from './PracticeFields';
import { usePracticeCommands } from './practice-commands';

export function AcceptProposalDialog({ proposal, themes, onClose }: { proposal: PracticeProposal; themes: readonly Theme[]; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePracticeCommands();
  const form = usePracticeForm(proposal);
  const dirty = useChanged(form.state);
  return (
    <FormDialog
      wide
      dirty={dirty}
      title={t('practices.proposals.acceptTitle')}
      submitLabel={t('practices.proposals.acceptSubmit')}
      onClose={onClose}
      isValid={form.valid}
      save={async () => void (await commands.accept({ proposalId: proposal.id, ...form.content() }))}
    >
      {(checked) => (
        <>
          <p>{t('practices.proposals.acceptIntro')}</p>
          <p className="muted small">{t('practices.proposals.from', { community: proposal.communityName, who: proposal.proposedBy, date: proposal.proposedAt.slice(0, 10) })}</p>
          <PracticeFields form={form} checked={checked} themes={themes} />
        </>
      )}
    </FormDialog>
  );
}

export function DeclineProposalDialog({ proposal, onClose }: { proposal: PracticeProposal; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePracticeCommands();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      dirty={reason.trim() !== ''}
      title={t('practices.proposals.declineTitle', { title: proposal.title })}
      submitLabel={t('practices.proposals.declineSubmit')}
      onClose={onClose}
      isValid={() => filled(reason)}
      save={() => commands.decline(proposal.id, proposal.title, reason)}
    >
      {(checked) => (
        <TextArea label={t('practices.proposals.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={requiredError(checked, reason, t('practices.proposals.reasonRequired'))} required rows={3} maxLength={MAX_LONG_TEXT} />
      )}
    </FormDialog>
  );
}
