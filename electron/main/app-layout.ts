/**
 * Where things are, for the running app. `appPath` is app.getAppPath(): the project folder in
 * development (`electron .`), the app.asar archive when packaged; both hold the same dist/ layout
 * that scripts/build-electron.mjs writes. `userDataPath` is app.getPath('userData').
 */
import path from 'node:path';

export interface AppLayout {
  /** The planner's database. */
  dbFile: string;
  /** The demo territory's own database, never the real one (made on first use). */
  demoDbFile: string;
  /** Automatic backups (made before each migration and import) and manual ones. */
  backupDir: string;
  /** Drizzle migrations, copied beside the main bundle (readable inside app.asar). */
  migrationsFolder: string;
  preloadFile: string;
  /** The built renderer, served as app://planner/. */
  rendererRoot: string;
}

export const DATABASE_FILE_NAME = 'planner.db';
export const DEMO_DATABASE_FILE_NAME = 'demo.planner.db';

export function appLayout(appPath: string, userDataPath: string): AppLayout {
  const bundleDir = path.join(appPath, 'dist', 'electron');
  return {
    dbFile: path.join(userDataPath, DATABASE_FILE_NAME),
    demoDbFile: path.join(userDataPath, DEMO_DATABASE_FILE_NAME),
    backupDir: path.join(userDataPath, 'backups'),
    migrationsFolder: path.join(bundleDir, 'migrations'),
    preloadFile: path.join(bundleDir, 'preload.cjs'),
    rendererRoot: path.join(appPath, 'dist', 'renderer'),
  };
}
