/**
 * A modal dialog: rendered beside the app (a portal), which is made inert meanwhile so neither
 * pointer nor keyboard can reach it; Tab and Shift+Tab cycle inside the dialog; Escape closes it;
 * focus returns to where it was. Used for every form and every confirmation.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { ErrorBanner } from './Feedback';
import { useFocusableWhenScrolling } from './focusable-when-scrolling';
import { useSubmit } from './use-submit';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
  footer?: ReactNode;
  wide?: boolean;
  /** Wraps the body and footer in a form; Enter submits. */
  onSubmit?: () => void;
  /** While true, Escape does not close (a save is running). */
  busy?: boolean;
}

export function Dialog({ title, onClose, children, footer, wide = false, onSubmit, busy = false }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const backdropRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openDialogs += 1;
    setAppInert(true);
    const backdrop = backdropRef.current;
    const outer = dialogStack[dialogStack.length - 1];
    outer?.setAttribute('inert', '');
    if (backdrop) dialogStack.push(backdrop);
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus]') ?? ref.current?.querySelector<HTMLElement>(`.dialog__body ${FOCUSABLE}`) ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE);
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
      if (!busyRef.current) onCloseRef.current();
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
      <div className="dialog__body" ref={bodyRef}>
        {children}
      </div>
      {footer ? <div className="dialog__footer">{footer}</div> : null}
    </>
  );

  return createPortal(
    <div className="dialog-backdrop" ref={backdropRef}>
      <div ref={ref} className={wide ? 'dialog dialog--wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="dialog__header">
          <h2 id={titleId}>{title}</h2>
        </div>
        {onSubmit ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              // A dialog opened from another is a portal, but React bubbles through portals: the
              // outer dialog's form must not submit too.
              event.stopPropagation();
              if (!busyRef.current) onSubmit();
            }}
            className="dialog__form"
          >
            {content}
          </form>
        ) : (
          content
        )}
      </div>
    </div>,
    document.body,
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
