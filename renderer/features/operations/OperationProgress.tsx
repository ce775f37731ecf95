/**
 * A long operation's real progress (issue 13 §1): the core runs imports, exports and report
 * exports in its worker for long operations and pushes 'progress' events ({ operation, step,
 * done, total }); this bar shows them, names the step in the person's language, and offers to
 * stop the operation (operations:cancel: nothing is written, the call answers "Cancelled…").
 *
 * Until the first event arrives (or where nothing pushes events: an in-process core) the bar is
 * indeterminate, never an invented percentage.
 */
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressEvent, ProgressStep } from '../../../shared/contract-operations';
import { Button } from '../../components/Button';
import { useClient } from '../../app/store-hooks';
import { useFormat } from '../../i18n/format';
import './operations.css';

/** The steps each operation goes through, in order: the bar moves across all of them. */
export const OPERATION_STEPS: Readonly<Record<string, readonly ProgressStep[]>> = {
  'bundles:import': ['check', 'backup', 'apply'],
  'bundles:preview': ['check', 'apply'],
  'bundles:export': ['select', 'write'],
  'exports:file': ['report'],
  'reports:annual': ['report'],
  'demo:open': ['seed'],
};

/** The share of the whole operation done, 0–100: finished steps, plus the running step's part. */
export function overallPercent(event: ProgressEvent): number {
  const steps = OPERATION_STEPS[event.operation] ?? [event.step];
  const index = Math.max(0, steps.indexOf(event.step));
  const part = event.total === 0 ? 1 : Math.min(1, event.done / event.total);
  return Math.min(100, Math.floor(((index + part) / steps.length) * 100));
}

/** The latest progress event of `operation` (null before the first one). */
export function useOperationProgress(operation: string): ProgressEvent | null {
  const client = useClient();
  const [event, setEvent] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    setEvent(null);
    return client.on('progress', (next) => {
      if (next.operation === operation) setEvent(next);
    });
  }, [client, operation]);
  return event;
}

export function OperationProgress({ operation, label, cancellable = true }: { operation: string; label: ReactNode; cancellable?: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const client = useClient();
  const id = useId();
  const event = useOperationProgress(operation);
  const [stopping, setStopping] = useState(false);
  const steps = event ? (OPERATION_STEPS[event.operation] ?? [event.step]) : [];
  const percent = event ? overallPercent(event) : null;
  const stepText = event
    ? t('operations.stepOf', {
        step: t(`operations.steps.${event.step}`),
        done: number(event.done),
        total: number(event.total),
        index: steps.indexOf(event.step) + 1,
        steps: steps.length,
      })
    : t('operations.starting');

  async function stop() {
    setStopping(true);
    // The operation's own call answers "Cancelled: nothing was changed."; too late, it simply finishes.
    await client.invoke('operations:cancel', {});
  }

  return (
    <div className="operation-progress">
      <p className="muted" id={id}>
        {label}
      </p>
      {percent === null ? (
        <div className="operation-progress__bar" role="progressbar" aria-labelledby={id} aria-valuetext={stepText} aria-busy="true" />
      ) : (
        <div className="operation-progress__bar operation-progress__bar--determinate" role="progressbar" aria-labelledby={id} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={t('operations.valueText', { percent, stepText })}>
          <span className="operation-progress__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      <div className="operation-progress__footer">
        <p className="small muted operation-progress__step">{stepText}</p>
        {cancellable ? (
          <Button size="small" onClick={() => void stop()} busy={stopping} aria-describedby={id}>
            {stopping ? t('operations.stopping') : t('operations.stop')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
