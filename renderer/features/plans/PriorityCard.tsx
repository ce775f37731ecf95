/** One priority of a plan: its zone and themes, its actions and its indicators. */
import type { TFunction } from 'i18next';
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
  /** Share an action as a promising practice (issue 14 §2); absent: this computer may not. */
  onShareAction?(action: Action): void;
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
  if (props.onShareAction) actionColumns.push(shareColumn(t, props.onShareAction));
  if (editable) actionColumns.push(editColumn<Action>(t, props.onEditAction, props.onRemoveAction, (a) => t('plan.editActionNamed', { title: a.title }), (a) => t('plan.removeActionNamed', { title: a.title })));

  const indicatorColumns: Array<Column<Indicator>> = [
    { key: 'name', header: t('plan.indicator'), rowHeader: true, render: (i) => i.name },
    { key: 'unit', header: t('plan.unit'), render: (i) => i.unit },
    { key: 'baseline', header: t('plan.baseline'), numeric: true, render: (i) => (i.baseline === null ? '—' : format.number(i.baseline)) },
    { key: 'target', header: t('plan.target'), numeric: true, render: (i) => (i.target === null ? '—' : format.number(i.target)) },
    { key: 'direction', header: t('plan.direction'), render: (i) => t(`vocab.direction.${i.direction}`) },
    { key: 'source', header: t('plan.source'), render: (i) => i.source ?? <span className="muted">{t('common.none')}</span> },
  ];
  if (editable) indicatorColumns.push(editColumn<Indicator>(t, props.onEditIndicator, props.onRemoveIndicator, (i) => t('plan.editIndicatorNamed', { name: i.name }), (i) => t('plan.removeIndicatorNamed', { name: i.name })));

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

      <PrioritySection editable={editable} heading={t('plan.actionsHeading', { count: priority.actions.length })} add={t('plan.addAction')} addNamed={t('plan.addActionTo', { title: priority.title })} onAdd={props.onAddAction} empty={editable ? t('plan.noActionsEditable') : t('plan.noActions')} caption={t('plan.actionsCaption', { title: priority.title })} columns={actionColumns} rows={priority.actions} />
      <PrioritySection editable={editable} heading={t('plan.indicatorsHeading', { count: priority.indicators.length })} add={t('plan.addIndicator')} addNamed={t('plan.addIndicatorTo', { title: priority.title })} onAdd={props.onAddIndicator} empty={editable ? t('plan.noIndicatorsEditable') : t('plan.noIndicators')} caption={t('plan.indicatorsCaption', { title: priority.title })} columns={indicatorColumns} rows={priority.indicators} />
    </section>
  );
}

/** The last column of an editable table: Edit and Remove, each naming its row for screen readers. */
function editColumn<T>(t: TFunction, onEdit: (row: T) => void, onRemove: (row: T) => void, editName: (row: T) => string, removeName: (row: T) => string): Column<T> {
  return {
    key: 'edit',
    header: <span className="visually-hidden">{t('common.changes')}</span>,
    render: (row) => (
      <span className="button-group">
        <Button size="small" variant="ghost" onClick={() => onEdit(row)} aria-label={editName(row)}>
          {t('common.edit')}
        </Button>
        <Button size="small" variant="ghost" onClick={() => onRemove(row)} aria-label={removeName(row)}>
          {t('common.remove')}
        </Button>
      </span>
    ),
  };
}

/** The actions or the indicators of a priority: a heading, an add button when editable, the table or why it is empty. */
function PrioritySection<T extends { id: string }>(props: { editable: boolean; heading: string; add: string; addNamed: string; onAdd: () => void; empty: string; caption: string; columns: Array<Column<T>>; rows: T[] }) {
  return (
    <div className="priority__section">
      <div className="priority__section-header">
        <h4>{props.heading}</h4>
        {props.editable ? (
          <Button size="small" icon="pencil" onClick={props.onAdd} aria-label={props.addNamed}>
            {props.add}
          </Button>
        ) : null}
      </div>
      {props.rows.length === 0 ? <p className="muted small">{props.empty}</p> : <Table caption={props.caption} hideCaption columns={props.columns} rows={props.rows} rowKey={(r) => r.id} compact />}
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

/** "Share as a practice" on each action (issue 14 §2), naming its action for screen readers. */
function shareColumn(t: TFunction, onShare: (action: Action) => void): Column<Action> {
  return {
    key: 'share',
    header: <span className="visually-hidden">{t('practices.share.button')}</span>,
    sortable: false,
    render: (a) => (
      <Button size="small" variant="ghost" onClick={() => onShare(a)} aria-label={t('practices.share.buttonNamed', { title: a.title })}>
        {t('practices.share.button')}
      </Button>
    ),
  };
}
