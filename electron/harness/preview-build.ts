/**
 * Building the renderer for the browser harness (scripts/preview.ts), or reusing a build newer
 * than its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_ROOT = path.join(projectRoot, 'dist', 'renderer');
/** Sources whose change makes a renderer build stale. */
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts'].map((p) => path.join(projectRoot, p));

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function rendererBuildIsFresh(): boolean {
  const built = fs.statSync(path.join(RENDERER_ROOT, 'index.html'), { throwIfNoEntry: false });
  if (!built) return false;
  return RENDERER_SOURCES.every((source) => newestMtime(source) <= built.mtimeMs);
}

export async function buildRenderer(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  log(`Built the renderer into ${path.relative(projectRoot, RENDERER_ROOT)} in ${Date.now() - started} ms.`);
}
