import { PROGRESS_STATUSES, type ProgressStatus } from '../../shared/vocabulary';

/** Some outputs carry a status as a plain string (plans:previewCopyForward); check before labelling it. */
export function isProgressStatus(value: unknown): value is ProgressStatus {
  return typeof value === 'string' && (PROGRESS_STATUSES as readonly string[]).includes(value);
}
