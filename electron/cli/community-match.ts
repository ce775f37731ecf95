/**
 * A community named on the command line (--community for reports, --scope for peers trust): its
 * id, or its name in any case and with or without accents, or a part of its name that only one
 * community has. A name that fits several is refused with the candidates, never guessed.
 */
import { foldForSearch } from '../../shared/text-search';
import { CliFailure } from './cli-io';
import { inert } from './terminal-text';

export interface NamedCommunity {
  id: string;
  name: string;
}

/** No community, or several, fit what was given; `candidates` are the several. */
export class CommunityNotMatched extends CliFailure {
  constructor(
    message: string,
    readonly candidates: readonly NamedCommunity[],
  ) {
    super(message, 2);
    this.name = 'CommunityNotMatched';
  }
}

export function findCommunity(communities: readonly NamedCommunity[], wanted: string): NamedCommunity {
  const byId = communities.find((c) => c.id === wanted);
  if (byId) return byId;
  const folded = foldForSearch(wanted);
  const matches = communities.filter((c) => foldForSearch(c.name) === folded);
  if (matches.length === 1) return matches[0]!;
  const partial = matches.length > 1 ? matches : communities.filter((c) => foldForSearch(c.name).includes(folded));
  if (partial.length === 1) return partial[0]!;
  const given = inert(wanted.slice(0, 80));
  if (partial.length > 1) {
    const candidates = partial.map((c) => `${inert(c.name)} (${inert(c.id)})`).join(', ');
    throw new CommunityNotMatched(`"${given}" matches several communities: ${candidates}. Give the id of the one you mean.`, partial);
  }
  throw new CommunityNotMatched(`There is no community "${given}".`, []);
}
