/** The Territory screens' catalogue pair and addresses. */
import { describe, expect, it } from 'vitest';
import territoryFr from '../../renderer/i18n/territory-admin.fr.json';
import { hrefOf, parseRoute, sectionOf, TERRITORY_TABS } from '../../renderer/app/routes';

import { type Catalogue, flattenCatalogue } from './support/catalogue';

// Same keys and placeholders as English, and no key shadowing another pair: test/renderer/i18n-catalogues.test.ts.
describe('the Territory catalogue pair', () => {
  const french = flattenCatalogue(territoryFr as Catalogue);

  it('writes French with French punctuation: a no-break space before a colon and inside guillemets', () => {
    for (const [key, text] of french) {
      expect({ key, text, bad: / [:»]|« /.test(text) }).toEqual({ key, text, bad: false });
      expect({ key, text, english: /“|”/.test(text) }).toEqual({ key, text, english: false });
    }
  });
});

describe('the Territory addresses', () => {
  it('read back every list’s address, the communities being the section’s first page', () => {
    for (const tab of TERRITORY_TABS) expect(parseRoute(hrefOf({ name: 'territory', tab }))).toEqual({ name: 'territory', tab });
    expect(hrefOf({ name: 'territory', tab: 'communities' })).toBe('#/territory');
    expect(parseRoute('#/territory')).toEqual({ name: 'territory', tab: 'communities' });
    expect(sectionOf({ name: 'territory', tab: 'themes' })).toBe('territory');
  });

  it('send an unknown list to "not found"', () => {
    expect(parseRoute('#/territory/planets').name).toBe('notFound');
    expect(parseRoute('#/territory/themes/extra').name).toBe('notFound');
  });
});
