import { describe, expect, it } from 'vitest';
import { filesMethods } from '../../shared/contract-files';
import { planningMethods } from '../../shared/contract-planning';
import { reportMethods } from '../../shared/contract-reports';
import { syncMethods } from '../../shared/contract-sync';
import { coreMessageParts, coreMessages, decodeMessage, msg, noun, placeholdersOf, renderMessage, renderSafely, type PluralTemplates } from '../../shared/core-messages';
import { describeInvalidInput } from '../../shared/invalid-input-message';

const entries = Object.entries(coreMessages) as Array<[string, { en?: unknown; fr?: unknown }]>;
const isPlural = (template: unknown): template is PluralTemplates => typeof template === 'object' && template !== null && 'one' in template && 'other' in template;
/** Every template of a language: the entry itself, or both forms of a plural entry. */
const forms = (template: unknown): unknown[] => (isPlural(template) ? [template.one, template.other] : [template]);
const allText = (template: unknown): string => forms(template).map(String).join(' ');

describe('the catalogue of core messages', () => {
  it('has every message in English and in French', () => {
    const missing = entries.filter(([, m]) => [...forms(m.en), ...forms(m.fr)].some((t) => typeof t !== 'string' || t.trim() === '')).map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    const different = entries
      .filter(([, m]) => JSON.stringify(placeholdersOf(allText(m.en))) !== JSON.stringify(placeholdersOf(allText(m.fr))))
      .map(([k, m]) => `${k}: en {${placeholdersOf(allText(m.en)).join(', ')}} / fr {${placeholdersOf(allText(m.fr)).join(', ')}}`);
    expect(different).toEqual([]);
  });

  it('declares each key in one place only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of Object.entries(coreMessageParts)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(entries.length);
  });

  it('uses only formats the renderer knows', () => {
    const formats = new Set(entries.flatMap(([, m]) => [...`${allText(m.en)} ${allText(m.fr)}`.matchAll(/\{\w+:(\w+)\}/g)].map((x) => x[1])));
    expect([...formats].filter((f) => !['fy', 'number', 'quoted', 'list', 'cap'].includes(f!))).toEqual([]);
  });

  it('writes French sentences the Canadian way: typographic apostrophe, no-break space before a colon', () => {
    const french = entries.map(([k, m]) => [k, allText(m.fr)] as const);
    expect(french.filter(([, fr]) => fr.includes("'")).map(([k]) => k)).toEqual([]);
    expect(french.filter(([, fr]) => / :/.test(fr)).map(([k]) => k)).toEqual([]);
  });

  it('renders parameters, nested messages and formats in each language', () => {
    expect(renderMessage(msg('input.quarter.outOfRange', { value: '5' }), 'en')).toBe('Quarter 5 does not exist: quarters are 1 to 4.');
    expect(renderMessage(msg('input.quarter.outOfRange', { value: '5' }), 'fr')).toBe('Le trimestre 5 n’existe pas\u00a0: les trimestres vont de 1 à 4.');
    expect(renderMessage(msg('plan.exists', { community: 'Délı̨nę', fiscalYear: 2025 }), 'en')).toBe('Délı̨nę already has a plan for FY 2025–26.');
    expect(renderMessage(msg('plan.exists', { community: 'Délı̨nę', fiscalYear: 2025 }), 'fr')).toBe('Délı̨nę a déjà un plan pour l’EF 2025-2026.');
    expect(renderMessage(msg('input.invalidId', { field: noun('plan id') }), 'fr')).toBe('L’identifiant du plan n’est pas valide.');
    expect(renderMessage(msg('input.tooLong', { field: noun('narrative'), max: 10_000 }), 'en')).toBe('The narrative is too long: at most 10,000 characters.');
    expect(renderMessage(msg('plan.transition', { from: msg('planStatus.draft'), to: msg('planStatus.closed') }), 'fr')).toBe(
      'Un plan à l’état «\u00a0provisoire\u00a0» ne peut pas passer à l’état «\u00a0clos\u00a0».',
    );
  });

  it('chooses the form of a counted sentence by each language’s plural rules, both languages plural alike', () => {
    const plural = entries.filter(([, m]) => isPlural(m.en) !== isPlural(m.fr)).map(([k]) => k);
    expect(plural).toEqual([]);
    expect(renderMessage(msg('input.moreProblems', { count: 1 }), 'en')).toBe('(and 1 more problem)');
    expect(renderMessage(msg('input.moreProblems', { count: 2 }), 'en')).toBe('(and 2 more problems)');
    expect(renderMessage(msg('input.moreProblems', { count: 1 }), 'fr')).toBe('(et 1\u00a0autre problème)');
    expect(renderMessage(msg('input.moreProblems', { count: 3 }), 'fr')).toBe('(et 3\u00a0autres problèmes)');
    expect(renderMessage(msg('report.titlesAndMore', { titles: ['a'], count: 1 }), 'fr')).toBe('«\u00a0a\u00a0» et 1\u00a0autre');
    const period = { fiscalYear: 2025, quarter: 2 };
    expect(renderMessage(msg('report.missingProgress', { ...period, count: 1, titles: msg('report.titles', { titles: ['Patrols'] }) }), 'en')).toBe(
      '1 action has no progress recorded for FY 2025–26 Q2 yet: "Patrols".',
    );
    expect(renderMessage(msg('report.missingProgress', { ...period, count: 7, titles: msg('report.titlesAndMore', { titles: ['a', 'b'], count: 5 }) }), 'fr')).toBe(
      '7\u00a0mesures n’ont pas encore d’avancement consigné pour le T2 de l’EF 2025-2026\u00a0: «\u00a0a\u00a0», «\u00a0b\u00a0» et 5\u00a0autres.',
    );
  });

  it('describes the reports and export schemas in French', () => {
    const csv = reportMethods['exports:file'].input.safeParse({ format: 'csv', fiscalYear: 2025, views: ['action-status', 'themes'] });
    expect(!csv.success && describeInvalidInput(csv.error.issues, 'fr')).toBe(
      'Un fichier CSV ne contient qu’un tableau\u00a0: choisissez une seule vue (ou exportez en XLSX pour en avoir plusieurs).',
    );
    const flag = reportMethods['reports:annual'].input.safeParse({ planId: 'p1', public: 'yes' });
    expect(!flag.success && describeInvalidInput(flag.error.issues, 'fr')).toBe('Indiquez true ou false pour «\u00a0public\u00a0».');
    expect(!flag.success && describeInvalidInput(flag.error.issues, 'en')).toBe('Say true or false for "public".');
  });

  it('renders what crossed a boundary only when it makes sense', () => {
    expect(renderSafely('plan.closed', {}, 'fr')).toBe('Ce plan est clos et ne peut plus être modifié.');
    expect(renderSafely('no.such.key', {}, 'fr')).toBeNull();
    expect(renderSafely('plan.closed', 'junk', 'fr')).toBeNull();
    expect(renderSafely('constructor', {}, 'fr')).toBeNull();
  });

  it('gives every schema message of the contract a catalogue entry (no English-only sentence)', () => {
    // Each method's input, parsed from nothing and from wrong types, must describe itself in French.
    const english = /\b(the|is|must|missing|cannot)\b/i;
    const wrongTypes = { public: 'yes', includeNarratives: 1, threshold: 0.5, format: 'pdf', views: ['nope'], suggestedName: '' };
    const cases = [{}, { __x: 1 }, 'x', wrongTypes, { format: 'csv', fiscalYear: 2025, views: ['action-status', 'themes'] }, { threshold: 101 }];
    for (const [name, spec] of Object.entries({ ...planningMethods, ...syncMethods, ...reportMethods, ...filesMethods })) {
      for (const input of cases) {
        const parsed = spec.input.safeParse(input);
        if (parsed.success) continue;
        for (const issue of parsed.error.issues) {
          if (issue.message.startsWith('core-message:')) expect(decodeMessage(issue.message), `${name}: ${issue.message}`).not.toBeNull();
          // A schema's own sentence must be a catalogue reference, not English (zod's defaults start lower-case).
          expect(issue.message, `${name}: ${issue.message}`).not.toMatch(/^[A-Z].*\.$/);
        }
        const fr = describeInvalidInput(parsed.error.issues, 'fr');
        expect(fr, `${name} ${JSON.stringify(input)}`).not.toMatch(english);
      }
    }
  });
});
