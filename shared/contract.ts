/**
 * The one contract between the renderer (or any adapter: CLI, browser harness) and the core.
 * Every method is declared once here: its name (namespace:verb), its input schema (zod) and its
 * output type. The core's handler map, the preload bridge and the renderer client are typed from it.
 */
import { z } from 'zod';
import type * as D from './domain';
import {
  COMMITMENT_STATUSES,
  CSWB_ZONES,
  INDICATOR_DIRECTIONS,
  LOCALES,
  ORGANISATION_KINDS,
  OWNER_PARTIES,
  PROGRESS_STATUSES,
  ROLES,
} from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Field schemas with messages a person understands.

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 10_000;

const missingOr = (what: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `The ${what} is missing.` : otherwise;

export const id = (what = 'id') =>
  z
    .string({ error: missingOr(what, `That ${what} is not valid.`) })
    .min(1, { error: `The ${what} is missing.` })
    .max(64, { error: `That ${what} is not valid.` })
    .regex(/^[0-9A-Za-z_-]+$/, { error: `That ${what} is not valid.` });

export const shortText = (what: string) =>
  z
    .string({ error: missingOr(what, `The ${what} must be text.`) })
    .trim()
    .min(1, { error: `The ${what} cannot be empty.` })
    .max(MAX_SHORT_TEXT, { error: `The ${what} is too long: at most ${MAX_SHORT_TEXT} characters.` });

export const longText = (what: string) =>
  z
    .string({ error: missingOr(what, `The ${what} must be text.`) })
    .max(MAX_LONG_TEXT, { error: `The ${what} is too long: at most ${MAX_LONG_TEXT.toLocaleString('en')} characters.` });

export const optionalLongText = (what: string) => longText(what).nullable().optional();

export const fiscalYear = z
  .number({ error: missingOr('fiscal year', 'The fiscal year must be a year such as 2025 (for FY 2025–26).') })
  .int({ error: 'The fiscal year must be a whole year such as 2025 (for FY 2025–26).' })
  .min(2000, { error: 'The fiscal year must be between 2000 and 2100.' })
  .max(2100, { error: 'The fiscal year must be between 2000 and 2100.' });

export const quarter = z
  .number({ error: missingOr('quarter', 'The quarter must be a number from 1 to 4.') })
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= 4, {
    error: (issue) => `Quarter ${String(issue.input)} does not exist: quarters are 1 to 4.`,
  })
  .transform((n) => n as 1 | 2 | 3 | 4);

export const isoDate = z
  .string({ error: missingOr('date', 'The date must be written as YYYY-MM-DD.') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'The date must be written as YYYY-MM-DD.' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: missingOr(what, `The ${what} must be one of: ${values.join(', ')}.`) });

export const progressStatus = oneOf(PROGRESS_STATUSES, 'status');
export const ownerParty = oneOf(OWNER_PARTIES, 'owner');
export const cswbZone = oneOf(CSWB_ZONES, 'zone');
export const indicatorDirection = oneOf(INDICATOR_DIRECTIONS, 'direction');
export const commitmentStatus = oneOf(COMMITMENT_STATUSES, 'commitment status');
export const role = oneOf(ROLES, 'role');
export const locale = oneOf(LOCALES, 'language');

const idList = (what: string) => z.array(id(what), { error: `The ${what}s must be a list.` }).max(100);
const quarterList = z.array(quarter).max(4);
const amount = z
  .number({ error: 'The value must be a number.' })
  .refine(Number.isFinite, { error: 'The value must be a finite number.' });

const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

// ---------------------------------------------------------------------------------------------
// The methods.

/** A method's declaration: the input schema and (as a phantom type) what it answers. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** True for methods that change data (recorded in the change log). */
  writes: boolean;
  /** Phantom: never read at run time. */
  readonly output?: O;
}

// Curried so the output type is named and the input type is inferred from the schema.
const read =
  <O>() =>
  <I extends z.ZodType>(summary: string, inputSchema: I): MethodSpec<I, O> => ({ input: inputSchema, summary, writes: false });
const write =
  <O>() =>
  <I extends z.ZodType>(summary: string, inputSchema: I): MethodSpec<I, O> => ({ input: inputSchema, summary, writes: true });

const priorityFields = {
  title: shortText('priority title'),
  description: optionalLongText('description'),
  themeIds: idList('theme id').optional(),
  zone: cswbZone,
};

const actionFields = {
  title: shortText('action title'),
  description: optionalLongText('description'),
  owner: ownerParty,
  leadPersonId: id('lead person id').nullable().optional(),
  leadName: shortText('lead').nullable().optional(),
  partnerOrganisationIds: idList('partner organisation id').optional(),
  plannedQuarters: quarterList.optional(),
  commitmentIds: idList('commitment id').optional(),
};

const indicatorFields = {
  name: shortText('indicator name'),
  unit: shortText('unit'),
  baseline: amount.nullable().optional(),
  target: amount.nullable().optional(),
  direction: indicatorDirection,
  source: shortText('data source').nullable().optional(),
};

const partial = <S extends z.ZodRawShape>(shape: S) => {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = (schema as z.ZodType).optional();
  return out as { [K in keyof S]: z.ZodOptional<S[K]> };
};

export const contract = {
  // Installation and settings (local to this machine, not exchanged).
  'installation:get': read<D.InstallationProfile>()('This installation\'s profile and settings.', input({})),
  'installation:update': write<D.InstallationProfile>()(
    'Change the installation profile: name, user, role, scope, language, report due days.',
    input({
      name: shortText('installation name').optional(),
      userName: shortText('user name').optional(),
      role: role.optional(),
      scopeCommunityIds: idList('community id').optional(),
      locale: locale.optional(),
      reportDueDays: z
        .number({ error: 'The number of days must be a whole number from 0 to 365.' })
        .int({ error: 'The number of days must be a whole number from 0 to 365.' })
        .min(0, { error: 'The number of days must be a whole number from 0 to 365.' })
        .max(365, { error: 'The number of days must be a whole number from 0 to 365.' })
        .optional(),
    }),
  ),

  // Reference data.
  'communities:list': read<D.CommunitySummary[]>()(
    'Communities with their plan for a fiscal year (default: the current one), sorted by name.',
    input({ fiscalYear: fiscalYear.optional(), region: shortText('region').optional(), search: z.string().max(MAX_SHORT_TEXT).optional() }),
  ),
  'communities:get': read<D.Community>()('One community.', input({ communityId: id('community id') })),
  'detachments:list': read<D.Detachment[]>()('Detachments.', input({})),
  'organisations:list': read<D.Organisation[]>()('Partner organisations.', input({ communityId: id('community id').optional() })),
  'organisations:create': write<D.Organisation>()(
    'Add a partner organisation.',
    input({ name: shortText('organisation name'), kind: z.enum(['police', 'chief_and_council', 'health', 'education', 'social_services', 'housing', 'victim_services', 'justice', 'other'], { error: 'The organisation kind is not one we know.' }), communityId: id('community id').nullable().optional() }),
  ),
  'people:list': read<D.Person[]>()('People.', input({ communityId: id('community id').optional() })),
  'people:create': write<D.Person>()(
    'Add a person.',
    input({ name: shortText('name'), title: shortText('title').nullable().optional(), organisationId: id('organisation id').nullable().optional(), communityId: id('community id').nullable().optional() }),
  ),
  'themes:list': read<D.Theme[]>()('The reference list of themes.', input({})),

  // Plans.
  'plans:list': read<D.PlanSummary[]>()(
    'Plans, optionally for one community and/or fiscal year.',
    input({ communityId: id('community id').optional(), fiscalYear: fiscalYear.optional() }),
  ),
  'plans:get': read<D.Plan>()('A plan with its priorities, actions and indicators.', input({ planId: id('plan id') })),
  'plans:create': write<D.Plan>()(
    'Start an empty draft plan for a community and fiscal year.',
    input({ communityId: id('community id'), fiscalYear, title: shortText('plan title').optional() }),
  ),
  'plans:copyForward': write<D.Plan>()(
    "Start next fiscal year's draft from this plan: priorities, indicators and unfinished actions carried over, linked to their history.",
    input({ planId: id('plan id') }),
  ),
  'plans:previewCopyForward': read<{ fiscalYear: number; carried: Array<{ actionId: string; title: string; lastStatus: string | null }>; left: Array<{ actionId: string; title: string; lastStatus: string }> }>()(
    'What copying this plan forward would carry over and leave behind.',
    input({ planId: id('plan id') }),
  ),
  'plans:update': write<D.Plan>()(
    "Change a plan's title or summary.",
    input({ planId: id('plan id'), title: shortText('plan title').optional(), summary: optionalLongText('summary') }),
  ),
  'plans:agree': write<D.Plan>()(
    'Sign off a draft plan: names and dates for the community and the detachment.',
    input({
      planId: id('plan id'),
      communitySignatory: shortText('community signatory'),
      communitySignedOn: isoDate,
      detachmentSignatory: shortText('detachment signatory'),
      detachmentSignedOn: isoDate,
    }),
  ),
  'plans:activate': write<D.Plan>()('Mark an agreed plan as active.', input({ planId: id('plan id') })),
  'plans:close': write<D.Plan>()('Close a plan at year end.', input({ planId: id('plan id') })),
  'plans:openRevision': write<D.Plan>()(
    'Open a recorded revision of an agreed plan so it can be changed.',
    input({ planId: id('plan id'), reason: shortText('reason for the revision') }),
  ),
  'plans:closeRevision': write<D.Plan>()('Close the open revision of a plan.', input({ planId: id('plan id') })),

  // Priorities, actions, indicators.
  'priorities:add': write<D.Priority>()('Add a priority to a plan.', input({ planId: id('plan id'), ...priorityFields })),
  'priorities:update': write<D.Priority>()('Change a priority.', input({ priorityId: id('priority id'), ...partial(priorityFields) })),
  'priorities:remove': write<{ removed: true }>()('Remove a priority (can be undone with priorities:restore).', input({ priorityId: id('priority id') })),
  'priorities:restore': write<D.Priority>()('Undo the removal of a priority.', input({ priorityId: id('priority id') })),
  'priorities:reorder': write<D.Plan>()(
    "Put a plan's priorities in a new order.",
    input({ planId: id('plan id'), priorityIds: z.array(id('priority id')).min(1).max(100) }),
  ),
  'actions:add': write<D.Action>()('Add an action to a priority.', input({ priorityId: id('priority id'), ...actionFields })),
  'actions:update': write<D.Action>()('Change an action.', input({ actionId: id('action id'), ...partial(actionFields) })),
  'actions:remove': write<{ removed: true }>()('Remove an action (can be undone with actions:restore).', input({ actionId: id('action id') })),
  'actions:restore': write<D.Action>()('Undo the removal of an action.', input({ actionId: id('action id') })),
  'indicators:add': write<D.Indicator>()('Add an indicator to a priority.', input({ priorityId: id('priority id'), ...indicatorFields })),
  'indicators:update': write<D.Indicator>()('Change an indicator.', input({ indicatorId: id('indicator id'), ...partial(indicatorFields) })),
  'indicators:remove': write<{ removed: true }>()('Remove an indicator (can be undone with indicators:restore).', input({ indicatorId: id('indicator id') })),
  'indicators:restore': write<D.Indicator>()('Undo the removal of an indicator.', input({ indicatorId: id('indicator id') })),
  'indicators:recordValue': write<D.IndicatorValue>()(
    "Record an indicator's value for a quarter of its plan's fiscal year.",
    input({ indicatorId: id('indicator id'), quarter, value: amount, note: optionalLongText('note') }),
  ),

  // Quarterly progress and reports.
  'progress:get': read<D.QuarterProgress>()(
    "A plan's progress form for a quarter: every action with its entry, indicator values and the report.",
    input({ planId: id('plan id'), quarter }),
  ),
  'progress:record': write<D.ProgressEntry>()(
    "Record an action's status, narrative and next steps for a quarter of its plan's fiscal year.",
    input({
      actionId: id('action id'),
      quarter,
      status: progressStatus,
      narrative: longText('narrative'),
      nextSteps: optionalLongText('next steps'),
    }),
  ),
  'reports:submit': write<D.QuarterlyReport>()(
    'Submit the quarterly report of a plan.',
    input({ planId: id('plan id'), quarter }),
  ),
  'reports:get': read<D.QuarterlyReport>()('A quarterly report with its comments.', input({ planId: id('plan id'), quarter })),
  'reports:comment': write<D.ReportComment>()(
    "Leave a coordinator's comment on a quarterly report.",
    input({ planId: id('plan id'), quarter, body: longText('comment').refine((s) => s.trim().length > 0, { error: 'The comment cannot be empty.' }) }),
  ),

  // Roll-up.
  'completeness:matrix': read<D.CompletenessMatrix>()(
    'Which communities reported which quarter of a fiscal year: on time, late, missing.',
    input({ fiscalYear, asOf: isoDate.optional() }),
  ),
  'themes:acrossCommunities': read<D.ThemeAcrossCommunities[]>()(
    "Which themes appear in which communities' plans for a fiscal year.",
    input({ fiscalYear }),
  ),
  'commitments:list': read<D.Commitment[]>()('Mandate commitments and initiatives.', input({})),
  'commitments:get': read<D.CommitmentDetail>()(
    'A commitment with its milestones and what links to it.',
    input({ commitmentId: id('commitment id') }),
  ),
  'commitments:update': write<D.Commitment>()(
    "Change a commitment's status.",
    input({ commitmentId: id('commitment id'), status: commitmentStatus }),
  ),

  // History and the database.
  'history:recent': read<D.ChangeRecord[]>()(
    'Recent changes, newest first: who, on which installation, when, what.',
    input({ limit: z.number().int().min(1).max(500).optional(), rowId: id('row id').optional() }),
  ),
  'database:integrityCheck': read<D.IntegrityReport>()('Run SQLite\'s integrity check.', input({})),
  'database:backup': write<D.BackupInfo>()('Make a backup copy of the database now.', input({})),
  'database:listBackups': read<D.BackupInfo[]>()('Backups kept beside the database.', input({})),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** What a caller may send (before defaults and trimming). */
export type MethodRawInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Push events main → renderer. */
export const events = {
  'data:changed': z.strictObject({ methods: z.array(z.string()) }),
  'bundle:open': z.strictObject({ file: z.string() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
