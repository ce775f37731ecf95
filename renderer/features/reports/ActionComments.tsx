/**
 * Comments on a quarterly report and on each of its actions (issue 12 §5). The coordinator and
 * the plan's own community write them; the other side's unread ones are marked "New" until this
 * side marks them read (an explicit "Mark as read", not on display: opening a report on a shared
 * computer must not lock the author out of correcting a comment nobody has read yet); the author
 * may change or remove a comment until then.
 *
 * One read per screen: <CommentsProvider> loads the report's comments, and each
 * <ActionComments actionId> (a progress row, a report row) or <ReportComments> shows its own.
 */
import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportComment } from '../../../shared/domain';
import type { Quarter } from '../../../shared/fiscal-calendar';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/Feedback';
import { TextArea } from '../../components/Field';
import { useSubmit } from '../../components/use-submit';
import { useCall, usePlanner } from '../../app/store-context';
import { usePermission } from '../../app/use-permission';
import { useFormat } from '../../i18n/format';
import { useCommentCommands } from './comment-commands';
import './comments.css';

interface CommentsState {
  planId: string;
  quarter: Quarter;
  comments: readonly ReportComment[];
  mayComment: { allowed: boolean; reason: string | null };
}

const CommentsContext = createContext<CommentsState | null>(null);

/** Loads the comments of one plan's quarterly report for the comment blocks inside it. */
export function CommentsProvider({ planId, quarter, community, children }: { planId: string; quarter: Quarter; community?: { id: string; name: string } | null; children: ReactNode }) {
  const report = useCall('reports:get', { planId, quarter });
  const mayComment = usePermission('reports:comment', community ?? null);
  const comments = report.data?.comments ?? EMPTY;
  const { allowed, reason } = mayComment;
  // One value until something it holds changes: every action's comment block reads it, and a new
  // object on each render of the screen would re-render all of them on every keystroke.
  const value = useMemo(() => ({ planId, quarter, comments, mayComment: { allowed, reason } }), [planId, quarter, comments, allowed, reason]);
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
const EMPTY: readonly ReportComment[] = [];

/** Whether a comment is the other side's and not read yet: marked "New" here. */
export const isNew = (c: ReportComment) => c.isNew;

/** The comments on one action, folded under a summary that counts them and the new ones (open when there are new ones). */
export function ActionComments({ actionId, actionTitle }: { actionId: string; actionTitle: string }) {
  const { t } = useTranslation();
  const state = useContext(CommentsContext);
  const comments = state?.comments.filter((c) => c.actionId === actionId) ?? [];
  const fresh = comments.filter(isNew).length;
  const [open, setOpen] = useState(fresh > 0);
  // New comments arriving (a bundle, the first load) open the block; the reader may fold it again.
  const hasNew = fresh > 0;
  useEffect(() => {
    if (hasNew) setOpen(true);
  }, [hasNew]);
  if (!state) return null;
  if (comments.length === 0 && !state.mayComment.allowed) return null;
  return (
    <details className="action-comments" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-action-comments={actionId}>
      <summary>
        <span>{t('comments.actionSummary', { count: comments.length })}</span>
        {fresh > 0 ? <span className="comment-new">{t('comments.newCount', { count: fresh })}</span> : null}
      </summary>
      <CommentList comments={comments} label={t('comments.actionListLabel', { title: actionTitle })} />
      {state.mayComment.allowed ? <AddComment actionId={actionId} /> : null}
    </details>
  );
}

/** The comments on the whole report (no action), with the form to add one. */
export function ReportComments({ headingId = 'report-comments' }: { headingId?: string }) {
  const { t } = useTranslation();
  const state = useContext(CommentsContext);
  if (!state) return null;
  const comments = state.comments.filter((c) => c.actionId === null);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('comments.reportTitle', { count: comments.length })}</h2>
      {comments.length === 0 ? <p className="muted">{t('comments.none')}</p> : <CommentList comments={comments} label={null} />}
      {state.mayComment.allowed ? (
        <AddComment actionId={null} />
      ) : (
        <p className="muted small" data-permission-reason="">
          {state.mayComment.reason}
        </p>
      )}
    </section>
  );
}

function CommentList({ comments, label }: { comments: readonly ReportComment[]; label: string | null }) {
  if (comments.length === 0) return null;
  return (
    <ul className="comment-list" aria-label={label ?? undefined}>
      {comments.map((c) => (
        <li key={c.id}>
          <CommentItem comment={c} />
        </li>
      ))}
    </ul>
  );
}

function CommentItem({ comment: c }: { comment: ReportComment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useContext(CommentsContext)!;
  const commands = useCommentCommands();
  const [mode, setMode] = useState<'show' | 'edit' | 'remove'>('show');
  const [draft, setDraft] = useState(c.body);
  const [checked, setChecked] = useState(false);
  const markRead = useSubmit(() => commands.markRead(state.planId, state.quarter, c.id, c.author), () => undefined);
  const save = useSubmit(
    () => commands.edit(c.id, draft),
    () => {
      setMode('show');
      setChecked(false);
    },
  );
  const remove = useSubmit(() => commands.remove(c.id), () => setMode('show'));
  const fresh = isNew(c);
  const metaId = useId();
  const who = c.author;
  return (
    <article className={`comment${fresh ? ' comment--new' : ''}`} aria-describedby={metaId} data-comment-id={c.id}>
      {fresh ? (
        <p className="comment__flag">
          <span className="comment-new">{t('comments.new')}</span>
          <span className="visually-hidden">{t('comments.newFrom', { who })}</span>
        </p>
      ) : null}
      {mode === 'edit' ? (
        <form
          className="no-print"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
            if (draft.trim() !== '') void save.submit();
          }}
        >
          <ErrorBanner error={save.error} />
          <TextArea label={t('comments.editLabel')} value={draft} onChange={(e) => setDraft(e.target.value)} rows={3} autoFocus error={checked && draft.trim() === '' ? t('comments.required') : undefined} />
          <div className="comment__actions">
            <Button type="submit" variant="primary" size="small" busy={save.busy}>
              {t('comments.save')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setDraft(c.body);
                setChecked(false);
                save.setError(null);
                setMode('show');
              }}
            >
              {t('comments.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="comment__body pre-wrap">{c.body}</p>
      )}
      <p className="comment__meta muted small" id={metaId}>
        {t('comments.byLine', { who, role: t(`vocab.role.${c.authorRole}`), date: format.dateTime(c.createdAt) })}
        {c.editedAt ? ` · ${t('comments.edited', { date: format.dateTime(c.editedAt) })}` : ''}
        {!c.fromOtherSide && c.readAt ? <> · {t('comments.readBy', { who: c.readBy ?? '', date: format.dateTime(c.readAt) })}</> : null}
        {c.editable ? <> · {t('comments.notReadYet')}</> : null}
      </p>
      <ErrorBanner error={markRead.error ?? remove.error} />
      {mode === 'remove' ? (
        <div className="comment__actions" role="group" aria-label={t('comments.removeConfirm')}>
          <span>{t('comments.removeConfirm')}</span>
          <Button size="small" variant="danger" busy={remove.busy} onClick={() => void remove.submit()}>
            {t('comments.removeYes')}
          </Button>
          <Button size="small" onClick={() => setMode('show')} autoFocus>
            {t('comments.removeNo')}
          </Button>
        </div>
      ) : mode === 'show' && (fresh || c.editable) ? (
        <div className="comment__actions no-print">
          {fresh ? (
            <Button size="small" variant="primary" busy={markRead.busy} onClick={() => void markRead.submit()} aria-label={t('comments.markReadFor', { who })}>
              {t('comments.markRead')}
            </Button>
          ) : null}
          {c.editable ? (
            <>
              <Button
                size="small"
                onClick={() => {
                  setDraft(c.body);
                  setMode('edit');
                }}
              >
                {t('comments.edit')}
              </Button>
              <Button size="small" onClick={() => setMode('remove')}>
                {t('comments.remove')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

function AddComment({ actionId }: { actionId: string | null }) {
  const { t } = useTranslation();
  const state = useContext(CommentsContext)!;
  const commands = useCommentCommands();
  const role = usePlannerRole();
  const [body, setBody] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(
    () => commands.add(state.planId, state.quarter, actionId, body),
    () => {
      setBody('');
      setChecked(false);
    },
  );
  return (
    <form
      className="comment-form no-print"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (body.trim() !== '') void submit();
      }}
    >
      <ErrorBanner error={error} />
      <TextArea
        label={t(actionId ? 'comments.addLabelAction' : 'comments.addLabelReport')}
        hint={t(role === 'coordinator' ? 'comments.addHintCoordinator' : 'comments.addHintCommunity')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        error={checked && body.trim() === '' ? t('comments.required') : undefined}
      />
      <Button type="submit" variant="secondary" size="small" busy={busy}>
        {t('comments.add')}
      </Button>
    </form>
  );
}

function usePlannerRole() {
  return usePlanner((s) => s.profile?.role ?? null);
}
