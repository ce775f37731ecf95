/**
 * What web content may do outside its page: nothing, except open an ordinary web link in the
 * person's own browser. The decisions are pure functions (tested); the wiring below takes Electron
 * objects as parameters and only connects events to those decisions.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isSameOrigin } from './app-origin';

/** Web links that may be handed to the system browser. Nothing else (file:, smb:, custom app schemes) is. */
export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: boolean };

/**
 * A page may move only within the app's origin (a reload, an in-app link). Anything else is
 * stopped; a web link is offered to the system browser instead, so a link in a plan's text still
 * works without the app window ever showing remote content.
 */
export function decideNavigation(url: string, appOrigin: string = APP_ORIGIN): NavigationDecision {
  if (isSameOrigin(url, appOrigin)) return { allow: true };
  return { allow: false, openExternally: isExternalWebLink(url) };
}

/** Server redirects never leave the app either, and never open anything. */
export function decideRedirect(url: string, appOrigin: string = APP_ORIGIN): boolean {
  return isSameOrigin(url, appOrigin);
}

/** window.open and target=_blank never create a window; web links go to the system browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isExternalWebLink(url) };
}

/**
 * Every permission (camera, microphone, notifications, geolocation, clipboard reading, USB…) is
 * refused: the planner needs none, and each one granted is one more thing a compromised page
 * could use.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}

export interface HardeningOptions {
  appOrigin?: string;
  /** shell.openExternal; called only with http(s) URLs. */
  openExternal(url: string): void;
  /**
   * A file dropped onto the window makes Chromium navigate to its file:// URL; the navigation is
   * stopped like any other, and the URL is handed here (main opens it when it is a plan bundle).
   */
  fileDropped?(url: string): void;
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applies the navigation, window and webview rules to one webContents. */
export function hardenWebContents(contents: HardenedContents, options: HardeningOptions): void {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;

  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, appOrigin);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) options.openExternal(event.url);
    else if (event.url.startsWith('file:')) options.fileDropped?.(event.url);
  });

  // 'will-navigate' covers the main frame only; subframes (there should be none) are held to the
  // same rule but never open anything.
  contents.on('will-frame-navigate', (event) => {
    if (!isSameOrigin(event.url, appOrigin)) event.preventDefault();
  });

  contents.on('will-redirect', (event) => {
    if (!decideRedirect(event.url, appOrigin)) event.preventDefault();
  });

  contents.setWindowOpenHandler((details) => {
    const decision = decideWindowOpen(details.url);
    if (decision.openExternally) options.openExternal(details.url);
    return { action: decision.action };
  });

  // The window options already turn the <webview> tag off; this stops one being attached should
  // that setting ever change.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Refuses every permission request and check on a session. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  session.setDevicePermissionHandler(() => false);
}

/** Opens a link in the system browser, re-checking the scheme at the last moment. */
export function openWebLinkExternally(shellOpenExternal: (url: string) => Promise<void>, url: string, logError: (message: string, error: unknown) => void = console.error): void {
  if (!isExternalWebLink(url)) return;
  shellOpenExternal(url).catch((error: unknown) => logError('The system browser could not open a link.', error));
}
