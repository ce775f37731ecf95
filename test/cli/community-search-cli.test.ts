/** The real command line finds a community by a name typed without diacritics or by another name, and suggests close names. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support';
import { makeTempDir, runCli } from './run-cli';

let dir: string;
let db: string;

beforeAll(() => {
  dir = makeTempDir();
  const t = openTestCore({ dir, fileName: 'planner.db', profile: { name: 'Coordinator', userName: 'Ann Coordinator', role: 'coordinator' } });
  const region = t.must('regions:create', { nameEn: 'South Slave', nameFr: 'Slave Sud' });
  t.must('communities:create', { name: "K'átł'odeeche", otherNames: ['Hay River Reserve'], regionId: region.id, hasDetachment: false });
  t.must('communities:create', { name: 'Hay River', regionId: region.id, hasDetachment: true });
  t.must('communities:create', { name: "Łutselk'e", otherNames: ['Snowdrift'], regionId: region.id, hasDetachment: true });
  t.core.close();
  db = t.dbFile;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const annual = (community: string) => runCli(['--db', db, 'report', 'annual', '--community', community, '--fy', '2026', '--out', path.join(dir, 'out.pdf')]);

describe('report --community', () => {
  it('finds "Lutselke", "Katlodeeche" and "Hay River Reserve" (then says the community has no plan yet)', () => {
    for (const typed of ['Lutselke', 'Katlodeeche', 'Hay River Reserve', 'snowdrift']) {
      const run = annual(typed);
      expect(run.code, typed).toBe(2);
      expect(run.stderr, typed).toMatch(/That community has no plan for 2026–27\./);
    }
  });

  it('refuses a name that fits none with exit 2 and suggests the closest', () => {
    const run = annual('Lutselkey');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`There is no community "Lutselkey". Did you mean "${"Łutselk'e".normalize('NFC')}"?`);
  });
});
