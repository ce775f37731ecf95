import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { digestOfFile } from './table-digest';
import { envelope, makeTempDir, runCli } from './run-cli';

const NOW = '2026-11-24';
let dir: string;
let db: string;
let planId: string;
let actionId: string;

beforeAll(() => {
  dir = makeTempDir();
  db = path.join(dir, 'demo.db');
  const init = runCli(['--db', db, 'init', '--demo', '--now', NOW]);
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  expect(init.stdout).toMatch(/^Seeded a demo territory into .* 33 communities/);
  const plans = envelope(runCli(['--db', db, 'call', 'plans:list', JSON.stringify({ fiscalYear: 2026 })]));
  if (!plans.ok) throw new Error(plans.error.message);
  planId = plans.value[0].id;
  const plan = envelope(runCli(['--db', db, 'call', 'plans:get', JSON.stringify({ planId })]));
  if (!plan.ok) throw new Error(plan.error.message);
  actionId = plan.value.priorities[0].actions[0].id;
}, 60_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cli: init --demo, then call', () => {
  it('lists the 33 communities as one JSON envelope on stdout, diacritics intact', () => {
    const run = runCli(['--db', db, 'call', 'communities:list', '{}']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = envelope(run);
    if (!result.ok) throw new Error(result.error.message);
    const names = result.value.map((c: { name: string }) => c.name);
    expect(names).toHaveLength(33);
    for (const name of ['Behchokǫ̀', 'Délı̨nę', 'Gamètì', "Łutselk'e", 'Wekweètì', 'Whatì', "K'átł'odeeche", "N'dilo"]) {
      expect(names).toContain(name.normalize('NFC'));
    }
  });

  it('reads the input from stdin when it is "-"', () => {
    const run = runCli(['--db', db, 'call', 'plans:get', '-'], { input: JSON.stringify({ planId }) });
    expect(run.code).toBe(0);
    expect(envelope(run)).toMatchObject({ ok: true, value: { id: planId, fiscalYear: 2026 } });
  });

  it('takes {} when the input is left out', () => {
    const run = runCli(['--db', db, 'call', 'themes:list']);
    expect(run.code).toBe(0);
    expect(envelope(run)).toMatchObject({ ok: true });
  });

  const refusals: Array<{ name: string; args: () => string[]; input?: string; code: string; message: RegExp }> = [
    { name: 'an unknown community id', args: () => ['communities:get', '{"communityId":"no_such_community"}'], code: 'not_found', message: /^The community was not found/ },
    {
      name: 'quarter 5',
      args: () => ['progress:record', JSON.stringify({ actionId, quarter: 5, status: 'on_track', narrative: 'Patrols held.' })],
      code: 'invalid_input',
      message: /^Quarter 5 does not exist: quarters are 1 to 4\.$/,
    },
    { name: 'a missing field', args: () => ['plans:create', '{"fiscalYear":2026}'], code: 'invalid_input', message: /^The community id is missing\.$/ },
    {
      name: 'a 100 000-character narrative',
      args: () => ['progress:record', JSON.stringify({ actionId, quarter: 3, status: 'on_track', narrative: 'x'.repeat(100_000) })],
      code: 'invalid_input',
      message: /^The narrative is too long: at most 10,000 characters\.$/,
    },
    { name: 'a field the method does not take', args: () => ['plans:get', JSON.stringify({ planId, extra: 1 })], code: 'invalid_input', message: /does not take: "extra"/ },
    { name: 'malformed JSON', args: () => ['plans:get', '{planId: 1'], code: 'invalid_input', message: /^The input is not valid JSON: .+\.$/ },
    { name: 'malformed JSON on stdin', args: () => ['plans:get', '-'], input: '{"planId":', code: 'invalid_input', message: /^The input is not valid JSON: / },
    { name: 'an unknown method', args: () => ['plans:explode', '{}'], code: 'unknown_method', message: /^There is no method called "plans:explode"/ },
    { name: 'a rule of the planning cycle', args: () => ['reports:submit', JSON.stringify({ planId, quarter: 4 })], code: 'forbidden', message: /Q4/ },
  ];

  for (const refusal of refusals) {
    it(`refuses ${refusal.name}: an error envelope, exit 2, nothing changed`, () => {
      const before = digestOfFile(db);
      const run = runCli(['--db', db, 'call', ...refusal.args()], { input: refusal.input });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(2);
      const result = envelope(run);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(refusal.code);
      expect(result.error.message).toMatch(refusal.message);
      expect(result.error.message).not.toMatch(/\n\s+at /);
      expect(digestOfFile(db)).toBe(before);
    });
  }

  it('refuses plans:list for an unknown community', () => {
    const run = runCli(['--db', db, 'call', 'plans:list', '{"communityId":"no_such_community"}']);
    expect(run.code).toBe(2);
    expect(envelope(run)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('changes the database when a call writes (the digest notices)', () => {
    const before = digestOfFile(db);
    const run = runCli(['--db', db, 'call', 'reports:comment', JSON.stringify({ planId, quarter: 1, body: 'Thank you — received.' })]);
    expect(run.code).toBe(0);
    expect(envelope(run)).toMatchObject({ ok: true, value: { body: 'Thank you — received.' } });
    expect(digestOfFile(db)).not.toBe(before);
  });

  it('refuses, with exit code 2 and the sentence, what the profile\'s role may not do; the database is unchanged', () => {
    expect(runCli(['--db', db, 'call', 'installation:update', JSON.stringify({ role: 'liaison' })]).code).toBe(0);
    try {
      const before = digestOfFile(db);
      const commitment = runCli(['--db', db, 'call', 'commitments:create', JSON.stringify({ kind: 'commitment', number: '9.9', title: 'Not the liaison’s', leadDepartment: 'Justice', status: 'underway_on_track' })]);
      expect(commitment.code).toBe(2);
      expect(envelope(commitment)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only the territorial coordinator may create or change mandate commitments and their milestones.' } });
      const sign = runCli(['--db', db, 'call', 'plans:agree', JSON.stringify({ planId, detachmentSignatory: 'Sgt. Someone', detachmentSignedOn: '2026-04-01' })]);
      expect(sign.code).toBe(2);
      expect(envelope(sign)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only the detachment or the coordinator may sign for the detachment.' } });
      expect(digestOfFile(db)).toBe(before);
    } finally {
      expect(runCli(['--db', db, 'call', 'installation:update', JSON.stringify({ role: 'coordinator' })]).code).toBe(0);
    }
  });

  it('refuses to seed a database that already has communities, and changes nothing', () => {
    const before = digestOfFile(db);
    const run = runCli(['--db', db, 'init', '--demo', '--now', NOW]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^This database already has 33 communities; demo data is only added to an empty database\./);
    expect(digestOfFile(db)).toBe(before);
  });
});

describe('cli: methods', () => {
  it('gives a JSON Schema for the input of every method', () => {
    const run = runCli(['methods', '--json']);
    expect(run.code).toBe(0);
    const methods = JSON.parse(run.stdout) as Array<{ name: string; summary: string; writes: boolean; input: Record<string, unknown>; inputSchemaError?: string }>;
    expect(methods.map((m) => m.name)).toEqual(METHOD_NAMES);
    for (const m of methods) {
      expect(m.inputSchemaError, m.name).toBeUndefined();
      expect(m.input.type, m.name).toBe('object');
      expect(m.summary.length, m.name).toBeGreaterThan(5);
    }
    const record = methods.find((m) => m.name === 'progress:record')!;
    expect(record.input.required).toEqual(expect.arrayContaining(['actionId', 'quarter', 'status', 'narrative']));
    expect(record.input.additionalProperties).toBe(false);
  });

  it('lists every method with its summary as text', () => {
    const run = runCli(['methods']);
    expect(run.code).toBe(0);
    for (const name of METHOD_NAMES) expect(run.stdout).toContain(name);
    expect(run.stdout).toContain('input: { planId*, quarter* }');
  });
});

describe('cli: usage and failures', () => {
  it('shows help with the commands and examples', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage/);
    expect(run.stdout).toMatch(/init \[--demo\]/);
    expect(run.stdout).toMatch(/call communities:list/);
  });

  it('answers an unknown command with the usage and exit 2', () => {
    const run = runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^There is no command "frobnicate"\.\n\n.*Usage/s);
  });

  it('answers a mistake in an option with one sentence and exit 2', () => {
    const run = runCli(['--db', path.join(dir, 'x.db'), 'init', '--demo', '--scale', 'lots']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('--scale needs a whole number from 1 to 20, not "lots". Run with --help to see how the commands are written.\n');
    expect(fs.existsSync(path.join(dir, 'x.db'))).toBe(false);
  });

  it('says in one sentence, exit 1, when the database path is a folder', () => {
    const run = runCli(['--db', dir, 'call', 'communities:list', '{}']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`The database path ${dir} is a folder, not a file.\n`);
  });

  it('says in one sentence, exit 1, when there is no database yet, and creates none', () => {
    const missing = path.join(dir, 'missing.db');
    const run = runCli(['--db', missing, 'call', 'communities:list', '{}']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^There is no database at .*missing\.db\. Create it with "init"/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('says in one sentence, exit 1, when the file is not a database', () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite, just some text that is long enough to have a header '.repeat(20));
    const run = runCli(['--db', junk, 'call', 'communities:list', '{}']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/junk\.db is not a planner database/);
  });

  it('creates an empty database with init', () => {
    const fresh = path.join(dir, 'fresh.db');
    const run = runCli(['--db', fresh, 'init']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Created the database: ${fresh.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(0 communities\\)\\.\\nIt is not set up yet\\. Start a territory: init --start-territory NAME`));
    // No default profile is written: until it is set up, the database answers with a sentence.
    const list = runCli(['--db', fresh, 'call', 'communities:list', '{}']);
    expect(envelope(list)).toMatchObject({ ok: false, error: { message: 'This computer is not set up yet: start a territory, join one, or open the demo.' } });
  });
});
