/**
 * Emoji show as empty boxes on a laptop without an emoji font (many of the users' are): no screen
 * sentence, vocabulary label, core message or printed-document text may carry one. Icons are the
 * app's own SVG (renderer/components/Icon.tsx).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLACES = ['renderer', 'shared', path.join('electron', 'core', 'reports'), path.join('electron', 'cli')];
const TEXT = /\.(json|ts|tsx|css|html)$/;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : TEXT.test(entry.name) ? [full] : [];
  });
}

describe('text people read', () => {
  it('has no emoji in the catalogues, the labels, the core messages or the printed documents', () => {
    const found = PLACES.flatMap((place) => filesUnder(path.join(root, place)))
      .map((file) => ({ file: path.relative(root, file), emoji: [...new Set(fs.readFileSync(file, 'utf8').match(/\p{Extended_Pictographic}/gu) ?? [])] }))
      .filter((f) => f.emoji.length > 0);
    expect(found).toEqual([]);
  });
});
