import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './DialogFooter';
import { ErrorBanner } from './Feedback';
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
