/**
 * The CLI's printed documents are accessible PDFs, checked with an independent reader (poppler's
 * pdfinfo, Debian's poppler-utils): for each document kind, in English and in French, the PDF is
 * tagged, its Title is the document's own title in the print language (never just "Community
 * Safety Planner"), its catalogue names the language, its paper is the one asked for, and its
 * structure tree holds the headings and the tables (with header cells and their scope) a screen
 * reader follows. The real command line in a child process, Debian's Chromium (never downloaded).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../../electron/cli/report-pdf';
import { openTestCore } from '../support';
import { addCommunity, agreedPlan } from '../support/reference-data';
import { buildRenderer, rendererBuildIsFresh } from '../../electron/harness/preview-build';
import { makeTempDir, runCliAsync, type CliRun } from './run-cli';

const PDFINFO = '/usr/bin/pdfinfo';
const available = fs.existsSync(CHROMIUM_PATH) && fs.existsSync(PDFINFO);

function pdfinfo(file: string, ...flags: string[]): string {
  return execFileSync(PDFINFO, [...flags, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** One line of pdfinfo's answer, e.g. field(info, 'Title'). */
function field(info: string, name: string): string | undefined {
  return info.split('\n').find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim();
}

const cases = [
  { kind: 'quarterly', lang: 'en', paper: 'letter', title: "Łutselk'e — quarterly report, Q1 FY 2025–26", size: /^612 x 792 pts \(letter\)$/ },
  { kind: 'quarterly', lang: 'fr', paper: 'a4', title: "Łutselk'e — rapport trimestriel, T1 EF 2025-2026", size: /^594\.96 x 841\.92 pts \(A4\)$/ },
  { kind: 'annual', lang: 'en', paper: 'a4', title: "Łutselk'e — community policing action plan, FY 2025–26", size: /^594\.96 x 841\.92 pts \(A4\)$/ },
  { kind: 'annual', lang: 'fr', paper: 'letter', title: "Łutselk'e — plan d’action communautaire en matière de police, EF 2025-2026", size: /^612 x 792 pts \(letter\)$/ },
] as const;

describe.skipIf(!available)('report quarterly|annual --out FILE.pdf: tagged, titled PDFs (read back with pdfinfo)', () => {
  let dir: string;
  let db: string;
  const runs = new Map<string, { run: CliRun; file: string }>();

  beforeAll(async () => {
    dir = makeTempDir();
    const t = openTestCore({ dir, fileName: 'planner.db', profile: { name: 'Coordinator', userName: 'Ann Coordinator', role: 'coordinator' } });
    const community = addCommunity(t, "Łutselk'e", { detachment: "Łutselk'e" });
    agreedPlan(t, community, 2025, ['Check stops on the winter road', 'Youth night at the hall']);
    t.core.close();
    db = t.dbFile;
    const args = (c: (typeof cases)[number], file: string) => ['--db', db, 'report', c.kind, '--community', 'Lutselke', '--fy', '2025', ...(c.kind === 'quarterly' ? ['--quarter', '1'] : []), '--lang', c.lang, '--paper', c.paper, '--out', file];
    // The renderer is built first when its build is stale, so the four runs can go side by side.
    if (!rendererBuildIsFresh()) await buildRenderer(() => {});
    await Promise.all(
      cases.map(async (c) => {
        const file = path.join(dir, `${c.kind}-${c.lang}.pdf`);
        runs.set(`${c.kind}-${c.lang}`, { run: await runCliAsync(args(c, file)), file });
      }),
    );
  }, 300_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`${c.kind}, ${c.lang === 'en' ? 'English' : 'French'}, ${c.paper}: Tagged: yes, its own title and language, headings and tables`, () => {
      const { run, file } = runs.get(`${c.kind}-${c.lang}`)!;
      // (stderr may hold the renderer build's warnings when the build was stale.)
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Wrote .*\.pdf \([\d,]+ bytes\)\.\n$/);
      const info = pdfinfo(file);
      expect(field(info, 'Tagged')).toBe('yes');
      expect(field(info, 'Title')).toBe(c.title);
      // Every page on the paper asked for, the first one included.
      const pages = Number(field(info, 'Pages'));
      const sizes = pdfinfo(file, '-f', '1', '-l', String(pages))
        .split('\n')
        .filter((line) => /^Page +\d+ size:/.test(line))
        .map((line) => line.replace(/^Page +\d+ size:\s*/, ''));
      expect(sizes.length).toBe(pages);
      for (const size of sizes) expect(size).toMatch(c.size);
      // pdfinfo does not print the catalogue's /Lang; Chromium writes it as a plain string.
      expect(fs.readFileSync(file).toString('latin1')).toContain(`/Lang (${c.lang}-CA)`);
      // The structure tree a screen reader follows: a first-level heading, second-level ones, tables with header cells that say what they head.
      const tree = pdfinfo(file, '-struct');
      const roles = new Set(tree.split('\n').map((line) => line.trim().split(/[\s:]/)[0]));
      for (const role of ['Document', 'H1', 'H2', 'Table', 'TR', 'TH', 'TD']) expect(roles.has(role), role).toBe(true);
      expect(tree).toMatch(/\/Scope \/Column/);
      expect(tree).toMatch(/\/Scope \/Row/);
    });
  }
});
