/**
 * Names that travel to peers (the installation's name in every bundle, the user's name on every
 * change) or that label a peer refuse what would act on a terminal: control characters, escape
 * codes, line breaks, text-direction overrides. A sentence in both languages says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../support';

const open: TestCore[] = [];
afterEach(() => open.splice(0).forEach((t) => t.core.close()));

const HOSTILE = ['Coordinator\u001b[2K', 'Field officer\r\nforged line', 'Inuvik\u202Ekrowten', 'Tab\there', 'Bell\u0007', 'Isolate\u2066x\u2069', 'C1\u009b31m'];

describe('names a peer will see', () => {
  for (const field of ['name', 'userName'] as const) {
    it(`installation:update refuses control characters and direction overrides in ${field}, and keeps the old value`, () => {
      const t = makeCore();
      open.push(t);
      const before = t.must('installation:get', {});
      for (const value of HOSTILE) {
        const result = t.core.invoke('installation:update', { [field]: value });
        expect(result.ok, JSON.stringify(value)).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toMatch(/cannot contain control characters, line breaks or text-direction marks/);
        }
      }
      expect(t.must('installation:get', {})[field]).toBe(before[field]);
    });
  }

  it('says so in French when the installation speaks French', () => {
    const t = makeCore();
    open.push(t);
    t.must('installation:update', { locale: 'fr' });
    const result = t.core.invoke('installation:update', { name: 'Inuvik\u202E' });
    expect(!result.ok && result.error.message).toMatch(/ne peut pas contenir de caractères de contrôle/);
  });

  it('accepts names in every script, with accents, apostrophes and joiners', () => {
    const t = makeCore();
    open.push(t);
    for (const name of ["Łutselk'e", 'Behchokǫ̀ detachment', 'ᐃᓄᕕᒃ', 'فارسی\u200cنام', 'Team 👩‍👩‍👧']) {
      expect(t.must('installation:update', { name }).name).toBe(name);
    }
  });

  it('peers:trust refuses such a label for a peer', () => {
    const t = makeCore();
    open.push(t);
    const result = t.core.invoke('peers:trust', { fingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', name: 'Coordinator\u001b]0;x\u0007' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
