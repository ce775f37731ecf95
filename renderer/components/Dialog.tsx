/**
 * A modal dialog: rendered beside the app (a portal), which is made inert meanwhile so neither
 * pointer nor keyboard can reach it; Tab and Shift+Tab cycle inside the dialog; Escape, a click
 * outside it or its close button close it; focus returns to where it was. Used for every form and
 * every confirmation.
 *
 * Nothing typed is lost by closing: while `dirty` (the form differs from its initial values), every
 * way of closing it except saving first asks "Discard your changes?" (Keep editing is the default);
 * a clean dialog closes at once. A dirty dialog is also registered as unsaved edits, so leaving the
 * screen or closing the window asks too (app/unsaved-edits.ts).
 *
 * It is a <div role="dialog" aria-modal> and not a native <dialog>: Escape is handled in its own
 * keydown (there is no native `cancel` event to prevent), which lets it ask before closing.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ErrorBanner } from './Feedback';
import { useFocusableWhenScrolling } from './focusable-when-scrolling';
import { useSubmit } from './use-submit';
import { Icon } from './Icon';
import { useUnsavedEditsCheck } from '../app/unsaved-edits';
import './safe-edits.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The focusable controls of the body (each alternative of FOCUSABLE, under .dialog__body). */
const IN_BODY = FOCUSABLE.split(', ')
  .map((selector) => `.dialog__body ${selector}`)
  .join(', ');

let openDialogs = 0;
function setAppInert(inert: boolean): void {
  const root = document.getElementById('root');
  if (!root) return;
  if (inert) root.setAttribute('inert', '');
  else root.removeAttribute('inert');
}

/** Open dialogs, innermost last: a dialog opened from another (add a person…) makes it inert. */
const dialogStack: HTMLElement[] = [];

export interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** The footer; given as a function, it receives `requestClose` (asks first while dirty) for its Cancel button. */
  footer?: ReactNode | ((requestClose: () => void) => ReactNode);
  wide?: boolean;
  /** Wraps the body and footer in a form; Enter submits (the form is passed, to look for fields in error). */
  onSubmit?: (form: HTMLFormElement) => void;
  /** While true, Escape does not close (a save is running). */
  busy?: boolean;
  /**
   * Unsaved changes: closing (Escape, outside, close button, a Cancel given `requestClose`) asks
   * first. A function is asked each time (FormDialog's turns false as soon as its save succeeded).
   */
  dirty?: boolean | (() => boolean);
}

export function Dialog({ title, onClose, children, footer, wide = false, onSubmit, busy = false, dirty = false }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const isDirty = () => (typeof dirtyRef.current === 'function' ? dirtyRef.current() : dirtyRef.current);
  const backdropRef = useRef<HTMLDivElement>(null);
  const pressedOutside = useRef(false);
  const [asking, setAsking] = useState(false);
  useUnsavedEditsCheck(`dialog-${titleId}`, isDirty);

  /** Closes, or asks first while there are unsaved changes. */
  function requestClose() {
    if (busyRef.current) return;
    if (isDirty()) setAsking(true);
    else onCloseRef.current();
  }

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openDialogs += 1;
    setAppInert(true);
    const backdrop = backdropRef.current;
    const outer = dialogStack[dialogStack.length - 1];
    outer?.setAttribute('inert', '');
    if (backdrop) dialogStack.push(backdrop);
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>(IN_BODY) ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? ref.current)?.focus();
    return () => {
      openDialogs -= 1;
      if (openDialogs === 0) setAppInert(false);
      const index = backdrop ? dialogStack.lastIndexOf(backdrop) : -1;
      if (index >= 0) dialogStack.splice(index, 1);
      if (index === dialogStack.length) dialogStack[dialogStack.length - 1]?.removeAttribute('inert');
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      requestClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const bodyRef = useFocusableWhenScrolling<HTMLDivElement>();
  const content = (
    <>
      {/* A long table in a dialog follows the body's scroll, not the page's (virtual-rows.ts). */}
      <div className="dialog__body" ref={bodyRef} data-virtual-scroller="">
        {children}
      </div>
      {footer ? <div className="dialog__footer">{typeof footer === 'function' ? footer(requestClose) : footer}</div> : null}
    </>
  );

  return createPortal(
    <div
      className="dialog-backdrop"
      ref={backdropRef}
      // A click outside closes (asking first while dirty); a press that started inside (selecting
      // text, then releasing outside) does not.
      onMouseDown={(event) => {
        pressedOutside.current = event.target === backdropRef.current;
      }}
      onClick={(event) => {
        if (event.target === backdropRef.current && pressedOutside.current) requestClose();
        pressedOutside.current = false;
      }}
    >
      <div ref={ref} className={wide ? 'dialog dialog--wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="dialog__header dialog__header--closable">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog__close" aria-label={t('safeEdits.dialog.close')} title={t('safeEdits.dialog.close')} onClick={requestClose} disabled={busy}>
            <Icon name="cross" />
          </button>
        </div>
        {onSubmit ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              // A dialog opened from another is a portal, but React bubbles through portals: the
              // outer dialog's form must not submit too.
              event.stopPropagation();
              if (!busyRef.current) onSubmit(event.currentTarget);
            }}
            className="dialog__form"
          >
            {content}
          </form>
        ) : (
          content
        )}
      </div>
      {asking ? (
        <DiscardChangesDialog
          title={title}
          onKeepEditing={() => setAsking(false)}
          onDiscard={() => {
            setAsking(false);
            onCloseRef.current();
          }}
        />
      ) : null}
    </div>,
    document.body,
  );
}

/** "Discard your changes?": Keep editing (the default, and Escape) or Discard. */
export function DiscardChangesDialog({ title, onKeepEditing, onDiscard }: { title: ReactNode; onKeepEditing: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('safeEdits.dialog.discardTitle')}
      onClose={onKeepEditing}
      footer={
        <>
          <Button variant="danger" onClick={onDiscard}>
            {t('safeEdits.dialog.discard')}
          </Button>
          <Button variant="primary" onClick={onKeepEditing} data-autofocus>
            {t('safeEdits.dialog.keepEditing')}
          </Button>
        </>
      }
    >
      <p>{typeof title === 'string' ? t('safeEdits.dialog.discardBody', { title }) : t('safeEdits.dialog.discardBodyPlain')}</p>
    </Dialog>
  );
}

/** "Are you sure?" with the consequence spelled out; shows the core's refusal if there is one. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  onConfirm,
  onClose,
}: {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}) {
  const { busy, error, submit } = useSubmit(async () => void (await onConfirm()), onClose);
  return (
    <Dialog title={title} onClose={onClose} busy={busy} footer={<ConfirmFooter confirmLabel={confirmLabel} danger={danger} busy={busy} onCancel={onClose} onConfirm={submit} autoFocus />}>
      <ErrorBanner error={error} />
      {children}
    </Dialog>
  );
}

/** Cancel, and the button that does the thing (red when it cannot be undone). */
export function ConfirmFooter({ confirmLabel, danger = false, busy, disabled = false, autoFocus = false, onCancel, onConfirm }: { confirmLabel: string; danger?: boolean; busy: boolean; disabled?: boolean; autoFocus?: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
      <Button variant={danger ? 'danger-solid' : 'primary'} busy={busy} disabled={disabled} onClick={onConfirm} data-autofocus={autoFocus ? true : undefined}>
        {confirmLabel}
      </Button>
    </>
  );
}
