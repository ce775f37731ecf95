/**
 * The database the desktop app uses, found without Electron: app.getPath('userData') is
 * appData/<productName>, and the app keeps planner.db there (electron/main/app-layout.ts).
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Community Safety Planner';
export const DATABASE_FILE_NAME = 'planner.db';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/** Electron's appData folder for the platform. */
export function appDataFolder({ platform, env, home }: PlatformInfo): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

export function defaultDatabaseFile(info: PlatformInfo = { platform: process.platform, env: process.env, home: os.homedir() }): string {
  const join = info.platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataFolder(info), PRODUCT_NAME, DATABASE_FILE_NAME);
}
