/**
 * vitest's file order for the whole suite: longest first, the end-to-end files spread among the
 * others. All files share one pool of two workers (vitest.config.ts); on a clean clone vitest has no
 * durations of its own (no results cache) and would order the files by project name, then by size,
 * which says little about how long a file takes (every-screen is small and took 205 s) and left
 * long files for the end.
 *
 * Two queues, each longest first: the end-to-end files (a browser and a harness each) and the
 * others. The next file comes from whichever queue has had less expected time handed out so far, so
 * that most of the time one worker drives a browser while the other runs node or jsdom files: both
 * kinds take about half the suite's time.
 *
 * EXPECTED holds each file's seconds from a CI run on the 2-core machine (files under 4 s are left
 * out: they get a default). Only the order depends on these numbers, never a result: a stale or
 * missing entry makes the run a little longer, nothing else. Refresh them from a run's output when a
 * file's duration changes a lot, or when a new long file is added.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds, from the CI run of 2026-12-03 (every-screen and territory-scenario then one file each, halved here). */
const EXPECTED: Record<string, number> = {
  'test/e2e/every-screen-en.e2e.test.ts': 103,
  'test/e2e/every-screen-fr.e2e.test.ts': 103,
  'test/e2e/territory-scenario-en.e2e.test.ts': 39,
  'test/e2e/territory-scenario-fr.e2e.test.ts': 39,
  'test/cli/territory-scenario.test.ts': 88,
  'test/cli/sync-commands.test.ts': 56,
  'test/e2e/rollup-views.e2e.test.ts': 43,
  'test/e2e/reports.e2e.test.ts': 43,
  'test/e2e/first-start.e2e.test.ts': 40,
  'test/cli/cli.test.ts': 40,
  'test/e2e/sync-exchange.e2e.test.ts': 37,
  'test/cli/cli-bundle.test.ts': 33,
  'test/core/demo-data.test.ts': 30,
  'test/e2e/progress-form.e2e.test.ts': 29,
  'test/e2e/plan-cycle.e2e.test.ts': 29,
  'test/core/worker-relay.test.ts': 25,
  'test/e2e/territory-admin.e2e.test.ts': 24,
  'test/cli/tagged-pdf.test.ts': 24,
  'test/sync/kill-during-import.test.ts': 23,
  'test/sync/convergence.test.ts': 23,
  'test/e2e/three-users.e2e.test.ts': 23,
  'test/e2e/engagement-log.e2e.test.ts': 23,
  'test/e2e/printed-pages.e2e.test.ts': 21,
  'test/sync/hostile-files.test.ts': 19,
  'test/e2e/print-options.e2e.test.ts': 18,
  'test/e2e/quarter-review.e2e.test.ts': 17,
  'test/e2e/evidence-files.e2e.test.ts': 16,
  'test/e2e/no-silent-loss.e2e.test.ts': 15,
  'test/sync/changeset-validation.test.ts': 13,
  'test/e2e/exchange-export.e2e.test.ts': 13,
  'test/e2e/backups.e2e.test.ts': 13,
  'test/e2e/action-comments.e2e.test.ts': 13,
  'test/sync/need-to-know.property.test.ts': 12,
  'test/sync/bundle-format.test.ts': 11,
  'test/main/packaged-app.test.ts': 11,
  'test/main/main-process.test.ts': 11,
  'test/cli/enrolment.test.ts': 11,
  'test/sync/hostile-values.test.ts': 9,
  'test/cli/write-failures.test.ts': 9,
  'test/sync/review-bypasses.test.ts': 8,
  'test/sync/hostile-import.test.ts': 8,
  'test/e2e/promising-practices.e2e.test.ts': 8,
  'test/e2e/plan-editing.e2e.test.ts': 8,
  'test/sync/review-bypasses-identity.test.ts': 7,
  'test/sync/two-sites.test.ts': 6,
  'test/sync/scope-on-result.test.ts': 6,
  'test/sync/import-fast-paths.test.ts': 6,
  'test/sync/enrolment.test.ts': 6,
  'test/sync/partitions.test.ts': 5,
  'test/sync/import-roles.test.ts': 5,
  'test/sync/conflict-records.test.ts': 5,
  'test/renderer/territory-admin.test.tsx': 5,
  'test/sync/version-compat.test.ts': 4,
  'test/sync/signed-heads.test.ts': 4,
  'test/sync/convergence-cases.test.ts': 4,
  'test/renderer/sync-screens.test.tsx': 4,
  'test/renderer/export-wizard.test.tsx': 4,
  'test/cli/hostile-text.test.ts': 4,
  'test/cli/community-search-cli.test.ts': 4,
};

/** A file not in the table: an end-to-end file starts a browser and a harness and takes longer. */
const DEFAULT_E2E = 15;
const DEFAULT_OTHER = 2;

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const e2e = (spec: TestSpecification) => spec.project.name === 'e2e';
    const expected = (spec: TestSpecification) => EXPECTED[path.relative(root, spec.moduleId).split(path.sep).join('/')] ?? (e2e(spec) ? DEFAULT_E2E : DEFAULT_OTHER);
    const longestFirst = (specs: TestSpecification[]) => specs.sort((a, b) => expected(b) - expected(a) || a.moduleId.localeCompare(b.moduleId));
    const browsers = longestFirst(files.filter(e2e));
    const others = longestFirst(files.filter((spec) => !e2e(spec)));
    const order: TestSpecification[] = [];
    let browserTime = 0;
    let otherTime = 0;
    while (browsers.length || others.length) {
      const fromBrowsers = browsers.length > 0 && (others.length === 0 || browserTime <= otherTime);
      const next = (fromBrowsers ? browsers : others).shift()!;
      if (fromBrowsers) browserTime += expected(next);
      else otherTime += expected(next);
      order.push(next);
    }
    return order;
  }
}
