/**
 * Evidence files of one record (issue 14 §3): a plan, a quarterly progress entry, an engagement
 * event. Lists the files by name, kind and size; attaches one (a labelled file input, keyboard
 * operable); removes one after asking; opens one: pictures and PDFs inside the planner (a picture
 * as an <img>, a PDF drawn page by page on canvases by pdf.js with scripting off: PdfView.tsx),
 * anything else only after a warning, saved to the computer for its own program to open.
 * A file whose record came in a bundle written "without files" says "Not received yet".
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_TYPES, type AttachableKind, type Attachment, type AttachmentContent, isAcceptedType, MAX_FILE_BYTES, viewOf } from '../../../shared/attachments';
import { Button } from '../../components/Button';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/Feedback';
import { useCall } from '../../app/store-hooks';
import { useEvidenceCommands } from './evidence-commands';
import { usePermission } from '../../app/use-permission';
import { useFormat } from '../../i18n/format';
import { PdfView } from './PdfView';
import './evidence.css';

/** What the file chooser offers (the core decides from the bytes; this only narrows the dialog). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls';

export interface AttachmentsPanelProps {
  recordKind: AttachableKind;
  recordId: string;
  /** The record's community: who may attach and remove (its own computers and the coordinator). */
  community: { id: string; name: string } | null;
  /** What the record is, for the list's label ("the plan", "Foot patrols, Q2"). */
  what: string;
  title?: string;
  headingLevel?: 2 | 3 | 4;
}

/** Base64 of a file's bytes, in slices (a 20 MB file would overflow one String.fromCharCode call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function typeLabel(type: string): string {
  return isAcceptedType(type) ? ACCEPTED_TYPES[type].label : type;
}

export function AttachmentsPanel({ recordKind, recordId, community, what, title, headingLevel = 3 }: AttachmentsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useEvidenceCommands();
  const list = useCall('attachments:list', { recordKind, recordId });
  const mayAttach = usePermission('attachments:attach', community);
  const inputId = useId();
  const hintId = useId();
  const headingId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opening, setOpening] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const Heading = `h${headingLevel}` as 'h3';
  const files = list.data ?? [];
  const maxMb = MAX_FILE_BYTES / 1024 / 1024;

  async function attach(file: File) {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(new Error(t('evidence.tooLarge', { name: file.name, size: format.bytes(file.size), max: maxMb })));
      return;
    }
    setBusy(file.name);
    try {
      const content = toBase64(new Uint8Array(await file.arrayBuffer()));
      await commands.attach(recordKind, recordId, file.name, content);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="attachments" aria-labelledby={headingId} data-attachments={recordKind}>
      <Heading id={headingId} className="attachments__title">
        {title ?? t('evidence.title')}
      </Heading>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {files.length === 0 ? (
        <p className="muted small">{t('evidence.none')}</p>
      ) : (
        <table className="attachments__table" aria-label={t('evidence.listLabel', { what })}>
          <thead>
            <tr>
              <th scope="col">{t('evidence.col.name')}</th>
              <th scope="col">{t('evidence.col.type')}</th>
              <th scope="col">{t('evidence.col.size')}</th>
              <th scope="col">{t('evidence.col.added')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('evidence.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((a) => (
              <tr key={a.id} data-attachment={a.fileName}>
                <th scope="row" className="attachments__name">
                  {a.fileName}
                  {a.received ? null : (
                    <>
                      {' '}
                      <span className="attachments__missing">— {t('evidence.notReceived')}</span>
                    </>
                  )}
                </th>
                <td>{typeLabel(a.type)}</td>
                <td>{format.bytes(a.size)}</td>
                <td>{t('evidence.addedBy', { date: format.date(a.addedAt), who: a.addedBy })}</td>
                <td className="attachments__actions">
                  <Button size="small" onClick={() => setOpening(a)} disabled={!a.received} aria-label={t('evidence.openNamed', { name: a.fileName })} aria-describedby={a.received ? undefined : hintId}>
                    {t('evidence.open')}
                  </Button>
                  {mayAttach.allowed ? (
                    <Button size="small" variant="ghost" onClick={() => setRemoving(a)} aria-label={t('evidence.removeNamed', { name: a.fileName })}>
                      {t('evidence.remove')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {files.some((a) => !a.received) ? (
        <p id={hintId} className="muted small">
          {t('evidence.notReceivedHint')}
        </p>
      ) : null}
      {mayAttach.allowed ? (
        <div className="attachments__add">
          <label htmlFor={inputId} className="button button--secondary button--small">
            {busy ? t('evidence.attaching', { name: busy }) : t('evidence.attach')}
          </label>
          <input
            id={inputId}
            className="attachments__input"
            type="file"
            accept={ACCEPT}
            disabled={busy !== null}
            aria-describedby={`${hintId}-types`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void attach(file);
            }}
          />
          <p id={`${hintId}-types`} className="muted small">
            {t('evidence.attachHint', { max: maxMb })}
          </p>
        </div>
      ) : null}
      <div role="alert">{error ? <ErrorBanner error={error} /> : null}</div>
      {opening ? <OpenAttachment attachment={opening} onClose={() => setOpening(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={t('evidence.removeTitle', { name: removing.fileName })}
          confirmLabel={t('evidence.remove')}
          danger
          onConfirm={() => commands.remove(removing.id, removing.fileName)}
          onClose={() => setRemoving(null)}
        >
          <p>{t('evidence.removeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** Saves a copy through the browser's own download (a Blob and an <a download>), as exports are saved. */
function saveFile(file: AttachmentContent): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens a file: in the planner (pictures, PDFs), else a warning first, then a saved copy. */
function OpenAttachment({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = useEvidenceCommands();
  const content = useCall('attachments:read', { attachmentId: attachment.id }, { live: false });
  const view = viewOf(attachment.type);
  const save = (file: AttachmentContent) => saveFile(file);
  if (view === 'system') {
    return (
      <ConfirmDialog
        title={t('evidence.warnTitle', { name: attachment.fileName })}
        confirmLabel={t('evidence.warnConfirm')}
        onConfirm={async () => {
          // Electron main hands a private copy to the computer's program; elsewhere (the harness) a copy is saved.
          const opened = await commands.openWithSystem(attachment.id);
          if (!opened && content.data) save(content.data);
        }}
        onClose={onClose}
      >
        <ErrorBanner error={content.error} />
        <p>{t('evidence.warnBody', { type: typeLabel(attachment.type) })}</p>
        <p>
          <strong>{t('evidence.warnCaution', { who: attachment.addedBy })}</strong>
        </p>
      </ConfirmDialog>
    );
  }
  return (
    <Dialog
      title={t('evidence.viewerTitle', { name: attachment.fileName })}
      onClose={onClose}
      wide
      footer={
        <>
          <Button onClick={() => content.data && save(content.data)} disabled={!content.data}>
            {t('evidence.saveCopy')}
          </Button>
          <Button variant="primary" onClick={onClose}>
            {t('evidence.close')}
          </Button>
        </>
      }
    >
      <ErrorBanner error={content.error} />
      {!content.data ? (
        content.error ? null : <p className="muted">{t('evidence.viewerLoading')}</p>
      ) : view === 'image' ? (
        // A data: URL (the page's policy allows data: images, not blob:); the type was read from the bytes.
        <img className="attachments__image" src={`data:${content.data.type};base64,${content.data.base64}`} alt={attachment.fileName} />
      ) : (
        <PdfView base64={content.data.base64} name={attachment.fileName} />
      )}
    </Dialog>
  );
}
