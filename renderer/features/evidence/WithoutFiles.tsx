/** The export wizard's "without files" choice (issue 14 §3): records travel now, their files with the next bundle. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function WithoutFiles({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <div>
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-describedby={hint} />
        {t('evidence.withoutFiles')}
      </label>
      <p id={hint} className="muted small">
        {t('evidence.withoutFilesHint')}
      </p>
    </div>
  );
}
