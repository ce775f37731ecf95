/**
 * The Content-Security-Policy and security headers of every page the planner serves: by the
 * desktop app's app:// protocol (electron/main/app-protocol.ts) and by the browser harness
 * (electron/harness/preview-http.ts), so the page runs under the same rules in both.
 */

/**
 * Only the app's own scripts run; no eval, no plugins, no frames either way, no connections
 * anywhere but the app itself.
 * Styles: Vite emits CSS files, and React writes style properties through the CSSOM (which CSP
 * does not restrict), so 'unsafe-inline' is not needed. If a library injecting <style> elements is
 * ever added, prefer a hash over relaxing this.
 * `data:` images and fonts: Vite inlines small assets as data URLs.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Headers sent with every response of the app's pages and assets. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * What a server on a loopback port adds: other local sites must neither embed its pages nor read
 * its resources (app:// is out of their reach anyway).
 */
export function loopbackSecurityHeaders(): Record<string, string> {
  return { ...securityHeaders(), 'Cross-Origin-Resource-Policy': 'same-origin', 'X-Frame-Options': 'DENY' };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type by the file name's extension; unknown kinds are sent as opaque bytes (with nosniff). */
export function contentTypeFor(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? CONTENT_TYPES[name.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
