import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './DialogFooter';
import { ErrorBanner } from './Feedback';
import { Select } from './Field';
import { useSubmit } from './use-submit';

/**
 * A dialog wrapping a form: Enter or the submit button first shows what is missing (the fields
 * read `checked`), then saves if `isValid`; busy while saving, the core's refusal shown on top,
 * closed after success.
 */
export function FormDialog({
  title,
  submitLabel,
  wide = false,
  onClose,
  isValid,
  save,
  children,
}: {
  title: ReactNode;
  submitLabel: string;
  wide?: boolean;
  onClose: () => void;
  isValid: () => boolean;
  save: () => Promise<void>;
  children: (checked: boolean) => ReactNode;
}) {
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(save, onClose);
  return (
    <Dialog
      wide={wide}
      title={title}
      onClose={onClose}
      busy={busy}
      onSubmit={() => {
        setChecked(true);
        if (isValid()) void submit();
      }}
      footer={<FormDialogFooter submitLabel={submitLabel} busy={busy} onCancel={onClose} />}
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
