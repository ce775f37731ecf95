/**
 * `npm run typecheck`: the three TypeScript projects (node, web, page tests; see
 * docs/architecture.md, "Type checking in two worlds") checked side by side, one tsc each, so the
 * check takes as long as the slowest project rather than the sum of the three. Each project's
 * errors are printed together; the exit code is non-zero when any project fails.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['tsconfig.json', 'tsconfig.web.json', 'tsconfig.page-tests.json'];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ project, code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ project, code: code ?? 1, output }));
  });
}

const results = await Promise.all(projects.map(check));
for (const { project, code, output } of results) {
  if (code !== 0) process.stdout.write(`${project}: type errors\n${output}\n`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.project);
if (failed.length > 0) {
  console.error(`Type check failed in ${failed.join(', ')}.`);
  process.exit(1);
}
