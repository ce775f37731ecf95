/**
 * The ONE place that registers IPC handlers. Every call from the renderer arrives on a single
 * channel, is checked for its sender and its method name here, and is then handed to the core,
 * which validates the input against the contract and answers a result envelope.
 *
 * Electron objects are described structurally (the *Like interfaces), so tests pass small fakes
 * and this module never loads 'electron' at run time.
 */
import { contract, events, isMethodName, type EventName, type EventPayload, type MethodName } from '../../shared/contract';
import { err, type Result } from '../../shared/result';
import type { Core } from '../core/create-core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/planner-api';
import { isSameOrigin } from './app-origin';

export { EVENT_CHANNEL, INVOKE_CHANNEL };

export interface SenderFrameLike {
  readonly url: string;
  /** null for a top-level (main) frame. */
  readonly parent: unknown;
}

export interface IpcInvokeEventLike {
  /** null when the frame navigated or was destroyed before we looked. */
  readonly senderFrame: SenderFrameLike | null;
  /**
   * The webContents that sent the call (Electron's event.sender). Only adapter methods that act on
   * the calling page use it (files:savePrintedPdf prints it), and they check its shape themselves.
   */
  readonly sender?: unknown;
}

/** A method main answers itself; it gets the (already trusted) event, for methods that act on the calling page. */
export type AdapterMethod = (input: unknown, event: IpcInvokeEventLike) => Promise<Result<unknown>>;

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcRegistrarOptions {
  /** Decides whether a call comes from the app's own window and main frame. */
  isTrustedSender(event: IpcInvokeEventLike): boolean;
  /** Told after every successful call of a method that changes data (used to push data:changed). */
  afterWrite?(method: MethodName): void;
  /** Where unexpected errors are written with their stack, for developers; never shown to people. */
  logError?(message: string, error: unknown): void;
  /**
   * Methods main answers itself instead of the core (the files:* dialogs and the PDF printing of
   * shared/contract-files.ts). Checked after the sender, before the method name.
   */
  adapterMethods?: Readonly<Record<string, AdapterMethod>>;
}

/**
 * A call is trusted only when it comes from a main frame (not an iframe) whose URL is on the app's
 * origin. Checking the frame rather than the webContents matters: an embedded frame of another
 * origin shares its webContents with the app page.
 */
export function isTrustedSender(event: IpcInvokeEventLike, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isSameOrigin(frame.url, appOrigin);
}

const REFUSED_SENDER = 'This request did not come from the planner window, so it was refused.';
const UNEXPECTED_FAILURE =
  'Something unexpected went wrong while handling this request; nothing was changed by it. Try again, and if it keeps happening, restart the planner.';

function unknownMethodMessage(method: unknown): string {
  if (typeof method !== 'string') return 'The request does not name a method.';
  // Quoted and shortened: the name comes from the renderer and ends up in a message people read.
  const shown = method.length > 60 ? `${method.slice(0, 60)}…` : method;
  return `The planner has no method called "${shown}".`;
}

/** Handles one call: the same steps as the registered handler, usable without any IPC. */
export async function handleInvoke(
  core: Pick<Core, 'call'>,
  options: IpcRegistrarOptions,
  event: IpcInvokeEventLike,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!options.isTrustedSender(event)) return err('forbidden', REFUSED_SENDER);
  const adapterMethod = typeof method === 'string' && options.adapterMethods && Object.prototype.hasOwnProperty.call(options.adapterMethods, method) ? options.adapterMethods[method] : undefined;
  if (adapterMethod) {
    try {
      return await adapterMethod(input, event);
    } catch (error) {
      (options.logError ?? console.error)(`Main failed while handling ${String(method)}.`, error);
      return err('internal', UNEXPECTED_FAILURE);
    }
  }
  if (!isMethodName(method)) return err('unknown_method', unknownMethodMessage(method));
  let result: Result<unknown>;
  try {
    result = await core.call(method, input);
  } catch (error) {
    // core.call promises never to throw; if it does anyway, the renderer still gets an envelope
    // and the stack goes to the log, not to the screen.
    (options.logError ?? console.error)(`The core threw while handling ${method}.`, error);
    return err('internal', UNEXPECTED_FAILURE);
  }
  if (result.ok && contract[method].writes) options.afterWrite?.(method);
  return result;
}

/** Registers the one IPC handler. Returns a function that removes it again. */
export function registerIpc(ipcMain: IpcMainLike, core: Pick<Core, 'call'>, options: IpcRegistrarOptions): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method, input) => handleInvoke(core, options, event, method, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed?(): boolean;
}

/**
 * Pushes an event to a renderer after checking the payload against its schema in the contract,
 * so the renderer can rely on the declared shape. A payload that does not match is a bug in main:
 * it is not sent, and the caller gets the reason.
 */
export function sendEvent<E extends EventName>(target: EventTargetLike, name: E, payload: EventPayload<E>): Result<true> {
  const checked = events[name].safeParse(payload);
  if (!checked.success) {
    return err('invalid_input', `The "${name}" event was not sent: its payload does not match the contract.`, checked.error.issues);
  }
  if (target.isDestroyed?.()) return err('not_found', `The "${name}" event was not sent: the window is already closed.`);
  target.send(EVENT_CHANNEL, name, checked.data);
  return { ok: true, value: true };
}
