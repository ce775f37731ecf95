/** Small pieces the exchange screens share (import, export, peers): fingerprint, trust chip, working bar, refusal reason. */
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type BundleRefusalReason, bundleRefusalReason } from '../../../shared/bundle-refusals';
import { ApiError } from '../../api/api-error';
import { Icon } from '../../components/Icon';
import './exchange.css';

/** A key fingerprint, big and spaced so it can be read out over the phone. */
export function Fingerprint({ value, small = false, label }: { value: string; small?: boolean; label?: string }) {
  return (
    <p className={small ? 'fingerprint fingerprint--small' : 'fingerprint'} aria-label={label ? `${label}: ${value}` : undefined}>
      {value.split('-').map((group, i, all) => (
        // "VQBB -" stays on one line; lines break only between groups.
        <Fragment key={i}>
          <span className="fingerprint__group">{i < all.length - 1 ? `${group} -` : group}</span>
          {i < all.length - 1 ? ' ' : null}
        </Fragment>
      ))}
    </p>
  );
}

/** An indeterminate progress bar: the call is one request, so there is no percentage to show. */
export function WorkingBar({ label }: { label: string }) {
  const id = useId();
  return (
    <div>
      <p className="muted" id={id}>
        {label}
      </p>
      <div className="progress-bar" role="progressbar" aria-labelledby={id} aria-busy="true" />
    </div>
  );
}

/** Trusted / not trusted yet / revoked, as an icon and a word (never colour alone). */
export function TrustChip({ state }: { state: 'trusted' | 'unknown' | 'revoked' }) {
  const { t } = useTranslation();
  const look = state === 'trusted' ? { icon: 'check' as const, tone: 'success' } : state === 'revoked' ? { icon: 'cross' as const, tone: 'danger' } : { icon: 'alert' as const, tone: 'warning' };
  return (
    <span className={`chip chip--${look.tone}`}>
      <Icon name={look.icon} size={14} />
      {t(`sync.trust.${state}`)}
    </span>
  );
}

/** The reason a bundle was refused (details.reason of the core's error), if it says one. */
export function refusalReason(error: unknown): BundleRefusalReason | null {
  return error instanceof ApiError ? bundleRefusalReason(error.details) : null;
}

/** Two radio buttons for a yes-or-no choice (encrypt or not, every community or some). */
export function TwoChoices({ legend, name, value, onChange, yes, no }: { legend: string; name: string; value: boolean; onChange: (value: boolean) => void; yes: string; no: string }) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <div className="sync-choices">
        {([true, false] as const).map((choice) => (
          <label key={String(choice)} className="choice">
            <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} />
            {choice ? yes : no}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
