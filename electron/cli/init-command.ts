/**
 * `init [--demo]`: creates or migrates the database; with --demo, seeds the demo territory into
 * an empty one. Reports what it did in one or two sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fiscalYearLabel } from '../../shared/fiscal-calendar';
import { demoCoreOptions, DemoSeedRefused, seedDemoTerritory } from '../demo/demo-data';
import { type CliIo, CliFailure } from './cli-io';
import { openCore } from './open-core';

export interface InitOptions {
  demo: boolean;
  seed?: number;
  scale?: number;
  now?: string;
}

export function initCommand(io: CliIo, dbFile: string, options: InitOptions): number {
  const file = path.resolve(dbFile);
  const existed = fs.existsSync(file);
  if (!options.demo) {
    const core = openCore(io, file, { mustExist: false });
    try {
      const { n } = core.context.sqlite.prepare('SELECT count(*) AS n FROM communities WHERE deleted_at IS NULL').get() as { n: number };
      const setUp = core.invoke('installation:setupState', {});
      const notSetUp = setUp.ok && setUp.value.state === 'new';
      io.stdout(`${existed ? 'The database is up to date' : 'Created the database'}: ${file} (${n} ${n === 1 ? 'community' : 'communities'}).\n`);
      if (notSetUp) {
        io.stdout(
          'It is not set up yet. Start a territory: init --start-territory NAME --computer NAME --user NAME; join one: init --join --computer NAME --user NAME --request-out FILE; ' +
            'or make an unenrolled scratch database: init --computer NAME --user NAME. The demo goes in a database of its own: init --demo --db FILE.\n',
        );
      }
      return 0;
    } finally {
      core.close();
    }
  }

  const demo = { seed: options.seed ?? 1, scale: options.scale ?? 1, now: options.now ?? io.today() };
  try {
    demoCoreOptions(demo);
  } catch (error) {
    if (error instanceof RangeError) throw new CliFailure(error.message, 2);
    throw error;
  }
  const started = performance.now();
  // The installation is created as usual first (its own id and signing key), then seeded.
  const plain = openCore(io, file, { mustExist: false, core: { initialProfile: demoCoreOptions(demo).initialProfile } });
  let installationId: string;
  try {
    const communities = plain.context.sqlite.prepare('SELECT count(*) FROM communities').pluck().get() as number;
    if (communities > 0) {
      throw new CliFailure(`This database already has ${communities} ${communities === 1 ? 'community' : 'communities'}; demo data is only added to an empty database. Give a new file with --db.`, 2);
    }
    installationId = plain.context.sqlite.prepare('SELECT installation_id FROM installation WHERE key = 1').pluck().get() as string;
  } finally {
    plain.close();
  }
  const core = openCore(io, file, { mustExist: false, core: demoCoreOptions({ ...demo, salt: installationId }) });
  try {
    const summary = seedDemoTerritory(core, demo);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const c = summary.counts;
    const years = `${fiscalYearLabel(summary.fiscalYears[0]!)} to ${fiscalYearLabel(summary.fiscalYears[summary.fiscalYears.length - 1]!)}`;
    io.stdout(
      `Seeded a demo territory into ${file} in ${seconds} s: ${c.communities} communities and ${c.detachments} detachments, ` +
        `${c.plans} plans from ${years}, ${c.progress_entries} progress entries, ${c.report_submissions} quarterly reports and ${c.report_comments} comments ` +
        `(seed ${summary.seed}, scale ${summary.scale}, as of ${summary.now.slice(0, 10)}).\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DemoSeedRefused) throw new CliFailure(`${error.message} Give a new file with --db.`, 2);
    throw error;
  } finally {
    core.close();
  }
}
