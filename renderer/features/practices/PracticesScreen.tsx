/**
 * The territory's library of promising practices (issue 14 §2): search by words, filter by theme,
 * zone and community, a practice's details; the coordinator's proposals waiting (accept with its
 * own wording, or decline with a reason), and a community's own proposals with their decision.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practice, PracticeProposal, Theme } from '../../../shared/domain';
import { CSWB_ZONES, type CswbZone } from '../../../shared/vocabulary';
import { Button } from '../../components/Button';
import { DefinitionList } from '../../components/DefinitionList';
import { EmptyState, ErrorBanner, LoadedList, NoMatch } from '../../components/Feedback';
import { Select, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Table } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { useCall, usePlanner } from '../../app/store-context';
import { AcceptProposalDialog, DeclineProposalDialog } from './ProposalDialogs';
import { ConfirmDialog } from '../../components/Dialog';
import { usePracticeCommands } from './practice-commands';

export function PracticesScreen() {
  const { t } = useTranslation();
  const locale = usePlanner((s) => s.locale);
  const isCoordinator = usePlanner((s) => s.profile?.role === 'coordinator');
  const [search, setSearch] = useState('');
  const [themeId, setThemeId] = useState('');
  const [zone, setZone] = useState<CswbZone | ''>('');
  const [communityId, setCommunityId] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const themes = useCall('themes:list', {});
  const communities = useCall('communities:list', {});
  const all = useCall('practices:list', {});
  const filtered = useCall('practices:list', {
    ...(search.trim() ? { search: search.trim().slice(0, 200) } : {}),
    ...(themeId ? { themeIds: [themeId] } : {}),
    ...(zone ? { zone } : {}),
    ...(communityId ? { communityId } : {}),
  });
  const themeName = useMemo(() => {
    const byId = new Map((themes.data ?? []).map((th) => [th.id, locale === 'fr' ? th.nameFr : th.nameEn]));
    return (id: string) => byId.get(id) ?? id;
  }, [themes.data, locale]);
  const rows = filtered.data ?? all.data ?? [];
  const open = rows.find((p) => p.id === openId) ?? (all.data ?? []).find((p) => p.id === openId) ?? null;

  return (
    <>
      <PageHeader title={t('practices.title')} subtitle={t('practices.subtitle')} />
      <Proposals isCoordinator={isCoordinator} themes={themes.data ?? []} />
      <div className="panel">
        <div className="grid-3">
          <TextField type="search" label={t('practices.search')} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} />
          <Select
            label={t('practices.filterTheme')}
            value={themeId}
            onChange={(e) => setThemeId(e.target.value)}
            placeholder={t('practices.anyTheme')}
            options={(themes.data ?? []).map((th) => ({ value: th.id, label: locale === 'fr' ? th.nameFr : th.nameEn }))}
          />
          <Select label={t('practices.filterZone')} value={zone} onChange={(e) => setZone(e.target.value as CswbZone | '')} placeholder={t('practices.anyZone')} options={CSWB_ZONES.map((z) => ({ value: z, label: t(`vocab.zone.${z}`) }))} />
          <Select
            label={t('practices.filterCommunity')}
            value={communityId}
            onChange={(e) => setCommunityId(e.target.value)}
            placeholder={t('practices.anyCommunity')}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </div>
      </div>
      <LoadedList call={all} empty={<EmptyState title={t('practices.emptyTitle')}>{t('practices.emptyBody')}</EmptyState>}>
        {() =>
          filtered.error ? (
            <ErrorBanner error={filtered.error} />
          ) : rows.length === 0 ? (
            <NoMatch />
          ) : (
            <>
              <p className="muted" role="status">
                {t('practices.count', { count: rows.length })}
              </p>
              <Table
                caption={t('practices.title')}
                hideCaption
                rows={rows}
                rowKey={(p) => p.id}
                columns={[
                  { key: 'title', header: t('practices.colTitle'), rowHeader: true, render: (p) => p.title },
                  { key: 'themes', header: t('practices.colThemes'), render: (p) => p.themeIds.map(themeName).join(', ') || '—' },
                  { key: 'zone', header: t('practices.colZone'), render: (p) => (p.zone ? t(`vocab.zone.${p.zone}`) : '—') },
                  { key: 'where', header: t('practices.colWhere'), render: (p) => p.communityNames.join(', ') || '—' },
                  { key: 'status', header: t('practices.colStatus'), render: (p) => t(`practices.statusLabel.${p.status}`) },
                  {
                    key: 'open',
                    header: <span className="visually-hidden">{t('practices.details')}</span>,
                    sortable: false,
                    render: (p) => (
                      <Button size="small" variant="ghost" aria-expanded={openId === p.id} aria-label={t('practices.detailsNamed', { title: p.title })} onClick={() => setOpenId(openId === p.id ? null : p.id)}>
                        {t('practices.details')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          )
        }
      </LoadedList>
      {open ? <PracticeDetails practice={open} themeName={themeName} isCoordinator={isCoordinator} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

function PracticeDetails({ practice: p, themeName, isCoordinator, onClose }: { practice: Practice; themeName: (id: string) => string; isCoordinator: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const commands = usePracticeCommands();
  const [withdrawing, setWithdrawing] = useState(false);
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [p.id]);
  const none = <span className="muted">{t('practices.none')}</span>;
  const when = [p.fiscalYear ? format.fiscalYear(p.fiscalYear) : null, p.triedFrom || p.triedTo ? `${format.date(p.triedFrom) || '…'} – ${format.date(p.triedTo) || '…'}` : null].filter(Boolean).join(', ');
  return (
    <section className="panel" aria-labelledby={`practice-${p.id}`}>
      <div className="panel__header">
        <h2 id={`practice-${p.id}`} ref={heading} tabIndex={-1}>
          {p.title}
        </h2>
        <Button size="small" onClick={onClose}>
          {t('practices.closeDetails')}
        </Button>
      </div>
      <DefinitionList
        facts={[
          [t('practices.whatWasDone'), <span className="pre-wrap">{p.whatWasDone}</span>],
          [t('practices.challenge'), p.challenge ? <span className="pre-wrap">{p.challenge}</span> : none],
          [t('practices.themes'), p.themeIds.map(themeName).join(', ') || none],
          [t('practices.zone'), p.zone ? t(`vocab.zone.${p.zone}`) : none],
          [t('practices.where'), p.communityNames.join(', ') || none],
          [t('practices.when'), when || none],
          [t('practices.outcome'), p.outcome ? <span className="pre-wrap">{p.outcome}</span> : none],
          [t('practices.contact'), p.contactLabel ?? none],
          [t('practices.status'), t(`practices.statusLabel.${p.status}`)],
        ]}
      />
      {p.indicatorIds.length > 0 ? <p className="muted small">{t('practices.indicators', { count: p.indicatorIds.length })}</p> : null}
      <p className="muted small">{t('practices.publishedOn', { who: p.publishedBy, date: format.date(p.publishedAt) })}</p>
      {isCoordinator ? (
        <Button size="small" variant="danger" aria-label={t('practices.withdraw.buttonNamed', { title: p.title })} onClick={() => setWithdrawing(true)}>
          {t('practices.withdraw.button')}
        </Button>
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          danger
          title={t('practices.withdraw.title', { title: p.title })}
          confirmLabel={t('practices.withdraw.confirm')}
          onClose={() => setWithdrawing(false)}
          onConfirm={async () => {
            await commands.withdraw(p.id, p.title);
            onClose();
          }}
        >
          <p>{t('practices.withdraw.body')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** The coordinator: proposals waiting, to accept or decline. A community: its own proposals and what became of them. */
function Proposals({ isCoordinator, themes }: { isCoordinator: boolean; themes: readonly Theme[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const proposals = useCall('practices:proposals', isCoordinator ? { waitingOnly: true } : {});
  const [deciding, setDeciding] = useState<{ kind: 'accept' | 'decline'; proposal: PracticeProposal } | null>(null);
  const commands = usePracticeCommands();
  const [failed, setFailed] = useState<unknown>(null);
  const list = proposals.data ?? [];
  if (!isCoordinator && list.length === 0) return null;
  const stateOf = (p: PracticeProposal) =>
    p.decision === 'accepted' ? t('practices.proposals.state.accepted') : p.decision === 'declined' ? t('practices.proposals.state.declined', { reason: p.declineReason ?? '' }) : t('practices.proposals.state.waiting');
  return (
    <section className="panel" aria-labelledby="practice-proposals">
      <h2 id="practice-proposals">{isCoordinator ? t('practices.proposals.heading') : t('practices.proposals.headingMine')}</h2>
      {proposals.error ? <ErrorBanner error={proposals.error} onRetry={proposals.reload} /> : null}
      {failed ? <ErrorBanner error={failed} /> : null}
      {list.length === 0 ? (
        <p className="muted">{t('practices.proposals.none')}</p>
      ) : (
        <ul className="plain-list">
          {list.map((p) => (
            <li key={p.id} className="proposal">
              <h3 className="h4">{p.title}</h3>
              <p className="muted small">{t('practices.proposals.from', { community: p.communityName, who: p.proposedBy, date: format.date(p.proposedAt) })}</p>
              <p className="pre-wrap">{p.whatWasDone}</p>
              {isCoordinator ? (
                <span className="button-group">
                  <Button size="small" variant="primary" aria-label={t('practices.proposals.acceptNamed', { title: p.title })} onClick={() => setDeciding({ kind: 'accept', proposal: p })}>
                    {t('practices.proposals.accept')}
                  </Button>
                  <Button size="small" aria-label={t('practices.proposals.declineNamed', { title: p.title })} onClick={() => setDeciding({ kind: 'decline', proposal: p })}>
                    {t('practices.proposals.decline')}
                  </Button>
                </span>
              ) : (
                <>
                  <p>
                    <strong>{stateOf(p)}</strong>
                  </p>
                  {p.decision === null ? (
                    <Button size="small" aria-label={t('practices.withdraw.proposalNamed', { title: p.title })} onClick={() => void commands.withdrawProposal(p.id, p.title).catch(setFailed)}>
                      {t('practices.withdraw.proposal')}
                    </Button>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {deciding?.kind === 'accept' ? <AcceptProposalDialog proposal={deciding.proposal} themes={themes} onClose={() => setDeciding(null)} /> : null}
      {deciding?.kind === 'decline' ? <DeclineProposalDialog proposal={deciding.proposal} onClose={() => setDeciding(null)} /> : null}
    </section>
  );
}
