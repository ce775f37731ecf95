import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-solid' | 'ghost' | 'on-dark';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  icon?: IconName;
  busy?: boolean;
  children: ReactNode;
}

/** The one button. `busy` keeps it focusable but inert while its action runs. */
export function Button({ variant = 'secondary', size = 'normal', icon, busy = false, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, size === 'small' ? 'button--small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={busy ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {icon ? <Icon name={busy ? 'spinner' : icon} /> : null}
      {children}
    </button>
  );
}

/** A link that looks like a button, for navigation (hash routes). */
export function ButtonLink({ href, variant = 'secondary', size = 'normal', icon, children, ...rest }: { href: string; variant?: ButtonVariant; size?: 'normal' | 'small'; icon?: IconName; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const classes = ['button', `button--${variant}`, size === 'small' ? 'button--small' : ''].filter(Boolean).join(' ');
  return (
    <a href={href} className={classes} {...rest}>
      {icon ? <Icon name={icon} /> : null}
      {children}
    </a>
  );
}
