/**
 * The catalogue of every sentence the core can answer with, in English and French: ONE entry per
 * message, both languages side by side, so a refusal can never exist in one language only.
 *
 * How it fits together
 * - Entries live in per-domain files (core-messages-input.ts for schema messages and the nouns
 *   they name, core-messages-planning.ts, core-messages-sync.ts, core-messages-reports.ts) joined
 *   below, like the contract.
 *   To add a message: add `'area.what': { en: '…', fr: '…' }` to your domain's file (or a new
 *   core-messages-<domain>.ts spread into `coreMessages`). test/shared/core-messages.test.ts fails
 *   when a key lacks a language, when the two languages use different placeholders, or when two
 *   files declare the same key.
 * - Templates name their parameters: `{name}`, optionally with a format: `{name:fy}` (a fiscal
 *   year number → "FY 2025–26" / "EF 2025-2026"), `{name:number}` (locale digits: 10,000 /
 *   10 000), `{name:quoted}` (a list of texts → "a", "b" / « a », « b »), `{name:list}` (a list of
 *   texts → "a, b and c" / « a, b et c »), `{name:cap}` (capitalise
 *   the first letter, for French nouns that start a sentence). A parameter may itself be a message
 *   reference (`msg('planStatus.draft')`, `noun('plan id')`), rendered in the same language: that is
 *   how words that change with the language (status names, field names with their French article)
 *   stay in the catalogue instead of being baked into English fragments by the caller.
 * - Counted sentences are plural entries: `{ en: { one: '…', other: '…' }, fr: { one, other } }`,
 *   chosen by the `{count}` parameter through the language's plural rules (Intl.PluralRules: in
 *   French 0 and 1 are singular), never by the caller and never written "mesure(s)".
 * - Keys and parameters are typed: `msg('report.notStarted', { fiscalYear, quarter })` does not
 *   compile with a missing or unknown parameter or key.
 * - The core throws `DomainError(code, msg(key, params))`; createCore renders the envelope's
 *   `message` in the installation's language and puts `messageKey` and `params` (plain JSON) in
 *   `details`, so the renderer can re-render in the language on screen (renderSafely below).
 * - Schema (zod) messages cannot carry data, so the field builders in contract-fields.ts return
 *   an encoded reference (`encodeMessage`) as the zod message; describeInvalidInput decodes it, maps
 *   zod's own issue codes (wrong type, too big, unknown fields…) to catalogue entries, and renders
 *   the whole description in the requested language. Nothing outside the core reads raw zod messages.
 *
 * French follows the renderer's fr.json conventions (Canadian French): typographic apostrophe,
 * a no-break space before the colon and inside « », none before ; ? !, "paquet de plans", "exercice".
 * Pure TypeScript (no i18next): shared/ is imported by the core, the CLI and the renderer.
 */
import { inputMessages } from './core-messages-input';
import { cycleMessages } from './core-messages-cycle';
import { exchangeExportMessages } from './core-messages-exchange-export';
import { permissionMessages } from './core-messages-permissions';
import { planningMessages } from './core-messages-planning';
import { recipientsMessages } from './core-messages-recipients';
import { referenceMessages } from './core-messages-reference';
import { reportsMessages } from './core-messages-reports';
import { startupMessages } from './core-messages-startup';
import { syncMessages } from './core-messages-sync';
import { territoryMessages } from './core-messages-territory';
import { partitionMessages } from './core-messages-partitions';
import { versionMessages } from './core-messages-versions';
import { exchangeImportMessages } from './core-messages-exchange-import';
import { backupMessages } from './core-messages-f';
import { commentMessages } from './core-messages-e2';
import { practiceMessages } from './core-messages-r14';
import { operationMessages } from './core-messages-w';
import { evidenceMessages } from './core-messages-f14';
import { engagementMessages } from './core-messages-e14';
import { quarterReviewMessages } from './core-messages-q14';
import { fiscalYearLabel } from './fiscal-calendar';
import type { Locale } from './vocabulary';

/** The two forms of a counted sentence, chosen by its `{count}` parameter. */
export interface PluralTemplates {
  readonly one: string;
  readonly other: string;
}

export interface Bilingual {
  readonly en: string | PluralTemplates;
  readonly fr: string | PluralTemplates;
}

/** The per-domain parts, kept apart so the test can tell when two of them declare the same key. */
export const coreMessageParts = {
  inputMessages,
  planningMessages,
  cycleMessages,
  syncMessages,
  reportsMessages,
  startupMessages,
  referenceMessages,
  territoryMessages,
  permissionMessages,
  partitionMessages,
  recipientsMessages,
  exchangeExportMessages,
  versionMessages,
  exchangeImportMessages,
  backupMessages,
  commentMessages,
  operationMessages,
  evidenceMessages, practiceMessages, engagementMessages, quarterReviewMessages,
} as const;

export const coreMessages = {
  ...inputMessages,
  ...planningMessages,
  ...cycleMessages,
  ...syncMessages,
  ...reportsMessages,
  ...startupMessages,
  ...referenceMessages,
  ...territoryMessages,
  ...permissionMessages,
  ...partitionMessages,
  ...recipientsMessages,
  ...exchangeExportMessages,
  ...versionMessages,
  ...exchangeImportMessages,
  ...backupMessages,
  ...commentMessages,
  ...operationMessages,
  ...evidenceMessages, ...practiceMessages, ...engagementMessages, ...quarterReviewMessages,
} as const;

export type CoreMessageKey = keyof typeof coreMessages;

/** The names of the `{placeholders}` of a template, without their format. */
export type PlaceholderNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:${string}` ? N : P) | PlaceholderNames<Rest>
  : never;

/** Every template of an entry's language: itself, or both forms of a plural entry. */
type TemplatesOf<T> = T extends string ? T : T extends PluralTemplates ? T['one'] | T['other'] : never;

export type ParamValue = string | number | readonly string[] | MessageRef | readonly MessageRef[];

/** A message to be rendered later, in whichever language: plain JSON. */
export interface MessageRef {
  readonly key: CoreMessageKey;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** A plural entry always takes `count`, even when a form does not print it. */
type EntryPlaceholders<K extends CoreMessageKey> =
  | PlaceholderNames<TemplatesOf<(typeof coreMessages)[K]['en']>>
  | ((typeof coreMessages)[K]['en'] extends PluralTemplates ? 'count' : never);

export type MessageParams<K extends CoreMessageKey> = { readonly [N in EntryPlaceholders<K>]: ParamValue };

export type MessageArgs<K extends CoreMessageKey> = [EntryPlaceholders<K>] extends [never] ? [] : [params: MessageParams<K>];

/** A typed reference to a catalogue entry. */
export function msg<K extends CoreMessageKey>(key: K, ...params: MessageArgs<K>): MessageRef {
  return params.length === 0 ? { key } : { key, params: params[0] as Readonly<Record<string, ParamValue>> };
}

/** Nouns (field and record names) live in the catalogue as `noun.<english noun>`. */
export type Noun = { [K in CoreMessageKey]: K extends `noun.${infer N}` ? N : never }[CoreMessageKey];

export function noun(name: Noun): MessageRef {
  return { key: `noun.${name}` as CoreMessageKey };
}

export function isCoreMessageKey(key: unknown): key is CoreMessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(coreMessages, key);
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The placeholder names of a template (both forms of a plural one), sorted; used by the catalogue test. */
export function placeholdersOf(template: string | PluralTemplates): string[] {
  const text = typeof template === 'string' ? template : `${template.one} ${template.other}`;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

const pluralRules: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en-CA'), fr: new Intl.PluralRules('fr-CA') };

/** The template of a language for these parameters: a plural entry's form for `count`. */
function templateFor(template: string | PluralTemplates, params: Record<string, ParamValue>, locale: Locale): string {
  if (typeof template === 'string') return template;
  return pluralRules[locale].select(Number(params.count)) === 'one' ? template.one : template.other;
}

function isRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value;
}

const listFormats: Record<Locale, Intl.ListFormat> = { en: new Intl.ListFormat('en-CA', { type: 'conjunction' }), fr: new Intl.ListFormat('fr-CA', { type: 'conjunction' }) };

const numberFormats: Record<Locale, Intl.NumberFormat> = { en: new Intl.NumberFormat('en-CA'), fr: new Intl.NumberFormat('fr-CA') };

function formatValue(value: ParamValue | undefined, format: string | undefined, locale: Locale, depth: number): string {
  if (value === undefined || value === null) return '';
  switch (format) {
    case 'fy':
      return fiscalYearLabel(Number(value), locale);
    case 'number':
      return typeof value === 'number' ? numberFormats[locale].format(value) : String(value);
    case 'quoted': {
      const items = Array.isArray(value) ? (value as unknown[]).map(String) : [String(value)];
      return items.map((s) => (locale === 'fr' ? `«\u00a0${s}\u00a0»` : `"${s}"`)).join(', ');
    }
    case 'list': {
      const items = Array.isArray(value) ? (value as unknown[]).map((v) => (isRef(v) ? render(v, locale, depth + 1) : String(v))) : [String(value)];
      return listFormats[locale].format(items);
    }
    case 'cap': {
      const text = formatValue(value, undefined, locale, depth);
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    }
    default:
      if (isRef(value)) return render(value, locale, depth + 1);
      if (Array.isArray(value)) return (value as unknown[]).map((v) => (isRef(v) ? render(v, locale, depth + 1) : String(v))).join(isRef(value[0]) ? ' ' : ', ');
      return String(value);
  }
}

function render(ref: MessageRef, locale: Locale, depth: number): string {
  if (depth > 8) return '';
  const entry = (coreMessages as Record<string, Bilingual>)[ref.key];
  if (!entry) throw new RangeError(`No core message "${String(ref.key)}".`);
  const params = (ref.params ?? {}) as Record<string, ParamValue>;
  return templateFor(entry[locale], params, locale).replace(PLACEHOLDER, (_, name: string, format: string | undefined) => formatValue(params[name], format, locale, depth));
}

/** The sentence of a message in a language. */
export function renderMessage(ref: MessageRef, locale: Locale = 'en'): string {
  return render(ref, locale, 0);
}

/**
 * For data that crossed a boundary (an envelope's details): renders when the key and parameters
 * make sense, otherwise answers null so the caller keeps the core's own sentence.
 */
export function renderSafely(key: unknown, params: unknown, locale: Locale): string | null {
  if (!isCoreMessageKey(key)) return null;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) return null;
  try {
    return render({ key, params: params as Record<string, ParamValue> | undefined }, locale, 0);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Schema messages: zod carries only a string, so references travel encoded in it.

const ENCODED = 'core-message:';

export function encodeMessage(ref: MessageRef): string {
  return ENCODED + JSON.stringify(ref);
}

/** A zod `error` for the schemas: the encoded reference (see describeInvalidInput). */
export function schemaMessage<K extends CoreMessageKey>(key: K, ...params: MessageArgs<K>): string {
  return encodeMessage(msg(key, ...params));
}

export function decodeMessage(text: string): MessageRef | null {
  if (!text.startsWith(ENCODED)) return null;
  try {
    const ref = JSON.parse(text.slice(ENCODED.length)) as MessageRef;
    return isCoreMessageKey(ref.key) ? ref : null;
  } catch {
    return null;
  }
}
