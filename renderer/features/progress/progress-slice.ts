/**
 * The quarterly progress form: one row per action (status, narrative, next steps) and one value
 * per indicator, each saved on its own when the person leaves the field (autosave on blur), with a
 * visible save state. Drafts live here, not in the components, so leaving and coming back to a row
 * never loses typing, and the submit action can flush every pending row first.
 */
import type { Plan, QuarterProgress } from '../../../shared/domain';
import { MAX_LONG_TEXT } from '../../../shared/contract-fields';
import { plannedForQuarter } from '../../../shared/rules/progress-quarters';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { ProgressStatus } from '../../../shared/vocabulary';
import { idRecord, valueFor, withId } from '../../../shared/id-record';
import { ApiError, messageOf } from '../../api/api-error';
import type { SliceCreator } from '../../app/planner-store';

export interface ProgressDraft {
  status: ProgressStatus | '';
  narrative: string;
  nextSteps: string;
}

export interface ProgressRowState {
  actionId: string;
  draft: ProgressDraft;
  /** What the core holds; null while the action has no entry for the quarter. */
  saved: ProgressDraft | null;
  saving: boolean;
  /** Set when a blur arrived during a save: save again once it is done. */
  saveAgain: boolean;
  error: string | null;
}

export interface IndicatorEntryState {
  indicatorId: string;
  draft: string;
  saved: string;
  saving: boolean;
  error: string | null;
}

/**
 * What the row shows beside its title. Derived, never stored. 'tooLong': a text is over the limit
 * the core keeps, so the row is not sent (all the text stays in the field; nothing is cut).
 */
export type SaveState = 'empty' | 'unsaved' | 'saving' | 'saved' | 'error' | 'tooLong';

/** The longest narrative or next steps the core keeps (shared/contract-fields.ts). */
export const PROGRESS_TEXT_LIMIT = MAX_LONG_TEXT;

/** The written fields of a draft that are over the limit, in the order they are shown. */
export function fieldsOverLimit(draft: ProgressDraft): Array<'narrative' | 'nextSteps'> {
  return (['narrative', 'nextSteps'] as const).filter((f) => draft[f].length > PROGRESS_TEXT_LIMIT);
}

const EMPTY_DRAFT: ProgressDraft = { status: '', narrative: '', nextSteps: '' };

function sameDraft(a: ProgressDraft, b: ProgressDraft): boolean {
  return a.status === b.status && a.narrative === b.narrative && a.nextSteps === b.nextSteps;
}

export function saveStateOf(row: Pick<ProgressRowState, 'draft' | 'saved' | 'saving' | 'error'>): SaveState {
  if (row.saving) return 'saving';
  if (fieldsOverLimit(row.draft).length > 0) return 'tooLong';
  if (row.error) return 'error';
  if (row.saved === null) return sameDraft(row.draft, EMPTY_DRAFT) ? 'empty' : 'unsaved';
  return sameDraft(row.draft, row.saved) ? 'saved' : 'unsaved';
}

export function indicatorSaveStateOf(entry: Pick<IndicatorEntryState, 'draft' | 'saved' | 'saving' | 'error'>): SaveState {
  if (entry.saving) return 'saving';
  if (entry.error) return 'error';
  if (entry.draft.trim() === entry.saved) return entry.saved === '' ? 'empty' : 'saved';
  return 'unsaved';
}

/** Reads "12", "12.5", "12,5" or "1 234,5" (French), as people type them. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export interface ProgressForm {
  planId: string;
  quarter: Quarter;
  plan: Plan;
  progress: QuarterProgress;
  rowOrder: string[];
  rows: Record<string, ProgressRowState>;
  indicators: Record<string, IndicatorEntryState>;
  /** Ids of the actions planned for the quarter (the report waits for these only). */
  planned: Record<string, true>;
}

/** Where the person must look first after a refused submission: a row and one of its fields. */
export interface ProgressProblem {
  actionId: string;
  field: 'status' | 'narrative' | 'nextSteps';
}

/** The id of a row's field, so focus can be moved to it. */
export function progressFieldId(actionId: string, field: ProgressProblem['field']): string {
  return `progress-${field}-${actionId}`;
}

export interface ProgressSlice {
  progressForm: ProgressForm | null;
  progressLoading: boolean;
  progressError: unknown;
  loadProgressForm(planId: string, quarter: Quarter): Promise<void>;
  editProgressRow(actionId: string, patch: Partial<ProgressDraft>): void;
  /** Saves the row if it changed; resolves true when the row is saved afterwards. */
  saveProgressRow(actionId: string): Promise<boolean>;
  editIndicatorValue(indicatorId: string, text: string): void;
  saveIndicatorValue(indicatorId: string): Promise<boolean>;
  /** Saves every row and value with unsaved changes; true when nothing is left unsaved. */
  saveAllProgress(): Promise<boolean>;
  /** Saves what is pending, then submits; throws ApiError with the core's sentence when refused. */
  submitQuarterReport(): Promise<void>;
  /**
   * Before asking to submit: saves what is pending and marks every row that would hold the report
   * back (not saved, or planned for the quarter with nothing recorded). Resolves with the rows in
   * the order shown, first one first; empty when the report may be submitted.
   */
  checkBeforeSubmit(): Promise<ProgressProblem[]>;
  /** Copies last quarter's next steps into this quarter's next steps draft (appended when some are written). Resolves false when they are already there. */
  carryNextSteps(actionId: string): boolean;
}

function draftOf(entry: QuarterProgress['rows'][number]['entry']): ProgressDraft | null {
  return entry ? { status: entry.status, narrative: entry.narrative, nextSteps: entry.nextSteps ?? '' } : null;
}

/** The record with one entry changed, or null when the entry is gone (the form moved on). */
function patched<V>(record: Record<string, V>, id: string, patch: Partial<V>): Record<string, V> | null {
  const current = valueFor(record, id);
  return current ? withId(record, id, { ...current, ...patch }) : null;
}

export const createProgressSlice: SliceCreator<ProgressSlice> = (set, get, { client, i18n }) => {
  function patchRow(actionId: string, patch: Partial<ProgressRowState>): void {
    set((s) => {
      const rows = s.progressForm && patched(s.progressForm.rows, actionId, patch);
      return s.progressForm && rows ? { progressForm: { ...s.progressForm, rows } } : {};
    });
  }
  function patchIndicator(indicatorId: string, patch: Partial<IndicatorEntryState>): void {
    set((s) => {
      const indicators = s.progressForm && patched(s.progressForm.indicators, indicatorId, patch);
      return s.progressForm && indicators ? { progressForm: { ...s.progressForm, indicators } } : {};
    });
  }

  return {
    progressForm: null,
    progressLoading: false,
    progressError: null,

    async loadProgressForm(planId, quarter) {
      set({ progressLoading: true, progressError: null });
      try {
        const [plan, progress] = await Promise.all([client.call('plans:get', { planId }), client.call('progress:get', { planId, quarter })]);
        // Ids come from other computers' bundles: records without a prototype (shared/id-record.ts).
        const rows = idRecord<ProgressRowState>();
        for (const r of progress.rows) {
          const saved = draftOf(r.entry);
          rows[r.action.id] = { actionId: r.action.id, draft: saved ?? { ...EMPTY_DRAFT }, saved, saving: false, saveAgain: false, error: null };
        }
        const indicators = idRecord<IndicatorEntryState>();
        for (const priority of plan.priorities) {
          for (const indicator of priority.indicators) {
            const value = progress.indicatorValues.find((v) => v.indicatorId === indicator.id);
            const text = value ? String(value.value) : '';
            indicators[indicator.id] = { indicatorId: indicator.id, draft: text, saved: text, saving: false, error: null };
          }
        }
        const planned = idRecord<true>();
        for (const r of progress.rows) if (r.plannedThisQuarter ?? plannedForQuarter(r.action, quarter)) planned[r.action.id] = true;
        set({
          progressForm: { planId, quarter, plan, progress, rowOrder: progress.rows.map((r) => r.action.id), rows, indicators, planned },
          progressLoading: false,
        });
      } catch (error) {
        set({ progressLoading: false, progressError: error, progressForm: null });
      }
    },

    editProgressRow(actionId, patch) {
      const row = get().progressForm?.rows[actionId];
      if (!row) return;
      patchRow(actionId, { draft: { ...row.draft, ...patch }, error: null });
    },

    async saveProgressRow(actionId) {
      const form = get().progressForm;
      const row = form?.rows[actionId];
      if (!form || !row) return false;
      if (row.saving) {
        patchRow(actionId, { saveAgain: true });
        return false;
      }
      const state = saveStateOf(row);
      if (state === 'saved' || state === 'empty') return true;
      // Over the limit: nothing is sent (the core would refuse it too); the row says why.
      if (state === 'tooLong') return false;
      if (row.draft.status === '') {
        patchRow(actionId, { error: i18n.t('progress.chooseStatus') });
        return false;
      }
      const sent = { ...row.draft };
      patchRow(actionId, { saving: true, saveAgain: false, error: null });
      try {
        const entry = await client.call('progress:record', {
          actionId,
          quarter: form.quarter,
          status: sent.status as ProgressStatus,
          narrative: sent.narrative,
          nextSteps: sent.nextSteps.trim() === '' ? null : sent.nextSteps,
        });
        patchRow(actionId, { saving: false, saved: sent });
        set((s) => {
          const f = s.progressForm;
          if (!f || f.planId !== form.planId || f.quarter !== form.quarter) return {};
          return { progressForm: { ...f, progress: { ...f.progress, rows: f.progress.rows.map((r) => (r.action.id === actionId ? { ...r, entry } : r)) } } };
        });
      } catch (error) {
        patchRow(actionId, { saving: false, error: messageOf(error, i18n.language) });
        return false;
      }
      const after = get().progressForm?.rows[actionId];
      if (after?.saveAgain) return get().saveProgressRow(actionId);
      return after ? saveStateOf(after) === 'saved' : false;
    },

    editIndicatorValue(indicatorId, text) {
      patchIndicator(indicatorId, { draft: text, error: null });
    },

    async saveIndicatorValue(indicatorId) {
      const form = get().progressForm;
      const entry = form?.indicators[indicatorId];
      if (!form || !entry || entry.saving) return false;
      const state = indicatorSaveStateOf(entry);
      if (state === 'saved' || state === 'empty') return true;
      const text = entry.draft.trim();
      if (text === '') {
        patchIndicator(indicatorId, { error: i18n.t('progress.valueCannotBeCleared') });
        return false;
      }
      const value = parseAmount(text);
      if (value === null) {
        patchIndicator(indicatorId, { error: i18n.t('progress.valueNotNumber') });
        return false;
      }
      patchIndicator(indicatorId, { saving: true, error: null });
      try {
        await client.call('indicators:recordValue', { indicatorId, quarter: form.quarter, value });
        const current = get().progressForm?.indicators[indicatorId];
        // Keep what the person typed if it still means the saved number ("12,5" stays "12,5").
        patchIndicator(indicatorId, { saving: false, saved: text, draft: current && current.draft.trim() !== text ? current.draft : text });
        return true;
      } catch (error) {
        patchIndicator(indicatorId, { saving: false, error: messageOf(error, i18n.language) });
        return false;
      }
    },

    async saveAllProgress() {
      const form = get().progressForm;
      if (!form) return false;
      const rowResults = [];
      for (const actionId of form.rowOrder) {
        const row = get().progressForm?.rows[actionId];
        if (row && saveStateOf(row) !== 'saved' && saveStateOf(row) !== 'empty') rowResults.push(await get().saveProgressRow(actionId));
      }
      const valueResults = [];
      for (const indicatorId of Object.keys(form.indicators)) {
        const entry = get().progressForm?.indicators[indicatorId];
        if (entry && ['unsaved', 'error'].includes(indicatorSaveStateOf(entry))) valueResults.push(await get().saveIndicatorValue(indicatorId));
      }
      return [...rowResults, ...valueResults].every(Boolean);
    },

    async checkBeforeSubmit() {
      // A row whose save is under way (focus just left it for the Submit button) is waited for,
      // not marked as missing.
      const saving = () => Object.values(get().progressForm?.rows ?? {}).some((r) => r.saving);
      for (let waited = 0; saving() && waited < 15_000; waited += 25) await new Promise((r) => setTimeout(r, 25));
      await get().saveAllProgress();
      const form = get().progressForm;
      if (!form) return [];
      const problems: ProgressProblem[] = [];
      for (const actionId of form.rowOrder) {
        const row = valueFor(form.rows, actionId);
        if (!row) continue;
        const state = saveStateOf(row);
        const long = fieldsOverLimit(row.draft);
        if (state === 'tooLong' && long[0]) problems.push({ actionId, field: long[0] });
        else if (state === 'error' || state === 'unsaved') {
          const narrativeMissing = row.draft.status !== '' && row.draft.status !== 'not_started' && row.draft.narrative.trim() === '';
          problems.push({ actionId, field: row.draft.status === '' ? 'status' : narrativeMissing ? 'narrative' : 'status' });
        } else if (row.saved === null && valueFor(form.planned, actionId)) {
          patchRow(actionId, { error: i18n.t('progressForm.missingForSubmit') });
          problems.push({ actionId, field: 'status' });
        }
      }
      return problems;
    },

    carryNextSteps(actionId) {
      const form = get().progressForm;
      const row = form ? valueFor(form.rows, actionId) : undefined;
      const previous = form?.progress.rows.find((r) => r.action.id === actionId)?.previous?.nextSteps?.trim();
      if (!row || !previous) return false;
      const current = row.draft.nextSteps;
      if (current.includes(previous)) return false;
      // Nothing already written is replaced: last quarter's steps come after it.
      get().editProgressRow(actionId, { nextSteps: current.trim() === '' ? previous : `${current.trimEnd()}\n\n${previous}` });
      return true;
    },

    async submitQuarterReport() {
      const form = get().progressForm;
      if (!form) return;
      const allSaved = await get().saveAllProgress();
      if (!allSaved) throw new ApiError({ code: 'invalid_input', message: i18n.t('progress.fixUnsavedFirst') });
      const report = await client.call('reports:submit', { planId: form.planId, quarter: form.quarter });
      set((s) => (s.progressForm ? { progressForm: { ...s.progressForm, progress: { ...s.progressForm.progress, report } } } : {}));
    },
  };
};
