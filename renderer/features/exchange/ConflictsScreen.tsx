/**
 * The conflict inbox: concurrent edits nobody has chosen between, the same on every computer.
 * Each shows its versions side by side (who, which computer, when, the value) with "Keep this
 * version"; text can also be merged by hand. A removal against an edit offers "Keep it removed"
 * and "Keep the edits". A choice is an ordinary change: it travels in the next bundle and clears
 * the conflict everywhere.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictHead } from '../../../shared/domain';
import { DefinitionList } from '../../components/DefinitionList';
import { Button } from '../../components/Button';
import { EmptyPanel, ErrorBanner, LoadedList } from '../../components/Feedback';
import { TextArea } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { useExchangeCommands } from './exchange-commands';
import { SyncSubnav } from './ExchangeScreen';

export function ConflictsScreen() {
  const { t } = useTranslation();
  const conflicts = useCall('conflicts:list', {});
  const list = conflicts.data ?? [];
  return (
    <>
      <PageHeader title={t('sync.conflicts.title')} subtitle={t('sync.conflicts.subtitle')} crumbs={[{ label: t('sync.exchange.title'), href: href.exchange() }, { label: t('sync.conflicts.title') }]} />
      <SyncSubnav conflictCount={list.length} />
      <LoadedList call={conflicts} empty={<EmptyPanel title={t('sync.conflicts.emptyTitle')}>{t('sync.conflicts.emptyBody')}</EmptyPanel>}>
        {(list) => (
          <>
            <p>{t('sync.conflicts.count', { count: list.length })}</p>
            {list.map((c) => (
              <ConflictPanel key={`${c.id}:${c.heads.map((h) => h.opId).join(',')}`} conflict={c} />
            ))}
          </>
        )}
      </LoadedList>
    </>
  );
}

function useFieldName() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `sync.field.${field}`;
    return i18n.exists(key) ? t(key as 'sync.field.narrative') : field;
  };
}

function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Fields whose values are codes of a vocabulary: shown with their translated label, and resolved
 * by choosing a version (a typed merge of two codes would not be a code).
 */
const VOCABULARY_FIELDS: Record<string, string> = {
  'progressEntries.status': 'vocab.progressStatus',
  'plans.status': 'vocab.planStatus',
  'reportSubmissions.state': 'vocab.reportState',
  'commitments.status': 'vocab.commitmentStatus',
  'milestones.status': 'vocab.milestoneStatus',
  'actions.owner': 'vocab.owner',
  'priorities.zone': 'vocab.zone',
  'indicators.direction': 'vocab.direction',
};

function ConflictPanel({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useExchangeCommands();
  const fieldName = useFieldName();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [merging, setMerging] = useState(false);
  const vocabulary = VOCABULARY_FIELDS[`${conflict.table}.${conflict.field}`];
  const isText = conflict.kind === 'concurrent_edit' && !vocabulary && conflict.heads.every((h) => typeof h.value === 'string' || h.value === null);
  const shownValue = (value: unknown) =>
    vocabulary && typeof value === 'string' ? t(`${vocabulary}.${value}` as never, { defaultValue: value }) : valueText(value, t('sync.conflicts.emptyValue'));
  const [merge, setMerge] = useState(() => conflict.heads.map((h) => valueText(h.value, '')).filter(Boolean).join('\n\n'));
  const headingId = `conflict-${conflict.id}`;
  const removal = conflict.kind === 'removed_while_edited';

  async function resolve(what: { pickOpId: string } | { value: string }, which: string) {
    setBusy(which);
    setError(null);
    try {
      await commands.resolveConflict(conflict, what);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  }

  const versionTitle = (h: ConflictHead, i: number) => (removal ? (i === 0 ? t('sync.conflicts.removal') : t('sync.conflicts.edit', { field: fieldName(conflict.field) })) : t('sync.conflicts.versionN', { n: i + 1 }));

  return (
    <section className="panel conflict" aria-labelledby={headingId}>
      <h2 id={headingId}>{conflict.label}</h2>
      <p className="muted">
        {removal ? t('sync.conflicts.kindRemoved') : t('sync.conflicts.kindEdit', { field: fieldName(conflict.field) })}
      </p>
      <ErrorBanner error={error} />
      <div className="versions">
        {conflict.heads.map((h, i) => {
          const id = `${headingId}-${i}`;
          return (
            <article key={h.opId} className="version" aria-labelledby={id}>
              <h3 id={id} className="h4">
                {versionTitle(h, i)}
              </h3>
              <DefinitionList
                small
                facts={[
                  [t('sync.conflicts.who'), <bdi>{h.actor}</bdi>],
                  [t('sync.conflicts.computer'), h.originName === 'this computer' ? t('sync.conflicts.thisComputer') : <bdi>{h.originName}</bdi>],
                  [t('sync.conflicts.when'), format.dateTime(h.at)],
                ]}
              />
              <p className="version__value">{removal && i === 0 ? t('sync.conflicts.removedValue') : shownValue(h.value)}</p>
              {removal ? null : (
                <Button variant="primary" busy={busy === h.opId} disabled={busy !== null && busy !== h.opId} onClick={() => void resolve({ pickOpId: h.opId }, h.opId)} aria-describedby={id}>
                  {t('sync.conflicts.keep')}
                </Button>
              )}
            </article>
          );
        })}
      </div>
      {removal ? (
        <div className="button-group">
          <Button variant="danger" busy={busy === 'removed'} disabled={busy !== null && busy !== 'removed'} onClick={() => void resolve({ pickOpId: conflict.heads[0]!.opId }, 'removed')}>
            {t('sync.conflicts.keepRemoved')}
          </Button>
          <Button variant="primary" busy={busy === 'edits'} disabled={busy !== null && busy !== 'edits' || conflict.heads.length < 2} onClick={() => void resolve({ pickOpId: conflict.heads[conflict.heads.length - 1]!.opId }, 'edits')}>
            {t('sync.conflicts.keepEdits')}
          </Button>
        </div>
      ) : null}
      {isText ? (
        merging ? (
          <form
            noValidate
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void resolve({ value: merge }, 'merge');
            }}
          >
            <TextArea label={t('sync.conflicts.mergeLabel', { field: fieldName(conflict.field) })} hint={t('sync.conflicts.mergeHint')} rows={8} value={merge} onChange={(e) => setMerge(e.target.value)} maxLength={10_000} />
            <div className="button-group">
              <Button onClick={() => setMerging(false)} disabled={busy !== null}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="primary" busy={busy === 'merge'} disabled={busy !== null && busy !== 'merge'}>
                {t('sync.conflicts.saveMerge')}
              </Button>
            </div>
          </form>
        ) : (
          <Button onClick={() => setMerging(true)} disabled={busy !== null}>
            {t('sync.conflicts.editMerge')}
          </Button>
        )
      ) : null}
    </section>
  );
}
