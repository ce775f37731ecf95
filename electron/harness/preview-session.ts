/**
 * Who may use the browser harness: only the person who started it. Any local user can connect to
 * a loopback port, so nothing secret is ever served to a plain GET of `/`. Instead the harness
 * prints a one-time address (`/?ticket=…`) in the terminal that started it; the first visit with
 * that ticket gets the per-run session token in a cookie (HttpOnly: page scripts never see it;
 * SameSite=Strict: other sites' pages never send it) and is redirected to `/`; the ticket is then
 * spent. Every API, upload and download request must carry the cookie.
 *
 * The cookie's name carries the port, so two harnesses on the same machine do not overwrite each
 * other's session (browsers keep cookies per host, not per port).
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export const TICKET_PARAM = 'ticket';

export interface PreviewSession {
  /** A new one-time address for this harness (the base URL with a fresh ticket). */
  openingUrl(): string;
  /** GET /?ticket=…: spends a valid ticket (cookie and redirect to `/`) or refuses it. */
  answerTicket(ticket: string, res: http.ServerResponse, headers: Record<string, string>): void;
  /** Whether the request carries this run's session cookie. */
  isSignedIn(req: http.IncomingMessage): boolean;
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieValue(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function createPreviewSession(baseUrl: string, port: number): PreviewSession {
  const token = crypto.randomBytes(32).toString('base64url');
  const cookieName = `planner-session-${port}`;
  const unspent = new Set<string>();

  return {
    openingUrl() {
      const ticket = crypto.randomBytes(24).toString('base64url');
      unspent.add(ticket);
      return `${baseUrl}?${TICKET_PARAM}=${ticket}`;
    },
    answerTicket(ticket, res, headers) {
      const known = [...unspent].find((t) => sameSecret(ticket, t));
      if (known === undefined) {
        res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('This one-time address has already been used, or is not from this preview server. Stop the preview (Ctrl+C) and start it again for a new address.');
        return;
      }
      unspent.delete(known);
      res.writeHead(303, {
        ...headers,
        Location: '/',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
    },
    isSignedIn(req) {
      return sameSecret(cookieValue(req, cookieName), token);
    },
  };
}
