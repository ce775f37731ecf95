/**
 * Pieces every Territory list shares: the sub-navigation between the lists, the row's Edit and
 * Retire (or Bring back) buttons, the confirmation before retiring, and the "Retired" section.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/Feedback';
import { Table, type Column } from '../../components/Table';
import { href, TERRITORY_TABS, type TerritoryTab } from '../../app/routes';
import { usePlanner } from '../../app/store-context';
import './territory-admin.css';

/** Whether this computer may change the territory's reference lists (the coordinator's). */
export function useCanAdminister(): boolean {
  return usePlanner((s) => s.profile?.role === 'coordinator');
}

/** Links between the lists of the Territory section. */
export function TerritorySubnav({ current }: { current: TerritoryTab }) {
  const { t } = useTranslation();
  return (
    <nav className="territory-subnav" aria-label={t('territoryAdmin.tabs.label')}>
      {TERRITORY_TABS.map((tab) => (
        <ButtonLink key={tab} href={href.territory(tab)} size="small" variant={tab === current ? 'primary' : 'secondary'} aria-current={tab === current ? 'page' : undefined}>
          {t(`territoryAdmin.tabs.${tab}`)}
        </ButtonLink>
      ))}
    </nav>
  );
}

/** A record a list shows: an id, and whether it was retired. */
export interface ListedRecord {
  id: string;
  retired: boolean;
}

/** Edit and Retire buttons of a live row, each naming the record for screen readers. */
export function RowActions({ name, onEdit, onRetire }: { name: string; onEdit: () => void; onRetire: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="button-group row-actions">
      <Button size="small" icon="pencil" onClick={onEdit} aria-label={t('territoryAdmin.common.editNamed', { name })}>
        {t('territoryAdmin.common.edit')}
      </Button>
      <Button size="small" variant="danger" icon="archive" onClick={onRetire} aria-label={t('territoryAdmin.common.retireNamed', { name })}>
        {t('territoryAdmin.common.retire')}
      </Button>
    </span>
  );
}

/** Asks before retiring, saying what retiring does and does not do. */
export function RetireDialog({ title, body, onConfirm, onClose }: { title: string; body: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog title={title} confirmLabel={t('territoryAdmin.common.retireConfirm')} danger onConfirm={onConfirm} onClose={onClose}>
      <p>{body}</p>
    </ConfirmDialog>
  );
}

/**
 * The retired records of a list, under their own heading: when each left the lists, and Bring back
 * (for the coordinator). Nothing is shown while none is retired.
 */
export function RetiredSection<T extends ListedRecord>({
  id,
  caption,
  rows,
  nameOf,
  columns,
  canAdminister,
  onBringBack,
}: {
  id: string;
  caption: string;
  rows: readonly T[];
  nameOf: (row: T) => string;
  columns: ReadonlyArray<Column<T>>;
  canAdminister: boolean;
  onBringBack: (row: T) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (rows.length === 0) return null;
  async function bringBack(row: T) {
    setError(null);
    setBusy(row.id);
    try {
      await onBringBack(row);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  const all: Array<Column<T>> = [...columns];
  if (canAdminister) {
    all.push({
      key: 'bringBack',
      header: <span className="visually-hidden">{t('territoryAdmin.common.actions')}</span>,
      render: (r) => (
        <Button size="small" icon="arrow-right" busy={busy === r.id} onClick={() => void bringBack(r)} aria-label={t('territoryAdmin.common.bringBackNamed', { name: nameOf(r) })}>
          {t('territoryAdmin.common.bringBack')}
        </Button>
      ),
    });
  }
  return (
    <section aria-labelledby={id} className="section-gap">
      <h2 id={id}>{caption}</h2>
      <p className="muted small">{t('territoryAdmin.common.retiredHint')}</p>
      <ErrorBanner error={error} />
      <Table caption={caption} hideCaption compact columns={all} rows={rows} rowKey={(r) => r.id} />
    </section>
  );
}

/** The header of a list: its buttons (for the coordinator) beside whatever filters it has. */
/** The coordinator's two buttons above a list: add one record, or import many from a spreadsheet. */
export function AddAndImport({ addLabel, onAdd, onImport }: { addLabel: string; onAdd: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="primary" icon="pencil" onClick={onAdd}>
        {addLabel}
      </Button>
      <Button icon="arrow-right" onClick={onImport}>
        {t('territoryAdmin.common.importSpreadsheet')}
      </Button>
    </>
  );
}

export function ListToolbar({ children, actions }: { children?: ReactNode; actions?: ReactNode }) {
  if (!children && !actions) return null;
  // Buttons alone sit above the list; with filters beside them they share a panel.
  return (
    <div className={children ? 'panel territory-toolbar' : 'territory-toolbar territory-toolbar--bare'}>
      <div className="row">{children}</div>
      {actions ? <div className="button-group">{actions}</div> : null}
    </div>
  );
}
