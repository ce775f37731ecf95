/**
 * One action's progress for the quarter: status, narrative, next steps. Saved when focus leaves the
 * row after a change (autosave on blur); the state beside the title says whether it is saved.
 */
import type { ChangeEvent, FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ProgressAmendment } from '../../../shared/domain';
import { useFormat } from '../../i18n/format';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../../shared/vocabulary';
import { Select, TextArea } from '../../components/Field';
import { saveStateOf } from './progress-slice';
import { usePlanner } from '../../app/store-context';
import { SaveStateLabel } from './SaveStateLabel';
import { ActionComments } from '../reports/ActionComments';

export function ProgressRow({ action, readOnly, leadLabel, amendments = [] }: { action: Action; readOnly: boolean; leadLabel: string | null; amendments?: ProgressAmendment[] }) {
  const { t } = useTranslation();
  const row = usePlanner((s) => s.progressForm?.rows[action.id]);
  const edit = usePlanner((s) => s.editProgressRow);
  const save = usePlanner((s) => s.saveProgressRow);
  if (!row) return null;
  const state = saveStateOf(row);
  const headingId = `progress-${action.id}`;
  const stateId = `progress-state-${action.id}`;
  // Saved when focus leaves the row, not each field: choosing a status and then writing the
  // narrative that explains it is one edit.
  const onRowBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget as Node | null;
    // Moving on to the action's comments (ActionComments) is leaving the entry's fields: it saves.
    if (next && event.currentTarget.contains(next) && !(next instanceof Element && next.closest('[data-action-comments]'))) return;
    void save(action.id);
  };
  // The narrative and the next steps are written the same way, each into its own part of the draft.
  const writtenField = (field: 'narrative' | 'nextSteps') => ({
    value: row.draft[field],
    readOnly,
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => edit(action.id, { [field]: e.target.value }),
    rows: 3,
    maxLength: 10_000,
  });
  return (
    <section className="progress-row" aria-labelledby={headingId} data-action-id={action.id} onBlur={onRowBlur}>
      <div className="progress-row__head">
        <h3 id={headingId}>{action.title}</h3>
        <span className="muted small">
          {t(`vocab.owner.${action.owner}`)}
          {leadLabel ? ` · ${leadLabel}` : ''}
        </span>
        <SaveStateLabel state={state} id={stateId} />
      </div>
      <AmendmentNote amendments={amendments} />
      {row.error ? (
        <p className="field__error" role="alert">
          {row.error}
        </p>
      ) : null}
      <div className="progress-row__fields">
        <Select
          label={t('progress.status')}
          value={row.draft.status}
          disabled={readOnly}
          placeholder={t('progress.chooseStatusOption')}
          options={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`vocab.progressStatus.${s}`) }))}
          onChange={(e) => edit(action.id, { status: e.target.value as ProgressStatus | '' })}
          aria-describedby={stateId}
        />
        <TextArea label={t('progress.narrative')} hint={t('progress.narrativeHint')} {...writtenField('narrative')} />
        <TextArea label={t('progress.nextSteps')} {...writtenField('nextSteps')} />
      </div>
      <ActionComments actionId={action.id} actionTitle={action.title} />
    </section>
  );
}

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
