/**
 * vitest globalSetup (node and e2e projects): builds the command line once per run, the way it
 * ships (scripts/build-electron.mjs: one CommonJS file beside the migrations), into
 * dist/test-cli/. The CLI tests then start it with plain Node: a start takes a fraction of a
 * second instead of the second or more that loading every TypeScript source through tsx took, and
 * the tests exercise the very file `npm run cli` and the installed `planner` command run.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_CLI_DIR = path.join(ROOT, 'dist', 'test-cli');

export default function setup(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), `--out-dir=${TEST_CLI_DIR}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
