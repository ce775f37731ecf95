import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The renderer is built once into dist/renderer and served from there by both adapters: Electron
 * (app://planner/) and the browser harness (http://127.0.0.1:PORT/). Relative asset URLs (base
 * './') work under either origin. No inline scripts or styles are emitted, so the strict CSP holds.
 */
export default defineConfig({
  root: path.join(projectRoot, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(projectRoot, 'dist', 'renderer'),
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; Debian's chromium is as recent.
    target: 'chrome120',
    // Vite would inline a small module-preload polyfill as a script; Chromium needs none.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
  logLevel: 'warn',
});
