/**
 * A calendar date (YYYY-MM-DD) entered the same way whatever the operating system's language:
 * `<input type="date">` shows the system's format (a French planner on an English Windows saw
 * MM/DD/YYYY), so this is a text field with the format in the planner's language as its hint
 * ("YYYY-MM-DD" / "AAAA-MM-JJ") and the date spelled out below it in that language ("Tuesday,
 * March 31, 2026" / "mardi 31 mars 2026"), so a slip is seen before saving. "2026/03/31",
 * "2026.03.31" and "20260331" are tidied to 2026-03-31 on leaving the field. A date that is not
 * one says why (after leaving the field, or once the form was checked) and FormDialog refuses to
 * save while it does (`data-refuse-save`).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../i18n/format';
import { TextField } from './Field';
import './safe-edits.css';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'ok' for a real calendar day as YYYY-MM-DD, 'format' when not written so, 'day' for 2026-02-30. */
export function checkIsoDate(value: string): 'ok' | 'format' | 'day' {
  const m = ISO_DAY.exec(value);
  if (!m) return 'format';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? 'ok' : 'day';
}

/** "2026/3/31", "2026.03.31", "2026 03 31", "20260331" → "2026-03-31"; anything else unchanged (trimmed). */
export function tidyIsoDate(value: string): string {
  const v = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(v);
  if (parts) return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
  return v;
}

export function DateField({
  label,
  value,
  onChange,
  hint,
  error,
  checked = false,
  required,
  disabled,
  describedBy,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** The form's own error (required, not in the future…); shown before the format's. */
  error?: ReactNode;
  /** The form was checked: show a wrong date even if the field was never left. */
  checked?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** An extra description (e.g. why the field is disabled). */
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [left, setLeft] = useState(false);
  const state = value === '' ? 'ok' : checkIsoDate(value);
  const formatError = state === 'format' ? t('safeEdits.date.invalid') : state === 'day' ? t('safeEdits.date.notADay', { value }) : undefined;
  const shownError = error ?? (left || checked ? formatError : undefined);
  const spelled = value !== '' && state === 'ok' ? new Intl.DateTimeFormat(intlLocale(format.locale), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : null;
  return (
    <TextField
      className="date-field"
      label={label}
      hint={
        <>
          {t('safeEdits.date.hint')}
          {hint ? <> — {hint}</> : null}
          {spelled ? (
            <span className="date-field__spelled" data-date-spelled="">
              {spelled}
            </span>
          ) : null}
        </>
      }
      error={shownError}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      required={required}
      disabled={disabled}
      data-refuse-save={formatError ? '' : undefined}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const tidy = tidyIsoDate(value);
        if (tidy !== value) onChange(tidy);
        setLeft(true);
      }}
    />
  );
}
