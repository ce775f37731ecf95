/** The envelope every contract call answers with. Messages are for people; codes are for code. */

export const ERROR_CODES = [
  'invalid_input', // the input does not match the method's schema
  'not_found', // a referenced row does not exist
  'conflict', // the request contradicts the current state (e.g. a plan already exists)
  'forbidden', // a rule of the planning cycle refuses it (e.g. editing an agreed plan)
  'unknown_method',
  'busy', // another connection holds the database (a long import): try again in a moment
  'disk_full', // the disk under the database or a written file is full
  'cancelled', // the person cancelled a long operation before it changed anything
  'internal', // anything unexpected; the message never carries a stack trace
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** Codes that mean "the request was refused", as opposed to a fault of the program. */
export function isRefusal(code: ErrorCode): boolean {
  return code !== 'internal' && code !== 'busy' && code !== 'disk_full';
}
