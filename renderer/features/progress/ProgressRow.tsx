/**
 * One action's progress for the quarter: status, narrative, next steps. Saved when focus leaves the
 * row after a change (autosave on blur); the state beside the title says whether it is saved.
 *
 * Typing speed (issue 12 §2): a row is memoised and reads only its own state from the store, so a
 * keystroke re-renders that row and nothing else (props are stable references from the screen).
 */
import { memo, useMemo, useState, type ChangeEvent, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, PreviousProgress, ProgressAmendment } from '../../../shared/domain';
import { useFormat } from '../../i18n/format';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { Select, TextArea } from '../../components/Field';
import { PROGRESS_TEXT_LIMIT, progressFieldId, saveStateOf } from './progress-slice';
import { usePlanner } from '../../app/store-context';
import { SaveStateLabel } from './SaveStateLabel';
import { ActionComments } from '../reports/ActionComments';
import { EntryAttachments } from '../evidence/EntryAttachments';
import './progress.css';

const NO_AMENDMENTS: ProgressAmendment[] = [];

export interface ProgressRowProps {
  action: Action;
  readOnly: boolean;
  leadLabel: string | null;
  amendments?: ProgressAmendment[];
  /** False when the action's timeline leaves out this quarter: marked, and it does not hold back the report. */
  planned?: boolean;
  /** Last quarter's entry, shown read-only beside this quarter's. */
  previous?: PreviousProgress | null;
}

export const ProgressRow = memo(function ProgressRow({ action, readOnly, leadLabel, amendments = NO_AMENDMENTS, planned = true, previous = null }: ProgressRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const row = usePlanner((s) => s.progressForm?.rows[action.id]);
  const edit = usePlanner((s) => s.editProgressRow);
  const save = usePlanner((s) => s.saveProgressRow);
  const carry = usePlanner((s) => s.carryNextSteps);
  const quarter = usePlanner((s) => s.progressForm?.quarter);
  const [carried, setCarried] = useState<'done' | 'already' | null>(null);
  const headingId = `progress-${action.id}`;
  const stateId = `progress-state-${action.id}`;
  const notPlannedId = `progress-not-planned-${action.id}`;
  // The status field is the same element while the narrative is typed: React skips it.
  const statusOptions = useMemo(() => PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`vocab.progressStatus.${s}`) })), [t]);
  const status = row?.draft.status ?? '';
  const statusMissing = Boolean(row?.error) && status === '';
  const statusField = useMemo(
    () => (
      <Select
        id={progressFieldId(action.id, 'status')}
        label={t('progress.status')}
        value={status}
        disabled={readOnly}
        placeholder={t('progress.chooseStatusOption')}
        options={statusOptions}
        onChange={(e) => edit(action.id, { status: e.target.value as ProgressStatus | '' })}
        aria-describedby={planned ? stateId : `${stateId} ${notPlannedId}`}
        aria-invalid={statusMissing ? true : undefined}
      />
    ),
    [action.id, t, status, readOnly, statusOptions, edit, planned, stateId, notPlannedId, statusMissing],
  );
  if (!row) return null;
  const state = saveStateOf(row);
  // Saved when focus leaves the row, not each field: choosing a status and then writing the
  // narrative that explains it is one edit.
  const onRowBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget as Node | null;
    // Moving on to the entry's files or the action's comments is leaving the entry's fields: it saves.
    if (next && event.currentTarget.contains(next) && !(next instanceof Element && next.closest('[data-action-comments], [data-entry-attachments]'))) return;
    void save(action.id);
  };
  // The narrative and the next steps are written the same way, each into its own part of the draft.
  const writtenField = (field: 'narrative' | 'nextSteps') => ({
    id: progressFieldId(action.id, field),
    value: row.draft[field],
    readOnly,
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
      setCarried(null);
      edit(action.id, { [field]: e.target.value });
    },
    rows: 3,
    // Helper C's Field shows a counter near the limit and refuses beyond it without cutting.
    maxLength: PROGRESS_TEXT_LIMIT,
  });
  const onCarry = () => {
    setCarried(carry(action.id) ? 'done' : 'already');
    document.getElementById(progressFieldId(action.id, 'nextSteps'))?.focus();
  };
  return (
    <section className={`progress-row${planned ? '' : ' progress-row--not-planned'}`} aria-labelledby={headingId} data-action-id={action.id} data-planned={planned} onBlur={onRowBlur}>
      <div className="progress-row__head">
        <h3 id={headingId}>{action.title}</h3>
        <span className="muted small">
          {t(`vocab.owner.${action.owner}`)}
          {leadLabel ? ` · ${leadLabel}` : ''}
        </span>
        {planned ? null : (
          <span className="progress-row__not-planned small" id={notPlannedId}>
            {t('progressForm.notPlanned')}
          </span>
        )}
        <SaveStateLabel state={state} id={stateId} />
      </div>
      {planned || !quarter ? null : <p className="muted small progress-row__hint">{t('progressForm.notPlannedHint', { quarter: format.quarterShort(quarter) })}</p>}
      <AmendmentNote amendments={amendments} />
      {previous ? (
        <details className="progress-previous small" data-previous="">
          <summary>{t('progressForm.previousSummary', { quarter: format.quarterShort(previous.quarter), status: t(`vocab.progressStatus.${previous.status}`) })}</summary>
          <dl className="definition-list">
            <dt>{t('progress.narrative')}</dt>
            <dd className="pre-wrap">{previous.narrative || t('progressForm.previousNone')}</dd>
            <dt>{t('progress.nextSteps')}</dt>
            <dd className="pre-wrap">{previous.nextSteps || t('progressForm.previousNone')}</dd>
          </dl>
          {previous.nextSteps && !readOnly ? (
            <Button variant="secondary" onClick={onCarry}>
              {t('progressForm.carryNextSteps')}
            </Button>
          ) : null}
        </details>
      ) : null}
      {carried ? (
        <p className="muted small" role="status">
          {carried === 'done' ? t('progressForm.carried') : t('progressForm.alreadyCarried')}
        </p>
      ) : null}
      {row.error ? (
        <p className="field__error" role="alert">
          {row.error}
        </p>
      ) : null}
      {/* A text over the limit stays whole in its field, which says by how much it is too long (Field.tsx); the save state says the row is not saved. */}
      <div className="progress-row__fields">
        {statusField}
        <TextArea label={t('progress.narrative')} hint={t('progress.narrativeHint')} {...writtenField('narrative')} aria-invalid={row.draft.narrative.length > PROGRESS_TEXT_LIMIT ? true : undefined} />
        <TextArea label={t('progress.nextSteps')} {...writtenField('nextSteps')} aria-invalid={row.draft.nextSteps.length > PROGRESS_TEXT_LIMIT ? true : undefined} />
      </div>
      <div data-entry-attachments>
        <EntryAttachments action={action} />
      </div>
      <ActionComments actionId={action.id} actionTitle={action.title} />
    </section>
  );
});

/** After submission: when the entry was last amended and by whom, with the text as it was submitted. */
export function AmendmentNote({ amendments }: { amendments: ProgressAmendment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const last = amendments.at(-1);
  const first = amendments[0];
  if (!last || !first) return null;
  return (
    <details className="amendment-note small">
      <summary>
        <strong>{t('cycle.amend.marker', { date: format.dateTime(last.amendedAt), who: last.amendedBy })}</strong> — {t('cycle.amend.showSubmitted')}
      </summary>
      <dl className="definition-list">
        <dt>{t('progress.status')}</dt>
        <dd>{t(`vocab.progressStatus.${first.previousStatus}`)}</dd>
        <dt>{t('progress.narrative')}</dt>
        <dd className="pre-wrap">{first.previousNarrative || '—'}</dd>
        <dt>{t('progress.nextSteps')}</dt>
        <dd className="pre-wrap">{first.previousNextSteps || '—'}</dd>
      </dl>
    </details>
  );
}
