import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Node projects (shared, db, core, main, cli, architecture) run under plain Node; the renderer's
 * component tests run in jsdom; end-to-end tests drive Debian's Chromium through the harness.
 */
export default defineConfig({
  test: {
    // The command line as it ships, built once per run for the tests that start it (test/cli, the e2e demo database).
    globalSetup: ['test/support/cli-bundle-setup.ts'],
    // Vitest's default is one worker fewer than the machine's cores: one worker on the 2-core CI
    // machine. The node and dom files run two at a time; the end-to-end files keep their own single
    // worker (below), and Vitest runs them after the others, one at a time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,db,core,main,cli,sync,architecture}/**/*.test.ts', 'test/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/support/setup-dom.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // One browser and one harness at a time: the machine is small and shared.
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
