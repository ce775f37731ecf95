/**
 * Turns schema validation issues into sentences a coordinator understands, in English or French.
 * The field builders (contract-fields.ts) give each check an encoded catalogue reference as its
 * zod message (see core-messages.ts); zod's own checks (wrong type, too big, unknown fields…) are
 * mapped here to catalogue entries that name the field's path.
 */
import { decodeMessage, type MessageRef, msg, renderMessage } from './core-messages';
import type { Locale } from './vocabulary';

export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  // Carried by some of zod's issue kinds.
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  expected?: unknown;
  values?: unknown;
}

const MAX_DESCRIBED = 3;

/** The description of a whole invalid input as one message: its first problems, then how many more. */
export function invalidInputMessage(issues: readonly ValidationIssue[]): MessageRef {
  const refs = issues.slice(0, MAX_DESCRIBED).map(issueMessage);
  const unique = [...new Map(refs.map((r) => [JSON.stringify(r), r])).values()];
  const extra = issues.length - MAX_DESCRIBED;
  if (extra > 0) unique.push(msg('input.moreProblems', { count: extra }));
  return msg('input.issues', { issues: unique });
}

export function describeInvalidInput(issues: readonly ValidationIssue[], locale: Locale = 'en'): string {
  return renderMessage(invalidInputMessage(issues), locale);
}

const limitKind = (origin: unknown): 'number' | 'text' | 'list' | null =>
  origin === 'number' || origin === 'int' || origin === 'bigint' ? 'number' : origin === 'string' ? 'text' : origin === 'array' || origin === 'set' ? 'list' : null;

/** One issue as a catalogue reference. */
export function issueMessage(issue: ValidationIssue): MessageRef {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    return msg('input.unknownField', { fields: issue.keys, count: issue.keys.length });
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') return msg('input.notAnObject');
  const own = decodeMessage(issue.message);
  if (own) return own;
  // A schema sentence not yet in the catalogue (English only): shown as it is until it moves there.
  const text = issue.message.trim();
  if (/^[A-Z]/.test(text) && text.endsWith('.')) return msg('input.uncatalogued', { text });
  if (issue.path.length === 0) return msg('input.zod.rejectedInput');
  const path = issue.path.map(String).join('.');
  const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const kind = limitKind(issue.origin);
  switch (issue.code) {
    case 'invalid_type':
      return msg('input.zod.wrongType', { path, expected: String(issue.expected ?? '?') });
    case 'too_big':
    case 'too_small':
      if (kind && (typeof limit === 'number' || typeof limit === 'bigint')) {
        const n = Number(limit);
        if (issue.code === 'too_big') return msg(kind === 'number' ? 'input.zod.tooBig.number' : kind === 'text' ? 'input.zod.tooBig.text' : 'input.zod.tooBig.list', { path, limit: n });
        return msg(kind === 'number' ? 'input.zod.tooSmall.number' : kind === 'text' ? 'input.zod.tooSmall.text' : 'input.zod.tooSmall.list', { path, limit: n });
      }
      return msg('input.zod.rejected', { path });
    case 'invalid_value':
      if (Array.isArray(issue.values)) return msg('input.zod.oneOf', { path, values: issue.values.map(String).join(', ') });
      return msg('input.zod.rejected', { path });
    default:
      return msg('input.zod.rejected', { path });
  }
}
