/**
 * Dates, numbers and fiscal labels in the chosen language. Dates from the core are ISO strings;
 * calendar dates (YYYY-MM-DD) are formatted in UTC so they never shift by a day with the time zone.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, quarterLabel, type FiscalYear, type Quarter } from '../../shared/fiscal-calendar';
import type { Locale } from '../../shared/vocabulary';

export function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-CA' : 'en-CA';
}

export interface Formatter {
  locale: Locale;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  number(n: number | null | undefined, maximumFractionDigits?: number): string;
  bytes(n: number): string;
  fiscalYear(fy: FiscalYear): string;
  quarter(fy: FiscalYear, q: Quarter): string;
  /** "Q2" / "T2". */
  quarterShort(q: Quarter): string;
}

export function createFormatter(locale: Locale): Formatter {
  const tag = intlLocale(locale);
  const dateFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let f = numberFormats.get(digits);
    if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits })));
    return f;
  };
  return {
    locale,
    date: (iso) => {
      if (!iso) return '';
      const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso;
      const d = new Date(day);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
    dateTime: (iso) => {
      if (!iso) return '';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
    },
    number: (n, digits = 2) => (n === null || n === undefined ? '' : numberFormat(digits).format(n)),
    bytes: (n) => {
      const units = locale === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return `${numberFormat(unit === 0 ? 0 : 1).format(value)} ${units[unit]}`;
    },
    fiscalYear: (fy) => fiscalYearLabel(fy, locale),
    quarter: (fy, q) => quarterLabel(fy, q, locale),
    quarterShort: (q) => (locale === 'fr' ? `T${q}` : `Q${q}`),
  };
}

export function currentLocale(language: string | undefined): Locale {
  return language === 'fr' ? 'fr' : 'en';
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => createFormatter(locale), [locale]);
}
