/**
 * A status as an icon and a word (never colour alone). One place maps every vocabulary of the
 * planning cycle to its icon, tone and catalogue label.
 */
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus, CompletenessState, MilestoneStatus, PlanStatus, ProgressStatus, ReportState } from '../../shared/vocabulary';
import { Icon, type IconName } from './Icon';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';
interface Look {
  icon: IconName;
  tone: Tone;
}

const PROGRESS: Record<ProgressStatus, Look> = {
  not_started: { icon: 'minus', tone: 'neutral' },
  on_track: { icon: 'arrow-right', tone: 'success' },
  at_risk: { icon: 'alert', tone: 'warning' },
  delayed: { icon: 'pause', tone: 'danger' },
  completed: { icon: 'check', tone: 'success' },
  discontinued: { icon: 'stop', tone: 'neutral' },
};
const PLAN: Record<PlanStatus | 'none', Look> = {
  none: { icon: 'minus', tone: 'neutral' },
  draft: { icon: 'pencil', tone: 'neutral' },
  agreed: { icon: 'lock', tone: 'info' },
  active: { icon: 'play', tone: 'success' },
  closed: { icon: 'archive', tone: 'neutral' },
};
export const COMPLETENESS_LOOKS: Record<CompletenessState, Look> = {
  no_plan: { icon: 'minus', tone: 'neutral' },
  upcoming: { icon: 'clock', tone: 'neutral' },
  due: { icon: 'clock', tone: 'info' },
  on_time: { icon: 'check', tone: 'success' },
  late: { icon: 'alert', tone: 'warning' },
  missing: { icon: 'cross', tone: 'danger' },
};
const REPORT: Record<ReportState, Look> = {
  draft: { icon: 'pencil', tone: 'neutral' },
  submitted: { icon: 'check', tone: 'success' },
};
const COMMITMENT: Record<CommitmentStatus, Look> = {
  completed: { icon: 'check', tone: 'success' },
  underway_on_track: { icon: 'arrow-right', tone: 'success' },
  underway_with_challenges: { icon: 'alert', tone: 'warning' },
  not_being_pursued: { icon: 'stop', tone: 'neutral' },
};
const MILESTONE: Record<MilestoneStatus, Look> = {
  pending: { icon: 'clock', tone: 'neutral' },
  achieved: { icon: 'check', tone: 'success' },
  missed: { icon: 'cross', tone: 'danger' },
};

export type StatusChipProps =
  | { kind: 'progress'; value: ProgressStatus; detail?: string }
  | { kind: 'plan'; value: PlanStatus | 'none'; detail?: string }
  | { kind: 'completeness'; value: CompletenessState; detail?: string }
  | { kind: 'report'; value: ReportState; detail?: string }
  | { kind: 'commitment'; value: CommitmentStatus; detail?: string }
  | { kind: 'milestone'; value: MilestoneStatus; detail?: string };

function lookOf(props: StatusChipProps): Look {
  switch (props.kind) {
    case 'progress':
      return PROGRESS[props.value];
    case 'plan':
      return PLAN[props.value];
    case 'completeness':
      return COMPLETENESS_LOOKS[props.value];
    case 'report':
      return REPORT[props.value];
    case 'commitment':
      return COMMITMENT[props.value];
    case 'milestone':
      return MILESTONE[props.value];
  }
}

/** The catalogue label of a status, for places that need the word without the chip. */
export function useStatusLabel() {
  const { t } = useTranslation();
  return (props: Pick<StatusChipProps, 'kind' | 'value'>): string => {
    switch (props.kind) {
      case 'progress':
        return t(`vocab.progressStatus.${props.value as ProgressStatus}`);
      case 'plan':
        return t(`vocab.planStatus.${props.value as PlanStatus | 'none'}`);
      case 'completeness':
        return t(`vocab.completeness.${props.value as CompletenessState}`);
      case 'report':
        return t(`vocab.reportState.${props.value as ReportState}`);
      case 'commitment':
        return t(`vocab.commitmentStatus.${props.value as CommitmentStatus}`);
      case 'milestone':
        return t(`vocab.milestoneStatus.${props.value as MilestoneStatus}`);
    }
  };
}

export function StatusChip(props: StatusChipProps) {
  const label = useStatusLabel()(props);
  const look = lookOf(props);
  return (
    <span className={`chip chip--${look.tone}`} data-status={props.value}>
      <Icon name={look.icon} size={12} />
      <span>
        {label}
        {props.detail ? ` · ${props.detail}` : ''}
      </span>
    </span>
  );
}
