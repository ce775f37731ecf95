import type Database from 'better-sqlite3';
import { msg } from '../../../shared/core-messages';
import { commentFieldVerdict, fieldRuleOf, fieldVerdict } from '../../../shared/permissions';
import type { Role } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { refuse } from './bundle-refusal';
import { isReplicatedTable, type ReplicatedTableName, sqlTableName } from '../changelog/replicated-tables';
import type { ChangesetBody } from '../changelog/changeset-body';
import { storeChangeset } from '../changelog/changeset-store';
import { communityOfRow, naturalIdOfRow, storedFieldLookup } from '../changelog/row-community';

/**
 * Who an origin is, by its certificate: its role and communities (null: every community). Role
 * null: a computer known only by its fingerprint (trust on first use), held to the community scope
 * alone, as before enrolment existed.
 */
export interface OriginAuthority {
  role: Role | null;
  communityIds: string[] | null;
}

/** What the scope check needs of a checked bundle: its new changesets and what each origin may change. */
export interface ScopedBundle {
  fresh: ReadonlyArray<{ text: string; signature: string; body: ChangesetBody }>;
  /** null: everything. */
  originScope: ReadonlyMap<string, string[] | null>;
  /** Each certified origin's role and communities; an origin not in it is judged by `originScope` alone. */
  originAuthority?: ReadonlyMap<string, OriginAuthority>;
}

/**
 * The authority of each origin with a certificate stored here (the newest one not revoked, else
 * the newest) whose key is the one the origin signs with. Certificates are checked against the
 * territory key when they are stored (enrolment); here they are only read.
 */
export function certifiedAuthorities(ctx: CoreContext, originKey: ReadonlyMap<string, string>): Map<string, OriginAuthority> {
  const authorities = new Map<string, OriginAuthority>();
  const certificates = ctx.sqlite.prepare(
    'SELECT c.body AS body, (SELECT 1 FROM revocations r WHERE r.serial = c.serial) AS revoked FROM certificates c WHERE c.installation_id = ? ORDER BY revoked IS NOT NULL, c.issued_at DESC, c.serial DESC',
  );
  for (const [origin, key] of originKey) {
    for (const row of certificates.all(origin) as Array<{ body: string }>) {
      const body = parseCertificate(row.body);
      if (!body || (body.signingKey !== undefined && body.signingKey !== key)) continue;
      authorities.set(origin, { role: body.role, communityIds: body.role === 'coordinator' ? null : body.communityIds });
      break;
    }
  }
  return authorities;
}

function parseCertificate(text: string): { role: Role; communityIds: string[] | null; signingKey?: string } | null {
  try {
    const body = JSON.parse(text) as { role?: unknown; communityIds?: unknown; signingKey?: unknown };
    if (body.role !== 'coordinator' && body.role !== 'detachment' && body.role !== 'liaison') return null;
    const ids = Array.isArray(body.communityIds) ? body.communityIds.filter((id): id is string => typeof id === 'string') : null;
    return { role: body.role, communityIds: ids, ...(typeof body.signingKey === 'string' ? { signingKey: body.signingKey } : {}) };
  } catch {
    return null;
  }
}

/** An origin's communities: its certificate's when it has one, else what it is trusted for here. */
function scopeOf(checked: ScopedBundle, origin: string): string[] | null {
  const authority = checked.originAuthority?.get(origin);
  if (authority && authority.role !== null) return authority.communityIds;
  return checked.originScope.get(origin) ?? null;
}

/** The computer's name as pinned here, for a refusal that names it. */
function originName(ctx: CoreContext, origin: string): string {
  return (ctx.sqlite.prepare('SELECT name FROM peers WHERE installation_id = ?').pluck().get(origin) as string | undefined) ?? origin;
}

function outOfScope(message: ReturnType<typeof msg>): never {
  return refuse('out_of_scope', message);
}

/** Thrown to roll a savepoint (or the preview's transaction) back. */
export class RollBack extends Error {}

/**
 * Scope is judged on the result, never on the bundle's text: which value wins a field depends on
 * `pred` links and clocks, so the community of every row a scoped origin touches is read from the
 * database, and must be one that origin may change, both after applying the whole bundle and
 * without that origin's own changes (nor those of origins with the same scope) — that is, after
 * applying every other changeset of the bundle, in a savepoint rolled back at once (a row another
 * origin creates in this very bundle is not the scoped origin's to create or move).
 * A row only the scoped origin's changes make exist is judged on its new home alone, and a row
 * with a natural key must carry the id its key gives.
 */
export function scopeGuard(ctx: CoreContext, checked: ScopedBundle): { check(): void } {
  const rows: Array<{ table: ReplicatedTableName; rowId: string; scope: string[]; before: string | null | undefined; known: boolean }> = [];
  const hasHeads = ctx.sqlite.prepare('SELECT 1 FROM field_heads WHERE table_name = ? AND row_id = ? LIMIT 1');
  const stored = new Map<ReplicatedTableName, Database.Statement>();
  const isStored = (table: ReplicatedTableName, rowId: string) => {
    let statement = stored.get(table);
    if (!statement) stored.set(table, (statement = ctx.sqlite.prepare(`SELECT 1 FROM "${sqlTableName(table)}" WHERE id = ?`)));
    return statement.get(rowId) !== undefined;
  };
  const known = (table: ReplicatedTableName, rowId: string) => hasHeads.get(table, rowId) !== undefined || isStored(table, rowId);
  // Origins with the same scope are judged together (as one origin may do no more than its scope,
  // neither may several with the same scope): the extra passes grow with the number of distinct
  // scopes — trusted peers here — never with the number of origins a bundle introduces.
  const scopeKey = (origin: string) => {
    const scope = scopeOf(checked, origin);
    return scope === null ? null : JSON.stringify([...scope].sort());
  };
  const groups = new Map<string, { scope: string[]; origins: Set<string> }>();
  for (const { body } of checked.fresh) {
    const key = scopeKey(body.origin);
    if (key === null) continue;
    const group = groups.get(key) ?? { scope: scopeOf(checked, body.origin)!, origins: new Set<string>() };
    group.origins.add(body.origin);
    groups.set(key, group);
  }
  const now = ctx.clock.now();
  for (const { scope, origins } of groups.values()) {
    const others = checked.fresh.filter((c) => !origins.has(c.body.origin));
    const own = checked.fresh.filter((c) => origins.has(c.body.origin));
    const ownOpIds = new Set(own.flatMap((c) => c.body.ops.map((op) => op.opId)));
    const judgeBefore = () => {
      const lookup = storedFieldLookup(ctx);
      const seen = new Map<string, (typeof rows)[number]>();
      for (const { body } of own) {
        for (const op of body.ops) {
          // A kind of record only a newer planner has: its place cannot be told here (not materialised; see docs).
          if (!isReplicatedTable(op.table)) continue;
          const key = `${op.table}\u0000${op.rowId}`;
          let row = seen.get(key);
          if (!row) {
            const table = op.table as ReplicatedTableName;
            seen.set(key, (row = { table, rowId: op.rowId, scope, before: communityOfRow(lookup, table, op.rowId), known: known(table, op.rowId) }));
            rows.push(row);
          }
          // Naming in `pred` an op that is neither here nor its own says the row already exists
          // elsewhere: it is not this origin's to create (it would front-run the real creation).
          if (op.pred.some((pred) => !ownOpIds.has(pred))) row.known = true;
        }
      }
    };
    if (others.length === 0) {
      judgeBefore();
      continue;
    }
    // The state without this origin's changes: every other changeset applied inside a savepoint, then undone.
    try {
      ctx.sqlite.transaction(() => {
        for (const c of others) storeChangeset(ctx.sqlite, ctx.recorder.register, c.body, c.text, c.signature, now);
        judgeBefore();
        throw new RollBack();
      })();
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
  }
  return {
    check() {
      const after = storedFieldLookup(ctx);
      // Rows that only these changes make exist: their creation writes empty sign-off blocks.
      const created = new Set(rows.filter((row) => !row.known).map((row) => `${row.table}\u0000${row.rowId}`));
      checkRoles(ctx, checked, after, created);
      for (const row of rows) {
        const now = communityOfRow(after, row.table, row.rowId);
        const inScope = (c: string | null | undefined) => typeof c === 'string' && row.scope.includes(c);
        // A row unknown without this origin's changes is being created by it: only its new home counts,
        // and a natural key must give its id.
        const beforeOk = inScope(row.before) || !row.known;
        const natural = row.known ? null : naturalIdOfRow(after, row.table, row.rowId);
        if (natural !== null && natural !== row.rowId) outOfScope(msg('import.outOfScope.other'));
        if (inScope(now) && beforeOk) continue;
        const outside = inScope(now) ? row.before : now;
        const name = typeof outside === 'string' ? (ctx.sqlite.prepare('SELECT name FROM communities WHERE id = ?').pluck().get(outside) as string | undefined) : undefined;
        outOfScope(name ? msg('import.outOfScope.community', { community: name }) : msg('import.outOfScope.other'));
      }
    },
  };
}

/**
 * The op-level table (shared/permissions.ts) against each certified origin's role, on the result:
 * territory reference data, coordinator comments and territory-wide organisations and people only
 * from the coordinator, each sign-off block only from its side. One op an origin may not write
 * refuses the whole bundle, naming the computer and what it may not do.
 */
function checkRoles(ctx: CoreContext, checked: ScopedBundle, after: ReturnType<typeof storedFieldLookup>, created: ReadonlySet<string>): void {
  if (!checked.originAuthority || checked.originAuthority.size === 0) return;
  for (const { body } of checked.fresh) {
    const role = checked.originAuthority.get(body.origin)?.role ?? null;
    if (role === null || role === 'coordinator') continue;
    for (const op of body.ops) {
      if (!isReplicatedTable(op.table)) continue;
      const table = op.table;
      // Creating a plan writes its sign-off blocks empty: that signs nothing for either side. Only a
      // row this origin creates (unknown without its changes), an op replacing nothing (no pred):
      // an empty value written over or beside the other side's signature is judged like any write.
      if (op.value === null && op.pred.length === 0 && created.has(`${op.table}\u0000${op.rowId}`) && fieldRuleOf(op.table, op.field).who === 'side') continue;
      const territoryWide = (table === 'organisations' || table === 'people') && communityOfRow(after, table, op.rowId) === null;
      const verdict = fieldVerdict(role, op.table, op.field, territoryWide);
      if (!verdict.allowed) outOfScope(msg('import.forbidden', { name: originName(ctx, body.origin), reason: verdict.reason }));
      if (table === 'reportComments') {
        const marks = commentFieldVerdict(role, op.field, op.value, after('reportComments', op.rowId, 'authorRole') ?? null);
        if (!marks.allowed) outOfScope(msg('import.forbidden', { name: originName(ctx, body.origin), reason: marks.reason }));
      }
    }
  }
}
