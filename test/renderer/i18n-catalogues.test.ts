import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import fr from '../../renderer/i18n/fr.json';
import syncEn from '../../renderer/i18n/sync.en.json';
import syncFr from '../../renderer/i18n/sync.fr.json';
import reportsEn from '../../renderer/i18n/reports.en.json';
import reportsFr from '../../renderer/i18n/reports.fr.json';
import cycleEn from '../../renderer/i18n/cycle.en.json';
import cycleFr from '../../renderer/i18n/cycle.fr.json';
import territoryEn from '../../renderer/i18n/territory.en.json';
import territoryFr from '../../renderer/i18n/territory.fr.json';
import territoryAdminEn from '../../renderer/i18n/territory-admin.en.json';
import territoryAdminFr from '../../renderer/i18n/territory-admin.fr.json';
import { ACTIVITY_KEYS } from '../../renderer/features/home/activity';
import { createI18n } from '../../renderer/i18n/i18n';
import { VOCABULARY_CODES, vocabularyLabels } from '../../shared/words/vocabulary-labels';

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

// The plan bundle screens keep their strings in their own pair (sync.en.json, sync.fr.json),
// merged at the top level; none of their keys may shadow one of the main catalogues. The "vocab"
// keys come from the one word catalogue in shared/words/, as renderer/i18n/i18n.ts loads them.
const english = flatten({ ...(en as Catalogue), ...(syncEn as Catalogue), ...(reportsEn as Catalogue), ...(cycleEn as Catalogue), ...(territoryEn as Catalogue), ...(territoryAdminEn as Catalogue), vocab: vocabularyLabels.en as unknown as Catalogue });
const french = flatten({ ...(fr as Catalogue), ...(syncFr as Catalogue), ...(reportsFr as Catalogue), ...(cycleFr as Catalogue), ...(territoryFr as Catalogue), ...(territoryAdminFr as Catalogue), vocab: vocabularyLabels.fr as unknown as Catalogue });
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the English and French catalogues', () => {
  it('keep the plan bundle pair apart from the main catalogues (no top-level key in both)', () => {
    expect(Object.keys(syncEn).filter((k) => k in en)).toEqual([]);
    expect(Object.keys(syncFr).filter((k) => k in fr)).toEqual([]);
    expect(Object.keys(syncEn)).toEqual(Object.keys(syncFr));
  });

  it('keep the first start and enrolment pair apart from the others', () => {
    expect(Object.keys(territoryEn)).toEqual(['territory']);
    expect(Object.keys(territoryFr)).toEqual(['territory']);
    expect(['territory' in en, 'territory' in syncEn, 'territory' in reportsEn]).toEqual([false, false, false]);
  });

  it('keep the reports pair apart from the main and plan bundle catalogues', () => {
    expect(Object.keys(reportsEn).filter((k) => k in en || k in syncEn)).toEqual([]);
    expect(Object.keys(reportsFr).filter((k) => k in fr || k in syncFr)).toEqual([]);
    expect(Object.keys(reportsEn)).toEqual(Object.keys(reportsFr));
  });

  it('keep the plan cycle pair apart from the other catalogues', () => {
    expect(Object.keys(cycleEn).filter((k) => k in en || k in syncEn || k in reportsEn)).toEqual([]);
    expect(Object.keys(cycleEn)).toEqual(Object.keys(cycleFr));
  });

  it('leave the vocabulary labels to the one word catalogue (no second home in the JSON files)', () => {
    for (const catalogue of [en, fr, syncEn, syncFr, reportsEn, reportsFr]) expect(Object.keys(catalogue)).not.toContain('vocab');
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
    const keys = [...Object.values(ACTIVITY_KEYS), 'activity.other'];
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
