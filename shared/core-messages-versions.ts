/**
 * Catalogue entries (see core-messages.ts) for old and new versions of the planner in one
 * territory: a bundle from a newer planner, and changes to fields this version does not know.
 */
import type { Bilingual } from './core-messages';

const NBSP = '\u00a0';

export const versionMessages = {
  // 'bundle.needsVersion' is declared once, with the file header's refusals (core-messages-recipients.ts).
  'change.badName': {
    en: 'it names a record or field in a form the planner never writes ("{name}")',
    fr: `elle nomme un élément ou un champ sous une forme que le planificateur n’écrit jamais («${NBSP}{name}${NBSP}»)`,
  },
  'change.futureValueTooLarge': {
    en: 'it sets a field this version does not know yet ({table}.{field}) to a value larger than {kilobytes} KB',
    fr: `elle donne à un champ que cette version ne connaît pas encore ({table}.{field}) une valeur de plus de {kilobytes}${NBSP}ko`,
  },
} as const satisfies Record<string, Bilingual>;
