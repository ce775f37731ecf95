import { type BundleRefusalDetails, type BundleRefusalReason, refusalCode } from '../../../shared/bundle-refusals';
import { type MessageRef, renderMessage } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';

/**
 * A refusal to read a file, with a sentence for the person and a code for code. Thrown by the
 * format's readers, which know no DomainError; `refuse` turns it into the core's answer.
 */
export class BundleRefusal extends Error {
  constructor(
    readonly reason: BundleRefusalReason,
    readonly ref: MessageRef,
  ) {
    super(renderMessage(ref, 'en'));
    this.name = 'BundleRefusal';
  }
}

/** Refusals reach people as DomainErrors whose details name the reason (shared/bundle-refusals.ts). */
export function refuse(reason: BundleRefusalReason, message: MessageRef, extra: Omit<BundleRefusalDetails, 'reason'> = {}): never {
  throw new DomainError(refusalCode(reason), message, { reason, ...extra } satisfies BundleRefusalDetails);
}

/** Runs a reader of the format; its BundleRefusal becomes the core's refusal, anything else goes on. */
export function readOrRefuse<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof BundleRefusal) refuse(error.reason, error.ref);
    throw error;
  }
}
