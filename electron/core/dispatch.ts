/**
 * The one step every adapter takes to answer a call of window.api, whatever carried it (Electron
 * IPC in electron/main/ipc-registrar.ts, loopback HTTP in electron/harness): first the methods the
 * adapter answers itself (the files:* dialogs, printing), then a known method to the core, then,
 * after a successful write, the adapter is told so it can announce data:changed.
 *
 * Pure: no Electron, no HTTP. Who may call at all (the sender, the session) is the adapter's
 * check, made before this step.
 */
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { msg, renderMessage } from '../../shared/core-messages';
import { err, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import type { Core } from './create-core';

/** A method an adapter answers itself; `via` is what carried the call (main passes the IPC event). */
export type AdapterMethod<Via> = (input: unknown, via: Via) => Promise<Result<unknown>> | Result<unknown>;

export interface DispatchSteps<Via> {
  /** Methods the adapter answers instead of the core, looked up by own name only. */
  adapterMethods?: Readonly<Record<string, AdapterMethod<Via>>>;
  /** Told after every successful call of a contract method that changes data. */
  afterWrite?(method: MethodName): void;
  /** Where unexpected errors go with their stack, for developers; never shown to people. */
  logError(message: string, error: unknown): void;
  /** The language of the refusals written here; English when not given. */
  locale?(): Locale;
}

/** Longer names are cut: the name comes from the page and ends up in a sentence people read. */
const SHOWN_NAME_LENGTH = 60;

function unknownMethod(method: unknown, locale: Locale): Result<never> {
  if (typeof method !== 'string') return err('unknown_method', renderMessage(msg('adapter.noMethodName'), locale));
  const shown = method.length > SHOWN_NAME_LENGTH ? `${method.slice(0, SHOWN_NAME_LENGTH)}…` : method;
  return err('unknown_method', renderMessage(msg('adapter.unknownMethod', { method: shown }), locale));
}

function ownMethod<Via>(methods: DispatchSteps<Via>['adapterMethods'], name: unknown): AdapterMethod<Via> | undefined {
  return typeof name === 'string' && methods && Object.prototype.hasOwnProperty.call(methods, name) ? methods[name] : undefined;
}

/** Answers one call with an envelope; never throws (a thrown error is logged and answered as internal). */
export async function dispatch<Via>(core: Pick<Core, 'call'>, steps: DispatchSteps<Via>, method: unknown, input: unknown, via: Via): Promise<Result<unknown>> {
  // Read only when a refusal is written: main's language is a database read.
  const locale = () => steps.locale?.() ?? 'en';
  // No details: the envelope of an unexpected failure carries nothing but its sentence.
  const unexpected = (who: string, error: unknown) => {
    steps.logError(`${who} while handling ${String(method)}.`, error);
    return err('internal', renderMessage(msg('adapter.unexpectedFailure'), locale()));
  };
  const adapterMethod = ownMethod(steps.adapterMethods, method);
  if (adapterMethod) {
    try {
      return await adapterMethod(input, via);
    } catch (error) {
      return unexpected('The adapter failed', error);
    }
  }
  if (!isMethodName(method)) return unknownMethod(method, locale());
  let result: Result<unknown>;
  try {
    result = await core.call(method, input);
  } catch (error) {
    // core.call promises never to throw; if it does anyway, the page still gets an envelope.
    return unexpected('The core threw', error);
  }
  if (result.ok && contract[method].writes) steps.afterWrite?.(method);
  return result;
}
