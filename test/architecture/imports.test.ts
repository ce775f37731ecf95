import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer map of ARCHITECTURE.md as a test: each folder lists what it may import. Node
 * built-ins and npm packages are checked separately (shared/ and renderer/ may not use Node,
 * only electron/main and electron/preload may import 'electron').
 */
const root = path.resolve(__dirname, '../..');
const layers: Record<string, string[]> = {
  shared: ['shared'],
  db: ['db', 'shared'],
  'electron/core': ['electron/core', 'db', 'shared'],
  // The CLI prints report PDFs through the browser harness (electron/cli/report-pdf.ts).
  'electron/cli': ['electron/cli', 'electron/core', 'electron/demo', 'electron/harness', 'db', 'shared'],
  'electron/demo': ['electron/demo', 'electron/core', 'shared'],
  'electron/harness': ['electron/harness', 'electron/core', 'electron/cli/default-db-path.ts', 'electron/main/bundle-file-dialogs.ts', 'electron/main/app-protocol.ts', 'renderer/api/http-bridge.ts', 'renderer/api/bundle-files.ts', 'db', 'shared'],
  'electron/main': ['electron/main', 'electron/core', 'electron/preload/planner-api.ts', 'db', 'shared'],
  'electron/preload': ['electron/preload', 'shared'],
  renderer: ['renderer', 'shared', 'electron/preload/planner-api.ts'],
};
const electronAllowed = ['electron/main', 'electron/preload'];
const nodeForbidden = ['shared', 'renderer'];

function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return found;
}

function layerOf(relative: string): string | undefined {
  return Object.keys(layers)
    .sort((a, b) => b.length - a.length)
    .find((layer) => relative === layer || relative.startsWith(`${layer}/`));
}

/** The reason an import breaks the map, or null when it is allowed. */
function violationOf(layer: string, file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = path.relative(root, path.resolve(root, path.dirname(file), spec));
    const allowed = layers[layer]!.some((a) => target === a || target.startsWith(`${a}/`) || `${target}.ts` === a);
    return allowed ? null : `${file} imports ${target} (layer ${layerOf(target) ?? 'outside the layers'})`;
  }
  if ((spec === 'electron' || spec.startsWith('electron/')) && !electronAllowed.includes(layer)) return `${file} imports electron`;
  if (nodeForbidden.includes(layer) && (spec.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3'].includes(spec))) {
    return `${file} imports the Node module ${spec}`;
  }
  return null;
}

describe('architecture', () => {
  const violations: string[] = [];
  for (const layer of Object.keys(layers)) {
    for (const file of filesUnder(layer)) {
      for (const spec of importsOf(file)) {
        const violation = violationOf(layer, file, spec);
        if (violation) violations.push(violation);
      }
    }
  }

  it('finds the source files it is meant to check', () => {
    expect(filesUnder('shared').length).toBeGreaterThan(3);
    expect(filesUnder('electron/core').length).toBeGreaterThan(3);
  });

  it('keeps every layer to the imports the map allows', () => {
    expect(violations).toEqual([]);
  });

  it('notices a violation (the checker itself works)', () => {
    expect(layerOf('electron/core/services/plans.ts')).toBe('electron/core');
    expect(importsOf('electron/core/create-core.ts')).toContain('../../shared/contract');
    expect(violationOf('electron/core', 'electron/core/x.ts', 'electron')).toMatch(/imports electron/);
    expect(violationOf('shared', 'shared/x.ts', 'node:fs')).toMatch(/Node module/);
    expect(violationOf('shared', 'shared/x.ts', '../db/schema')).toMatch(/imports db\/schema/);
    expect(violationOf('renderer', 'renderer/x.ts', '../electron/core/create-core')).toMatch(/layer electron\/core/);
    expect(violationOf('electron/core', 'electron/core/x.ts', '../../db/schema')).toBeNull();
  });
});
