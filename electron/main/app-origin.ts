/**
 * The app's own origin. The renderer is served from `app://planner/…` (see app-protocol.ts), and
 * every security decision in main (IPC senders, navigation, redirects) compares against it.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The `scheme://host[:port]` origin of a URL, or null when it has none (about:blank, data:,
 * file:, text that is not a URL).
 *
 * Why not `new URL(url).origin`: Node's WHATWG parser does not know that Chromium treats our
 * custom scheme as a standard one, so it answers the opaque origin "null" for every app:// URL,
 * which would make all app URLs look alike and no URL look like ours.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** True when the URL belongs to the given origin (the app's by default). */
export function isSameOrigin(url: string, origin: string = APP_ORIGIN): boolean {
  const actual = originOf(url);
  return actual !== null && actual === origin.toLowerCase();
}
