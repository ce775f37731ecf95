/** The planning cycle's methods: reference data, plans, progress, reports, roll-up, history. */
import { z } from 'zod';
import { schemaMessage } from './core-messages';
import type * as D from './domain';
import {
  fiscalYear,
  id,
  idList,
  input,
  isoDate,
  locale,
  MAX_SHORT_TEXT,
  quarter,
  read,
  role,
  plainName,
  shortText,
  write,
} from './contract-fields';
import { fieldRules, userName } from './field-rules';
import type { ProgressStatus } from './vocabulary';

// Fields that are stored take their schema from the field's one rule (field-rules.ts), which the
// import applies to values from other computers too; methods add only what is optional or empty.
const plan = fieldRules.plans;
const priority = fieldRules.priorities;
const action = fieldRules.actions;
const indicator = fieldRules.indicators;
const entry = fieldRules.progressEntries;
const emptyOr = <S extends z.ZodType>(schema: S) => schema.nullable().optional();
/** Retired reference records leave the lists for new work unless asked for. */
const includeRetired = z.boolean({ error: schemaMessage('input.yesOrNo') }).optional();

const priorityFields = {
  title: priority.title,
  description: emptyOr(priority.description),
  themeIds: priority.themeIds.optional(),
  zone: priority.zone,
};

const actionFields = {
  title: action.title,
  description: emptyOr(action.description),
  owner: action.owner,
  leadPersonId: emptyOr(action.leadPersonId),
  leadName: emptyOr(action.leadName),
  partnerOrganisationIds: action.partnerOrganisationIds.optional(),
  plannedQuarters: action.plannedQuarters.optional(),
  commitmentIds: action.commitmentIds.optional(),
};

const indicatorFields = {
  name: indicator.name,
  unit: indicator.unit,
  baseline: emptyOr(indicator.baseline),
  target: emptyOr(indicator.target),
  direction: indicator.direction,
  source: emptyOr(indicator.source),
};

const partial = <S extends z.ZodRawShape>(shape: S) => {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = (schema as z.ZodType).optional();
  return out as { [K in keyof S]: z.ZodOptional<S[K]> };
};

export const planningMethods = {
  // Installation and settings (local to this machine, not exchanged).
  'installation:get': read<D.InstallationState>()('This installation\'s profile and settings.', input({})),
  'installation:update': write<D.InstallationProfile>()(
    'Change the installation profile: name, user, role, scope, language, report due days.',
    input({
      name: plainName('installation name').optional(),
      userName: userName.optional(),
      role: role.optional(),
      scopeCommunityIds: idList('community id').optional(),
      locale: locale.optional(),
      reportDueDays: z
        .number({ error: schemaMessage('input.reportDueDays') })
        .int({ error: schemaMessage('input.reportDueDays') })
        .min(0, { error: schemaMessage('input.reportDueDays') })
        .max(365, { error: schemaMessage('input.reportDueDays') })
        .optional(),
    }),
  ),

  // Reference data.
  'communities:list': read<D.CommunitySummary[]>()(
    'Communities with their plan for a fiscal year (default: the current one), sorted by name.',
    input({
      fiscalYear: fiscalYear.optional(),
      /** A region's id, or its name in either language. */
      region: shortText('region').optional(),
      /** Any of a community's names, with or without diacritics and apostrophes. */
      search: z.string().max(MAX_SHORT_TEXT).optional(),
      includeRetired,
    }),
  ),
  'communities:get': read<D.Community>()('One community.', input({ communityId: id('community id') })),
  'detachments:list': read<D.Detachment[]>()('Detachments.', input({ includeRetired })),
  'organisations:list': read<D.Organisation[]>()('Partner organisations.', input({ communityId: id('community id').optional(), includeRetired })),
  'organisations:create': write<D.Organisation>()(
    'Add a partner organisation.',
    input({ name: fieldRules.organisations.name, kind: fieldRules.organisations.kind, communityId: emptyOr(fieldRules.organisations.communityId) }),
  ),
  'people:list': read<D.Person[]>()('People.', input({ communityId: id('community id').optional(), includeRetired })),
  'people:create': write<D.Person>()(
    'Add a person.',
    input({ name: fieldRules.people.name, title: emptyOr(fieldRules.people.title), organisationId: emptyOr(fieldRules.people.organisationId), communityId: emptyOr(fieldRules.people.communityId) }),
  ),
  'themes:list': read<D.Theme[]>()('The reference list of themes.', input({ includeRetired })),

  // Plans.
  'plans:list': read<D.PlanSummary[]>()(
    'Plans, optionally for one community and/or fiscal year.',
    input({ communityId: id('community id').optional(), fiscalYear: fiscalYear.optional() }),
  ),
  'plans:get': read<D.Plan>()('A plan with its priorities, actions and indicators.', input({ planId: id('plan id') })),
  'plans:create': write<D.Plan>()(
    'Start an empty draft plan for a community and fiscal year.',
    input({ communityId: plan.communityId, fiscalYear: plan.fiscalYear, title: plan.title.optional() }),
  ),
  'plans:copyForward': write<D.Plan>()(
    "Start next fiscal year's draft from this plan: priorities, indicators and unfinished actions carried over, linked to their history.",
    input({ planId: id('plan id') }),
  ),
  'plans:previewCopyForward': read<{ fiscalYear: number; carried: Array<{ actionId: string; title: string; lastStatus: ProgressStatus | null }>; left: Array<{ actionId: string; title: string; lastStatus: ProgressStatus }> }>()(
    'What copying this plan forward would carry over and leave behind.',
    input({ planId: id('plan id') }),
  ),
  'plans:update': write<D.Plan>()(
    "Change a plan's title or summary.",
    input({ planId: id('plan id'), title: plan.title.optional(), summary: emptyOr(plan.summary) }),
  ),
  'plans:agree': write<D.Plan>()(
    'Sign off a draft plan: the community\'s block (name and date), the detachment\'s, or both; each side enters only its own block (or the coordinator). The plan is agreed once both blocks are signed.',
    input({
      planId: id('plan id'),
      communitySignatory: plan.communitySignatory.optional(),
      communitySignedOn: plan.communitySignedOn.optional(),
      detachmentSignatory: plan.detachmentSignatory.optional(),
      detachmentSignedOn: plan.detachmentSignedOn.optional(),
    }),
  ),
  'plans:activate': write<D.Plan>()('Mark an agreed plan as active.', input({ planId: id('plan id') })),
  'plans:close': write<D.Plan>()('Close a plan at year end.', input({ planId: id('plan id') })),
  'plans:openRevision': write<D.Plan>()(
    'Open a recorded revision of an agreed plan so it can be changed.',
    input({ planId: id('plan id'), reason: fieldRules.planRevisions.reason }),
  ),
  'plans:closeRevision': write<D.Plan>()('Close the open revision of a plan.', input({ planId: id('plan id') })),
  'plans:withdraw': write<D.WithdrawnPlan>()(
    'Withdraw an unsigned draft started by mistake: it leaves the lists and expects no reports (undo with plans:reinstate).',
    input({ planId: id('plan id') }),
  ),
  'plans:reinstate': write<D.Plan>()('Bring a withdrawn draft back, as it was.', input({ planId: id('plan id') })),
  'plans:withdrawn': read<D.WithdrawnPlan[]>()(
    'Withdrawn drafts, optionally of one community and/or fiscal year.',
    input({ communityId: id('community id').optional(), fiscalYear: fiscalYear.optional() }),
  ),

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
    input({ indicatorId: id('indicator id'), quarter: fieldRules.indicatorValues.quarter, value: fieldRules.indicatorValues.value, note: emptyOr(fieldRules.indicatorValues.note) }),
  ),
  'indicators:clearValue': write<{ cleared: boolean }>()(
    "Clear an indicator's value for a quarter (cleared: false when none was recorded).",
    input({ indicatorId: id('indicator id'), quarter }),
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
      quarter: entry.quarter,
      status: entry.status,
      narrative: entry.narrative,
      nextSteps: emptyOr(entry.nextSteps),
    }),
  ),
  'reports:submit': write<D.QuarterlyReport>()(
    'Submit the quarterly report of a plan.',
    input({ planId: id('plan id'), quarter }),
  ),
  'reports:get': read<D.QuarterlyReport>()('A quarterly report with its comments.', input({ planId: id('plan id'), quarter })),
  'reports:comment': write<D.ReportComment>()(
    "Leave a comment on a quarterly report, or on one of its actions (actionId): the coordinator's, or the plan's own community's.",
    input({ planId: id('plan id'), quarter: fieldRules.reportSubmissions.quarter, actionId: id('action id').optional(), body: fieldRules.reportComments.body }),
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
    input({ commitmentId: id('commitment id'), status: fieldRules.commitments.status }),
  ),

  // History and the database.
  'history:recent': read<D.ChangeRecord[]>()(
    'Recent changes, newest first: who, on which installation, when, what; ownCommunities: only the changes to the communities this installation works for (and to the territory), for a detachment or a community office.',
    input({ limit: z.number().int().min(1).max(500).optional(), rowId: id('row id').optional(), ownCommunities: z.boolean().optional() }),
  ),
  'database:integrityCheck': read<D.IntegrityReport>()('Run SQLite\'s integrity check.', input({})),
  'database:backup': write<D.BackupInfo>()('Make a backup copy of the database now.', input({})),
  'database:listBackups': read<D.BackupInfo[]>()('Backups kept beside the database.', input({})),
} as const;
