/**
 * The files attached, listed by name in the printed documents (issue 14 §3): the annual plan
 * lists the plan's own files; the quarterly report the files of that quarter's progress entries,
 * each with its action. Nothing is printed when there are none.
 */
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/store-hooks';
import { useFormat } from '../../i18n/format';
import { typeLabel } from './AttachmentsPanel';

export function PrintedAttachments({ planId, quarter = null }: { planId: string; quarter?: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const files = useCall('attachments:ofPlan', { planId }, { live: false }).data ?? [];
  const shown = files.filter((f) => (quarter === null ? f.recordKind === 'plan' : f.recordKind === 'progressEntry' && f.quarter === quarter));
  if (shown.length === 0) return null;
  return (
    <section className="print-section print-attachments" data-printed-attachments="">
      <h2>{t('evidence.printedHeading')}</h2>
      <ul className="print-list">
        {shown.map((f) => (
          <li key={f.id}>
            {f.actionTitle ? `${f.actionTitle} — ` : ''}
            <strong>{f.fileName}</strong> ({typeLabel(f.type)}, {format.bytes(f.size)}, {format.date(f.addedAt)})
          </li>
        ))}
      </ul>
    </section>
  );
}
