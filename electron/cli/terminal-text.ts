/**
 * Text that came from outside (a bundle, a peer: names, actors, titles, narratives, ids) made
 * inert before it reaches a terminal. Control characters (ESC and so every ANSI escape code, CR,
 * LF, BEL, DEL, the C1 controls), text-direction overrides and isolates, and line or paragraph
 * separators are shown as visible escapes (\u001B, \r, \n, \u202E) instead of acting: a name can
 * neither move the cursor, clear a line, forge a line nor reverse what follows it.
 *
 * `inert` is for one value inside a line we compose; `inertLines` is the last pass over whole
 * output (it keeps our own line breaks and tabs); in JSON the escapes are JSON's own, so the text
 * parses back to the very same value.
 */

import { renderSafely } from '../../shared/core-messages';
import { ACTIVE_CHARACTERS } from '../../shared/active-text';
import type { AppErrorBody } from '../../shared/result';
import { sentence } from './cli-io';

const ACTIVE = new RegExp(`[${ACTIVE_CHARACTERS}]`, 'g');
/** Our own output keeps its line breaks and tabs. */
const ACTIVE_BUT_LINES = new RegExp(`(?![\\n\\t])[${ACTIVE_CHARACTERS}]`, 'g');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One value from outside, on one line, inert. */
export function inert(text: string): string {
  return String(text).replace(ACTIVE, visible);
}

/** Whole output: our own line breaks and tabs stay; anything else that would act is shown. */
export function inertLines(text: string): string {
  return text.replace(ACTIVE_BUT_LINES, visible);
}

const inertParam = (value: unknown): unknown => (typeof value === 'string' ? inert(value) : Array.isArray(value) ? value.map(inertParam) : value);

/**
 * The core's sentence for a refusal, with every text from outside in it made inert. The core
 * renders its catalogue message with the raw names; the command line renders it again, in the
 * same language, from the message key and its parameters made inert. The catalogue puts
 * fingerprints (derived from keys) on lines of their own: those lines are kept.
 */
export function refusalText(error: AppErrorBody): string {
  const details = error.details as { messageKey?: unknown; params?: unknown } | undefined;
  const params = details?.params;
  if (typeof details?.messageKey === 'string' && typeof params === 'object' && params !== null && !Array.isArray(params)) {
    const safe = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, inertParam(value)]));
    for (const locale of ['en', 'fr'] as const) {
      if (renderSafely(details.messageKey, params, locale) !== error.message) continue;
      const text = renderSafely(details.messageKey, safe, locale);
      if (text !== null) return text.split('\n').map((line, i) => (i === 0 ? sentence(line) : line)).join('\n');
    }
  }
  return sentence(inert(error.message));
}
