import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * electron-builder's own configuration loader and schema check, from the copy electron-builder
 * itself uses (app-builder-lib), so the tests read electron-builder.yml exactly as a build would.
 */
const projectRoot = path.resolve(import.meta.dirname, '../../..');
const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const fromAppBuilderLib = createRequire(fromElectronBuilder.resolve('app-builder-lib'));
const { getConfig, validateConfiguration } = fromElectronBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromAppBuilderLib('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

/** A configuration file of the project (with what it `extends`), as electron-builder merges it. */
export function loadBuilderConfig(file = 'electron-builder.yml'): Promise<Record<string, any>> {
  return getConfig(projectRoot, path.join(projectRoot, file), null);
}

/** The same, after electron-builder's schema check (which throws on an unknown or misplaced option). */
export async function loadValidBuilderConfig(file = 'electron-builder.yml'): Promise<Record<string, any>> {
  const config = await loadBuilderConfig(file);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** A package electron-builder depends on (e.g. @electron/asar), without declaring it ourselves. */
export const requireFromAppBuilderLib = (name: string): unknown => fromAppBuilderLib(name);
