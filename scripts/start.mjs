#!/usr/bin/env node
/**
 * `npm start`: builds main and preload, builds the renderer when it exists, and opens the
 * desktop app in Electron.
 *
 * The Electron package ships without its runtime; the runtime is downloaded on first use from
 * Electron's release site. Machines without access to that site (ours, CI) cannot run the app, so
 * this script says so in one sentence and exits 1, instead of the stack trace Electron prints.
 * ELECTRON_OVERRIDE_DIST_PATH (a folder holding an unpacked Electron 45) is honoured, as Electron's
 * own launcher does.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The browser harness, for where Electron cannot run. */
const PREVIEW_HINT = '`npm run preview -- --db planner.db`';

/** How long a first download of the runtime (about 100 MB) may take. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

async function buildMainAndPreload() {
  try {
    await buildElectron({ dev: true });
  } catch (error) {
    fail(`The Electron code did not build (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); fix the errors printed above and run \`npm start\` again.`);
  }
}

const VITE_CONFIGS = ['vite.config.ts', 'vite.config.mts', 'vite.config.js', 'vite.config.mjs'];

/** The renderer is another part of the project; until it has an entry page there is nothing to build. */
function buildRendererIfPresent() {
  const hasConfig = VITE_CONFIGS.some((name) => fs.existsSync(path.join(projectRoot, name)));
  const hasEntry = fs.existsSync(path.join(projectRoot, 'renderer', 'index.html'));
  if (!hasConfig || !hasEntry) {
    console.log(`Skipping the renderer build: ${hasConfig ? 'renderer/index.html' : 'a Vite config'} does not exist yet.`);
    return;
  }
  const result = spawnSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) fail('The renderer did not build; fix the errors printed above and run `npm start` again.');
}

/**
 * The Electron executable, or the reason it cannot be had. We do not `require('electron')`: its
 * index.js runs the download itself with output sent straight to this terminal, and when the
 * download fails it prints a stack trace and throws. Instead we read the same path.txt it reads,
 * and run its install.js quietly when the runtime is missing.
 */
function findElectronRuntime() {
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'The Electron package is not installed here, so the desktop app cannot start; run `npm install` first.' };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const executableIn = (distDir) => {
    const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
    const executable = path.join(distDir, relative);
    return fs.existsSync(executable) ? executable : null;
  };

  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    return executableIn(override) !== null
      ? { executable: executableIn(override) }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH points at ${override}, which holds no Electron executable; point it at an unpacked Electron 45 or unset it.` };
  }

  const installed = executableIn(path.join(electronDir, 'dist'));
  if (installed) return { executable: installed };

  console.log('The Electron runtime is not installed yet; trying to download it…');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  const afterDownload = executableIn(path.join(electronDir, 'dist'));
  if (download.status === 0 && afterDownload) return { executable: afterDownload };

  const output = `${download.stderr ?? ''}${download.stdout ?? ''}${download.error?.message ?? ''}`;
  const offline = download.error?.code === 'ETIMEDOUT' || /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i.test(output);
  return {
    reason: offline
      ? `The Electron runtime could not be downloaded on this machine (no internet access to its download site), so the desktop app cannot start here; run ${PREVIEW_HINT} to use the planner in a browser, or run \`npm start\` on a machine with internet access.`
      : 'The Electron runtime could not be downloaded (its installer failed; run `node node_modules/electron/install.js` to see why), so the desktop app cannot start here.',
  };
}

/** Linux without X or Wayland: Electron would abort with a native error instead of a window. */
function missingDisplayReason() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return `There is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop app cannot open a window; run \`npm start\` from a desktop session or under \`xvfb-run\`, or run ${PREVIEW_HINT} to use the planner in a browser.`;
}

/**
 * Where Electron cannot run, the browser harness stands in: the same renderer and the same core
 * on the desktop app's own database, at a one-time loopback address the harness prints to this
 * terminal only (nothing secret is served to other local users). It runs until
 * Ctrl+C, like the app would. CSP_NO_PREVIEW_FALLBACK=1 (for scripts) keeps the old behaviour of
 * stopping with the reason.
 */
function fallBackToBrowserHarness(reason) {
  console.error(`${reason.replace(/\.$/, '').split(';')[0]} — opening the planner in the browser preview instead; open the one-time address below in your browser.`);
  const tsx = path.join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const child = spawn(tsx, [path.join(projectRoot, 'scripts', 'preview.ts'), '--app-db'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`The browser preview could not be started either (${error.message}).`));
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 1)));
}

function launchElectron(executable) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, ['.'], { cwd: projectRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => fail(`Electron could not be started (${error.message}).`));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

await buildMainAndPreload();
buildRendererIfPresent();
const runtime = findElectronRuntime();
const reason = runtime.reason ?? missingDisplayReason();
if (reason) {
  if (process.env.CSP_NO_PREVIEW_FALLBACK === '1') fail(reason);
  else fallBackToBrowserHarness(reason);
} else {
  launchElectron(runtime.executable);
}
