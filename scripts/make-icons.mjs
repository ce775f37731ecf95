#!/usr/bin/env node
/**
 * Renders build/icon-source.svg into every icon file electron-builder looks for, offline:
 *   build/icon.png              1024 px, the app icon (electron-builder's fallback, README, docs)
 *   build/icons/NxN.png         the Linux set (hicolor sizes 16 to 512), linux.icon
 *   build/icon.ico              Windows: the executable, shortcuts, the installer and uninstaller
 *   build/icon.icns             macOS: the app bundle and the dmg volume
 *   build/planbundle.ico/.icns  the .planbundle document icon (electron-builder's default names)
 *
 * Debian's Chromium (through playwright-core, no browser download) rasterises each size straight
 * from the vector drawing, so small sizes are drawn small, not scaled down from a big bitmap. The
 * containers are written here: PNG (zlib), ICO (32-bit BMP entries below 256 px, which every
 * Windows tool and NSIS read, and PNG at 256 px) and ICNS (PNG entries). The outputs are
 * committed; run this again after changing the drawing: node scripts/make-icons.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(projectRoot, 'build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types and their pixel sizes (the @2x types hold the doubled size). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG of `size` × `size` straight (not premultiplied) pixels. */
export function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP as an ICO entry holds it: info header, bottom-up BGRA rows, an empty AND mask. */
function icoBitmap(rgba, size) {
  const info = Buffer.alloc(40);
  const maskRow = Math.ceil(size / 32) * 4;
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8);
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels.set([rgba[from + 2], rgba[from + 1], rgba[from], rgba[from + 3]], to);
    }
  }
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
}

export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const payloads = images.map(({ size, rgba }) => (size >= 256 ? encodePng(rgba, size) : icoBitmap(rgba, size)));
  let offset = header.length;
  images.forEach(({ size }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(payloads[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += payloads[i].length;
  });
  return Buffer.concat([header, ...payloads]);
}

export function encodeIcns(pngBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + pngBySize.get(size).length, 4);
    return Buffer.concat([head, pngBySize.get(size)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/**
 * The drawing as seen through one of its <view> elements: the root's box becomes the view's.
 * (Chromium does not apply a view fragment to an image loaded from a data: URL.)
 */
export function svgForView(svgText, view) {
  const box = new RegExp(`<view id="${view}" viewBox="([^"]+)"`).exec(svgText)?.[1];
  if (!box) throw new Error(`build/icon-source.svg has no <view id="${view}" viewBox="…">.`);
  return svgText.replace(/<svg([^>]*?) width="\d+" height="\d+" viewBox="[^"]+"/, `<svg$1 width="1024" height="1024" viewBox="${box}"`);
}

/** Rasterises one view of the drawing at each size; returns straight RGBA pixels per size. */
async function renderViews(svgText, views, sizes) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const result = new Map();
    for (const view of views) {
      const bySize = new Map();
      for (const size of sizes) {
        const base64 = await page.evaluate(
          async ({ svg, size }) => {
            const image = new Image(size, size);
            image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
            await image.decode();
            const canvas = new OffscreenCanvas(size, size);
            const context = canvas.getContext('2d', { colorSpace: 'srgb' });
            context.drawImage(image, 0, 0, size, size);
            const bytes = context.getImageData(0, 0, size, size).data;
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return btoa(binary);
          },
          { svg: svgForView(svgText, view), size },
        );
        bySize.set(size, Buffer.from(base64, 'base64'));
      }
      result.set(view, bySize);
    }
    return result;
  } finally {
    await browser.close();
  }
}

export async function makeIcons() {
  const svg = fs.readFileSync(path.join(buildDir, 'icon-source.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort((a, b) => a - b);
  const rendered = await renderViews(svg, ['app', 'planbundle'], sizes);
  const written = [];
  const write = (name, data) => {
    fs.mkdirSync(path.dirname(path.join(buildDir, name)), { recursive: true });
    fs.writeFileSync(path.join(buildDir, name), data);
    written.push(name);
  };
  for (const [view, bySize] of rendered) {
    const png = new Map([...bySize].map(([size, rgba]) => [size, encodePng(rgba, size)]));
    const stem = view === 'app' ? 'icon' : view;
    write(`${stem}.ico`, encodeIco(ICO_SIZES.map((size) => ({ size, rgba: bySize.get(size) }))));
    write(`${stem}.icns`, encodeIcns(png));
    if (view === 'app') {
      write('icon.png', png.get(1024));
      for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, png.get(size));
    }
  }
  return written;
}

const isEntryPoint = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const written = await makeIcons();
  console.log(`Wrote ${written.length} icon files into build/: ${written.join(', ')}.`);
}
