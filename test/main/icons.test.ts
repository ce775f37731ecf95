import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig } from './support/builder-config';

/**
 * Every icon file electron-builder will look for, read from electron-builder.yml (and its
 * defaults: `<ext>.ico` and `<ext>.icns` in build/ for a file association), exists and holds
 * the sizes each platform needs. The files are rendered from build/icon-source.svg by
 * scripts/make-icons.mjs and committed.
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
const buildDir = path.join(projectRoot, 'build');
const loadConfig = () => loadBuilderConfig();
const resolve = (file: string) => path.join(projectRoot, file);

function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The square sizes in an ICO, each checked against its own image (PNG, or BMP of double height). */
function icoSizes(data: Buffer): number[] {
  expect(data.readUInt16LE(2)).toBe(1);
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = data.readUInt8(entry) || 256;
    expect(data.readUInt8(entry + 1) || 256).toBe(size);
    const image = data.subarray(data.readUInt32LE(entry + 12), data.readUInt32LE(entry + 12) + data.readUInt32LE(entry + 8));
    if (image.readUInt32BE(0) === 0x89504e47) expect(pngSize(image)).toEqual({ width: size, height: size });
    else expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
    return size;
  });
}

/** ICNS entry type → pixel size of its PNG. */
function icnsSizes(data: Buffer): Record<string, number> {
  expect(data.subarray(0, 4).toString('ascii')).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const sizes: Record<string, number> = {};
  for (let offset = 8; offset < data.length; offset += data.readUInt32BE(offset + 4)) {
    const { width, height } = pngSize(data.subarray(offset + 8, offset + data.readUInt32BE(offset + 4)));
    expect(height).toBe(width);
    sizes[data.subarray(offset, offset + 4).toString('ascii')] = width;
  }
  return sizes;
}

const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];
const MACOS_SIZES = { icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 };

describe('icons', () => {
  it('gives Windows (app, installer, uninstaller) one .ico with every size from 16 to 256 px', async () => {
    const config = await loadConfig();
    const files = new Set([config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.nsis.installerHeaderIcon]);
    expect([...files]).toEqual(['build/icon.ico']);
    expect(icoSizes(fs.readFileSync(resolve('build/icon.ico')))).toEqual(WINDOWS_SIZES);
  });

  it('gives macOS (app and dmg) an .icns with every size from 16 to 1024 px', async () => {
    const config = await loadConfig();
    expect(new Set([config.mac.icon, config.dmg.icon])).toEqual(new Set(['build/icon.icns']));
    expect(icnsSizes(fs.readFileSync(resolve('build/icon.icns')))).toEqual(MACOS_SIZES);
  });

  it('gives Linux a PNG per size, each as large as its name says', async () => {
    const config = await loadConfig();
    expect(config.linux.icon).toBe('build/icons');
    const names = fs.readdirSync(resolve(config.linux.icon)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    expect(names).toEqual(['16x16.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png']);
    for (const name of names) {
      const size = parseInt(name, 10);
      expect(pngSize(fs.readFileSync(path.join(resolve(config.linux.icon), name)))).toEqual({ width: size, height: size });
    }
    expect(pngSize(fs.readFileSync(path.join(buildDir, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('gives each file association the document icon electron-builder looks for: <ext>.ico and <ext>.icns', async () => {
    const config = await loadConfig();
    for (const association of config.fileAssociations as Array<{ ext: string; icon?: string }>) {
      expect(association.icon).toBeUndefined();
      expect(icoSizes(fs.readFileSync(path.join(buildDir, `${association.ext}.ico`)))).toEqual(WINDOWS_SIZES);
      expect(icnsSizes(fs.readFileSync(path.join(buildDir, `${association.ext}.icns`)))).toEqual(MACOS_SIZES);
    }
  });
});
