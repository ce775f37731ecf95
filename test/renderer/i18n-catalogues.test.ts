import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_CATALOGUE_KEYS } from '../../renderer/features/home/activity';
import { cataloguePairs, createI18n } from '../../renderer/i18n/i18n';
import { type Catalogue, flattenCatalogue as flatten, placeholders as variables } from './support/catalogue';
import { VOCABULARY_CODES, vocabularyLabels } from '../../shared/words/vocabulary-labels';


// The parts' pairs (sync, reports, cycle, territory…) are merged at the top level with the main
// one, as renderer/i18n/i18n.ts joins them. The "vocab" keys come from the one word catalogue in
// shared/words/.
const pairs = Object.entries(cataloguePairs) as Array<[string, { en: Catalogue; fr: Catalogue }]>;
const english = flatten({ ...Object.assign({}, ...pairs.map(([, p]) => p.en)), vocab: vocabularyLabels.en as unknown as Catalogue });
const french = flatten({ ...Object.assign({}, ...pairs.map(([, p]) => p.fr)), vocab: vocabularyLabels.fr as unknown as Catalogue });

describe('the English and French catalogues', () => {
  it.each(pairs.map(([name]) => name))('keep the %s pair apart from every other pair (no top-level key in two pairs), with the same keys in both languages', (name) => {
    const pair = cataloguePairs[name as keyof typeof cataloguePairs];
    const others = pairs.filter(([other]) => other !== name);
    for (const language of ['en', 'fr'] as const) {
      const clashes = Object.keys(pair[language]).filter((key) => others.some(([, p]) => key in p[language]));
      expect(clashes).toEqual([]);
    }
    expect(Object.keys(pair.en).sort()).toEqual(Object.keys(pair.fr).sort());
  });

  it('leave the vocabulary labels to the one word catalogue (no second home in the JSON files)', () => {
    for (const catalogue of pairs.flatMap(([, p]) => [p.en, p.fr])) expect(Object.keys(catalogue)).not.toContain('vocab');
  });

  it('have exactly the same keys, so no screen shows a raw key in either language', () => {
    const missingInFrench = [...english.keys()].filter((k) => !french.has(k));
    const missingInEnglish = [...french.keys()].filter((k) => !english.has(k));
    expect(missingInFrench, 'keys missing in fr.json').toEqual([]);
    expect(missingInEnglish, 'keys missing in en.json').toEqual([]);
  });

  it('never leave a message empty', () => {
    for (const [lang, catalogue] of [['en', english], ['fr', french]] as const) {
      const empty = [...catalogue].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty messages in ${lang}`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...english].filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(french.get(key) ?? ''))).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('label every value of every vocabulary the core can answer with', () => {
    const vocabularies: Record<string, readonly string[]> = VOCABULARY_CODES;
    const unlabelled = Object.entries(vocabularies).flatMap(([name, values]) => values.map((v) => `vocab.${name}.${v}`)).filter((key) => !english.has(key) || !french.has(key));
    expect(unlabelled).toEqual([]);
  });

  it('describe every change the activity list can show', () => {
    const keys = ACTIVITY_CATALOGUE_KEYS;
    expect(keys.filter((k) => !english.has(k) || !french.has(k))).toEqual([]);
  });

  it('give every counted message its singular and plural form', () => {
    const counted = [...english.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
    const incomplete = [...new Set(counted)].filter((base) => !english.has(`${base}_one`) || !english.has(`${base}_other`));
    expect(incomplete).toEqual([]);
  });

  it('leave plurals to the plural rules: no hand-made "(s)" in any message', () => {
    const handMade = [...english, ...french].filter(([, text]) => /\w\((s|es|x)\)/.test(text)).map(([k, text]) => `${k}: ${text}`);
    expect(handMade).toEqual([]);
  });

  it('agree a counted noun with what comes before it, for 0, 1 and more (French: 0 and 1 are singular)', () => {
    const { t } = createI18n('fr');
    const body = (actions: number, indicators: number) =>
      t('plan.removePriorityBody', { title: 'Patrouilles', actions: t('plan.countedActions', { count: actions }), indicators: t('plan.countedIndicators', { count: indicators }) });
    // "ses" is plural: "avec ses 1 mesure" and "avec ses 0 indicateur" are not French.
    for (const [actions, indicators] of [[0, 0], [1, 1], [1, 3], [2, 0]] as const) expect(body(actions, indicators)).not.toMatch(/\bses [01]\b/);
    expect(body(1, 0)).toContain('avec 1 mesure et 0 indicateur.');
    expect(body(3, 2)).toContain('avec 3 mesures et 2 indicateurs.');
  });

  it('hold every key the screens ask for by name', () => {
    const used = new Set<string>();
    for (const source of rendererSources()) {
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    const has = (key: string) => english.has(key) || english.has(`${key}_one`);
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((k) => !has(k))).toEqual([]);
  });

  it('get a value for every placeholder wherever the screens use them', () => {
    const unfilled: string[] = [];
    for (const source of rendererSources()) {
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'\s*(,\s*\{)?/g)) {
        const key = m[1]!;
        const needed = new Set([english.get(key), english.get(`${key}_one`), english.get(`${key}_other`)].flatMap((text) => (text ? variables(text) : [])));
        const given = m[2] ? topLevelKeys(source, m.index! + m[0].length - 1) : new Set<string>();
        for (const name of needed) if (!given.has(name!)) unfilled.push(`${key}: {{${name}}}`);
      }
    }
    expect(unfilled).toEqual([]);
  });
});

function rendererSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.resolve(__dirname, '../../renderer'));
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

/** The property names of the object literal that opens at `start` ("{ a: 1, b }" gives a and b). */
function topLevelKeys(source: string, start: number): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  let part = '';
  for (let i = start; i < source.length; i++) {
    const c = source[i]!;
    if ('({['.includes(c)) depth++;
    if (')}]'.includes(c)) depth--;
    if (depth === 0) {
      keys.add(/^\s*(\w+)/.exec(part)?.[1] ?? '');
      break;
    }
    if (c === ',' && depth === 1) {
      keys.add(/^\s*(\w+)/.exec(part)?.[1] ?? '');
      part = '';
    } else if (depth >= 1 && !(depth === 1 && c === '{')) part += c;
  }
  return keys;
}
