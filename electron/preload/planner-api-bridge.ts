/**
 * Builds the object the preload exposes as window.api, from an ipcRenderer-like parameter so it
 * can be tested without Electron.
 */
import type { EventName, EventPayload } from '../../shared/contract';
import { msg, renderMessage } from '../../shared/core-messages';
import { err } from '../../shared/result';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isEventName, type PlannerApi } from './planner-api';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Events that arrive before anyone listens (a bundle opened from the file manager reaches the
 * window while React is still mounting) are held, a few at most, and given to the first listener
 * of their name.
 */
export const MAX_HELD_EVENTS = 20;

type Listener = (payload: unknown) => void;

/** Rethrown outside our loop, so one failing listener neither hides the error nor stops the others. */
function reportLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  }, 0);
}

export function createPlannerApi(ipc: IpcRendererLike): PlannerApi {
  const listeners = new Map<EventName, Set<Listener>>();
  const held: Array<{ name: EventName; payload: unknown }> = [];

  // One IPC listener for all events; the IpcRendererEvent itself (which gives access to
  // ipcRenderer) is never passed on to page code.
  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    if (!isEventName(name)) return;
    const forName = listeners.get(name);
    if (!forName || forName.size === 0) {
      if (held.length >= MAX_HELD_EVENTS) held.shift();
      held.push({ name, payload });
      return;
    }
    for (const listener of [...forName]) {
      try {
        listener(payload);
      } catch (error) {
        reportLater(error);
      }
    }
  });

  const api = {
    invoke(method, input) {
      return ipc.invoke(INVOKE_CHANNEL, method, input).catch(() => {
        // Reached when the input cannot be copied to main (functions, DOM nodes) or main is gone.
        // The preload does not know the language: the key lets the page say it in its own.
        const ref = msg('adapter.notPassedOn');
        return err('internal', renderMessage(ref), { messageKey: ref.key, params: {} });
      }) as ReturnType<PlannerApi['invoke']>;
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (!isEventName(event)) throw new TypeError(`window.api.on: "${String(event)}" is not an event of the contract.`);
      if (typeof listener !== 'function') throw new TypeError('window.api.on: the listener must be a function.');
      const forName = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, forName);
      const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
      forName.add(wrapped);

      const waiting = held.filter((h) => h.name === event);
      if (waiting.length > 0) {
        for (let i = held.length - 1; i >= 0; i--) if (held[i]!.name === event) held.splice(i, 1);
        // Delivered after on() returns, as a live event would be.
        queueMicrotask(() => {
          for (const h of waiting) {
            if (!forName.has(wrapped)) return;
            try {
              wrapped(h.payload);
            } catch (error) {
              reportLater(error);
            }
          }
        });
      }
      return () => {
        forName.delete(wrapped);
      };
    },
  } satisfies PlannerApi;

  return api;
}
