/** The export wizard's reads (contract: shared/contract-exchange-export.ts). */
import type { exchangeExportMethods } from '../../../shared/contract-exchange-export';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { exportContents } from '../bundles/bundle-selection';
import { describeContents, type ExportTarget, exportRecipients, exportTargets } from '../queries/export-plan';
import type { CoreContext } from '../changelog/core-context';
import type { DomainHandlers } from './handler-types';

/** The named recipients, each known, trusted and not revoked, none twice. */
function resolveRecipients(ctx: CoreContext, ids: readonly string[]): ExportTarget[] {
  if (new Set(ids).size !== ids.length) throw new DomainError('invalid_input', msg('exportPlan.sameRecipientTwice'));
  const targets = new Map(exportTargets(ctx).map((t) => [t.installationId, t]));
  return ids.map((id) => {
    const target = targets.get(id);
    if (!target) throw new DomainError('not_found', msg('exportPlan.unknownRecipient', { id }));
    if (target.revoked) throw new DomainError('forbidden', msg('exportPlan.revokedRecipient', { name: target.name }));
    return target;
  });
}

export const exportHandlers: DomainHandlers<typeof exchangeExportMethods> = {
  'bundles:exportRecipients': (ctx) => exportRecipients(ctx),
  'bundles:exportContents': (ctx, input) => {
    const also = input.alsoTo ?? [];
    if ((input.to === undefined) === (input.full !== true) || (input.to === undefined && also.length > 0)) {
      throw new DomainError('invalid_input', msg('exportPlan.recipient'));
    }
    if (input.to === undefined) return describeContents(exportContents(ctx, { full: true }), 'full');
    const ids = [input.to, ...also];
    const recipients = resolveRecipients(ctx, ids);
    return describeContents(exportContents(ctx, { to: ids }), recipients);
  },
};
