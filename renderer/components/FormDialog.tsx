import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './DialogFooter';
import { ErrorBanner } from './Feedback';
import { Select } from './Field';
import { useSubmit } from './use-submit';

/** The first field marked invalid (a required field left blank, a text over its limit). */
export const FIELD_IN_ERROR = '[aria-invalid="true"], [data-refuse-save]';
/** A field that must not be saved as it is: a text over its limit, a date that is not one. */
export const REFUSES_SAVE = '[data-refuse-save]';

/**
 * A dialog wrapping a form: Enter or the submit button first shows what is missing (the fields
 * read `checked`), then saves if `isValid` and no field refuses (a text over its length limit, a
 * date that is not one: `data-refuse-save`); otherwise focus
 * moves to the first field in error. Busy while saving, the core's refusal shown on top, closed
 * after success. While `dirty` (the form differs from its initial values, see `useChanged`),
 * Escape, a click outside, the close button and Cancel ask before throwing the changes away.
 */
export function FormDialog({
  title,
  submitLabel,
  wide = false,
  onClose,
  isValid,
  save,
  dirty = false,
  children,
}: {
  title: ReactNode;
  submitLabel: string;
  wide?: boolean;
  onClose: () => void;
  isValid: () => boolean;
  save: () => Promise<void>;
  dirty?: boolean;
  children: (checked: boolean) => ReactNode;
}) {
  const [checked, setChecked] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement | null>(null);
  // Saved: nothing is unsaved any more, even before the dialog is gone (a save that moves to
  // another page must not be asked "leave without saving?").
  const saved = useRef(false);
  const { busy, error, submit } = useSubmit(async () => {
    await save();
    saved.current = true;
  }, onClose);
  // After a refusal, once the errors are on screen: focus the first field in error.
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>(FIELD_IN_ERROR)?.focus();
  }, [refusals]);
  return (
    <Dialog
      wide={wide}
      title={title}
      onClose={onClose}
      busy={busy}
      dirty={() => dirty && !saved.current}
      onSubmit={(element) => {
        form.current = element;
        setChecked(true);
        if (isValid() && !element.querySelector(REFUSES_SAVE)) void submit();
        else setRefusals((n) => n + 1);
      }}
      footer={(requestClose) => <FormDialogFooter submitLabel={submitLabel} busy={busy} onCancel={requestClose} />}
    >
      <ErrorBanner error={error} />
      {children(checked)}
    </Dialog>
  );
}

/** The field's error once the form was checked: `message` while `value` is blank. */
export function requiredError(checked: boolean, value: string, message: string): string | undefined {
  return checked && value.trim() === '' ? message : undefined;
}

export const filled = (...values: string[]): boolean => values.every((v) => v.trim() !== '');

/** A required choice among a vocabulary's values; says `missing` once the form was checked with none chosen. */
export function RequiredChoice<V extends string>({ checked, label, hint, value, onChange, placeholder, values, labelOf, missing }: { checked: boolean; label: string; hint?: string; value: V | ''; onChange: (value: V) => void; placeholder: string; values: readonly V[]; labelOf: (value: V) => string; missing: string }) {
  return <Select label={label} hint={hint} value={value} onChange={(e) => onChange(e.target.value as V)} placeholder={placeholder} options={values.map((v) => ({ value: v, label: labelOf(v) }))} error={requiredError(checked, value, missing)} required />;
}
