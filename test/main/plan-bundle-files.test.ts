import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PendingPlanBundles, isPlanBundlePath, planBundlePathsFromArgv } from '../../electron/main/plan-bundle-files';

const home = path.resolve('/home/ana');
const bundle = (name: string) => path.join(home, name);

describe('isPlanBundlePath', () => {
  it('accepts absolute .planbundle paths, whatever the case of the extension', () => {
    expect(isPlanBundlePath(bundle('north-fy2025.planbundle'))).toBe(true);
    expect(isPlanBundlePath(bundle('NORTH.PLANBUNDLE'))).toBe(true);
  });

  it('refuses other files, relative paths and a bare extension', () => {
    expect(isPlanBundlePath(bundle('north.planbundle.exe'))).toBe(false);
    expect(isPlanBundlePath(bundle('north.zip'))).toBe(false);
    expect(isPlanBundlePath('north.planbundle')).toBe(false);
    expect(isPlanBundlePath(bundle('.planbundle'))).toBe(false);
    expect(isPlanBundlePath(bundle('north\0.planbundle'))).toBe(false);
  });
});

describe('planBundlePathsFromArgv', () => {
  it('finds bundle paths among arguments, resolving relative ones from the working directory', () => {
    const argv = ['.', '--inspect=9229', 'Downloads/south.planbundle', bundle('north.planbundle'), '/usr/bin/planner', bundle('north.planbundle')];
    expect(planBundlePathsFromArgv(argv, home)).toEqual([bundle(path.join('Downloads', 'south.planbundle')), bundle('north.planbundle')]);
  });

  it('ignores Chromium switches a second instance passes on', () => {
    expect(planBundlePathsFromArgv(['--allow-file-access-from-files', '--original-process-start-time=1'], home)).toEqual([]);
  });
});

describe('PendingPlanBundles', () => {
  it('holds bundles opened before the window is ready, then delivers each once, in order', () => {
    const pending = new PendingPlanBundles();
    pending.offer(bundle('a.planbundle'));
    pending.offer(bundle('b.planbundle'));
    pending.offer(bundle('a.planbundle'));
    const deliver = vi.fn();
    pending.deliverTo(deliver);
    pending.offer(bundle('c.planbundle'));
    expect(deliver.mock.calls).toEqual([[bundle('a.planbundle')], [bundle('b.planbundle')], [bundle('c.planbundle')]]);
  });

  it('drops paths that are not plan bundles', () => {
    const pending = new PendingPlanBundles();
    const deliver = vi.fn();
    pending.deliverTo(deliver);
    pending.offer(bundle('notes.txt'));
    expect(deliver).not.toHaveBeenCalled();
  });

  it('holds bundles again while there is no window (macOS), and gives them to the next one', () => {
    const pending = new PendingPlanBundles();
    const first = vi.fn();
    pending.deliverTo(first);
    pending.pause();
    pending.offer(bundle('late.planbundle'));
    const second = vi.fn();
    pending.deliverTo(second);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(bundle('late.planbundle'));
  });
});
