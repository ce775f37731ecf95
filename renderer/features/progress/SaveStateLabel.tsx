import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/Icon';
import type { SaveState } from './progress-slice';

const ICONS: Record<SaveState, IconName> = { empty: 'minus', unsaved: 'dot', saving: 'spinner', saved: 'check', error: 'alert', tooLong: 'alert' };

/** "Saved", "Unsaved changes", "Saving…", "Not saved", "Not saved: too long" — with an icon, announced when it changes. */
export const SaveStateLabel = memo(function SaveStateLabel({ state, id }: { state: SaveState; id?: string }) {
  const { t } = useTranslation();
  return (
    <span id={id} className={`save-state save-state--${state === 'tooLong' ? 'error' : state}`} role="status" data-save-state={state}>
      <Icon name={ICONS[state]} size={12} />
      {state === 'tooLong' ? t('progressForm.tooLongState') : t(`progress.saveState.${state}`)}
    </span>
  );
});
