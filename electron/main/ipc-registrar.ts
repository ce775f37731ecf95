/**
 * The ONE place that registers IPC handlers. Every call from the renderer arrives on a single
 * channel and is checked for its sender here; then the dispatch step every adapter shares
 * (electron/core/dispatch.ts) answers it: main's own methods, else a contract method through the
 * core, which validates the input and answers a result envelope.
 *
 * Electron objects are described structurally (the *Like interfaces), so tests pass small fakes
 * and this module never loads 'electron' at run time.
 */
import { events, type EventName, type EventPayload, type MethodName } from '../../shared/contract';
import { msg, renderMessage } from '../../shared/core-messages';
import { err, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import type { Core } from '../core/create-core';
import { type AdapterMethod as DispatchedMethod, dispatch } from '../core/dispatch';
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
export type AdapterMethod = DispatchedMethod<IpcInvokeEventLike>;

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
  /** The language of the refusals main writes itself (the installation's); English when not given. */
  locale?(): Locale;
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

/** Handles one call: the sender check, then the dispatch step every adapter shares (electron/core/dispatch.ts). */
export async function handleInvoke(
  core: Pick<Core, 'call'>,
  options: IpcRegistrarOptions,
  event: IpcInvokeEventLike,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!options.isTrustedSender(event)) return err('forbidden', renderMessage(msg('adapter.refusedSender'), options.locale?.() ?? 'en'));
  return dispatch(core, { ...options, logError: options.logError ?? console.error }, method, input, event);
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
