import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, runBundledMain } from './support/run-bundled-main';
import { asar, debLayoutFromStandIn, filesUnder, packageWithStandInElectron, type StandInPackage } from './support/stand-in-package';

/**
 * What would ship, checked offline on every test run: the project is built and packaged by
 * electron-builder with its real configuration (a stand-in Electron, see support/stand-in-package.ts),
 * then the archive's whole listing is compared with what the app needs, and the packaged main.cjs
 * is started from that layout under Node to show it finds its renderer and migrations.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const NATIVE_MODULE = 'node_modules/better-sqlite3';
let scratch: string;
let packaged: StandInPackage;
let archive: string;
/** The archive unpacked into a folder of the same shape: Node, unlike Electron, cannot read app.asar. */
let appPath: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(projectRoot, 'test', 'output'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(projectRoot, 'test', 'output', 'packaged-app-'));
  packaged = await packageWithStandInElectron(scratch);
  archive = path.join(packaged.resourcesDir, 'app.asar');
  appPath = path.join(scratch, 'app.asar-extracted');
  asar.extractAll(archive, appPath);
}, 120_000);

const runPackagedMain = (env: Record<string, string>, args: string[] = [], input = '') =>
  runBundledMain(path.join(appPath, 'dist', 'electron', 'main.cjs'), { cwd: scratch, env: { FAKE_APP_PATH: appPath, ...env }, args, input });

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Every file the archive holds, relative and without the leading slash. */
function archiveFiles(): string[] {
  return asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.split(path.sep).join('/').replace(/^\//, ''))
    .filter((entry) => asar.statFile(archive, entry).files === undefined)
    .sort();
}

/** The run-time part of better-sqlite3 and its loader, `bindings`; nothing else from node_modules. */
function nativeModuleFiles(): string[] {
  const lib = filesUnder(path.join(projectRoot, NATIVE_MODULE, 'lib')).map((file) => `${NATIVE_MODULE}/lib/${file}`);
  return [
    `${NATIVE_MODULE}/LICENSE`,
    `${NATIVE_MODULE}/package.json`,
    `${NATIVE_MODULE}/build/Release/better_sqlite3.node`,
    ...lib,
    'node_modules/bindings/LICENSE.md',
    'node_modules/bindings/bindings.js',
    'node_modules/bindings/package.json',
    'node_modules/file-uri-to-path/LICENSE',
    'node_modules/file-uri-to-path/index.js',
    'node_modules/file-uri-to-path/package.json',
  ];
}

function expectedFiles(): string[] {
  const migrations = filesUnder(path.join(projectRoot, 'db', 'migrations')).map((file) => `dist/electron/migrations/${file}`);
  const renderer = packaged.rendererFiles.filter((file) => !file.endsWith('.map')).map((file) => `dist/renderer/${file}`);
  return ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/planner-cli.cjs', 'dist/electron/core-worker.cjs', ...migrations, ...renderer, ...nativeModuleFiles()].sort();
}

describe('the packaged app (electron-builder --dir, offline)', () => {
  it('holds exactly the bundles (main, preload, CLI), the migrations, the renderer and the native module: no other node_modules, maps or tests', () => {
    const files = archiveFiles();
    expect(files).toEqual(expectedFiles());
    expect(files.filter((file) => /\.map$|(^|\/)(test|tests|__tests__)\//.test(file))).toEqual([]);
    expect(files).toContain('dist/renderer/index.html');
    expect(files.some((file) => /^dist\/renderer\/assets\/.+\.js$/.test(file))).toBe(true);
    // A few megabytes: the main bundle, the renderer and one native module (it was 34.7 MB before).
    // The in-app PDF view of evidence files (pdf.js and its worker, 1.65 MB; issue 14 §3) took it
    // from about 7.4 to 9.0 MB; the file list above still pins exactly what is inside.
    expect(fs.statSync(archive).size).toBeLessThan(10 * 1024 * 1024);
  });

  it('unpacks the native module, and only it; the migrations stay inside the archive, under the integrity check', () => {
    const unpacked = archiveFiles().filter((file) => asar.statFile(archive, file).unpacked === true);
    expect(unpacked).toEqual(nativeModuleFiles().filter((file) => file.startsWith(`${NATIVE_MODULE}/`)).sort());
    expect(filesUnder(path.join(packaged.resourcesDir, 'app.asar.unpacked'))).toEqual(unpacked);
    expect(archiveFiles().filter((file) => file.startsWith('dist/electron/migrations/')).length).toBeGreaterThan(0);
    expect(asar.statFile(archive, 'dist/electron/migrations/meta/_journal.json').unpacked).not.toBe(true);
  });

  it('starts from the packaged layout: main finds its renderer, preload and migrations where the packaged app looks', () => {
    const userData = path.join(scratch, 'user-data');
    const { status, lines, stderr } = runPackagedMain({ FAKE_USER_DATA: userData });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [window] = linesOf(lines, 'window');
    expect(window!.options.webPreferences.preload).toBe(path.join(appPath, 'dist', 'electron', 'preload.cjs'));
    const [loaded] = linesOf(lines, 'loaded');
    expect(loaded).toMatchObject({ url: 'app://planner/index.html', status: 200 });
    expect(loaded!.body).toBe(fs.readFileSync(path.join(packaged.projectDir, 'dist', 'renderer', 'index.html'), 'utf8'));
    // The database was created and migrated from the migrations inside the package.
    const invoked = Object.fromEntries(linesOf(lines, 'invoke').map((l) => [l.name, l.result]));
    expect(invoked['installation:get']).toMatchObject({ ok: true });
    expect(invoked['write']).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(userData, 'planner.db'))).toBe(true);
  });

  it('is also the command line: `planner call --batch` runs the packaged CLI bundle and exits with its code, no window', () => {
    const db = path.join(scratch, 'cli.db');
    const init = runPackagedMain({}, ['--db', db, 'init', '--computer', 'Packaged test', '--user', 'Tester']);
    expect(init.stderr).toBe('');
    expect(linesOf(init.lines, 'exit')).toEqual([{ kind: 'exit', code: 0 }]);
    const batch = runPackagedMain({}, ['--db', db, 'call', '--batch'], '{"method": "themes:list"}\n{"method": "installation:get"}\n');
    expect(batch.stderr).toBe('');
    expect(batch.status).toBe(0);
    expect(batch.lines.map((line) => (line.kind === undefined ? line.ok : line))).toEqual([true, true, { kind: 'exit', code: 0 }]);
    expect(linesOf(batch.lines, 'window')).toEqual([]);
  });

  it('as a deb: installs under /opt with the `planner` command, the icons, the desktop entry and the .planbundle MIME type', async () => {
    const deb = await debLayoutFromStandIn(scratch, packaged);
    const installed = [...deb.files.values()];
    expect(installed).toContain('/opt/Community Safety Planner');
    expect(deb.afterInstall).toContain("'/usr/bin/planner'");
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(installed).toContain(`/usr/share/icons/hicolor/${size}x${size}/apps/planner.png`);
    expect(installed).toContain('/usr/share/applications/community-safety-planner.desktop');
    expect(deb.desktopEntry).toMatch(/^Exec="\/opt\/Community Safety Planner\/planner" %U$/m);
    expect(deb.desktopEntry).toMatch(/^Icon=planner$/m);
    expect(deb.desktopEntry).toMatch(/^MimeType=application\/x-planbundle;/m);
    expect(deb.desktopEntry).toMatch(/^StartupWMClass=community-safety-planner$/m);
    expect(deb.mimeInfo).toContain('<mime-type type="application/x-planbundle">');
    expect(deb.mimeInfo).toContain('<glob pattern="*.planbundle"/>');
  }, 60_000);
});
