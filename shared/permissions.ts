/**
 * Who may do what: ONE table, role × method, plus "only for its own communities", read by the core
 * for every local call (electron/core/permissions.ts), by the import for every incoming change
 * (the op-level table below, judged against the origin's certificate), and by the renderer to hide
 * or disable what the role cannot do and say why (renderer/app/use-permission.ts).
 *
 * A method missing from the table is refused (test/shared/permissions.test.ts lists the methods of
 * the contract that have no entry). Names of methods not yet in the contract may be listed: the
 * table is keyed by text, not by the contract's type.
 */
import { type MessageRef, msg } from './core-messages';
import type { Role } from './vocabulary';

/** What a coordinator-only method is about, to say so in the refusal. */
export type CoordinatorTopic = 'reference' | 'commitments' | 'comments' | 'computers' | 'other' | 'practices' | 'review';

export type MethodRule =
  /** Every computer: reads, the own profile's language and user name, exchanging bundles. */
  | { who: 'anyone' }
  /** Only the territorial coordinator. */
  | { who: 'coordinator'; about: CoordinatorTopic }
  /** The coordinator, or a computer certified for the community of the target (detachment or community office alike). */
  | { who: 'community' }
  /** Of one community: as 'community'; territory-wide (no community): the coordinator only. */
  | { who: 'community-or-territory' }
  /** plans:agree: 'community', and each sign-off block only by its side (or the coordinator). */
  | { who: 'sign-off' }
  /** installation:update: anyone, but role and communities only on a database not enrolled. */
  | { who: 'profile' }
  /** Trusting a computer by fingerprint: anyone on a database not enrolled, the coordinator once enrolled. */
  | { who: 'trust' };

const anyone: MethodRule = { who: 'anyone' };
const community: MethodRule = { who: 'community' };
const coordinator = (about: CoordinatorTopic): MethodRule => ({ who: 'coordinator', about });
const reference = coordinator('reference');
const computers = coordinator('computers');

export const PERMISSIONS: Readonly<Record<string, MethodRule>> = {
  // Installation and first start.
  'installation:get': anyone,
  'installation:update': { who: 'profile' },
  'installation:setupState': anyone,
  'territory:start': anyone,
  'territory:join': anyone,
  'enrolment:writeRequest': anyone,
  'enrolment:accept': anyone,
  'enrolment:readRequest': computers,
  'enrolment:list': computers,
  'enrolment:enrol': computers,
  'enrolment:revoke': computers,
  'enrolment:reenrol': computers,
  'territory:exportRecovery': computers,
  // A new coordinator computer takes the key back: the recovery file and its printed code are the authority.
  'territory:recover': anyone,
  'territory:rotateKey': computers,

  // Territory reference data.
  'communities:list': anyone,
  'communities:get': anyone,
  'communities:create': reference,
  'communities:update': reference,
  'communities:retire': reference,
  'regions:list': anyone,
  'regions:create': reference,
  'regions:update': reference,
  'regions:retire': reference,
  'detachments:list': anyone,
  'detachments:create': reference,
  'detachments:update': reference,
  'detachments:retire': reference,
  'themes:list': anyone,
  'themes:standard': anyone,
  'themes:create': reference,
  'themes:update': reference,
  'themes:retire': reference,
  'organisations:list': anyone,
  'organisations:create': { who: 'community-or-territory' },
  'organisations:update': { who: 'community-or-territory' },
  'organisations:retire': { who: 'community-or-territory' },
  'people:list': anyone,
  'people:create': { who: 'community-or-territory' },
  'people:update': { who: 'community-or-territory' },
  'people:retire': { who: 'community-or-territory' },
  'reference:template': anyone,
  'reference:previewImport': reference,
  'reference:import': reference,

  // Plans and everything under them.
  'plans:list': anyone,
  'plans:get': anyone,
  'plans:create': community,
  'plans:copyForward': community,
  'plans:previewCopyForward': anyone,
  'plans:update': community,
  'plans:agree': { who: 'sign-off' },
  'plans:activate': community,
  'plans:close': community,
  'plans:openRevision': community,
  'plans:closeRevision': community,
  'plans:withdraw': community,
  'plans:reinstate': community,
  'plans:withdrawn': anyone,
  'priorities:add': community,
  'priorities:update': community,
  'priorities:remove': community,
  'priorities:restore': community,
  'priorities:reorder': community,
  'actions:add': community,
  'actions:update': community,
  'actions:remove': community,
  'actions:restore': community,
  'indicators:add': community,
  'indicators:update': community,
  'indicators:remove': community,
  'indicators:restore': community,
  'indicators:recordValue': community,
  'indicators:clearValue': community,

  // Progress and reports.
  'progress:get': anyone,
  'progress:record': community,
  'reports:submit': community,
  'reports:get': anyone,
  // Comments: the coordinator and the plan's own community; changed by their author until read (the core checks).
  'reports:comment': community,
  'comments:edit': community,
  'comments:remove': community,
  'comments:markRead': community,
  'comments:unread': anyone,
  'reports:quarterly': anyone,
  'reports:annual': anyone,

  // Roll-up, commitments.
  'completeness:matrix': anyone,
  'themes:acrossCommunities': anyone,
  'rollup:get': anyone,
  'exports:file': anyone,
  'commitments:list': anyone,
  'commitments:get': anyone,
  'commitments:create': coordinator('commitments'),
  'commitments:edit': coordinator('commitments'),
  'commitments:update': coordinator('commitments'),
  'milestones:create': coordinator('commitments'),
  'milestones:update': coordinator('commitments'),

  // History and the database (local to this computer).
  'history:recent': anyone,
  'database:integrityCheck': anyone,
  'database:backup': anyone,
  'database:listBackups': anyone,
  // Backups the person can use (contract-backups.ts): local to this computer, anyone who uses it.
  'backups:list': anyone,
  'backups:make': anyone,
  'backups:preview': anyone,
  'backups:restore': anyone,
  'backups:settings': anyone,
  'backups:updateSettings': anyone,
  'backups:onExit': anyone,
  'files:chooseBackupFolder': anyone,
  'files:chooseBackupFile': anyone,

  // Plan bundles: every computer exchanges; trust is the coordinator's once enrolled.
  'sync:whoami': anyone,
  'sync:digest': anyone,
  'sync:status': anyone,
  'bundles:export': anyone,
  'bundles:exportRecipients': anyone,
  'bundles:exportContents': anyone,
  'bundles:inspect': anyone,
  'bundles:preview': anyone,
  'bundles:import': anyone,
  'bundles:history': anyone,
  'peers:list': anyone,
  'peers:trust': { who: 'trust' },
  'peers:revoke': { who: 'trust' },
  'conflicts:list': anyone,
  // A resolution is an op on the conflict's field: the op-level table below decides.
  'conflicts:resolve': community,
  'conflicts:records': anyone,
  // Each choice is held to the op-level table like conflicts:resolve (electron/core/permissions.ts).
  'conflicts:resolveRecord': community,
  // Withdraws only this computer's own resolution that never left it (already authorised when made).
  'conflicts:undo': anyone,

  // The engagement log (issue 14 §1): as the community's plans.
  'engagements:list': anyone,
  'engagements:get': anyone,
  'engagements:create': community,
  'engagements:update': community,
  'engagements:remove': community,
  'engagements:restore': community,
  'rollup:engagements': anyone,

  // Answered by the adapters (dialogs).
  'files:chooseBundleToOpen': anyone,
  'files:chooseBundleDestination': anyone,
  'files:bundleDestinations': anyone,
  'files:savePrintedPdf': anyone,
  // Cancelling the long operation this computer is running (answered by the adapter).
  'operations:cancel': anyone,
  // Evidence files (issue 14 §3): attached and removed by the record's community (or the coordinator); read by anyone holding the record.
  'attachments:attach': community,
  'attachments:remove': community,
  'attachments:list': anyone,
  'attachments:ofPlan': anyone,
  'attachments:read': anyone,
  'attachments:openWithSystem': anyone,

  // Promising practices (issue 14 §2): every computer reads the library; a community proposes; the coordinator publishes and decides.
  'practices:list': anyone,
  'practices:get': anyone,
  'practices:draftFromAction': anyone,
  'practices:proposals': anyone,
  'practices:propose': community,
  'practices:publish': coordinator('practices'),
  'practices:update': coordinator('practices'),
  'practices:remove': coordinator('practices'),
  'practices:accept': coordinator('practices'),
  'practices:decline': coordinator('practices'),
  'practices:restore': coordinator('practices'),
  'practices:withdrawProposal': community,


  // The coordinator's review of a quarterly report (issue 14 §4): accepting or returning is the coordinator's; the community resubmits.
  'reports:accept': coordinator('review'),
  'reports:return': coordinator('review'),
  'reports:resubmit': community,
};

/** The rule of a method; undefined: not in the table, refused. */
export function ruleOf(method: string): MethodRule | undefined {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, method) ? PERMISSIONS[method] : undefined;
}

/** Who is asking: the role and communities of this computer (from its certificate once enrolled). */
export interface Authority {
  role: Role;
  /** null: every community (the coordinator). */
  communityIds: readonly string[] | null;
  /** Whether role and communities come from a certificate (true) or from the profile of a database not enrolled. */
  certified: boolean;
}

/** A community as the refusal names it. */
export interface CommunityRef {
  id: string;
  name: string;
}

export type Verdict = { allowed: true } | { allowed: false; reason: MessageRef };

const ALLOWED: Verdict = { allowed: true };
const refused = (reason: MessageRef): Verdict => ({ allowed: false, reason });

export function coordinatorOnly(about: CoordinatorTopic): MessageRef {
  switch (about) {
    case 'reference':
      return msg('permission.coordinatorOnly.reference');
    case 'commitments':
      return msg('permission.coordinatorOnly.commitments');
    case 'comments':
      return msg('permission.coordinatorOnly.comments');
    case 'computers':
      return msg('permission.coordinatorOnly.computers');
    case 'practices':
      return msg('permission.coordinatorOnly.practices');

    case 'review':
      return msg('permission.coordinatorOnly.review');
    default:
      return msg('permission.coordinatorOnly.other');
  }
}

/** Whether this authority may change the plans of a community; the reason names its communities and whose it is. */
export function mayChangeCommunity(who: Authority, target: CommunityRef, scopeNames: readonly string[]): Verdict {
  if (who.role === 'coordinator' || who.communityIds === null || who.communityIds.includes(target.id)) return ALLOWED;
  if (scopeNames.length === 0) {
    return refused(msg('permission.noCommunity.certified', { community: target.name }));
  }
  return refused(msg(who.certified ? 'permission.outsideScope.certified' : 'permission.outsideScope.profile', { communities: [...scopeNames], community: target.name }));
}

export type SignOffSide = 'community' | 'detachment';

/** Which role signs a side (besides the coordinator). */
export const SIGNING_ROLE: Record<SignOffSide, Role> = { community: 'liaison', detachment: 'detachment' };

/** Whether this role may enter a sign-off block. */
export function maySign(role: Role, side: SignOffSide): Verdict {
  if (role === 'coordinator' || role === SIGNING_ROLE[side]) return ALLOWED;
  return refused(msg(side === 'community' ? 'permission.signOff.community' : 'permission.signOff.detachment'));
}

/** A method's verdict before its target is known: refused outright, or allowed subject to the target's community. */
export function methodVerdict(method: string, who: Authority): Verdict {
  const rule = ruleOf(method);
  if (!rule) return refused(msg('permission.unlisted', { method: method.slice(0, 80) }));
  if (rule.who === 'coordinator' && who.role !== 'coordinator') return refused(coordinatorOnly(rule.about));
  if (rule.who === 'trust' && who.certified && who.role !== 'coordinator') return refused(coordinatorOnly('computers'));
  return ALLOWED;
}

// --- The op-level table: what an incoming change may write, by the role of its origin ---------

export type FieldRule =
  /** Territory reference data: the coordinator only. */
  | { who: 'coordinator'; about: CoordinatorTopic }
  /** A sign-off block: its side's role or the coordinator. */
  | { who: 'side'; side: SignOffSide }
  /** A row of one community (organisations, people): certified for it; territory-wide rows: the coordinator only. */
  | { who: 'community-or-territory' }
  /** Everything else in a community: certified for that community (the scope check). */
  | { who: 'community' };

const TABLE_RULES: Readonly<Record<string, FieldRule>> = {
  regions: { who: 'coordinator', about: 'reference' },
  detachments: { who: 'coordinator', about: 'reference' },
  communities: { who: 'coordinator', about: 'reference' },
  themes: { who: 'coordinator', about: 'reference' },
  commitments: { who: 'coordinator', about: 'commitments' },
  milestones: { who: 'coordinator', about: 'commitments' },
  organisations: { who: 'community-or-territory' },
  people: { who: 'community-or-territory' },  // Issue 14 §2: the published library is the coordinator's; a proposal is its community's, its decision the coordinator's.
  practices: { who: 'coordinator', about: 'practices' },
  reportReviews: { who: 'coordinator', about: 'review' },
};

const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  'plans.communitySignatory': { who: 'side', side: 'community' },
  'plans.communitySignedOn': { who: 'side', side: 'community' },
  'plans.detachmentSignatory': { who: 'side', side: 'detachment' },
  'plans.detachmentSignedOn': { who: 'side', side: 'detachment' },  'practiceProposals.decision': { who: 'coordinator', about: 'practices' },
  'practiceProposals.declineReason': { who: 'coordinator', about: 'practices' },
  'practiceProposals.decidedBy': { who: 'coordinator', about: 'practices' },
  'practiceProposals.decidedAt': { who: 'coordinator', about: 'practices' },
  'practiceProposals.practiceId': { who: 'coordinator', about: 'practices' },
};

/** The rule for writing one field of one table (replicated-table names, as in ops). */
export function fieldRuleOf(table: string, field: string): FieldRule {
  return FIELD_RULES[`${table}.${field}`] ?? TABLE_RULES[table] ?? { who: 'community' };
}

/**
 * Whether a role may write this field, before the community check: null when it may (the
 * community check still applies), else the reason. `territoryWide`: the row belongs to no community.
 */
export function fieldVerdict(role: Role, table: string, field: string, territoryWide: boolean): Verdict {
  if (role === 'coordinator') return ALLOWED;
  const rule = fieldRuleOf(table, field);
  switch (rule.who) {
    case 'coordinator':
      return refused(coordinatorOnly(rule.about));
    case 'side':
      return maySign(role, rule.side);
    case 'community-or-territory':
      return territoryWide ? refused(msg('permission.coordinatorOnly.territoryWide')) : ALLOWED;
    default:
      return ALLOWED;
  }
}

/**
 * A comment's marks are the sides' own (issue 12): a computer writes comments as its own role, and
 * marks read only the other side's comments. `authorRole`: the comment's, as it stands after the
 * change (null before version 3: the coordinator's). Checked on every imported op of a comment.
 */
export function commentFieldVerdict(role: Role, field: string, value: unknown, authorRole: unknown): Verdict {
  const sideOf = (r: unknown) => (r === 'detachment' || r === 'liaison' ? 'community' : 'coordinator');
  if (field === 'authorRole' && value !== null && sideOf(value) !== sideOf(role)) return refused(msg('permission.comment.authorRole'));
  if ((field === 'readAt' || field === 'readBy') && value !== null && sideOf(authorRole) === sideOf(role)) return refused(msg('permission.comment.ownSideRead'));
  return ALLOWED;
}
