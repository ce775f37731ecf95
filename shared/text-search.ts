/**
 * Matching names the way people type them: "deline" finds "Délı̨nę", "Lutselke" finds "Łutselk'e",
 * "Katlodeeche" finds "K'átł'odeeche", "rae edzo" finds "Rae-Edzo". Case, diacritics, letters
 * that do not decompose (ł, ı, ø, đ), apostrophes of every kind (' ’ ʼ ‘ `), hyphens, spaces and
 * other punctuation are all set aside; letters of every script and digits are kept.
 */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[ıłøđħŧßæœðþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function matchesSearch(text: string, query: string): boolean {
  const q = foldForSearch(query.trim());
  return q.length === 0 || foldForSearch(text).includes(q);
}

/** A community (or anything with several names) found by any of its names. */
export function communityMatches(community: { name: string; otherNames?: readonly string[] }, query: string): boolean {
  return [community.name, ...(community.otherNames ?? [])].some((name) => matchesSearch(name, query));
}

/** The number of single-letter edits between two texts (Levenshtein), for "Did you mean …?". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The names closest to what was typed, compared folded: at most `limit`, each within a third of
 * the typed length (at least 2 edits), closest first. Also counts a typed text that starts a name.
 */
export function closestNames<T extends { name: string; otherNames?: readonly string[] }>(items: readonly T[], typed: string, limit = 3): T[] {
  const wanted = foldForSearch(typed);
  if (wanted.length === 0) return [];
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  return items
    .map((item) => ({
      item,
      distance: Math.min(
        ...[item.name, ...(item.otherNames ?? [])].map((name) => {
          const folded = foldForSearch(name);
          return Math.min(editDistance(wanted, folded), editDistance(wanted, folded.slice(0, wanted.length)) + 1);
        }),
      ),
    }))
    .filter((x) => x.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.item.name.localeCompare(b.item.name))
    .slice(0, limit)
    .map((x) => x.item);
}

/** Sorts names as a person of the locale expects: diacritics next to their base letter. */
export function compareNames(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale === 'fr' ? 'fr-CA' : 'en-CA', { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a, b);
}
