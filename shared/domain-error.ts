import { type MessageRef, msg, type Noun, noun, renderMessage } from './core-messages';
import type { ErrorCode } from './result';

/**
 * A refusal by a rule of the planning cycle. It carries a catalogue message (shared/core-messages.ts)
 * rather than a sentence: createCore renders it in the installation's language and passes the key
 * and parameters on in the envelope's details. `message` is the English sentence, for logs and tests.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    readonly ref: MessageRef,
    readonly details?: Record<string, unknown>,
  ) {
    super(renderMessage(ref, 'en'));
    this.name = 'DomainError';
  }
}

export const notFound = (what: Noun) => new DomainError('not_found', msg('core.notFound', { thing: noun(what) }));
