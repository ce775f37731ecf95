/**
 * Leaving a screen with unsaved edits asks first (see unsaved-edits.ts for who registers).
 *
 * - The app's own links (`<a href="#/…">`): the click is held back and "Leave this page without
 *   saving?" is asked; Leave follows the link, Stay keeps everything as it was.
 * - Back and forward (and any other change of the address): `hashchange` cannot be cancelled, so
 *   the address is put back (history.replaceState, which fires no event) before the route would
 *   change, and the same question is asked.
 * - Closing the window or reloading: `beforeunload` is prevented while edits are unsaved (in
 *   Electron, electron/main/unload-guard.ts asks the question in a native box).
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { hasUnsavedEdits } from './unsaved-edits';

let pending: string | null = null;
let leaveTo: ((hash: string) => void) | null = null;
const listeners = new Set<() => void>();

function setPending(hash: string | null): void {
  pending = hash;
  for (const listener of listeners) listener();
}

/** The address the user asked for while edits were unsaved (null when nothing is being asked). */
export function pendingLeave(): string | null {
  return pending;
}

/** Stay: forget the asked-for address. */
export function stayOnPage(): void {
  setPending(null);
}

/** Leave without saving: go where the user asked. */
export function leavePage(): void {
  const target = pending;
  setPending(null);
  if (target !== null) leaveTo?.(target);
}

const hashOf = (url: string) => {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at);
};

const sameHash = (a: string, b: string) => (a === '' || a === '#' ? '#/' : a) === (b === '' || b === '#' ? '#/' : b);

/**
 * Installs the guard on `win`: `show(hash)` is called for every change of address that is let
 * through (the app's route follows it). Returns the uninstall.
 */
export function installLeaveGuard(show: (hash: string) => void, win: Window = window): () => void {
  let allowNext = false;

  const onHashChange = (event?: HashChangeEvent) => {
    const next = win.location.hash;
    const previous = event?.oldURL ? hashOf(event.oldURL) : next;
    if (!allowNext && !sameHash(next, previous) && hasUnsavedEdits()) {
      const base = win.location.href.replace(/#.*$/, '');
      win.history.replaceState(win.history.state, '', `${base}${previous}`);
      setPending(next);
      return;
    }
    allowNext = false;
    show(next);
  };

  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const href = target?.getAttribute('href');
    if (!href || target?.hasAttribute('download') || sameHash(href, win.location.hash)) return;
    if (!hasUnsavedEdits()) return;
    event.preventDefault();
    setPending(href);
  };

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedEdits()) return;
    event.preventDefault();
    // Older engines need returnValue set to ask.
    event.returnValue = '';
  };

  leaveTo = (hash) => {
    allowNext = true;
    if (sameHash(win.location.hash, hash)) onHashChange();
    else win.location.hash = hash;
  };
  win.addEventListener('hashchange', onHashChange);
  win.addEventListener('click', onClick, true);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    win.removeEventListener('hashchange', onHashChange);
    win.removeEventListener('click', onClick, true);
    win.removeEventListener('beforeunload', onBeforeUnload);
    leaveTo = null;
    setPending(null);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The question, shown while a change of address waits (mounted once, beside the app). */
export function LeaveGuardDialog() {
  const { t } = useTranslation();
  const asked = useSyncExternalStore(subscribe, pendingLeave, pendingLeave);
  if (asked === null) return null;
  return (
    <Dialog
      title={t('safeEdits.leave.title')}
      onClose={stayOnPage}
      footer={
        <>
          <Button variant="danger" onClick={leavePage}>
            {t('safeEdits.leave.leave')}
          </Button>
          <Button variant="primary" onClick={stayOnPage} data-autofocus>
            {t('safeEdits.leave.stay')}
          </Button>
        </>
      }
    >
      <p>{t('safeEdits.leave.body')}</p>
    </Dialog>
  );
}
