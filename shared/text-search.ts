/** Accent- and case-insensitive matching, so "deline" finds "Délı̨nę". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .toLocaleLowerCase('en');
}

export function matchesSearch(text: string, query: string): boolean {
  const q = foldForSearch(query.trim());
  return q.length === 0 || foldForSearch(text).includes(q);
}

/** Sorts names as a person of the locale expects: diacritics next to their base letter. */
export function compareNames(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale === 'fr' ? 'fr-CA' : 'en-CA', { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a, b);
}
