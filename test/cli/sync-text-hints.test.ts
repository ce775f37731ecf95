import { describe, expect, it } from 'vitest';
import { importRefusalHint } from '../../electron/cli/sync-text';

const commands = { trustingSender: 'cli import B --trust-new-sender', withPassphraseFile: 'cli import B --passphrase-file FILE', peersList: 'cli peers list' };

describe('the hint after a refused import', () => {
  it('tells what to type next for the reasons a person can act on', () => {
    expect(importRefusalHint('untrusted_sender', commands)).toBe('To trust it, after checking that fingerprint with the sender:\n  cli import B --trust-new-sender');
    expect(importRefusalHint('passphrase_required', commands)).toBe('Give the passphrase in a file: cli import B --passphrase-file FILE (its first line is the passphrase).');
    expect(importRefusalHint('out_of_scope', commands)).toBe('See what this peer may change with: cli peers list');
  });

  it('says nothing more for the others, or when no reason is known', () => {
    expect(importRefusalHint('forged', commands)).toBeUndefined();
    expect(importRefusalHint('wrong_passphrase', commands)).toBeUndefined();
    expect(importRefusalHint(null, commands)).toBeUndefined();
  });
});
