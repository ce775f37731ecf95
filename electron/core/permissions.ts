/**
 * The permission table (shared/permissions.ts) enforced for local calls: createCore asks
 * `authorize` before every handler. The caller's authority is this installation's role and
 * communities (kept equal to its certificate once enrolled; on a database not enrolled, its
 * profile's: the coordinator has every community, and so does a profile that names none, as the
 * home page has always read it). The target's community is read from the
 * input's ids through the rows they name (changelog/row-community.ts); a target that does not
 * exist is left to the handler, which says so.
 */
import { msg } from '../../shared/core-messages';
import { DomainError } from '../../shared/domain-error';
import { type Authority, fieldVerdict, maySign, mayChangeCommunity, methodVerdict, ruleOf, type SignOffSide, type Verdict } from '../../shared/permissions';
import type { Role } from '../../shared/vocabulary';
import type { CoreContext } from './changelog/core-context';
import type { ReplicatedTableName } from './changelog/replicated-tables';
import { communityOfRow, type FieldLookup, storedFieldLookup } from './changelog/row-community';
import { listConflicts } from './changelog/conflicts';
import { communityOfRecord } from './changelog/attachable-records';

interface InstallationAuthority extends Authority {
  scope: string[];
}

/** This installation's authority; null before it has a profile (first start decides what may run then). */
export function localAuthority(ctx: CoreContext): InstallationAuthority | null {
  const row = ctx.sqlite.prepare('SELECT role, scope_community_ids AS scope, certificate_serial AS serial FROM installation WHERE key = 1').get() as
    | { role: string; scope: string | null; serial: string | null }
    | undefined;
  if (!row) return null;
  const role = row.role as Role;
  let scope: string[] = [];
  try {
    const parsed = JSON.parse(row.scope ?? '[]') as unknown;
    if (Array.isArray(parsed)) scope = parsed.filter((v): v is string => typeof v === 'string');
  } catch {
    scope = [];
  }
  const certified = row.serial !== null;
  // A database not enrolled keeps today's meaning of an empty scope (the home page's): every community.
  const communityIds = role === 'coordinator' || (!certified && scope.length === 0) ? null : scope;
  return { role, communityIds, certified, scope };
}

/** Which input field names which kind of row: the target's community is read from it. */
const TARGET_IDS: ReadonlyArray<[field: string, table: ReplicatedTableName]> = [
  ['communityId', 'communities'],
  ['planId', 'plans'],
  ['priorityId', 'priorities'],
  ['actionId', 'actions'],
  ['indicatorId', 'indicators'],
  ['reportId', 'reportSubmissions'],
  ['organisationId', 'organisations'],
  ['personId', 'people'],
  ['commentId', 'reportComments'],
  ['attachmentId', 'attachments'],

  ['proposalId', 'practiceProposals'],

  ['engagementId', 'engagements'],
];

function deny(verdict: Verdict): void {
  if (!verdict.allowed) throw new DomainError('forbidden', verdict.reason);
}

function communityName(ctx: CoreContext, id: string): string {
  return (ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(id) as string | undefined) ?? id;
}

function checkCommunity(ctx: CoreContext, who: InstallationAuthority, communityId: string): void {
  if (who.communityIds === null || who.communityIds.includes(communityId)) return;
  const names = who.scope.map((id) => communityName(ctx, id));
  deny(mayChangeCommunity(who, { id: communityId, name: communityName(ctx, communityId) }, names));
}

/** The communities an input's ids lead to: a string per community, null for a territory-wide row, nothing for a row not found. */
function targetCommunities(lookup: FieldLookup, input: Record<string, unknown>): Array<string | null> {
  const found: Array<string | null> = [];
  for (const [field, table] of TARGET_IDS) {
    const id = input[field];
    if (typeof id !== 'string') continue;
    if (table === 'communities') {
      found.push(id);
      continue;
    }
    const community = communityOfRow(lookup, table, id);
    if (community !== undefined && lookup(table, id, 'id') !== undefined) found.push(community);
  }
  // A record named by kind and id (evidence files: changelog/attachable-records.ts).
  if (typeof input.recordKind === 'string' && typeof input.recordId === 'string') {
    const community = communityOfRecord(lookup, input.recordKind, input.recordId);
    if (community !== undefined) found.push(community);
  }
  return found;
}

const SIDES: ReadonlyArray<{ side: SignOffSide; fields: readonly [string, string] }> = [
  { side: 'community', fields: ['communitySignatory', 'communitySignedOn'] },
  { side: 'detachment', fields: ['detachmentSignatory', 'detachmentSignedOn'] },
];

/** Refuses (DomainError 'forbidden', with a sentence saying who may) a call this installation may not make. */
export function authorize(ctx: CoreContext, method: string, input: unknown): void {
  const who = localAuthority(ctx);
  if (!who) return;
  deny(methodVerdict(method, who));
  if (who.role === 'coordinator' && method !== 'installation:update') return;
  const rule = ruleOf(method)!;
  if (rule.who === 'anyone' || rule.who === 'coordinator' || rule.who === 'trust') return;
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const lookup = storedFieldLookup(ctx);
  switch (rule.who) {
    case 'community':
    case 'sign-off': {
      for (const community of targetCommunities(lookup, fields)) if (community !== null) checkCommunity(ctx, who, community);
      if (method === 'conflicts:resolve' && typeof fields.conflictId === 'string') authorizeResolution(ctx, who, lookup, fields.conflictId);
      if (method === 'conflicts:resolveRecord' && Array.isArray(fields.choices)) for (const c of fields.choices as Array<{ conflictId?: unknown }>) if (typeof c.conflictId === 'string') authorizeResolution(ctx, who, lookup, c.conflictId);
      if (rule.who === 'sign-off' && typeof fields.planId === 'string') {
        for (const { side, fields: [name, date] } of SIDES) {
          const entered = [name, date].some((f) => fields[f] !== undefined && fields[f] !== lookup('plans', fields.planId as string, f));
          if (entered) deny(maySign(who.role, side));
        }
      }
      return;
    }
    case 'community-or-territory': {
      // The row's present community, and the one it is given (null: territory-wide).
      // The row itself (an organisation's, a person's: a person's organisationId is only a reference),
      // then the community it is given, if any (null: territory-wide).
      const [table, idField] = method.startsWith('people:') ? (['people', 'personId'] as const) : (['organisations', 'organisationId'] as const);
      const rowId = fields[idField];
      const targets: Array<string | null> = [];
      if (typeof rowId === 'string') {
        const present = communityOfRow(lookup, table, rowId);
        // A row that is not here is left to the method, which says so.
        if (present === undefined || lookup(table, rowId, 'id') === undefined) return;
        targets.push(present);
      }
      if ('communityId' in fields || typeof rowId !== 'string') targets.push(typeof fields.communityId === 'string' ? fields.communityId : null);
      for (const community of targets) {
        if (community === null) deny(fieldVerdict(who.role, 'organisations', 'name', true));
        else checkCommunity(ctx, who, community);
      }
      return;
    }
    case 'profile': {
      if (!who.certified) return;
      const roleChanged = fields.role !== undefined && fields.role !== who.role;
      const scope = fields.scopeCommunityIds;
      const scopeChanged = Array.isArray(scope) && (scope.length !== who.scope.length || scope.some((id) => !who.scope.includes(id as string)));
      if (roleChanged || scopeChanged) throw new DomainError('forbidden', msg('permission.profileCertified'));
      return;
    }
    default:
      return;
  }
}

/** A resolution is an op on the conflict's field: held to the op-level table and the row's community. */
function authorizeResolution(ctx: CoreContext, who: InstallationAuthority, lookup: FieldLookup, conflictId: string): void {
  const conflict = listConflicts(ctx).find((c) => c.id === conflictId);
  if (!conflict) return;
  const table = conflict.table as ReplicatedTableName;
  const community = communityOfRow(lookup, table, conflict.rowId);
  deny(fieldVerdict(who.role, table, conflict.field, community === null));
  if (typeof community === 'string') checkCommunity(ctx, who, community);
}
