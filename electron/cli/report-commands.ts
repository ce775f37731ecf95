/**
 * The reports' commands:
 *   report quarterly --community ID --fy 2025 --quarter 2 --out FILE.pdf [--lang fr] [--public] [--paper a4]
 *   report annual --community ID --fy 2025 --out FILE.pdf [--lang fr] [--public] [--paper a4]
 *   export-csv --out DIR [--fy N] [--public] [--lang fr]
 *   export-xlsx --out FILE [--fy N] [--public] [--lang fr]
 * They parse their own options (the rest of the command line is parsed in args.ts) and are
 * dispatched from run-cli.ts before the general parser.
 */
import path from 'node:path';
import { makePrivateFolder, replaceWithPrivateFile } from '../../db/private-files';
import { fiscalYearOf } from '../../shared/fiscal-calendar';
import { reportHref } from '../../shared/report-routes';
import { type CliIo, CliFailure } from './cli-io';
import { openCore } from './open-core';
import { scanArgs, UsageError } from './args';
import { csvFiles, xlsxFile } from '../core/reports/exports';
import { printRouteToPdf } from './report-pdf';
import { findCommunity, type NamedCommunity } from './community-match';
import { refusalText } from './terminal-text';
import { outputFolder, reserveOutput, writeOutput } from './write-output';

export const REPORT_COMMANDS = ['report', 'export-csv', 'export-xlsx'] as const;
export type ReportCommand = (typeof REPORT_COMMANDS)[number];

export interface ReportArgs {
  command: ReportCommand;
  db?: string;
  kind?: 'quarterly' | 'annual';
  community?: string;
  fy?: number;
  quarter?: 1 | 2 | 3 | 4;
  out?: string;
  lang?: 'en' | 'fr';
  public: boolean;
  paper: 'letter' | 'a4';
  json: boolean;
}

const VALUE_OPTIONS = ['--db', '--community', '--fy', '--quarter', '--out', '--lang', '--paper'];
const FLAGS = ['--public', '--json'];

/** The report command this command line names, parsed; null when it names another command. */
export function parseReportArgs(argv: readonly string[]): ReportArgs | null {
  let command: ReportCommand | null = null;
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (const scanned of scanArgs(argv, VALUE_OPTIONS, FLAGS)) {
    if (scanned.kind === 'value') {
      if (scanned.value === undefined) {
        if (command) throw new UsageError(`${scanned.name} needs a value.`);
        return null;
      }
      values[scanned.name] = scanned.value;
    } else if (scanned.kind === 'flag') flags.add(scanned.name);
    else if (scanned.kind === 'otherOption') {
      if (command) throw new UsageError(`"${scanned.arg}" is not an option of ${command}.`);
      return null;
    } else if (command === null) {
      if (!(REPORT_COMMANDS as readonly string[]).includes(scanned.arg)) return null;
      command = scanned.arg as ReportCommand;
    } else positionals.push(scanned.arg);
  }
  if (!command) return null;
  const args: ReportArgs = { command, db: values['--db'], out: values['--out'], community: values['--community'], public: flags.has('--public'), json: flags.has('--json'), paper: 'letter' };
  const allowed: Record<ReportCommand, string[]> = {
    report: ['--db', '--community', '--fy', '--quarter', '--out', '--lang', '--paper', '--public', '--json'],
    'export-csv': ['--db', '--fy', '--out', '--lang', '--public', '--json'],
    'export-xlsx': ['--db', '--fy', '--out', '--lang', '--public', '--json'],
  };
  for (const option of [...Object.keys(values), ...flags]) if (!allowed[command].includes(option)) throw new UsageError(`${option} does not go with ${command}.`);
  if (values['--fy'] !== undefined) {
    const fy = Number(values['--fy']);
    if (!Number.isInteger(fy) || fy < 2000 || fy > 2100) throw new UsageError('--fy must be a fiscal year such as 2025 (for FY 2025–26).');
    args.fy = fy;
  }
  if (values['--quarter'] !== undefined) {
    const q = Number(values['--quarter']);
    if (![1, 2, 3, 4].includes(q)) throw new UsageError(`Quarter ${values['--quarter']} does not exist: quarters are 1 to 4.`);
    args.quarter = q as 1 | 2 | 3 | 4;
  }
  if (values['--lang'] !== undefined) {
    if (values['--lang'] !== 'en' && values['--lang'] !== 'fr') throw new UsageError('--lang must be en or fr.');
    args.lang = values['--lang'];
  }
  if (values['--paper'] !== undefined) {
    if (values['--paper'] !== 'letter' && values['--paper'] !== 'a4') throw new UsageError('--paper must be letter or a4.');
    args.paper = values['--paper'];
  }
  if (!args.out) throw new UsageError(`${command} needs --out ${command === 'export-csv' ? 'DIR' : 'FILE'}.`);
  if (command === 'report') {
    const [kind, ...rest] = positionals;
    if (kind !== 'quarterly' && kind !== 'annual') throw new UsageError('Say which report: "report quarterly" or "report annual".');
    if (rest.length) throw new UsageError(`Unexpected "${rest[0]}".`);
    args.kind = kind;
    if (!args.community) throw new UsageError(`report ${kind} needs --community (an id or a name).`);
    if (args.fy === undefined) throw new UsageError(`report ${kind} needs --fy (for example --fy 2025).`);
    if (kind === 'quarterly' && !args.quarter) throw new UsageError('report quarterly needs --quarter (1 to 4).');
    if (kind === 'annual' && args.quarter) throw new UsageError('--quarter does not go with report annual.');
  } else if (positionals.length) throw new UsageError(`Unexpected "${positionals[0]}".`);
  return args;
}

export async function reportCommand(io: CliIo, dbFile: string, args: ReportArgs): Promise<number> {
  // The destination is checked (and reserved) before any work: printing a PDF takes a while.
  const output = args.command === 'export-csv' ? null : reserveOutput(args.out!);
  let hash: string;
  try {
    const core = openCore(io, dbFile, { mustExist: true });
    try {
      if (args.command !== 'report') {
        const fiscalYear = args.fy ?? fiscalYearOf(io.today());
        const request = { fiscalYear, public: args.public, locale: args.lang };
        if (args.command === 'export-csv') {
          const dir = outputFolder(args.out!);
          const files = csvFiles(core.context, request);
          for (const f of files) writeOutput(path.join(dir, f.fileName), f.text);
          io.stdout(args.json ? `${JSON.stringify({ dir, files: files.map((f) => ({ file: f.fileName, rows: f.table.rows.length })) })}\n` : `Wrote ${files.length} CSV files (${fiscalYear}${args.public ? ', public' : ''}) into ${dir}:\n${files.map((f) => `  ${f.fileName}  ${f.table.rows.length} rows`).join('\n')}\n`);
          return 0;
        }
        const file = path.resolve(args.out!);
        const { bytes, tables } = await xlsxFile(core.context, request);
        output!.write(bytes);
        io.stdout(args.json ? `${JSON.stringify({ file, bytes: bytes.length, sheets: tables.map((t) => t.title) })}\n` : `Wrote ${file} (${tables.length} sheets, ${bytes.length.toLocaleString('en')} bytes).\n`);
        return 0;
      }
      const communityId = findCommunity(communitiesOf(core.invoke('communities:list', { fiscalYear: args.fy! })), args.community!).id;
      const plan = core.invoke('plans:list', { communityId, fiscalYear: args.fy! });
      if (!plan.ok) throw new CliFailure(refusalText(plan.error), 2);
      if (plan.value.length === 0) throw new CliFailure(`That community has no plan for ${args.fy}–${String((args.fy! + 1) % 100).padStart(2, '0')}.`, 2);
      // The same print route the app's screens link to (shared/report-routes.ts).
      const options = { lang: args.lang ?? null, public: args.public, paper: args.paper } as const;
      const planId = plan.value[0]!.id;
      hash = reportHref(args.kind === 'quarterly' ? { name: 'printQuarterly', planId, quarter: args.quarter!, options } : { name: 'printAnnual', planId, options });
    } finally {
      core.close();
    }
    const bytes = await printRouteToPdf(dbFile, hash, output!);
    const file = path.resolve(args.out!);
    io.stdout(args.json ? `${JSON.stringify({ file, bytes })}\n` : `Wrote ${file} (${bytes.toLocaleString('en')} bytes).\n`);
    return 0;
  } finally {
    output?.abandon();
  }
}

function communitiesOf(list: ReturnType<ReturnType<typeof openCore>['invoke']>): NamedCommunity[] {
  if (!list.ok) throw new CliFailure(refusalText(list.error), 2);
  return list.value as NamedCommunity[];
}
