import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/longest-first-sequencer';

/**
 * Node projects (shared, db, core, main, cli, architecture) run under plain Node; the renderer's
 * component tests run in jsdom; end-to-end tests drive Debian's Chromium through the harness.
 */
export default defineConfig({
  test: {
    // The command line as it ships, built once per run for the tests that start it (test/cli, the e2e
    // demo database); then the demo territory most end-to-end files copy, seeded once before any file runs.
    globalSetup: ['test/support/cli-bundle-setup.ts', 'test/e2e/support/demo-cache-setup.ts'],
    // Vitest's default is one worker fewer than the machine's cores: one worker on the 2-core CI
    // machine. Every file, end-to-end ones included, runs in one pool of two workers, in the order
    // of test/support/longest-first-sequencer.ts: longest first, a browser file beside a node or
    // jsdom file most of the time.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,db,core,main,cli,sync,architecture}/**/*.test.ts', 'test/*.test.ts'],
          // A node or jsdom file may now run beside a browser file: a test that took 12.7 s alone
          // (changeset-validation's seeded demo territory) took 26.7 s beside one on a busy machine.
          // A timeout here only catches a hang; a test's speed is the benchmarks' business. The same
          // for hooks (Vitest's default: 10 s), which seed databases and start command lines.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/support/setup-dom.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // Each file starts its own harness (port 0), its own Chromium and its own databases in its
          // own temporary folders, so two files can run side by side (with each other or with a
          // node or jsdom file).
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
