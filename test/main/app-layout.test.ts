import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLayout } from '../../electron/main/app-layout';

describe('appLayout', () => {
  it('keeps the database and its backups in the user data folder', () => {
    const layout = appLayout('/opt/planner/resources/app.asar', '/home/ana/.config/Community Safety Planner');
    expect(layout.dbFile).toBe(path.join('/home/ana/.config/Community Safety Planner', 'planner.db'));
    expect(layout.demoDbFile).toBe(path.join('/home/ana/.config/Community Safety Planner', 'demo.planner.db'));
    expect(layout.backupDir).toBe(path.join('/home/ana/.config/Community Safety Planner', 'backups'));
  });

  it('finds the bundles, migrations and renderer in the dist/ layout that build-electron writes', () => {
    const layout = appLayout('/opt/planner/resources/app.asar', '/tmp/user');
    expect(layout.preloadFile).toBe(path.join('/opt/planner/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
    expect(layout.migrationsFolder).toBe(path.join('/opt/planner/resources/app.asar', 'dist', 'electron', 'migrations'));
    expect(layout.rendererRoot).toBe(path.join('/opt/planner/resources/app.asar', 'dist', 'renderer'));
  });
});
