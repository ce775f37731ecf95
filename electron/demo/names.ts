import type { Random } from './prng';

/**
 * Fictional people for the demo: common given and family names, combined by the seed, so that no
 * name stands for a real person in a real community.
 */
const GIVEN = [
  'Alice', 'Annie', 'Bella', 'Bertha', 'Caroline', 'Christine', 'Daniel', 'David', 'Denise', 'Dora', 'Edward', 'Elsie',
  'Frank', 'Freddie', 'Georgina', 'Grace', 'Harold', 'Helen', 'Isaac', 'Jacob', 'James', 'Jane', 'Jonas', 'Joseph',
  'Judy', 'Karen', 'Leon', 'Lucy', 'Margaret', 'Mary', 'Michael', 'Morris', 'Nora', 'Noel', 'Patrick', 'Paul',
  'Peter', 'Rachel', 'Raymond', 'Rita', 'Rosa', 'Samuel', 'Sarah', 'Sophie', 'Stanley', 'Theresa', 'Thomas', 'Vera',
  'Victor', 'Wilfred', 'William', 'Winnie',
] as const;

const FAMILY = [
  'Adams', 'Allen', 'Anderson', 'Baker', 'Beaulieu', 'Bell', 'Boucher', 'Campbell', 'Cardinal', 'Carter', 'Clarke',
  'Cook', 'Dumas', 'Edwards', 'Ellis', 'Evans', 'Francis', 'Fraser', 'Gordon', 'Graham', 'Harris', 'Hunter',
  'Jacobs', 'Jerome', 'Johnson', 'Kelly', 'Lambert', 'Lester', 'Lucas', 'Mackay', 'Marlowe', 'McLeod',
  'Mercier', 'Michel', 'Mitchell', 'Moses', 'Murray', 'Nolan', 'Paul', 'Pelletier', 'Reid', 'Robertson',
  'Ross', 'Sanderson', 'Simon', 'Stewart', 'Thomas', 'Turner', 'Walker', 'Watson', 'Williams', 'Wilson',
  'Wright', 'Young',
] as const;

/** Draws distinct full names. */
export class NamePool {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = `${this.random.pick(GIVEN)} ${this.random.pick(FAMILY)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    // The pools give over 2,800 names; the demo uses a few hundred at most.
    const fallback = `${this.random.pick(GIVEN)} ${this.random.pick(FAMILY)}-${this.used.size}`;
    this.used.add(fallback);
    return fallback;
  }
}
