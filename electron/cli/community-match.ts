/**
 * A community named on the command line (--community for reports, --scope for peers trust): its
 * id, or any of its names (official or other: "Rae-Edzo" finds Behchokǫ̀) in any case, with or
 * without diacritics, apostrophes and hyphens ("Lutselke" finds Łutselk'e), or a part of a name
 * that only one community has. A name that fits several is refused with the candidates, never
 * guessed; a name that fits none is refused with the closest names ("Did you mean …?").
 */
import { closestNames, foldForSearch } from '../../shared/text-search';
import { CliFailure } from './cli-io';
import { inert } from './terminal-text';

export interface NamedCommunity {
  id: string;
  name: string;
  otherNames?: readonly string[];
}

/** No community, or several, fit what was given; `candidates` are the several (or the close ones). */
export class CommunityNotMatched extends CliFailure {
  constructor(
    message: string,
    readonly candidates: readonly NamedCommunity[],
    readonly suggestions: readonly NamedCommunity[] = [],
  ) {
    super(message, 2);
    this.name = 'CommunityNotMatched';
  }
}

const namesOf = (c: NamedCommunity) => [c.name, ...(c.otherNames ?? [])].map(foldForSearch);

export function findCommunity(communities: readonly NamedCommunity[], wanted: string): NamedCommunity {
  const byId = communities.find((c) => c.id === wanted);
  if (byId) return byId;
  const folded = foldForSearch(wanted);
  const matches = folded === '' ? [] : communities.filter((c) => namesOf(c).includes(folded));
  if (matches.length === 1) return matches[0]!;
  const partial = matches.length > 1 || folded === '' ? matches : communities.filter((c) => namesOf(c).some((n) => n.includes(folded)));
  if (partial.length === 1) return partial[0]!;
  const given = inert(wanted.slice(0, 80));
  if (partial.length > 1) {
    const candidates = partial.map((c) => `${inert(c.name)} (${inert(c.id)})`).join(', ');
    throw new CommunityNotMatched(`"${given}" matches several communities: ${candidates}. Give the id of the one you mean.`, partial);
  }
  const close = closestNames(communities, wanted);
  const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${inert(c.name)}"`).join(' or ')}?` : '';
  throw new CommunityNotMatched(`There is no community "${given}".${hint}`, [], close);
}
