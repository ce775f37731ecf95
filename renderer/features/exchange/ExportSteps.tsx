/**
 * The export wizard's steps (issue 11 §4): the recipient chosen by name (and more computers that
 * serve the same communities), what the bundle will contain per community with how it will be
 * encrypted, and where the file goes (USB drives first). ExportWizard.tsx holds the state and the calls.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../shared/text-search';
import type { BundleDestination, ExportContents, ExportRecipient } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { Banner } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { Table } from '../../components/Table';

/** More computers than this: a filter above the list. */
const SEARCH_FROM = 8;

/** Whether two computers read the same communities (null: every community). */
export function sameScope(a: ExportRecipient, b: ExportRecipient): boolean {
  if (a.communityIds === null || b.communityIds === null) return a.communityIds === b.communityIds;
  const set = new Set(a.communityIds);
  return a.communityIds.length === b.communityIds.length && b.communityIds.every((id) => set.has(id));
}

function RecipientLine({ recipient }: { recipient: ExportRecipient }) {
  const { t } = useTranslation();
  if (!recipient.enrolled || recipient.role === null) {
    return (
      <span>
        <strong>{recipient.name}</strong> — {t('exchangeExport.notEnrolled')}
      </span>
    );
  }
  const communities = recipient.communityNames === null ? t('exchangeExport.allCommunities') : recipient.communityNames.join(', ');
  return (
    <span>
      <strong>{recipient.name}</strong>
      <br />
      <span className="muted">{t('exchangeExport.recipientEnrolled', { user: recipient.userName ?? '', role: t(`vocab.role.${recipient.role}`), communities })}</span>
    </span>
  );
}

export function RecipientStep({
  recipients,
  to,
  onTo,
  also,
  onAlso,
}: {
  recipients: ExportRecipient[];
  to: string;
  onTo: (to: string) => void;
  also: string[];
  onAlso: (also: string[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const chosen = recipients.find((r) => r.installationId === to) ?? null;
  const companions = chosen ? recipients.filter((r) => r.installationId !== chosen.installationId && r.enrolled && chosen.enrolled && sameScope(r, chosen)) : [];
  // A territory has dozens of computers: a filter by computer, user or community; the chosen one stays listed.
  const shown = search.trim() === '' ? recipients : recipients.filter((r) => r.installationId === to || [r.name, r.userName ?? '', ...(r.communityNames ?? [])].some((text) => matchesSearch(text, search)));
  return (
    <div className="stack">
      {recipients.length > SEARCH_FROM ? (
        <TextField className="field--inline" type="search" label={t('exchangeExport.find')} hint={t('exchangeExport.findHint')} value={search} onChange={(e) => setSearch(e.target.value)} />
      ) : null}
      <fieldset className="choice-group">
        <legend>{t('exchangeExport.toLegend')}</legend>
        <p className="field__hint">{t('exchangeExport.toHint')}</p>
        <div className="sync-choices">
          {shown.map((r) => (
            <label key={r.installationId} className="choice">
              <input type="radio" name="export-to" value={r.installationId} checked={to === r.installationId} onChange={() => onTo(r.installationId)} />
              <RecipientLine recipient={r} />
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="export-to" value="full" checked={to === 'full'} onChange={() => onTo('full')} />
            <span>
              <strong>{t('exchangeExport.full')}</strong> — {t('exchangeExport.fullHint')}
            </span>
          </label>
        </div>
        {recipients.length === 0 ? <p className="field__hint">{t('exchangeExport.noRecipients')}</p> : null}
      </fieldset>
      {companions.length > 0 ? (
        <fieldset className="choice-group">
          <legend>{t('exchangeExport.alsoLegend')}</legend>
          <p className="field__hint">{t('exchangeExport.alsoHint')}</p>
          <div className="sync-choices">
            {companions.map((r) => (
              <label key={r.installationId} className="choice">
                <input
                  type="checkbox"
                  checked={also.includes(r.installationId)}
                  onChange={(e) => onAlso(e.target.checked ? [...also, r.installationId] : also.filter((id) => id !== r.installationId))}
                />
                {t('exchangeExport.alsoFor', { name: r.name, role: r.role ? t(`vocab.role.${r.role}`) : '' })}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}

/** What the bundle will contain, per community, then the territory-wide lists. */
export function ContentsTable({ contents }: { contents: ExportContents }) {
  const { t } = useTranslation();
  if (contents.changesetCount === 0) return <p>{t('exchangeExport.contentsNothing')}</p>;
  const rows = [...contents.parts.map((p) => ({ key: p.partition, label: p.kind === 'community' ? p.communityName! : p.kind === 'territory' ? t('exchangeExport.territoryWide') : t('exchangeExport.legacy'), count: p.changesets })), { key: '#total', label: t('exchangeExport.contentsTotal'), count: contents.changesetCount }];
  return (
    <Table
      caption={t('exchangeExport.contentsCaption')}
      compact
      columns={[
        { key: 'part', header: t('exchangeExport.contentsPart'), render: (r) => (r.key === '#total' ? <strong>{r.label}</strong> : r.label), rowHeader: true },
        { key: 'count', header: t('exchangeExport.contentsChanges'), render: (r) => r.count, numeric: true },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}

/** Says plainly whether the bundle is encrypted to its recipients' keys or needs a passphrase, and why. */
export function EncryptionStatement({ contents, names, full }: { contents: ExportContents; names: string[]; full: boolean }) {
  const { t } = useTranslation();
  if (contents.encryption === 'recipients') {
    return (
      <Banner tone="success" title={t('exchangeExport.toRecipientsTitle')}>
        <p>{t('exchangeExport.toRecipientsBody', { count: names.length, names: names.join(', ') })}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="info" title={t('exchangeExport.needsPassphraseTitle')}>
      <p>{full ? t('exchangeExport.needsPassphraseFull') : t('exchangeExport.needsPassphraseNoKey', { names: contents.withoutKey.join(', ') })}</p>
    </Banner>
  );
}

export const ELSEWHERE = '#elsewhere';

/** Where the file goes: USB drives first (as the adapter lists them), then Documents and home, or another place. */
export function WhereStep({
  destinations,
  chosen,
  onChoose,
  canChooseElsewhere,
  onLookAgain,
}: {
  destinations: BundleDestination[];
  chosen: string;
  onChoose: (file: string) => void;
  canChooseElsewhere: boolean;
  onLookAgain: () => void;
}) {
  const { t } = useTranslation();
  const drives = destinations.some((d) => d.kind === 'removable');
  const hint = destinations.length === 0 ? t('exchangeExport.noDestination') : drives ? t('exchangeExport.whereHint') : canChooseElsewhere ? t('exchangeExport.noDrive') : null;
  return (
    <fieldset className="choice-group">
      <legend>{t('exchangeExport.whereLegend')}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="sync-choices">
        {destinations.map((d) => (
          <label key={d.file} className="choice">
            <input type="radio" name="export-where" value={d.file} checked={chosen === d.file} onChange={() => onChoose(d.file)} />
            <span>
              <strong>{t(`exchangeExport.kind.${d.kind}`, { name: d.name })}</strong>
              <br />
              <code className="export-path">{d.file}</code>
            </span>
          </label>
        ))}
        {canChooseElsewhere ? (
          <label className="choice">
            <input type="radio" name="export-where" value={ELSEWHERE} checked={chosen === ELSEWHERE} onChange={() => onChoose(ELSEWHERE)} />
            <span>
              <strong>{t('exchangeExport.elsewhere')}</strong> — {t('exchangeExport.elsewhereHint')}
            </span>
          </label>
        ) : null}
      </div>
      {canChooseElsewhere ? (
        <p>
          <Button size="small" onClick={onLookAgain}>
            {t('exchangeExport.lookAgain')}
          </Button>
        </p>
      ) : null}
    </fieldset>
  );
}
