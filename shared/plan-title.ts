/**
 * A plan's generated title, composed in the reader's language at display time
 * ("Łutselk'e policing priorities action plan FY 2026–27" / "Łutselk'e — plan d’action des
 * priorités policières EF 2026-2027"). A plan created without a title of its own stores the English
 * form (the field rule wants a non-empty title, and older installations read it), and any stored
 * title that is that generated English form, or empty, is shown composed; a title someone typed is
 * shown as typed.
 */
import { fiscalYearLabel } from './fiscal-calendar';
import type { Locale } from './vocabulary';

const EN_SUFFIX = 'policing priorities action plan';

export function generatedPlanTitle(communityName: string, fiscalYear: number, locale: Locale): string {
  return locale === 'fr'
    ? `${communityName} — plan d’action des priorités policières ${fiscalYearLabel(fiscalYear, 'fr')}`
    : `${communityName} ${EN_SUFFIX} ${fiscalYearLabel(fiscalYear, 'en')}`;
}

/** True when the stored title is the generated one (of any community name: a renamed community's old title too). */
export function isGeneratedPlanTitle(stored: string, fiscalYear: number): boolean {
  return stored.trim() === '' || stored.endsWith(` ${EN_SUFFIX} ${fiscalYearLabel(fiscalYear, 'en')}`);
}

export function planDisplayTitle(stored: string, communityName: string, fiscalYear: number, locale: Locale): string {
  return isGeneratedPlanTitle(stored, fiscalYear) ? generatedPlanTitle(communityName, fiscalYear, locale) : stored;
}
