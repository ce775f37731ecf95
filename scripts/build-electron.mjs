#!/usr/bin/env node
/**
 * Bundles the Electron side into dist/electron/:
 *   main.cjs     electron/main/main.ts with the core, db and shared code (CommonJS for Node)
 *   preload.cjs  electron/preload/preload.ts (CommonJS: a sandboxed preload cannot load ES modules)
 *   planner-cli.cjs  electron/cli/cli.ts, the command line as one file: `npm run cli` runs it with
 *                Node, the packaged app runs it for the `planner` command (no tsx at run time)
 *   core-worker.cjs  electron/core/worker/core-worker.ts, the core's worker threads (main starts two
 *                with `new Worker(<dist/electron>/core-worker.cjs)`; see docs/architecture.md), and
 *                the demo's seeding thread (electron/demo/seed-worker.ts), one bundle for both
 *                (entry electron/demo/worker-threads.ts: the core is carried once)
 *   migrations/  db/migrations, beside main.cjs, read at start (also from inside app.asar)
 *
 * Kept out of the bundles: 'electron' (provided by the runtime) and better-sqlite3 (a native
 * module, loaded from node_modules and unpacked from the asar when packaged).
 *
 * Usage: node scripts/build-electron.mjs [--dev] [--out-dir=DIR] [--if-stale]
 *   --dev       no minification, inline source maps
 *   --out-dir   somewhere other than dist/electron (tests build into a scratch folder)
 *   --if-stale  build only when a source is newer than the bundles (`npm run cli` starts with it)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutDir = path.join(projectRoot, 'dist', 'electron');
const BUNDLES = ['main.cjs', 'preload.cjs', 'planner-cli.cjs', 'core-worker.cjs'];
/** What the bundles are made of; a change in any of them makes a build stale. */
const SOURCES = ['electron', 'shared', 'db', 'scripts/cli-bundle', 'package.json', 'scripts/build-electron.mjs'];

/** Electron 45 ships Node 22 and Chromium 140. */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome140';

/** `outDir` is for tests, which build into a scratch folder; the app expects dist/electron. */
export async function buildElectron({ dev = false, outDir = defaultOutDir } = {}) {
  // Only what this build writes is removed, never the folder itself (it may be a caller's).
  for (const item of [...BUNDLES, 'migrations']) fs.rmSync(path.join(outDir, item), { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const common = {
    bundle: true,
    format: 'cjs',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: projectRoot,
  };

  const forNode = {
    ...common,
    platform: 'node',
    target: MAIN_TARGET,
    external: ['electron', 'better-sqlite3'],
    // The db layer finds its migrations from import.meta.url, which CommonJS does not have.
    // Pointing it at the bundle's own file makes it look in dist/electron/migrations, the same
    // folder main passes explicitly.
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__importMetaUrl' },
  };
  await Promise.all([
    build({ ...forNode, entryPoints: ['electron/main/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    // The core's worker thread: the same core, db and shared code; better-sqlite3 loaded by the worker itself.
    // Also the demo's seeding thread (demo:open the first time): the entry picks by the thread's workerData.
    build({ ...forNode, entryPoints: ['electron/demo/worker-threads.ts'], outfile: path.join(outDir, 'core-worker.cjs') }),
    build({
      ...forNode,
      entryPoints: ['electron/cli/cli.ts'],
      outfile: path.join(outDir, 'planner-cli.cjs'),
      // Loaded only by `report --pdf`, from a development checkout (see preview-loader.ts).
      external: [...forNode.external, 'tsx', 'playwright-core'],
      plugins: [previewHarnessLoader],
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
      // A sandboxed preload is a browser script with a small require() that offers 'electron'.
      platform: 'browser',
      target: PRELOAD_TARGET,
      external: ['electron'],
    }),
  ]);

  fs.cpSync(path.join(projectRoot, 'db', 'migrations'), path.join(outDir, 'migrations'), { recursive: true });
  assertPreloadLoadsOnlyElectron(fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8'));
  return { outDir };
}

/** The command line reaches the browser harness (electron/harness/preview-server.ts) through a loader, never bundled. */
const previewHarnessLoader = {
  name: 'preview-harness-loader',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/harness\/preview-server$/ }, () => ({ path: path.join(projectRoot, 'scripts', 'cli-bundle', 'preview-loader.ts') }));
  },
};

/** A sandboxed preload fails at run time if it requires anything but 'electron'; fail the build instead. */
function assertPreloadLoadsOnlyElectron(source) {
  const required = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const others = required.filter((name) => name !== 'electron');
  if (others.length > 0) throw new Error(`The preload bundle requires ${others.join(', ')}; a sandboxed preload may only require 'electron'.`);
}

/** True when every bundle exists and is newer than every source file. */
export function isBuildFresh(outDir = defaultOutDir) {
  const built = BUNDLES.map((name) => path.join(outDir, name));
  if (!built.every((file) => fs.existsSync(file))) return false;
  const oldestBundle = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  const newestSource = (target) => {
    const stat = fs.statSync(path.join(projectRoot, target));
    if (!stat.isDirectory()) return stat.mtimeMs;
    const entries = fs.readdirSync(path.join(projectRoot, target), { recursive: true, withFileTypes: true });
    return Math.max(stat.mtimeMs, ...entries.map((entry) => fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs));
  };
  return SOURCES.every((target) => newestSource(target) < oldestBundle);
}

const isEntryPoint = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isEntryPoint) {
  const dev = process.argv.includes('--dev');
  const outDirArg = process.argv.find((arg) => arg.startsWith('--out-dir='));
  if (process.argv.includes('--if-stale') && !outDirArg && isBuildFresh()) process.exit(0);
  try {
    const { outDir: written } = await buildElectron({ dev, ...(outDirArg ? { outDir: path.resolve(outDirArg.slice('--out-dir='.length)) } : {}) });
    const sizes = BUNDLES.map((f) => `${f} ${(fs.statSync(path.join(written, f)).size / 1024).toFixed(0)} KB`);
    // Before a CLI command (--if-stale), stdout belongs to the command's output.
    const say = process.argv.includes('--if-stale') ? console.error : console.log;
    say(`Built ${path.relative(projectRoot, written)}: ${sizes.join(', ')}, migrations copied.`);
  } catch (error) {
    // esbuild has already printed each error with its file and line.
    console.error(`The Electron build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
