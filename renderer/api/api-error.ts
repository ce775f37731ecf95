import type { AppErrorBody, ErrorCode } from '../../shared/result';

/** A refusal or failure from the core, carrying the sentence people should read. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(body: AppErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

/** The message to show for anything thrown while talking to the core. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
