/** How the exchange screens name a field of a conflict and show its values (the inbox and the import preview). */
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../shared/domain';

export function useFieldName() {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `sync.field.${field}`;
    if (i18n.exists(key)) return t(key as 'sync.field.narrative');
    // The engagement log's own fields (issue 14 §1).
    const engagementKey = `engagement.field.${field}`;
    return i18n.exists(engagementKey) ? t(engagementKey as 'engagement.field.date') : field;
  };
}

export function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Fields whose values are codes of a vocabulary: shown with their translated label, and resolved
 * by choosing a version (a typed merge of two codes would not be a code).
 */
export const VOCABULARY_FIELDS: Record<string, string> = {
  'progressEntries.status': 'vocab.progressStatus',
  'plans.status': 'vocab.planStatus',
  'reportSubmissions.state': 'vocab.reportState',
  'commitments.status': 'vocab.commitmentStatus',
  'milestones.status': 'vocab.milestoneStatus',
  'actions.owner': 'vocab.owner',
  'priorities.zone': 'vocab.zone',
  'indicators.direction': 'vocab.direction',
  'engagements.kind': 'engagement.kind',
};

/** A value as people read it: a vocabulary code by its label, an empty value said so. */
export function useShownValue() {
  const { t } = useTranslation();
  return (conflict: Pick<Conflict, 'table' | 'field'>, value: unknown) => {
    const vocabulary = VOCABULARY_FIELDS[`${conflict.table}.${conflict.field}`];
    return vocabulary && typeof value === 'string' ? t(`${vocabulary}.${value}` as never, { defaultValue: value }) : valueText(value, t('sync.conflicts.emptyValue'));
  };
}

/** A field whose versions may be merged by typing: free text, not a vocabulary code. */
export function isTypeable(conflict: Conflict): boolean {
  return conflict.kind === 'concurrent_edit' && !VOCABULARY_FIELDS[`${conflict.table}.${conflict.field}`] && conflict.heads.every((h) => typeof h.value === 'string' || h.value === null);
}

/** Conflicts of the same record (table and row) together, in first-seen order: one line, one decision each. */
export function byRecord(conflicts: readonly Conflict[]): Array<{ key: string; label: string; conflicts: Conflict[] }> {
  const groups = new Map<string, { key: string; label: string; conflicts: Conflict[] }>();
  for (const c of conflicts) {
    const key = `${c.table}:${c.rowId}`;
    const group = groups.get(key) ?? { key, label: c.label, conflicts: [] };
    group.conflicts.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}
