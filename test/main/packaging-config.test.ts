import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Reads electron-builder.yml with electron-builder's own loader and schema, from the copy that
 * electron-builder itself uses, so a typo or an unknown option fails here rather than at
 * packaging time on another machine.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromElectronBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = createRequire(fromElectronBuilder.resolve('app-builder-lib'))('builder-util/out/DebugLogger') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

async function loadConfig() {
  const config = await getConfig(projectRoot, path.join(projectRoot, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

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
    const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
  });

  it('associates .planbundle files with the planner', async () => {
    expect((await loadConfig()).fileAssociations).toEqual([
      expect.objectContaining({ ext: 'planbundle', name: 'Plan bundle', role: 'Editor', mimeType: 'application/x-planbundle' }),
    ]);
  });
});
