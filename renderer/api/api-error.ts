import { renderSafely } from '../../shared/core-messages';
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

/**
 * The core's sentence in another language: the core renders its message in the installation's
 * language and sends the catalogue key and parameters (shared/core-messages.ts) in details, so the
 * screen can show it in the language it is in. Null when the details carry no usable key.
 */
export function localisedMessage(error: ApiError, language: string): string | null {
  const details = error.details as { messageKey?: unknown; params?: unknown } | null | undefined;
  if (!details || typeof details !== 'object' || details.messageKey === undefined) return null;
  return renderSafely(details.messageKey, details.params, language === 'fr' ? 'fr' : 'en');
}

/**
 * The message to show for anything thrown while talking to the core; with the screen's language,
 * the core's refusal is re-rendered in it (the core's own sentence stays the fallback).
 */
export function messageOf(error: unknown, language?: string): string {
  if (error instanceof ApiError) return (language ? localisedMessage(error, language) : null) ?? error.message;
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
