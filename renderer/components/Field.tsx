/**
 * Labelled form controls. Each renders its own <label>, hint and error, tied to the control with
 * ids, so no control in the app is ever unlabelled.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Hide the label visually (it stays for screen readers), e.g. inside a table row. */
  hideLabel?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame({ id, label, hint, error, hideLabel, className, children }: FieldFrameProps & { id: string; children: ReactNode }) {
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
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>;

export function TextField({ label, hint, error, hideLabel, className, id, ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Frame id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <input id={fieldId} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...input} />
    </Frame>
  );
}

export type TextAreaProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>;

// maxLength is not given to the element: the browser would cut a long paste silently (issue 12
// §2/§4); the form that passes it refuses beyond it with a sentence (helper C's Field change does
// this for every field, with a counter: keep C's version when merging).
export function TextArea({ label, hint, error, hideLabel, className, id, rows = 3, maxLength: _limit, ...textarea }: TextAreaProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Frame id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <textarea id={fieldId} rows={rows} className="textarea" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...textarea} />
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
      <select id={fieldId} className="select" aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, hint, error)} {...select}>
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
