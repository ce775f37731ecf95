/**
 * One line, on screens that read whatever this computer holds (the conflict inbox, the ten-year
 * history, the roll-up): a computer that keeps only some communities says which, so nobody takes
 * its view for the whole territory (issue 11, §1). The coordinator's computer, and a database whose
 * profile names no community, keep everything: nothing to say.
 */
import { useTranslation } from 'react-i18next';
import { useCall, usePlanner } from '../../app/store-context';

export function ScopeNote() {
  const { t, i18n } = useTranslation();
  const profile = usePlanner((s) => s.profile);
  const partial = profile !== null && profile.role !== 'coordinator' && profile.scopeCommunityIds.length > 0;
  const communities = useCall('communities:list', partial ? {} : null, { live: false });
  if (!partial) return null;
  const names = new Map((communities.data ?? []).map((c) => [c.id, c.name]));
  const list = profile.scopeCommunityIds.map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b, i18n.language));
  if (communities.data === undefined) return null;
  return (
    <p className="scope-note small" data-testid="scope-note">
      {t('exchangeImport.scope.only', { communities: new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(list) })}
    </p>
  );
}
