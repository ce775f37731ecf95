import { describe, expect, it } from 'vitest';
import { MINIMUM_WINDOW_SIZE, mainWindowOptions } from '../../electron/main/window-options';

const options = (devTools = false) => mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools });

describe('main window options', () => {
  it('isolates the page from Node and Electron: context isolation, sandbox, no node integration anywhere', () => {
    const prefs = options().webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews, insecure content and experimental features', () => {
    const prefs = options().webPreferences!;
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the given preload and nothing else of ours into the page', () => {
    expect(options().webPreferences!.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('stays hidden until the first frame is ready, over a background colour instead of a white flash', () => {
    const o = options();
    expect(o.show).toBe(false);
    expect(o.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('fits a 1366×768 laptop screen, taskbar included, at both its default and minimum size', () => {
    const o = options();
    expect(o.width!).toBeLessThanOrEqual(1366);
    expect(o.height!).toBeLessThanOrEqual(728);
    expect(o.minWidth).toBe(MINIMUM_WINDOW_SIZE.width);
    expect(o.minHeight).toBe(MINIMUM_WINDOW_SIZE.height);
    expect(o.minWidth!).toBeLessThanOrEqual(o.width!);
    expect(o.minHeight!).toBeLessThanOrEqual(o.height!);
  });

  it('offers developer tools only when asked (development), not in a packaged app', () => {
    expect(options(true).webPreferences!.devTools).toBe(true);
    expect(options(false).webPreferences!.devTools).toBe(false);
  });
});
