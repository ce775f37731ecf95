import type { ErrorCode } from '../../shared/result';

/** A refusal by a rule of the planning cycle, with a sentence for the person who asked. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found. It may have been removed, or the id is wrong.`);
