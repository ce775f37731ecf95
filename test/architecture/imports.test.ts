import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The map of docs/architecture.md ("The map") as a test: each folder lists what it may import.
 * A file belongs to the longest folder of the table that contains it; an import is allowed when
 * its target lies in one of the folders (or is one of the files) its folder lists. Node built-ins
 * and npm packages are checked apart: shared/ and renderer/ may not use Node, and only
 * electron/main, electron/preload and scripts/ may import 'electron'.
 */
const root = path.resolve(__dirname, '../..');
const core = 'electron/core';
const allOfCore = [core, 'db', 'shared'];
const layers: Record<string, string[]> = {
  shared: ['shared'],
  db: ['db', 'shared'],
  [`${core}/changelog`]: [`${core}/changelog`, 'db', 'shared'],
  [`${core}/queries`]: [`${core}/queries`, `${core}/changelog`, 'db', 'shared'],
  [`${core}/services`]: [`${core}/services`, `${core}/queries`, `${core}/changelog`, 'db', 'shared'],
  [`${core}/reports`]: [`${core}/reports`, `${core}/queries`, `${core}/changelog`, 'db', 'shared'],
  [`${core}/bundles`]: [`${core}/bundles`, `${core}/changelog`, `${core}/queries`, 'db', 'shared'],
  [`${core}/handlers`]: allOfCore,
  // The core in worker threads (issue 13 §1): the relay adapters call, and the threads' entry, over createCore.
  [`${core}/worker`]: allOfCore,
  // The root files of the core (create-core, storage-failure, dispatch, open-failure, permissions): what all adapters share.
  [core]: allOfCore,
  'electron/main': ['electron/main', core, 'electron/preload/planner-api.ts', 'db', 'shared'],
  'electron/preload': ['electron/preload', 'shared'],
  // The CLI prints report PDFs through the browser harness (electron/cli/report-pdf.ts).
  'electron/cli': ['electron/cli', core, 'electron/demo', 'electron/harness', 'db', 'shared'],
  'electron/harness': ['electron/harness', core, 'electron/demo', 'db', 'shared'],
  'electron/demo': ['electron/demo', core, 'shared'],
  renderer: ['renderer', 'shared', 'electron/preload/planner-api.ts'],
  // Build, start and benchmark entry points: they may import anything, nothing but tests imports them.
  scripts: ['*'],
};
const electronAllowed = ['electron/main', 'electron/preload', 'scripts'];
const nodeForbidden = ['shared', 'renderer'];
const NODE_MODULES = ['fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3'];

function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
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

/** A file of electron/core that sits in a sub-folder the map does not name (it would silently get the root's rights). */
function offTheMap(file: string): string | null {
  const inCore = file.startsWith(`${core}/`) ? file.slice(core.length + 1) : null;
  if (inCore === null || !inCore.includes('/')) return null;
  return layerOf(file) === core ? `${file} is in a folder of ${core} that the map does not name` : null;
}

/** The reason an import breaks the map, or null when it is allowed. */
function violationOf(layer: string, file: string, spec: string): string | null {
  if (spec.startsWith('.')) {
    const target = path.relative(root, path.resolve(root, path.dirname(file), spec)).split(path.sep).join('/');
    if (target === 'scripts' || target.startsWith('scripts/')) {
      return layer === 'scripts' ? null : `${file} imports ${target} (scripts are entry points: only tests may import them)`;
    }
    const allowed = layers[layer]!.some((a) => a === '*' || target === a || target.startsWith(`${a}/`) || `${target}.ts` === a);
    return allowed ? null : `${file} imports ${target} (layer ${layerOf(target) ?? 'outside the layers'})`;
  }
  if ((spec === 'electron' || spec.startsWith('electron/')) && !electronAllowed.includes(layer)) return `${file} imports electron`;
  if (nodeForbidden.includes(layer) && (spec.startsWith('node:') || NODE_MODULES.includes(spec))) {
    return `${file} imports the Node module ${spec}`;
  }
  return null;
}

/** The files at the top of the repository (vite.config.ts…) belong to no layer, but may not import scripts/ either. */
const topLevelFiles = fs.readdirSync(root).filter((f) => /\.(ts|mts|mjs|cjs)$/.test(f));

describe('architecture', () => {
  const violations: string[] = [];
  for (const layer of Object.keys(layers)) {
    for (const file of filesUnder(layer)) {
      // A file is checked once, against the most specific folder that holds it.
      if (layerOf(file) !== layer) continue;
      const off = offTheMap(file);
      if (off) violations.push(off);
      for (const spec of importsOf(file)) {
        const violation = violationOf(layer, file, spec);
        if (violation) violations.push(violation);
      }
    }
  }
  for (const file of topLevelFiles) {
    for (const spec of importsOf(file)) if (/^\.\/scripts\//.test(spec)) violations.push(`${file} imports ${spec} (scripts are entry points: only tests may import them)`);
  }

  it('finds the source files it is meant to check', () => {
    expect(filesUnder('shared').length).toBeGreaterThan(3);
    expect(filesUnder('electron/core').length).toBeGreaterThan(3);
    expect(filesUnder('electron/harness').length).toBeGreaterThan(2);
    expect(filesUnder('scripts').length).toBeGreaterThan(2);
  });

  it('keeps every layer to the imports the map allows', () => {
    expect(violations).toEqual([]);
  });

  it('notices a violation (the checker itself works)', () => {
    expect(layerOf('electron/core/services/plans.ts')).toBe('electron/core/services');
    expect(layerOf('electron/core/create-core.ts')).toBe('electron/core');
    expect(importsOf('electron/core/create-core.ts')).toContain('../../shared/contract');
    expect(violationOf('electron/core', 'electron/core/x.ts', 'electron')).toMatch(/imports electron/);
    expect(violationOf('shared', 'shared/x.ts', 'node:fs')).toMatch(/Node module/);
    expect(violationOf('shared', 'shared/x.ts', '../db/schema')).toMatch(/imports db\/schema/);
    expect(violationOf('renderer', 'renderer/x.ts', '../electron/core/create-core')).toMatch(/layer electron\/core/);
    expect(violationOf('electron/core', 'electron/core/x.ts', '../../db/schema')).toBeNull();
  });

  it('keeps the folders of the core pointing one way', () => {
    // changelog is below everything else in the core.
    expect(violationOf(`${core}/changelog`, `${core}/changelog/x.ts`, '../bundles/bundle-format')).toMatch(/layer electron\/core\/bundles/);
    expect(violationOf(`${core}/changelog`, `${core}/changelog/x.ts`, '../queries/plans')).toMatch(/layer electron\/core\/queries/);
    expect(violationOf(`${core}/queries`, `${core}/queries/x.ts`, '../services/plans')).toMatch(/layer electron\/core\/services/);
    expect(violationOf(`${core}/bundles`, `${core}/bundles/x.ts`, '../services/plans')).toMatch(/layer electron\/core\/services/);
    expect(violationOf(`${core}/reports`, `${core}/reports/x.ts`, '../bundles/bundle-format')).toMatch(/layer electron\/core\/bundles/);
    expect(violationOf(`${core}/services`, `${core}/services/x.ts`, '../handlers/handlers')).toMatch(/layer electron\/core\/handlers/);
    expect(violationOf(`${core}/services`, `${core}/services/x.ts`, '../create-core')).toMatch(/layer electron\/core\)/);
    expect(violationOf(`${core}/services`, `${core}/services/x.ts`, '../changelog/core-context')).toBeNull();
    expect(violationOf(`${core}/bundles`, `${core}/bundles/x.ts`, '../queries/plans')).toBeNull();
    expect(violationOf(`${core}/handlers`, `${core}/handlers/x.ts`, '../bundles/bundle-export')).toBeNull();
    expect(offTheMap(`${core}/stray/x.ts`)).toMatch(/does not name/);
    expect(offTheMap(`${core}/dispatch.ts`)).toBeNull();
  });

  it('keeps the adapters apart: the harness and the demo are adapters, scripts are entry points', () => {
    expect(violationOf('electron/harness', 'electron/harness/x.ts', '../../renderer/api/http-bridge')).toMatch(/layer renderer/);
    expect(violationOf('electron/harness', 'electron/harness/x.ts', '../main/app-protocol')).toMatch(/layer electron\/main/);
    expect(violationOf('electron/harness', 'electron/harness/x.ts', '../core/dispatch')).toBeNull();
    expect(violationOf('electron/demo', 'electron/demo/x.ts', '../harness/preview-server')).toMatch(/layer electron\/harness/);
    expect(violationOf('electron/main', 'electron/main/x.ts', '../harness/preview-server')).toMatch(/layer electron\/harness/);
    expect(violationOf('electron/main', 'electron/main/x.ts', '../preload/planner-api-bridge')).toMatch(/layer electron\/preload/);
    expect(violationOf('electron/cli', 'electron/cli/x.ts', '../harness/preview-server')).toBeNull();
    expect(violationOf('electron/cli', 'electron/cli/x.ts', '../../scripts/preview')).toMatch(/only tests may import them/);
    expect(violationOf('electron/core', 'electron/core/x.ts', '../../scripts/bench-sync')).toMatch(/only tests may import them/);
    expect(violationOf('scripts', 'scripts/x.ts', '../electron/harness/preview-server')).toBeNull();
    expect(violationOf('scripts', 'scripts/x.ts', 'electron')).toBeNull();
    expect(violationOf('electron/harness', 'electron/harness/x.ts', 'electron')).toMatch(/imports electron/);
  });
});
