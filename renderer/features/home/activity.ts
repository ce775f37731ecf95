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
  'reports:accept': 'quarterReview.activity.accept',
  'reports:return': 'quarterReview.activity.return',
  'reports:resubmit': 'quarterReview.activity.resubmit',
} as const;

export type ActivityKey = (typeof ACTIVITY_KEYS)[keyof typeof ACTIVITY_KEYS];

/** A change this list has no sentence for, worded from its method's verb and the kind of row it changed. */
const FALLBACK_VERBS = ['create', 'add', 'update', 'edit', 'retire', 'remove', 'restore', 'clearValue', 'resolve', 'resolveRecord', 'undo', 'import'] as const;
const FALLBACK_THINGS = ['plans', 'planRevisions', 'priorities', 'actions', 'indicators', 'indicatorValues', 'progressEntries', 'reportSubmissions', 'reportComments', 'communities', 'regions', 'detachments', 'themes', 'organisations', 'people', 'commitments', 'milestones'] as const;
type FallbackVerb = (typeof FALLBACK_VERBS)[number] | 'other';
type FallbackThing = (typeof FALLBACK_THINGS)[number] | 'other';

/** Every catalogue key the list can show (checked against both catalogues by a test). */
export const ACTIVITY_CATALOGUE_KEYS: string[] = [
  ...Object.values(ACTIVITY_KEYS),
  ...[...FALLBACK_VERBS, 'other'].map((v) => `layout.activity.verb.${v}`),
  ...[...FALLBACK_THINGS, 'other'].map((t) => `layout.activity.thing.${t}`),
];

export type ChangeWords =
  | { key: ActivityKey; subject: string | null }
  | { verb: `layout.activity.verb.${FallbackVerb}`; thing: `layout.activity.thing.${FallbackThing}`; subject: string | null };

const TITLE_FIELDS = ['title', 'name'];

/** What a change did, as catalogue keys, and the title of what it named (when it names one). */
export function describeChange(record: ChangeRecord): ChangeWords {
  const titled = record.ops.find((op) => TITLE_FIELDS.includes(op.field) && typeof op.value === 'string');
  const found = titled ? String(titled.value) : null;
  const subject = found && found.length > 80 ? `${found.slice(0, 77)}…` : found;
  const key = (ACTIVITY_KEYS as Record<string, ActivityKey>)[record.summary];
  if (key) return { key, subject };
  const verb = record.summary.slice(record.summary.indexOf(':') + 1);
  const table = record.ops[0]?.table ?? '';
  return {
    verb: `layout.activity.verb.${(FALLBACK_VERBS as readonly string[]).includes(verb) ? (verb as FallbackVerb) : 'other'}`,
    thing: `layout.activity.thing.${(FALLBACK_THINGS as readonly string[]).includes(table) ? (table as FallbackThing) : 'other'}`,
    subject,
  };
}
