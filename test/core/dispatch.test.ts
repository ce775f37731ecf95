import { describe, expect, it, vi } from 'vitest';
import { dispatch, type DispatchSteps } from '../../electron/core/dispatch';
import { classifyOpenFailure, OPEN_FAILURE_CODES, openFailureMessage } from '../../electron/core/open-failure';
import { isCoreMessageKey, renderMessage } from '../../shared/core-messages';
import { err, ok, type Result } from '../../shared/result';

function fakeCore(answer: (method: string, input: unknown) => Promise<Result<unknown>> = async () => ok('from the core')) {
  return { call: vi.fn(answer) };
}

function steps(extra: Partial<DispatchSteps<string>> = {}): DispatchSteps<string> & { afterWrite: ReturnType<typeof vi.fn>; logError: ReturnType<typeof vi.fn> } {
  return { afterWrite: vi.fn(), logError: vi.fn(), ...extra } as never;
}

describe('dispatch: adapter methods, then the core, then the write notice', () => {
  it('answers an adapter method itself, with what carried the call, without reaching the core', async () => {
    const core = fakeCore();
    const chooser = vi.fn(async (_input: unknown, via: string) => ok({ file: `/tmp/${via}.planbundle` }));
    const answer = await dispatch(core, steps({ adapterMethods: { 'files:chooseBundleToOpen': chooser } }), 'files:chooseBundleToOpen', {}, 'window-1');
    expect(answer).toEqual(ok({ file: '/tmp/window-1.planbundle' }));
    expect(chooser).toHaveBeenCalledWith({}, 'window-1');
    expect(core.call).not.toHaveBeenCalled();
  });

  it('looks adapter methods up by their own name only, never through the prototype', async () => {
    const core = fakeCore();
    const answer = await dispatch(core, steps({ adapterMethods: {} }), 'toString', {}, 'w');
    expect(!answer.ok && answer.error.code).toBe('unknown_method');
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a name outside the contract, and a missing one, before the core, shortening long names', async () => {
    const core = fakeCore();
    for (const method of ['plans:explode', '__proto__', 42, undefined]) {
      const answer = await dispatch(core, steps(), method, {}, 'w');
      expect(!answer.ok && answer.error.code).toBe('unknown_method');
    }
    const long = await dispatch(core, steps(), 'x'.repeat(5000), {}, 'w');
    expect(!long.ok && long.error.message).toBe(`The planner has no method called "${'x'.repeat(60)}…".`);
    expect(core.call).not.toHaveBeenCalled();
  });

  it('writes its refusals in the language it is given', async () => {
    const answer = await dispatch(fakeCore(), steps({ locale: () => 'fr' }), 'plans:explode', {}, 'w');
    expect(!answer.ok && answer.error.message).toBe('Le planificateur n’a aucune méthode appelée «\u00a0plans:explode\u00a0».');
  });

  it('hands a contract method to the core and tells the adapter after a successful write only', async () => {
    let answer: Result<unknown> = ok({ id: 'p1' });
    const core = fakeCore(async () => answer);
    const s = steps();
    await dispatch(core, s, 'plans:create', { communityId: 'c1', fiscalYear: 2025 }, 'w');
    await dispatch(core, s, 'plans:list', {}, 'w');
    answer = err('conflict', 'A plan for FY 2025–26 already exists.');
    expect(await dispatch(core, s, 'plans:create', { communityId: 'c1', fiscalYear: 2025 }, 'w')).toEqual(answer);
    expect(s.afterWrite.mock.calls).toEqual([['plans:create']]);
    expect(core.call).toHaveBeenCalledWith('plans:list', {});
  });

  it('turns a throw, from the adapter or the core, into an internal envelope with no details, and logs it', async () => {
    const s = steps({
      adapterMethods: {
        'files:chooseBundleToOpen': () => {
          throw new Error('dialog exploded');
        },
      },
    });
    const throwing = fakeCore(async () => {
      throw new Error('SqliteError: no such table: plans');
    });
    for (const method of ['files:chooseBundleToOpen', 'plans:list']) {
      const answer = await dispatch(throwing, s, method, {}, 'w');
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('internal');
        expect(answer.error.message).not.toMatch(/exploded|SqliteError/);
        expect(answer.error).not.toHaveProperty('details');
      }
    }
    expect(s.logError).toHaveBeenCalledTimes(2);
    expect(s.afterWrite).not.toHaveBeenCalled();
  });
});

describe('classifyOpenFailure: one classification, worded by each adapter', () => {
  const withCode = (code: string, message = `SqliteError: ${code}`) => Object.assign(new Error(message), { code });

  it('sorts the usual causes by their codes', () => {
    expect(classifyOpenFailure(withCode('SQLITE_BUSY')).code).toBe('busy');
    expect(classifyOpenFailure(withCode('SQLITE_LOCKED')).code).toBe('busy');
    expect(classifyOpenFailure(withCode('SQLITE_CORRUPT')).code).toBe('damaged');
    expect(classifyOpenFailure(withCode('SQLITE_NOTADB')).code).toBe('not_a_database');
    expect(classifyOpenFailure(withCode('EACCES')).code).toBe('not_allowed');
    expect(classifyOpenFailure(withCode('SQLITE_CANTOPEN')).code).toBe('not_allowed');
    expect(classifyOpenFailure(withCode('ENOSPC')).code).toBe('disk_full');
    expect(classifyOpenFailure(withCode('FILE_REFUSED', 'Make it private.')).code).toBe('file_refused');
    expect(classifyOpenFailure(withCode('ERR_DLOPEN_FAILED')).code).toBe('wrong_engine');
    expect(classifyOpenFailure(new Error('was compiled against a different Node.js version')).code).toBe('wrong_engine');
    expect(classifyOpenFailure('weird')).toEqual({ code: 'unknown', text: 'weird' });
  });

  it('counts SQLite’s extended codes as their primary one, and a quota as a full disk', () => {
    expect(classifyOpenFailure(withCode('SQLITE_BUSY_RECOVERY')).code).toBe('busy');
    expect(classifyOpenFailure(withCode('SQLITE_CORRUPT_INDEX')).code).toBe('damaged');
    expect(classifyOpenFailure(withCode('SQLITE_CANTOPEN_ISDIR')).code).toBe('not_allowed');
    expect(classifyOpenFailure(withCode('SQLITE_READONLY_DBMOVED')).code).toBe('not_allowed');
    expect(classifyOpenFailure(withCode('EDQUOT')).code).toBe('disk_full');
    expect(classifyOpenFailure(withCode('SQLITE_BUSYNESS')).code).toBe('unknown');
  });

  it('has a sentence for every failure, in both adapters and both languages', () => {
    for (const code of OPEN_FAILURE_CODES) {
      for (const adapter of ['app', 'cli'] as const) {
        const ref = openFailureMessage({ code, text: 'details' }, adapter, '/data/planner.db');
        expect(isCoreMessageKey(ref.key)).toBe(true);
        expect(renderMessage(ref, 'en')).not.toMatch(/\{/);
        expect(renderMessage(ref, 'fr')).not.toMatch(/\{/);
      }
    }
  });

  it('names the folder of a full disk for the command line', () => {
    expect(renderMessage(openFailureMessage(classifyOpenFailure(withCode('SQLITE_FULL')), 'cli', '/data/planner.db'))).toBe('The disk is full: free space on /data and try again.');
  });
});
