/** The Territory screens' catalogue pair and addresses. */
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import syncEn from '../../renderer/i18n/sync.en.json';
import reportsEn from '../../renderer/i18n/reports.en.json';
import territoryEn from '../../renderer/i18n/territory-admin.en.json';
import territoryFr from '../../renderer/i18n/territory-admin.fr.json';
import { hrefOf, parseRoute, sectionOf, TERRITORY_TABS } from '../../renderer/app/routes';

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the Territory catalogue pair', () => {
  const english = flatten(territoryEn as Catalogue);
  const french = flatten(territoryFr as Catalogue);

  it('has exactly the same keys in French as in English, with the same placeholders', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect({ key, vars: variables(french.get(key) ?? '') }).toEqual({ key, vars: variables(text) });
  });

  it('shadows no top-level key of the other catalogues', () => {
    expect(Object.keys(territoryEn).filter((k) => k in en || k in syncEn || k in reportsEn)).toEqual([]);
    expect(Object.keys(territoryFr)).toEqual(Object.keys(territoryEn));
  });

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
