/**
 * window.api for a plain browser: the browser harness (electron/harness) answers each call over
 * loopback HTTP with the same core the desktop app uses. Every request carries the harness's
 * session cookie (HttpOnly, so not readable here), which the browser got by opening the one-time
 * address the harness printed; without it the harness refuses to answer.
 *
 * The harness answers calls, so this bridge raises 'data:changed' itself after a call the
 * server marks as a change (the X-Planner-Data-Changed header), exactly when Electron's main
 * process would send it. The progress of long operations is pushed: the first listener to
 * 'progress' opens the harness's event stream (Server-Sent Events at EVENTS_PATH, same cookie).
 */
import type { EventName, EventPayload } from '../../shared/contract';
import { err, type Result } from '../../shared/result';
import { API_PATH, DATA_CHANGED_HEADER, EVENTS_PATH } from '../../shared/routes';
import type { PlannerBridge } from './planner-bridge';

export interface HttpBridgeOptions {
  /** Resolved against the page, so the harness may serve under any port. */
  endpoint?: string;
  fetch?: typeof fetch;
  /** Opens the push stream; default: the browser's EventSource (absent: no progress events). */
  eventSource?: (url: string) => Pick<EventSource, 'addEventListener'>;
}

export function createHttpBridge(options: HttpBridgeOptions = {}): PlannerBridge {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const endpoint = options.endpoint ?? API_PATH;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const openStream = options.eventSource ?? (typeof EventSource === 'function' ? (url: string) => new EventSource(url) : null);
  let stream: Pick<EventSource, 'addEventListener'> | null = null;

  /** Opened once, on the first listener to a pushed event; the browser reconnects it by itself. */
  function listenToPushedEvents(): void {
    if (stream !== null || openStream === null) return;
    stream = openStream(EVENTS_PATH);
    stream.addEventListener('progress', (message) => {
      try {
        emit('progress', JSON.parse((message as MessageEvent<string>).data) as EventPayload<'progress'>);
      } catch {
        // A frame that is not JSON is not an event: ignored.
      }
    });
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must neither stop the others nor vanish.
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  }

  const bridge: PlannerBridge = {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input: input ?? {} }),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        return err('internal', 'The planner could not reach its database: the preview server has stopped. Start it again and reload the page.');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return err('internal', `The preview server answered something that is not a result (HTTP ${response.status}).`);
      }
      if (!isResult(body)) return err('internal', `The preview server answered something that is not a result (HTTP ${response.status}).`);
      if (body.ok && response.headers.get(DATA_CHANGED_HEADER) === '1') {
        queueMicrotask(() => emit('data:changed', { methods: [method] }));
      }
      return body as never;
    },
    on(event, listener) {
      if (event === 'progress') listenToPushedEvents();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  };
  return bridge;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { message?: unknown } };
  return v.ok === true || (v.ok === false && typeof v.error?.message === 'string');
}
