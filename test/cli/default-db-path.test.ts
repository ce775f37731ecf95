import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, defaultDatabaseFile } from '../../electron/cli/default-db-path';
import { DATABASE_FILE_NAME as APP_DATABASE_FILE_NAME } from '../../electron/main/app-layout';

describe("the desktop app's database, found without Electron", () => {
  it('is planner.db in userData, as the app has it', () => {
    expect(DATABASE_FILE_NAME).toBe(APP_DATABASE_FILE_NAME);
  });

  it('is under XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(defaultDatabaseFile({ platform: 'linux', env: {}, home: '/home/ann' })).toBe('/home/ann/.config/Community Safety Planner/planner.db');
    expect(defaultDatabaseFile({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ann' })).toBe('/cfg/Community Safety Planner/planner.db');
  });

  it('is under Application Support on macOS', () => {
    expect(defaultDatabaseFile({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/Community Safety Planner/planner.db',
    );
  });

  it('is under %APPDATA% on Windows', () => {
    expect(defaultDatabaseFile({ platform: 'win32', env: { APPDATA: 'C:\\Users\\Ann\\AppData\\Roaming' }, home: 'C:\\Users\\Ann' })).toBe(
      'C:\\Users\\Ann\\AppData\\Roaming\\Community Safety Planner\\planner.db',
    );
    expect(defaultDatabaseFile({ platform: 'win32', env: {}, home: 'C:\\Users\\Ann' })).toBe('C:\\Users\\Ann\\AppData\\Roaming\\Community Safety Planner\\planner.db');
  });
});
