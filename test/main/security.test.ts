import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  decideNavigation,
  decidePermission,
  decideRedirect,
  decideWindowOpen,
  denyAllPermissions,
  hardenWebContents,
  isExternalWebLink,
  openWebLinkExternally,
} from '../../electron/main/security';

describe('navigation', () => {
  it('stays allowed within the app origin', () => {
    expect(decideNavigation('app://planner/index.html')).toEqual({ allow: true });
    expect(decideNavigation('app://planner/plans/42')).toEqual({ allow: true });
  });

  it('is stopped for any other place; a web link goes to the system browser instead', () => {
    expect(decideNavigation('https://www.canada.ca/en.html')).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation('http://intranet.example/report')).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ allow: false, openExternally: false });
    expect(decideNavigation('app://planner.evil/index.html')).toEqual({ allow: false, openExternally: false });
    expect(decideNavigation('javascript:alert(1)')).toEqual({ allow: false, openExternally: false });
    expect(decideNavigation('data:text/html,<script>1</script>')).toEqual({ allow: false, openExternally: false });
  });

  it('never follows a redirect off the app origin', () => {
    expect(decideRedirect('app://planner/index.html')).toBe(true);
    expect(decideRedirect('https://example.org/')).toBe(false);
  });
});

describe('new windows', () => {
  it('are always denied; only http(s) links are handed to the system browser', () => {
    expect(decideWindowOpen('https://example.org/guide')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('app://planner/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('smb://server/share')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('ms-msdt:/id PCWDiagnostic')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny', openExternally: false });
  });

  it('recognises only well-formed http and https URLs as web links', () => {
    expect(isExternalWebLink('HTTPS://EXAMPLE.ORG')).toBe(true);
    expect(isExternalWebLink('mailto:someone@example.org')).toBe(false);
    expect(isExternalWebLink('not a url')).toBe(false);
  });
});

describe('permissions', () => {
  it('are all refused', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(decidePermission(permission)).toBe(false);
    }
  });

  it('are refused on the session for requests, checks and devices', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (c: unknown, p: string) => boolean;
    expect(check({}, 'clipboard-read')).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});

/** A webContents stand-in: an event emitter plus the window-open handler slot. */
function fakeWebContents() {
  const emitter = new EventEmitter();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (...args: unknown[]) => void) => {
      emitter.on(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event, {}, {});
    return event;
  };
  return { contents, fire, openWindow: (url: string) => windowOpenHandler!({ url }) };
}

describe('hardenWebContents', () => {
  function hardened() {
    const fake = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents as never, { openExternal });
    return { ...fake, openExternal };
  }

  it('stops navigation away from the app and opens web links outside', () => {
    const { fire, openExternal } = hardened();
    expect(fire('will-navigate', 'app://planner/index.html').preventDefault).not.toHaveBeenCalled();
    expect(fire('will-navigate', 'https://example.org/').preventDefault).toHaveBeenCalled();
    expect(fire('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('stops frame navigations and redirects off the app origin without opening anything', () => {
    const { fire, openExternal } = hardened();
    expect(fire('will-frame-navigate', 'https://example.org/').preventDefault).toHaveBeenCalled();
    expect(fire('will-redirect', 'https://example.org/').preventDefault).toHaveBeenCalled();
    expect(fire('will-redirect', 'app://planner/index.html').preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const { openWindow, openExternal } = hardened();
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('app://planner/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('prevents any webview from being attached', () => {
    const { fire } = hardened();
    expect(fire('will-attach-webview', 'https://example.org/').preventDefault).toHaveBeenCalled();
  });
});

describe('openWebLinkExternally', () => {
  it('hands only http(s) links to the shell, and reports a failure instead of dropping it', async () => {
    const shellOpen = vi.fn(async (url: string) => {
      if (url.includes('fail')) throw new Error('no browser');
    });
    const logError = vi.fn();
    openWebLinkExternally(shellOpen, 'file:///etc/passwd', logError);
    openWebLinkExternally(shellOpen, 'https://example.org/fail', logError);
    await new Promise((r) => setTimeout(r, 0));
    expect(shellOpen.mock.calls).toEqual([['https://example.org/fail']]);
    expect(logError).toHaveBeenCalledOnce();
  });
});
