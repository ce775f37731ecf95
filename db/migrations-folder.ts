import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the committed migrations are. Beside this file in development and tests; bundles
 * (Electron main) copy them next to the bundle, and CSP_MIGRATIONS_DIR overrides both.
 */
export function resolveMigrationsFolder(): string {
  const fromEnv = process.env.CSP_MIGRATIONS_DIR;
  if (fromEnv) return fromEnv;
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}
