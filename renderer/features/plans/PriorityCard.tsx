/** One priority of a plan: its zone and themes, its actions and its indicators. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, Indicator, Priority } from '../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/Feedback';
import { Table, type Column } from '../../components/Table';
import { useFormat } from '../../i18n/format';
import { href } from '../../app/routes';
import type { PlanReference } from './plan-reference';

export interface PriorityCardProps {
  priority: Priority;
  position: number;
  count: number;
  editable: boolean;
  reference: PlanReference;
  onMove(direction: -1 | 1): void;
  onEdit(): void;
  onRemove(): void;
  onAddAction(): void;
  onEditAction(action: Action): void;
  onRemoveAction(action: Action): void;
  onAddIndicator(): void;
  onEditIndicator(indicator: Indicator): void;
  onRemoveIndicator(indicator: Indicator): void;
}

export function PriorityCard(props: PriorityCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { priority, position, count, editable, reference } = props;
  const headingId = `priority-${priority.id}`;

  const actionColumns: Array<Column<Action>> = [
    {
      key: 'title',
      header: t('plan.action'),
      rowHeader: true,
      render: (a) => (
        <>
          {a.title}
          {a.description ? <div className="muted small pre-wrap">{a.description}</div> : null}
          {a.continuesActionId ? <div className="muted small">{t('plan.carriedOver')}</div> : null}
        </>
      ),
    },
    { key: 'owner', header: t('plan.owner'), render: (a) => t(`vocab.owner.${a.owner}`) },
    { key: 'lead', header: t('plan.lead'), render: (a) => reference.personName(a.leadPersonId) ?? a.leadName ?? <span className="muted">{t('common.none')}</span> },
    {
      key: 'partners',
      header: t('plan.partners'),
      render: (a) => (a.partnerOrganisationIds.length ? a.partnerOrganisationIds.map(reference.organisationName).join(', ') : <span className="muted">{t('common.none')}</span>),
    },
    { key: 'quarters', header: t('plan.quarters'), render: (a) => (a.plannedQuarters.length ? a.plannedQuarters.map(format.quarterShort).join(', ') : <span className="muted">{t('common.none')}</span>) },
    {
      key: 'commitments',
      header: t('plan.commitments'),
      render: (a) =>
        a.commitmentIds.length ? (
          a.commitmentIds.map((id) => {
            const c = reference.commitment(id);
            return (
              <a key={id} href={href.commitment(id)} className="tag" title={c?.title}>
                {c?.number ?? id}
              </a>
            );
          })
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
  ];
  if (editable) {
    actionColumns.push({
      key: 'edit',
      header: <span className="visually-hidden">{t('common.changes')}</span>,
      render: (a) => (
        <span className="button-group">
          <Button size="small" variant="ghost" onClick={() => props.onEditAction(a)} aria-label={t('plan.editActionNamed', { title: a.title })}>
            {t('common.edit')}
          </Button>
          <Button size="small" variant="ghost" onClick={() => props.onRemoveAction(a)} aria-label={t('plan.removeActionNamed', { title: a.title })}>
            {t('common.remove')}
          </Button>
        </span>
      ),
    });
  }

  const indicatorColumns: Array<Column<Indicator>> = [
    { key: 'name', header: t('plan.indicator'), rowHeader: true, render: (i) => i.name },
    { key: 'unit', header: t('plan.unit'), render: (i) => i.unit },
    { key: 'baseline', header: t('plan.baseline'), numeric: true, render: (i) => (i.baseline === null ? '—' : format.number(i.baseline)) },
    { key: 'target', header: t('plan.target'), numeric: true, render: (i) => (i.target === null ? '—' : format.number(i.target)) },
    { key: 'direction', header: t('plan.direction'), render: (i) => t(`vocab.direction.${i.direction}`) },
    { key: 'source', header: t('plan.source'), render: (i) => i.source ?? <span className="muted">{t('common.none')}</span> },
  ];
  if (editable) {
    indicatorColumns.push({
      key: 'edit',
      header: <span className="visually-hidden">{t('common.changes')}</span>,
      render: (i) => (
        <span className="button-group">
          <Button size="small" variant="ghost" onClick={() => props.onEditIndicator(i)} aria-label={t('plan.editIndicatorNamed', { name: i.name })}>
            {t('common.edit')}
          </Button>
          <Button size="small" variant="ghost" onClick={() => props.onRemoveIndicator(i)} aria-label={t('plan.removeIndicatorNamed', { name: i.name })}>
            {t('common.remove')}
          </Button>
        </span>
      ),
    });
  }

  return (
    <section className="priority" aria-labelledby={headingId}>
      <div className="priority__header">
        <span className="priority__rank" aria-hidden="true">
          {position + 1}
        </span>
        <div className="priority__title">
          <h3 id={headingId}>
            <span className="visually-hidden">{t('plan.priorityNumber', { n: position + 1 })} </span>
            {priority.title}
          </h3>
          <div className="priority__meta">
            <span className="chip chip--info">{t(`vocab.zone.${priority.zone}`)}</span>
            {priority.themeIds.map((id) => (
              <span key={id} className="tag">
                {reference.themeName(id)}
              </span>
            ))}
          </div>
          {priority.description ? <p className="muted pre-wrap small">{priority.description}</p> : null}
        </div>
        {editable ? (
          <div className="button-group">
            <Button size="small" id={`move-up-${priority.id}`} disabled={position === 0} onClick={() => props.onMove(-1)} aria-label={t('plan.moveUpNamed', { title: priority.title })}>
              {t('plan.moveUp')}
            </Button>
            <Button size="small" id={`move-down-${priority.id}`} disabled={position === count - 1} onClick={() => props.onMove(1)} aria-label={t('plan.moveDownNamed', { title: priority.title })}>
              {t('plan.moveDown')}
            </Button>
            <Button size="small" onClick={props.onEdit} aria-label={t('plan.editPriorityNamed', { title: priority.title })}>
              {t('common.edit')}
            </Button>
            <Button size="small" variant="danger" onClick={props.onRemove} aria-label={t('plan.removePriorityNamed', { title: priority.title })}>
              {t('common.remove')}
            </Button>
          </div>
        ) : null}
      </div>

      <PrioritySection
        heading={t('plan.actionsHeading', { count: priority.actions.length })}
        add={editable ? { label: t('plan.addAction'), named: t('plan.addActionTo', { title: priority.title }), onClick: props.onAddAction } : null}
        empty={priority.actions.length === 0 ? (editable ? t('plan.noActionsEditable') : t('plan.noActions')) : null}
      >
        <Table caption={t('plan.actionsCaption', { title: priority.title })} hideCaption columns={actionColumns} rows={priority.actions} rowKey={(a) => a.id} compact />
      </PrioritySection>
      <PrioritySection
        heading={t('plan.indicatorsHeading', { count: priority.indicators.length })}
        add={editable ? { label: t('plan.addIndicator'), named: t('plan.addIndicatorTo', { title: priority.title }), onClick: props.onAddIndicator } : null}
        empty={priority.indicators.length === 0 ? (editable ? t('plan.noIndicatorsEditable') : t('plan.noIndicators')) : null}
      >
        <Table caption={t('plan.indicatorsCaption', { title: priority.title })} hideCaption columns={indicatorColumns} rows={priority.indicators} rowKey={(i) => i.id} compact />
      </PrioritySection>
    </section>
  );
}

/** The actions or the indicators of a priority: a heading, an add button when editable, the table or why it is empty. */
function PrioritySection({ heading, add, empty, children }: { heading: string; add: { label: string; named: string; onClick: () => void } | null; empty: string | null; children: ReactNode }) {
  return (
    <div className="priority__section">
      <div className="priority__section-header">
        <h4>{heading}</h4>
        {add ? (
          <Button size="small" icon="pencil" onClick={add.onClick} aria-label={add.named}>
            {add.label}
          </Button>
        ) : null}
      </div>
      {empty !== null ? <p className="muted small">{empty}</p> : children}
    </div>
  );
}

export function NoPriorities({ editable, onAdd }: { editable: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('plan.noPrioritiesTitle')}
      action={
        editable ? (
          <Button variant="primary" onClick={onAdd}>
            {t('plan.addPriority')}
          </Button>
        ) : undefined
      }
    >
      {editable ? t('plan.noPrioritiesEditable') : t('plan.noPrioritiesReadOnly')}
    </EmptyState>
  );
}
