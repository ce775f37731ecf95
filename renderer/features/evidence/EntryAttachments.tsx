/** The files of one action's progress entry for the quarter on screen (issue 14 §3), under its fields. */
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain';
import { usePlanner } from '../../app/store-hooks';
import { useFormat } from '../../i18n/format';
import { AttachmentsPanel } from './AttachmentsPanel';

export function EntryAttachments({ action }: { action: Action }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entryId = usePlanner((s) => s.progressForm?.progress.rows.find((r) => r.action.id === action.id)?.entry?.id ?? null);
  const plan = usePlanner((s) => s.progressForm?.plan);
  const quarter = usePlanner((s) => s.progressForm?.quarter);
  if (!plan || !quarter) return null;
  if (entryId === null) return <p className="muted small">{t('evidence.saveEntryFirst')}</p>;
  return (
    <AttachmentsPanel
      recordKind="progressEntry"
      recordId={entryId}
      community={{ id: plan.communityId, name: plan.communityName }}
      what={`${action.title}, ${format.quarterShort(quarter)}`}
      title={t('evidence.titleEntry')}
      headingLevel={4}
    />
  );
}
