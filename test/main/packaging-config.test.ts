import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidBuilderConfig } from './support/builder-config';

/**
 * Reads electron-builder.yml with electron-builder's own loader and schema, from the copy that
 * electron-builder itself uses, so a typo or an unknown option fails here rather than at
 * packaging time on another machine.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const loadConfig = loadValidBuilderConfig;
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<'dependencies' | 'devDependencies' | 'scripts', Record<string, string>>;

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema', async () => {
    await expect(loadConfig()).resolves.toBeTruthy();
  });

  it('sets the security fuses: no run-as-node, no NODE_OPTIONS, no inspector, app only from a verified asar', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('unpacks the native SQLite module, packs the bundles, and leaves the rebuild to an explicit step', async () => {
    const config = await loadConfig();
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    // The schema check normalises `files` into [{ filter: [...] }]; packaged-app.test.ts checks the result.
    expect(JSON.stringify(config.files)).toContain('"dist/electron/main.cjs"');
    expect(config.npmRebuild).toBe(false);
  });

  it('declares better-sqlite3 as the only production dependency: everything else is bundled into dist/', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
  });

  it('associates .planbundle files with the planner', async () => {
    expect((await loadConfig()).fileAssociations).toEqual([
      expect.objectContaining({ ext: 'planbundle', name: 'Plan bundle', role: 'Editor', mimeType: 'application/x-planbundle' }),
    ]);
  });

  it('looks for no updates: no publish configuration, so no app-update.yml and no updater', async () => {
    expect((await loadConfig()).publish).toBeNull();
    expect(Object.keys(manifest.devDependencies)).not.toContain('electron-updater');
  });

  it('keeps certificates and passwords out of the configuration: signing reads the environment only', () => {
    for (const file of ['electron-builder.yml', 'electron-builder.per-machine.yml']) {
      const text = fs.readFileSync(path.join(projectRoot, file), 'utf8').replace(/^\s*#.*$/gm, '');
      expect(text).not.toMatch(/cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSha1|identity:|appleId|teamId|password/i);
    }
  });

  it('Windows: a per-user installer that also installs for all users on request, and per-machine installers for IT', async () => {
    const perUser = await loadConfig();
    expect(perUser.win.target).toEqual(['nsis', 'portable']);
    expect(perUser.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
    expect(perUser.win.extraFiles).toEqual([{ from: 'build/windows/planner.cmd', to: 'planner.cmd' }]);
    expect(fs.readFileSync(path.join(projectRoot, 'build/windows/planner.cmd'), 'utf8')).toContain('"%~dp0Community Safety Planner.exe" %*');

    const perMachine = await loadConfig('electron-builder.per-machine.yml');
    expect(perMachine.nsis).toMatchObject({ oneClick: false, perMachine: true, installerIcon: 'build/icon.ico', artifactName: '${productName}-${version}-machine-setup.${ext}' });
    expect(perMachine.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(perMachine.appId).toBe(perUser.appId);
    expect(manifest.scripts['dist:win-machine']).toContain('--win nsis msi --config electron-builder.per-machine.yml');
  });

  it('Linux: AppImage and deb, the `planner` executable, and the .planbundle MIME type in the desktop entry', async () => {
    const config = await loadConfig();
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], executableName: 'planner' });
    expect(config.fileAssociations[0].mimeType).toBe('application/x-planbundle');
  });

  it('macOS: a dmg with the hardened runtime and entitlements that exist', async () => {
    const config = await loadConfig();
    expect(config.mac).toMatchObject({ target: ['dmg'], hardenedRuntime: true });
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) expect(fs.existsSync(path.join(projectRoot, file))).toBe(true);
  });
});
