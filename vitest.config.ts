import { defineConfig } from 'vitest/config';

/**
 * Node projects (shared, db, core, main, cli, architecture) run under plain Node; the renderer's
 * component tests run in jsdom; end-to-end tests drive Debian's Chromium through the harness.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,db,core,main,cli,sync,architecture}/**/*.test.ts', 'test/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
