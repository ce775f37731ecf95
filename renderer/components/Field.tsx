/**
 * Labelled form controls. Each renders its own <label>, hint and error, tied to the control with
 * ids, so no control in the app is ever unlabelled.
 *
 * Text is never cut silently: `maxLength` is NOT given to the DOM (the browser would drop the end
 * of a paste without a word). Near the limit a live counter shows ("9,120 / 10,000 characters");
 * beyond it the field says by how much it is too long, is marked invalid (`data-over-limit`,
 * `data-refuse-save`),
 * and FormDialog refuses to save while any field is over (see `overLimit` for other forms).
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Hide the label visually (it stays for screen readers), e.g. inside a table row. */
  hideLabel?: boolean;
  className?: string;
}

/** The core's limits (shared/contract-fields MAX_SHORT_TEXT, MAX_LONG_TEXT; a test keeps them equal), without importing zod here. */
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;

/** The counter shows from this share of the limit on. */
export const COUNTER_FROM = 0.9;

/** How many characters `value` has beyond `max` (0 when within it, or with no limit). */
export function overLimit(value: string | null | undefined, max: number | undefined): number {
  if (max === undefined || value === null || value === undefined) return 0;
  return Math.max(0, value.length - max);
}

/** True when any of the [value, max] pairs is over its limit: a form must not save then. */
export const anyOverLimit = (...fields: [string | null | undefined, number | undefined][]): boolean => fields.some(([value, max]) => overLimit(value, max) > 0);

function describedBy(id: string, ...parts: [string, unknown][]): string | undefined {
  const ids = parts.filter(([, shown]) => Boolean(shown)).map(([suffix]) => `${id}-${suffix}`);
  return ids.length ? ids.join(' ') : undefined;
}

/** What the limit adds to a field: the counter near it, the error beyond it. */
function useLimit(value: unknown, max: number | undefined) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  if (max === undefined) return { counter: null, tooLong: null };
  const over = overLimit(text, max);
  const near = text.length >= Math.ceil(max * COUNTER_FROM);
  return {
    counter: near || over > 0 ? t('safeEdits.field.count', { count: max, value: format.number(text.length, 0), max: format.number(max, 0) }) : null,
    tooLong: over > 0 ? t('safeEdits.field.tooLong', { count: over, over: format.number(over, 0) }) : null,
  };
}

function Frame({ id, label, hint, error, hideLabel, className, counter, children }: FieldFrameProps & { id: string; counter?: ReactNode; children: ReactNode }) {
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {counter !== undefined ? (
        // Always in the page (empty far from the limit) so that a screen reader hears it change.
        <span id={`${id}-count`} className="field__hint field__count" aria-live="polite">
          {counter}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The field's own error and the limit's, one after the other. */
function joinErrors(error: ReactNode, tooLong: string | null): ReactNode {
  if (!tooLong) return error;
  if (!error) return tooLong;
  return (
    <>
      {error} {tooLong}
    </>
  );
}

export type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;

export function TextField({ label, hint, error, hideLabel, className, id, maxLength, ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const { counter, tooLong } = useLimit(input.value, maxLength);
  const shownError = joinErrors(error, tooLong);
  return (
    <Frame id={fieldId} label={label} hint={hint} error={shownError} hideLabel={hideLabel} className={className} counter={maxLength === undefined ? undefined : counter}>
      <input
        id={fieldId}
        className="input"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(fieldId, ['hint', hint], ['count', counter], ['error', shownError])}
        data-over-limit={tooLong ? '' : undefined}
        data-refuse-save={tooLong ? '' : undefined}
        {...input}
      />
    </Frame>
  );
}

export type TextAreaProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

export function TextArea({ label, hint, error, hideLabel, className, id, rows = 3, maxLength, ...textarea }: TextAreaProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const { counter, tooLong } = useLimit(textarea.value, maxLength);
  const shownError = joinErrors(error, tooLong);
  return (
    <Frame id={fieldId} label={label} hint={hint} error={shownError} hideLabel={hideLabel} className={className} counter={maxLength === undefined ? undefined : counter}>
      <textarea
        id={fieldId}
        rows={rows}
        className="textarea"
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy(fieldId, ['hint', hint], ['count', counter], ['error', shownError])}
        data-over-limit={tooLong ? '' : undefined}
        data-refuse-save={tooLong ? '' : undefined}
        {...textarea}
      />
    </Frame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectProps = FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & {
    options: readonly SelectOption[];
    /** A first, empty choice such as "Choose a status". */
    placeholder?: string;
  };

export function Select({ label, hint, error, hideLabel, className, id, options, placeholder, ...select }: SelectProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Frame id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <select id={fieldId} className="select" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, ['hint', hint], ['error', error])} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A group of checkboxes under a legend: themes, partners, planned quarters. */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  hint,
  emptyText,
}: {
  legend: ReactNode;
  options: readonly SelectOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  hint?: ReactNode;
  emptyText?: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="choice-group__options">
        {options.length === 0 && emptyText ? <span className="muted small">{emptyText}</span> : null}
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(event) => onChange(event.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
