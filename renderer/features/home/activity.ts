/** Turns a change-log entry into a catalogue key and, when the change names something, its title. */
import type { ChangeRecord } from '../../../shared/domain';

export const ACTIVITY_KEYS = {
  'installation:update': 'activity.installationUpdate',
  'organisations:create': 'activity.organisationsCreate',
  'people:create': 'activity.peopleCreate',
  'plans:create': 'activity.plansCreate',
  'plans:copyForward': 'activity.plansCopyForward',
  'plans:update': 'activity.plansUpdate',
  'plans:agree': 'activity.plansAgree',
  'plans:activate': 'activity.plansActivate',
  'plans:close': 'activity.plansClose',
  'plans:openRevision': 'activity.plansOpenRevision',
  'plans:closeRevision': 'activity.plansCloseRevision',
  'plans:withdraw': 'cycle.activity.plansWithdraw',
  'plans:reinstate': 'cycle.activity.plansReinstate',
  'priorities:add': 'activity.prioritiesAdd',
  'priorities:update': 'activity.prioritiesUpdate',
  'priorities:remove': 'activity.prioritiesRemove',
  'priorities:restore': 'activity.prioritiesRestore',
  'priorities:reorder': 'activity.prioritiesReorder',
  'actions:add': 'activity.actionsAdd',
  'actions:update': 'activity.actionsUpdate',
  'actions:remove': 'activity.actionsRemove',
  'actions:restore': 'activity.actionsRestore',
  'indicators:add': 'activity.indicatorsAdd',
  'indicators:update': 'activity.indicatorsUpdate',
  'indicators:remove': 'activity.indicatorsRemove',
  'indicators:restore': 'activity.indicatorsRestore',
  'indicators:recordValue': 'activity.indicatorsRecordValue',
  'progress:record': 'activity.progressRecord',
  'reports:submit': 'activity.reportsSubmit',
  'reports:comment': 'activity.reportsComment',
  'commitments:update': 'activity.commitmentsUpdate',
} as const;

export type ActivityKey = (typeof ACTIVITY_KEYS)[keyof typeof ACTIVITY_KEYS] | 'activity.other';

const TITLE_FIELDS = ['title', 'name'];

export function describeChange(record: ChangeRecord): { key: ActivityKey; subject: string | null } {
  const key = (ACTIVITY_KEYS as Record<string, ActivityKey>)[record.summary] ?? 'activity.other';
  const titled = record.ops.find((op) => TITLE_FIELDS.includes(op.field) && typeof op.value === 'string');
  const subject = titled ? String(titled.value) : null;
  return { key, subject: subject && subject.length > 80 ? `${subject.slice(0, 77)}…` : subject };
}
