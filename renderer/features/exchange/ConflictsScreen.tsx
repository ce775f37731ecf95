/**
 * The conflict inbox: concurrent edits nobody has chosen between, the same on every computer,
 * grouped by RECORD (issue 11, §4): a progress entry whose status and narrative were both changed
 * on two computers is one decision. Its heading names the community (and plan year, action); each
 * author's version shows its values of every conflicting field side by side, and "Keep this
 * version" keeps them together, in one change. "Choose field by field" picks per field, or types a
 * merge of a text. A removal against an edit offers "Keep it removed" and "Keep the edits".
 *
 * A choice is an ordinary change: it travels in the next bundle and clears the conflict
 * everywhere. Until a bundle is written it can be undone (the notice's Undo, or the list of
 * resolutions not sent yet); after that, undo is no longer offered, and the screen says why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictRecord, ConflictRecordVersion, UndoableResolution } from '../../../shared/domain';
import { DefinitionList } from '../../components/DefinitionList';
import { Button } from '../../components/Button';
import { EmptyPanel, ErrorBanner, LoadedList } from '../../components/Feedback';
import { TextArea } from '../../components/Field';
import { VirtualList } from '../../components/VirtualRows';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import { useCall } from '../../app/store-context';
import { useConflictCommands } from './conflict-commands';
import { isTypeable, useFieldName, useShownValue, valueText } from './conflict-words';
import { SyncSubnav } from './ExchangeScreen';
import { ScopeNote } from './ScopeNote';

export function ConflictsScreen() {
  const { t } = useTranslation();
  const call = useCall('conflicts:records', {});
  const records = call.data?.records ?? [];
  const undoable = call.data?.undoable ?? [];
  return (
    <>
      <PageHeader title={t('sync.conflicts.title')} subtitle={t('sync.conflicts.subtitle')} crumbs={[{ label: t('sync.exchange.title'), href: href.exchange() }, { label: t('sync.conflicts.title') }]} />
      <SyncSubnav conflictCount={records.length} />
      <ScopeNote />
      {undoable.length > 0 ? <UnsentResolutions resolutions={undoable} /> : null}
      <LoadedList
        call={{ data: call.data?.records, error: call.error, loading: call.loading, reload: call.reload }}
        empty={<EmptyPanel title={t('sync.conflicts.emptyTitle')}>{t('sync.conflicts.emptyBody')}</EmptyPanel>}
      >
        {(list) => (
          <>
            <p>{t('exchangeImport.conflicts.count', { count: list.length })}</p>
            {/* Hundreds of records after a long absence: only those near the screen are rendered. */}
            <VirtualList items={list} itemKey={recordKey} label={t('sync.conflicts.title')} estimateSize={estimateRecordHeight} render={(r) => <RecordPanel record={r} />} />
          </>
        )}
      </LoadedList>
    </>
  );
}

/** A record's panel is new when its conflicting versions change (its choices start afresh). */
const recordKey = (r: ConflictRecord) => `${r.id}:${r.conflicts.flatMap((c) => c.heads.map((h) => h.opId)).join(',')}`;
const estimateRecordHeight = () => 420;

/** Resolutions made here that no bundle has carried yet: each can still be undone. */
function UnsentResolutions({ resolutions }: { resolutions: UndoableResolution[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const commands = useConflictCommands();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function undo(r: UndoableResolution) {
    setBusy(r.id);
    setError(null);
    try {
      await commands.undoResolution(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <section className="panel" aria-labelledby="conflicts-unsent">
      <h2 id="conflicts-unsent" className="h3">
        {t('exchangeImport.conflicts.unsentTitle')}
      </h2>
      <p className="small muted">{t('exchangeImport.conflicts.unsentHint')}</p>
      <ErrorBanner error={error} />
      <ul className="unsent-resolutions">
        {resolutions.map((r) => (
          <li key={r.id}>
            <span>
              {r.communityName ? <bdi>{r.communityName}</bdi> : null}
              {r.communityName ? ' — ' : null}
              <bdi>{r.label}</bdi> <span className="muted small">({t('exchangeImport.conflicts.resolvedAt', { when: format.dateTime(r.at) })})</span>
            </span>{' '}
            <Button size="small" busy={busy === r.id} disabled={busy !== null && busy !== r.id} onClick={() => void undo(r)} aria-label={t('exchangeImport.conflicts.undoLabel', { label: r.label })}>
              {t('exchangeImport.conflicts.undo')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where a record belongs, in words: community, plan year, action. */
function useRecordHeading() {
  const { t } = useTranslation();
  const format = useFormat();
  return (record: ConflictRecord) => {
    const heading = record.communityName ? t('exchangeImport.conflicts.heading', { community: record.communityName, label: record.label }) : record.label;
    const details = [
      record.fiscalYear !== null ? t('exchangeImport.conflicts.planYear', { year: format.fiscalYear(record.fiscalYear) }) : null,
      record.actionTitle !== null && !record.label.startsWith(record.actionTitle) ? t('exchangeImport.conflicts.action', { title: record.actionTitle }) : null,
    ].filter((d): d is string => d !== null);
    return { heading, details };
  };
}

function RecordPanel({ record }: { record: ConflictRecord }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const commands = useConflictCommands();
  const named = useRecordHeading()(record);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingId = `record-${record.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const edits = record.conflicts.filter((c) => c.kind === 'concurrent_edit');
  const removals = record.conflicts.filter((c) => c.kind === 'removed_while_edited');

  async function resolve(choices: Array<{ conflictId: string; pickOpId?: string; value?: string }>, which: string) {
    setBusy(which);
    setError(null);
    try {
      await commands.resolveRecord({ recordId: record.id, choices }, record.label);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  }

  return (
    <section className="panel conflict" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <bdi>{named.heading}</bdi>
      </h2>
      {named.details.length > 0 ? <p className="small">{named.details.join(' · ')}</p> : null}
      {edits.length > 0 ? <p className="muted">{t('sync.conflicts.kindEdit', { field: edits.map((c) => fieldName(c.field)).join(', ') })}</p> : null}
      <ErrorBanner error={error} />
      {removals.map((c) => (
        <RemovalChoice key={c.id} conflict={c} busy={busy} onResolve={(choice, which) => void resolve([choice], which)} />
      ))}
      {edits.length > 0 ? <EditChoice record={record} edits={edits} busy={busy} onResolve={(choices, which) => void resolve(choices, which)} /> : null}
    </section>
  );
}

type Choice = { conflictId: string; pickOpId?: string; value?: string };

/** The versions of a record side by side, one per author, each kept whole; or field by field. */
function EditChoice({ record, edits, busy, onResolve }: { record: ConflictRecord; edits: Conflict[]; busy: string | null; onResolve: (choices: Choice[], which: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldName = useFieldName();
  const shown = useShownValue();
  const [fieldByField, setFieldByField] = useState(false);
  const versions = record.versions.filter((v) => edits.some((c) => v.picks[c.id] !== undefined));
  const headOf = (c: Conflict, v: ConflictRecordVersion) => c.heads.find((h) => h.opId === v.picks[c.id]);
  const versionId = (i: number) => `${record.id.replace(/[^A-Za-z0-9_-]/g, '_')}-v${i}`;

  if (fieldByField) return <FieldByField record={record} edits={edits} busy={busy} onResolve={onResolve} onCancel={() => setFieldByField(false)} />;
  return (
    <>
      <div className="versions">
        {versions.map((v, i) => {
          const id = versionId(i);
          const covered = edits.filter((c) => v.picks[c.id] !== undefined);
          return (
            <article key={v.origin} className="version" aria-labelledby={id}>
              <h3 id={id} className="h4">
                {v.originName === 'this computer' ? (
                  t('exchangeImport.conflicts.versionHere')
                ) : (
                  <>
                    {t('exchangeImport.conflicts.versionFrom')} <bdi>{v.originName}</bdi>
                  </>
                )}
              </h3>
              <DefinitionList
                small
                facts={[
                  [t('sync.conflicts.who'), <bdi>{v.actor}</bdi>],
                  [t('sync.conflicts.computer'), v.originName === 'this computer' ? t('sync.conflicts.thisComputer') : <bdi>{v.originName}</bdi>],
                  [t('sync.conflicts.when'), format.dateTime(v.at)],
                ]}
              />
              <dl className="version__fields">
                {edits.map((c) => {
                  const head = headOf(c, v);
                  return (
                    <div key={c.id}>
                      <dt>{fieldName(c.field)}</dt>
                      <dd className="version__value">{head ? shown(c, head.value) : <span className="muted">{t('exchangeImport.conflicts.notChangedHere')}</span>}</dd>
                    </div>
                  );
                })}
              </dl>
              {covered.length < edits.length ? <p className="small muted">{t('exchangeImport.conflicts.partialVersion')}</p> : null}
              <Button
                variant="primary"
                busy={busy === v.origin}
                disabled={busy !== null && busy !== v.origin}
                onClick={() => onResolve(covered.map((c) => ({ conflictId: c.id, pickOpId: v.picks[c.id]! })), v.origin)}
                aria-describedby={id}
              >
                {t('sync.conflicts.keep')}
              </Button>
            </article>
          );
        })}
      </div>
      <Button onClick={() => setFieldByField(true)} disabled={busy !== null}>
        {edits.some(isTypeable) ? t('exchangeImport.conflicts.fieldByFieldOrMerge') : t('exchangeImport.conflicts.fieldByField')}
      </Button>
    </>
  );
}

/** One choice per field: a version's value, or for a text, a merge typed here. */
function FieldByField({ record, edits, busy, onResolve, onCancel }: { record: ConflictRecord; edits: Conflict[]; busy: string | null; onResolve: (choices: Choice[], which: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const shown = useShownValue();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [merges, setMerges] = useState<Record<string, string>>(() =>
    Object.fromEntries(edits.filter(isTypeable).map((c) => [c.id, c.heads.map((h) => valueText(h.value, '')).filter(Boolean).join('\n\n')])),
  );
  const [mustChoose, setMustChoose] = useState(false);
  const computerOf = (name: string) => (name === 'this computer' ? t('sync.conflicts.thisComputer') : name);
  const choices = (): Choice[] =>
    edits.flatMap((c): Choice[] => {
      const p = picked[c.id];
      if (p === undefined) return [];
      return p === 'merge' ? [{ conflictId: c.id, value: merges[c.id] ?? '' }] : [{ conflictId: c.id, pickOpId: p }];
    });
  return (
    <form
      noValidate
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const chosen = choices();
        if (chosen.length === 0) {
          setMustChoose(true);
          return;
        }
        onResolve(chosen, 'fields');
      }}
    >
      {edits.map((c) => (
        <fieldset key={c.id} className="choice-group field-choice">
          <legend>{fieldName(c.field)}</legend>
          {c.heads.map((h) => (
            <label key={h.opId} className="choice">
              <input type="radio" name={`${record.id}-${c.id}`} checked={picked[c.id] === h.opId} onChange={() => setPicked({ ...picked, [c.id]: h.opId })} />
              <span>
                <span className="version__value">{shown(c, h.value)}</span> <span className="muted small">— {computerOf(h.originName)}</span>
              </span>
            </label>
          ))}
          {isTypeable(c) ? (
            <>
              <label className="choice">
                <input type="radio" name={`${record.id}-${c.id}`} checked={picked[c.id] === 'merge'} onChange={() => setPicked({ ...picked, [c.id]: 'merge' })} />
                {t('exchangeImport.conflicts.typedMerge')}
              </label>
              {picked[c.id] === 'merge' ? (
                <TextArea
                  label={t('sync.conflicts.mergeLabel', { field: fieldName(c.field) })}
                  hint={t('sync.conflicts.mergeHint')}
                  rows={6}
                  value={merges[c.id] ?? ''}
                  onChange={(e) => setMerges({ ...merges, [c.id]: e.target.value })}
                  maxLength={10_000}
                />
              ) : null}
            </>
          ) : null}
        </fieldset>
      ))}
      {mustChoose ? <p className="field__error">{t('exchangeImport.conflicts.mustChoose')}</p> : null}
      {edits.length > 1 ? <p className="small muted">{t('exchangeImport.conflicts.unchosenStay')}</p> : null}
      <div className="button-group">
        <Button onClick={onCancel} disabled={busy !== null}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={busy === 'fields'} disabled={busy !== null && busy !== 'fields'}>
          {t('exchangeImport.conflicts.saveChoices')}
        </Button>
      </div>
    </form>
  );
}

/** A row removed on one computer while edited on another: keep it removed, or keep the edits. */
function RemovalChoice({ conflict, busy, onResolve }: { conflict: Conflict; busy: string | null; onResolve: (choice: Choice, which: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldName = useFieldName();
  const shown = useShownValue();
  const headingId = `conflict-${conflict.id}`;
  return (
    <div className="stack">
      <p className="muted">{t('sync.conflicts.kindRemoved')}</p>
      <div className="versions">
        {conflict.heads.map((h, i) => {
          const id = `${headingId}-${i}`;
          return (
            <article key={h.opId} className="version" aria-labelledby={id}>
              <h3 id={id} className="h4">
                {i === 0 ? t('sync.conflicts.removal') : t('sync.conflicts.edit', { field: fieldName(conflict.field) })}
              </h3>
              <DefinitionList
                small
                facts={[
                  [t('sync.conflicts.who'), <bdi>{h.actor}</bdi>],
                  [t('sync.conflicts.computer'), h.originName === 'this computer' ? t('sync.conflicts.thisComputer') : <bdi>{h.originName}</bdi>],
                  [t('sync.conflicts.when'), format.dateTime(h.at)],
                ]}
              />
              <p className="version__value">{i === 0 ? t('sync.conflicts.removedValue') : shown(conflict, h.value)}</p>
            </article>
          );
        })}
      </div>
      <div className="button-group">
        <Button variant="danger" busy={busy === 'removed'} disabled={busy !== null && busy !== 'removed'} onClick={() => onResolve({ conflictId: conflict.id, pickOpId: conflict.heads[0]!.opId }, 'removed')}>
          {t('sync.conflicts.keepRemoved')}
        </Button>
        <Button
          variant="primary"
          busy={busy === 'edits'}
          disabled={(busy !== null && busy !== 'edits') || conflict.heads.length < 2}
          onClick={() => onResolve({ conflictId: conflict.id, pickOpId: conflict.heads[conflict.heads.length - 1]!.opId }, 'edits')}
        >
          {t('sync.conflicts.keepEdits')}
        </Button>
      </div>
    </div>
  );
}
