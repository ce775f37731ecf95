/**
 * "No slower than before" (issue 13 §2): full export and full import of the same demo history
 * timed with this code and with an older commit's, in one run, on the same machine, each side in
 * its own process (scripts/bench/exchange-one.mts), the two sides alternating round by round so a
 * burst of load on a shared machine falls on both. The older commit is checked out into a
 * temporary git worktree (sharing this checkout's node_modules) and removed afterwards; each side
 * seeds its own demo territory with its own code (same seed, scale and date).
 *
 *   npm run bench:before                       (scale 10, the commit before the change log was stored once)
 *   npx tsx scripts/bench-before.ts --rev <commit> --scale 1 --rounds 3 --passes 3
 *
 * Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last commit whose change log kept every op twice and every body as text (before migration 0006). */
const BEFORE_STORED_ONCE = '9b480b1';
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const rev = arg('--rev', BEFORE_STORED_ONCE);
const scale = arg('--scale', '10');
const rounds = arg('--rounds', '3');
const passes = Number(arg('--passes', '3'));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const one = path.join(root, 'scripts', 'bench', 'exchange-one.mts');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-before-'));
const tree = path.join(work, 'tree');

interface Side {
  changesets: number;
  bundleBytes: number;
  exports: number[];
  imports: number[];
}
const run = (cwd: string, cache: string): Side => {
  const out = execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), one, cache, scale, rounds], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Side;
};

execFileSync('git', ['worktree', 'add', '--detach', '--quiet', tree, rev], { cwd: root, stdio: 'inherit' });
try {
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'));
  process.stderr.write(`seeding scale ${scale} with ${rev} and with this code…\n`);
  const before = run(tree, path.join(work, 'before'));
  const now = run(root, path.join(work, 'now'));
  for (let pass = 1; pass < passes; pass++) {
    const b = run(tree, path.join(work, 'before'));
    const n = run(root, path.join(work, 'now'));
    before.exports.push(...b.exports);
    before.imports.push(...b.imports);
    now.exports.push(...n.exports);
    now.imports.push(...n.imports);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (label: string, b: number, n: number) => console.log(`${label.padEnd(34)} ${b.toFixed(2).padStart(9)} ${n.toFixed(2).padStart(9)} ${(n / b).toFixed(2).padStart(7)}`);
  console.log(`scale ${scale}: ${now.changesets} changesets (before: ${before.changesets}); ${before.exports.length} rounds each, alternating`);
  console.log(`${'figure (median, s)'.padEnd(34)} ${rev.padStart(9)} ${'now'.padStart(9)} ${'now÷before'.padStart(7)}`);
  row('full export', median(before.exports), median(now.exports));
  row('full import into a fresh computer', median(before.imports), median(now.imports));
  console.log(`bundle (MB): before ${(before.bundleBytes / 1e6).toFixed(2)}, now ${(now.bundleBytes / 1e6).toFixed(2)}; target: now÷before ≤ 1.00 for both.`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'inherit' });
  fs.rmSync(work, { recursive: true, force: true });
}
