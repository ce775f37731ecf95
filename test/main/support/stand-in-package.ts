import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Arch, build, type Configuration, Platform } from 'electron-builder';
import { loadBuilderConfig, requireFromAppBuilderLib } from './builder-config';

/**
 * Packages the planner the way `npm run dist` does, offline: the real build (main, preload, CLI,
 * migrations, renderer), then electron-builder with the project's own electron-builder.yml, for
 * Linux as an unpacked folder (`--dir`), with a stand-in Electron distribution because the real
 * runtime cannot be downloaded here. Everything electron-builder decides (which files, which
 * node_modules, what goes into app.asar and what is unpacked) is its own real behaviour.
 *
 * Two settings differ from a real build, for this check only: the fuses (they are flipped inside
 * the real Electron binary, which the stand-in is not; packaging-config.test.ts keeps asserting
 * the real configuration sets them) and publishing (never).
 */
const projectRoot = path.resolve(import.meta.dirname, '../../..');
export const asar = requireFromAppBuilderLib('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { files?: unknown; size?: number; unpacked?: boolean; link?: string };
  extractAll(archive: string, dest: string): void;
};

export interface StandInPackage {
  /** The copy of the project that was packaged (package.json, dist/, node_modules and build/ linked). */
  projectDir: string;
  /** What vite wrote for the renderer, relative to dist/renderer. */
  rendererFiles: string[];
  /** resources/ of the unpacked app: app.asar and app.asar.unpacked. */
  resourcesDir: string;
  /** The folder that holds the executable (and, per the configuration, the CLI launcher). */
  appDir: string;
}

function run(args: string[], what: string): void {
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr || result.stdout}`);
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The project as electron-builder sees it: package.json without its devDependencies and a real
 * node_modules holding copies of the production packages only (from package-lock.json). A
 * symlinked node_modules is not enough: npm, which electron-builder asks for the production tree,
 * then treats linked packages as projects of their own (with their devDependencies) unless its
 * hidden lockfile happens to be fresher than every package folder — true on one machine and not
 * on a clean clone, where better-sqlite3 is built after the lockfile is written.
 */
function copyProductionTree(projectDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete pkg.devDependencies;
  fs.writeFileSync(path.join(projectDir, 'package.json'), JSON.stringify(pkg, null, 2));
  const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  for (const [where, entry] of Object.entries(lock.packages)) {
    // Top-level packages only: a nested one travels inside its parent's folder.
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(where) || entry.dev || entry.devOptional) continue;
    fs.cpSync(path.join(projectRoot, where), path.join(projectDir, where), { recursive: true, dereference: true });
  }
}

/** A folder shaped like Electron's Linux zip, whose "electron" only says it is not one. */
function writeStandInElectron(dir: string, version: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "A stand-in for Electron: nothing to run."\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), `v${version}`);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
}

export async function packageWithStandInElectron(scratch: string): Promise<StandInPackage> {
  const projectDir = path.join(scratch, 'project');
  fs.mkdirSync(projectDir, { recursive: true });
  copyProductionTree(projectDir);
  if (fs.existsSync(path.join(projectRoot, 'build'))) fs.symlinkSync(path.join(projectRoot, 'build'), path.join(projectDir, 'build'), 'dir');

  run(['scripts/build-electron.mjs', `--out-dir=${path.join(projectDir, 'dist', 'electron')}`], 'The Electron build');
  const rendererDir = path.join(projectDir, 'dist', 'renderer');
  run([path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', rendererDir, '--logLevel', 'error'], 'The renderer build');

  const electronVersion = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const electronDist = path.join(scratch, 'electron-dist');
  writeStandInElectron(electronDist, electronVersion);

  const config = await standInConfig(scratch, { electronDist, electronVersion });
  await build({ projectDir, targets: Platform.LINUX.createTarget('dir', ARCH), publish: 'never', config });
  const output = config.directories!.output!;
  const unpackedName = fs.readdirSync(output).find((name) => name.endsWith('-unpacked'));
  if (!unpackedName) throw new Error(`electron-builder wrote no unpacked app into ${output}.`);
  const appDir = path.join(output, unpackedName);
  return { projectDir, rendererFiles: filesUnder(rendererDir), resourcesDir: path.join(appDir, 'resources'), appDir };
}

const ARCH = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;

async function standInConfig(scratch: string, electron: { electronDist: string; electronVersion: string }): Promise<Configuration> {
  const config = (await loadBuilderConfig()) as Configuration;
  return { ...config, ...electron, electronFuses: null, directories: { ...config.directories, output: path.join(scratch, 'release') } };
}

export interface DebLayout {
  /** Each file fpm would put into the package: source → path on the installed system. */
  files: Map<string, string>;
  desktopEntry: string;
  mimeInfo: string;
  afterInstall: string;
}

/**
 * What electron-builder hands to fpm for the deb, from the already packaged folder: fpm itself
 * (downloaded by electron-builder) cannot be fetched here, so the build stops just before it runs,
 * at the hook electron-builder offers for that (effectiveOptionComputed).
 */
export async function debLayoutFromStandIn(scratch: string, packaged: StandInPackage): Promise<DebLayout> {
  const electronVersion = fs.readFileSync(path.join(scratch, 'electron-dist', 'version'), 'utf8').replace(/^v/, '');
  let layout: DebLayout | null = null;
  await build({
    projectDir: packaged.projectDir,
    prepackaged: packaged.appDir,
    targets: Platform.LINUX.createTarget('deb', ARCH),
    publish: 'never',
    config: await standInConfig(scratch, { electronDist: path.join(scratch, 'electron-dist'), electronVersion }),
    effectiveOptionComputed: async (options: unknown) => {
      if (!Array.isArray(options) || !Array.isArray(options[0])) return false;
      const [args, desktopFile] = options as [string[], string];
      const files = new Map(args.filter((arg) => arg.includes('=/')).map((arg) => arg.split('=') as [string, string]));
      const sourceOf = (target: RegExp) => [...files].find(([, to]) => target.test(to))?.[0] ?? '';
      const afterInstall = args[args.indexOf('--after-install') + 1]!;
      layout = { files, desktopEntry: fs.readFileSync(desktopFile, 'utf8'), mimeInfo: fs.readFileSync(sourceOf(/^\/usr\/share\/mime\//), 'utf8'), afterInstall: fs.readFileSync(afterInstall, 'utf8') };
      return true;
    },
  });
  if (!layout) throw new Error('electron-builder never reached the deb packaging step.');
  return layout;
}

export { filesUnder };
