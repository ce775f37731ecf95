import { describe, expect, it } from 'vitest';
import { FileRefused } from '../../db/private-files';
import { databaseOpenFailureMessage, missingRendererMessage, startupLocale, unexpectedFailureMessage } from '../../electron/main/startup-failure';

const dbFile = '/home/ana/.config/Community Safety Planner/planner.db';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Plain sentences: no stack frames, no error class names. */
function expectPlainSentences(text: string): void {
  expect(text).toMatch(/^[A-Z].*\.$/s);
  expect(text).not.toMatch(/\n\s+at |Error:|SqliteError/);
}

describe('databaseOpenFailureMessage', () => {
  it('explains a native module built for the wrong Electron, for developers', () => {
    const error = withCode('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.', 'ERR_DLOPEN_FAILED');
    const { body } = databaseOpenFailureMessage(error, dbFile);
    expect(body).toContain('npm run rebuild:electron');
    expectPlainSentences(body);
  });

  it('names the file and the way out for the usual causes', () => {
    const cases: Array<[string, RegExp]> = [
      ['SQLITE_BUSY', /in use by another program/],
      ['SQLITE_CORRUPT', /damaged.*backups/],
      ['SQLITE_NOTADB', /damaged/],
      ['EACCES', /not allowed to write/],
      ['SQLITE_FULL', /disk is full/],
    ];
    for (const [code, expected] of cases) {
      const { body } = databaseOpenFailureMessage(withCode(`SqliteError: ${code}\n    at Database (/x.js:1:1)`, code), dbFile);
      expect(body).toMatch(expected);
      expectPlainSentences(body);
    }
  });

  it('falls back to a general sentence that never repeats the technical message', () => {
    const error = new Error('TypeError: Cannot read properties of undefined (reading "entries")\n    at pendingMigrations (/app/db.js:3:9)');
    const { title, body } = databaseOpenFailureMessage(error, dbFile);
    expect(title).toBe('The planner could not start');
    expect(body).toContain(dbFile);
    expect(body).not.toContain('Cannot read properties');
    expectPlainSentences(body);
  });
});

describe('a database or key file refused for who may read it', () => {
  it('shows the sentence that says how to fix it', () => {
    const refusal = new FileRefused(`The signing key file ${dbFile}.identity-key can be read or changed by other users of this computer (mode 0644), so the planner will not use it. Make it private with: chmod 600 "${dbFile}.identity-key", then start again.`);
    const { body } = databaseOpenFailureMessage(refusal, dbFile);
    expect(body).toBe(refusal.message);
    expectPlainSentences(body);
  });
});

describe('missingRendererMessage', () => {
  it('says the screens are missing and how to get them back', () => {
    expectPlainSentences(missingRendererMessage('/app/dist/renderer').body);
  });
});

describe('in the language of the system', () => {
  it('follows a French system, and English otherwise', () => {
    expect(startupLocale('fr-CA')).toBe('fr');
    expect(startupLocale('FR')).toBe('fr');
    expect(startupLocale('en-US')).toBe('en');
    expect(startupLocale('')).toBe('en');
  });

  it('says every startup failure in French too, still without technical text', () => {
    const busy = databaseOpenFailureMessage(withCode('SqliteError: SQLITE_BUSY\n    at x (/x.js:1:1)', 'SQLITE_BUSY'), dbFile, 'fr');
    expect(busy.title).toBe('Le planificateur n’a pas pu démarrer');
    expect(busy.body).toContain(dbFile);
    expect(busy.body).not.toMatch(/SqliteError|SQLITE_BUSY/);
    expect(missingRendererMessage('/app/dist/renderer', 'fr').body).toMatch(/^Les écrans du planificateur manquent/);
    expect(unexpectedFailureMessage('stopped', 'fr').title).toBe('Le planificateur s’est arrêté');
    expect(unexpectedFailureMessage('starting').body).toBe('Something unexpected went wrong while the planner was starting. Start it again; if this keeps happening, send the log to your support person.');
  });
});
