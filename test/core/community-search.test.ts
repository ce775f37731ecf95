/**
 * Search finds every demo community by its name typed without diacritics or apostrophes, and by
 * each of its other names: in the core (communities:list) and on the command line (--community,
 * which also suggests close names when nothing matches).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITIES, REGION_NAMES_FR, REGIONS } from '../../electron/demo/territory';
import { CommunityNotMatched, findCommunity } from '../../electron/cli/community-match';
import { foldForSearch, matchesSearch } from '../../shared/text-search';
import type { Community } from '../../shared/domain';
import { makeCoordinatorCore, type TestCore } from '../support';

/** How a person types a name on a plain keyboard: no diacritics, no apostrophes, ł as l. */
const plainTyped = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/['’ʼ]/g, '');

let t: TestCore;
let communities: Community[];

beforeAll(() => {
  t = makeCoordinatorCore();
  const regionIds = new Map(REGIONS.map((r) => [r, t.must('regions:create', { nameEn: r, nameFr: REGION_NAMES_FR[r] }).id]));
  for (const c of COMMUNITIES) {
    t.must('communities:create', { name: c.name, otherNames: [...c.otherNames], regionId: regionIds.get(c.region)!, hasDetachment: c.ownDetachment });
  }
  communities = t.must('communities:list', {});
});
afterAll(() => t.core.close());

describe('folding for search', () => {
  it('sets aside case, diacritics, ł, apostrophes of every kind, hyphens and spaces', () => {
    expect(foldForSearch("Łutselk'e")).toBe('lutselke');
    expect(foldForSearch('K’átł’odeeche')).toBe('katlodeeche');
    expect(foldForSearch('Behchokǫ̀')).toBe('behchoko');
    expect(foldForSearch('Délı̨nę')).toBe('deline');
    expect(matchesSearch('Rae-Edzo', 'rae edzo')).toBe(true);
    expect(matchesSearch("Sambaa K'e", 'sambaa ke')).toBe(true);
    expect(matchesSearch('Inuvik', 'lutselke')).toBe(false);
  });
});

describe('communities:list search', () => {
  it('finds "Lutselke" and "Katlodeeche" (the issue\'s examples)', () => {
    expect(t.must('communities:list', { search: 'Lutselke' }).map((c) => c.name)).toEqual(["Łutselk'e".normalize('NFC')]);
    expect(t.must('communities:list', { search: 'Katlodeeche' }).map((c) => c.name)).toEqual(["K'átł'odeeche".normalize('NFC')]);
    expect(t.must('communities:list', { search: 'Hay River Reserve' }).map((c) => c.name)).toEqual(["K'átł'odeeche".normalize('NFC')]);
    expect(t.must('communities:list', { search: 'Rae-Edzo' }).map((c) => c.name)).toEqual(['Behchokǫ̀'.normalize('NFC')]);
  });

  it('finds every demo community by its name typed plainly, and by each of its other names', () => {
    expect(communities).toHaveLength(COMMUNITIES.length);
    for (const c of COMMUNITIES) {
      const typed = plainTyped(c.name);
      expect(t.must('communities:list', { search: typed }).map((x) => x.name), typed).toContain(c.name);
      for (const other of c.otherNames) {
        expect(t.must('communities:list', { search: other }).map((x) => x.name), other).toContain(c.name);
        expect(t.must('communities:list', { search: plainTyped(other) }).map((x) => x.name), plainTyped(other)).toContain(c.name);
      }
    }
    expect(COMMUNITIES.filter((c) => c.otherNames.length > 0).length).toBeGreaterThanOrEqual(10);
  });
});

describe('the command line\'s --community', () => {
  it('finds every demo community by its name typed plainly and by each of its other names', () => {
    for (const c of COMMUNITIES) {
      // A plain name that is also a part of another's ("Hay River" in "Hay River Reserve") is matched exactly first.
      expect(findCommunity(communities, plainTyped(c.name)).name, c.name).toBe(c.name);
      for (const other of c.otherNames) expect(findCommunity(communities, plainTyped(other)).name, other).toBe(c.name);
    }
  });

  it('suggests close names when nothing matches, and refuses with exit 2', () => {
    const refuse = (typed: string) => {
      try {
        findCommunity(communities, typed);
      } catch (error) {
        expect(error).toBeInstanceOf(CommunityNotMatched);
        return error as CommunityNotMatched;
      }
      throw new Error(`"${typed}" was matched`);
    };
    const typo = refuse('Lutselkey');
    expect(typo.message).toBe(`There is no community "Lutselkey". Did you mean "${"Łutselk'e".normalize('NFC')}"?`);
    expect(typo.exitCode).toBe(2);
    expect(refuse('Yelowknife').message).toContain('Did you mean "Yellowknife"?');
    expect(refuse('Toronto').message).toBe('There is no community "Toronto".');
  });
});
