/**
 * Characters that act on a terminal or on how text reads instead of being shown: the C0 and C1
 * controls (ESC starts every ANSI escape code; CR and LF start lines), DEL, text-direction marks,
 * embeddings, overrides and isolates (U+202E shows what follows reversed), and the Unicode line and
 * paragraph separators. Names a peer will see refuse them (contract-fields.ts); the command line
 * shows them as visible escapes (electron/cli/terminal-text.ts).
 */
export const ACTIVE_CHARACTERS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029';

export function hasActiveCharacters(text: string): boolean {
  return new RegExp(`[${ACTIVE_CHARACTERS}]`).test(text);
}
