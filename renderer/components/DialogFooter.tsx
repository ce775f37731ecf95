import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** Cancel and a submit button for a dialog wrapping a form (Enter submits). */
export function FormDialogFooter({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" variant="primary" busy={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
