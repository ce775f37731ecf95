import { describe, expect, it } from 'vitest';
import * as text from '../../electron/cli/sync-text';
import type { Revocation } from '../../shared/domain';
import { importPreview } from '../support/peer-fixtures';

const FP = 'VQBB-9TE2-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X';
const FP2 = 'K7QD-3MZP-NALR-A28N-HJ7X-ESTZ-GMQM-DG3X';

describe('the terminal tells what a revocation and an import left out', () => {
  it('names the computers revoked with a peer, each fingerprint on its own line', () => {
    const revocation: Revocation = {
      installationId: 'f',
      name: 'Field laptop',
      fingerprint: FP,
      scopeCommunityIds: null,
      trustedAt: '2026-01-01T00:00:00Z',
      revokedAt: '2026-12-01T00:00:00Z',
      introducedBy: null,
      acknowledged: {},
      alsoRevoked: [{ installationId: 'n', name: 'New\u001b[2Jcomer', fingerprint: FP2 }],
    };
    const out = text.revoked(revocation, 'planner peers trust X');
    expect(out).toContain('Also revoked, as it was trusted because "Field laptop" introduced it:');
    expect(out).toContain('  "New\\u001B[2Jcomer"');
    expect(out.split('\n')).toContain(`    Fingerprint: ${FP2}`);
  });

  it('lists changes set aside from revoked computers in the dry run and after the import', () => {
    const p = importPreview({
      bundleId: 'b',
      sender: { installationId: 'c', name: 'Coordinator', fingerprint: FP, trust: 'trusted' },
      createdAt: '2026-12-01T00:00:00Z',
      changesetCount: 4,
      setAside: [{ installationId: 'f', name: 'Field laptop', fingerprint: FP2, changesets: 3, reason: 'revoked' }],
    });
    expect(text.preview(p, { trustNewSender: false, importCommand: 'import' })).toContain('Would leave out new changes from 1 revoked computer (not applied; the rest of the bundle is):\n  "Field laptop": 3 changes\n    Fingerprint of its key: ' + FP2);
    expect(text.imported({ ...p, imported: true, backupFile: null }, 'narrow')).toContain('Left out new changes from 1 revoked computer');
  });
});
