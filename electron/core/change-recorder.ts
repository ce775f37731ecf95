import type Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { PlannerDb } from '../../db/open-database';
import * as schema from '../../db/schema';
import type { Clock, IdGenerator } from './clock';
import { replicatedTables, type ReplicatedTableName } from './replicated-tables';

/** The schema version written into every changeset; bump with each migration that changes fields. */
export const CHANGESET_SCHEMA_VERSION = 1;

type TableOf<N extends ReplicatedTableName> = (typeof replicatedTables)[N]['table'];
export type RowOf<N extends ReplicatedTableName> = TableOf<N>['$inferSelect'];
export type NewRowOf<N extends ReplicatedTableName> = TableOf<N>['$inferInsert'];
export type PatchOf<N extends ReplicatedTableName> = Partial<Omit<NewRowOf<N>, 'id'>>;

export interface RecordedOp {
  table: ReplicatedTableName;
  rowId: string;
  field: string;
  value: unknown;
}

/**
 * The only way the core changes replicated data. Inside `change()`, every insert, update and
 * removal is applied to its table and recorded, field by field, as an op of one changeset
 * (origin = this installation, seq = next number, who, when). The sync issue turns these
 * changesets into signed bundles, so this is the change log itself, not an audit side table.
 */
export interface ChangeWriter {
  insert<N extends ReplicatedTableName>(table: N, row: NewRowOf<N>): void;
  /** Sets the given fields; records only those whose value differs. Returns the changed fields. */
  update<N extends ReplicatedTableName>(table: N, id: string, patch: PatchOf<N>): string[];
  /** Inserts the row, or updates it (reviving it if removed) when its id exists: for natural keys. */
  upsert<N extends ReplicatedTableName>(table: N, row: NewRowOf<N>): void;
  remove(table: ReplicatedTableName, id: string): void;
  restore(table: ReplicatedTableName, id: string): void;
  readonly ops: readonly RecordedOp[];
}

export interface ChangeActor {
  installationId: string;
  userName: string;
}

function normalise(value: unknown): unknown {
  return value === undefined ? null : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

export class ChangeRecorder {
  private lastHlc = '';

  constructor(
    private readonly db: PlannerDb,
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Runs `work` in one immediate transaction; if it wrote anything, appends one changeset with
   * its ops. Throwing inside rolls everything back: the data and the log never disagree.
   */
  change<T>(actor: ChangeActor, method: string, work: (writer: ChangeWriter) => T): T {
    const sqlite = this.sqlite;
    const run = sqlite.transaction(() => {
      const writer = this.createWriter();
      const result = work(writer);
      if (writer.ops.length > 0) this.appendChangeset(actor, method, writer.ops);
      return result;
    });
    return run.immediate();
  }

  private createWriter(): ChangeWriter {
    const db = this.db;
    const ops: RecordedOp[] = [];
    const now = () => this.clock.now();
    const tableOf = (name: ReplicatedTableName) => replicatedTables[name];
    const current = (name: ReplicatedTableName, id: string) => {
      const { table } = tableOf(name);
      // The registry guarantees every table has an `id` column.
      const idColumn = (table as unknown as { id: Parameters<typeof eq>[0] }).id;
      return db.select().from(table).where(eq(idColumn, id)).get() as Record<string, unknown> | undefined;
    };
    const checkFields = (name: ReplicatedTableName, fields: string[]) => {
      const allowed = tableOf(name).fields;
      for (const f of fields) {
        if (f !== 'id' && !allowed.includes(f)) throw new Error(`Field ${name}.${f} is not in the replicated-field registry.`);
      }
    };

    const writer: ChangeWriter = {
      ops,
      insert(name, row) {
        const values = row as Record<string, unknown>;
        const id = values.id;
        if (typeof id !== 'string' || id.length === 0) throw new Error(`Insert into ${name} without an id.`);
        checkFields(name, Object.keys(values));
        db.insert(tableOf(name).table).values(values as never).run();
        for (const field of tableOf(name).fields) {
          if (field in values && values[field] !== undefined) ops.push({ table: name, rowId: id, field, value: normalise(values[field]) });
        }
      },
      update(name, id, patch) {
        const before = current(name, id);
        if (!before) throw new Error(`Update of a missing ${name} row ${id}.`);
        const entries = Object.entries(patch as Record<string, unknown>).filter(([, v]) => v !== undefined);
        checkFields(name, entries.map(([k]) => k));
        const changed = entries.filter(([field, value]) => !same(before[field], value));
        if (changed.length === 0) return [];
        const set = Object.fromEntries(changed);
        const idColumn = (tableOf(name).table as unknown as { id: Parameters<typeof eq>[0] }).id;
        db.update(tableOf(name).table).set(set as never).where(eq(idColumn, id)).run();
        for (const [field, value] of changed) ops.push({ table: name, rowId: id, field, value: normalise(value) });
        return changed.map(([field]) => field);
      },
      upsert(name, row) {
        const values = row as Record<string, unknown>;
        const existing = current(name, values.id as string);
        if (!existing) return writer.insert(name, row);
        const { id, ...rest } = values;
        writer.update(name, id as string, { ...rest, deletedAt: null } as never);
      },
      remove(name, id) {
        writer.update(name, id, { deletedAt: now() } as never);
      },
      restore(name, id) {
        writer.update(name, id, { deletedAt: null } as never);
      },
    };
    return writer;
  }

  private appendChangeset(actor: ChangeActor, method: string, ops: readonly RecordedOp[]): void {
    const db = this.db;
    const next = db
      .update(schema.installation)
      .set({ lastSeq: sql`${schema.installation.lastSeq} + 1` })
      .where(eq(schema.installation.key, 1))
      .returning({ seq: schema.installation.lastSeq })
      .get();
    if (!next) throw new Error('This installation has no profile yet; it must be initialised before changes are recorded.');
    const changesetId = this.ids.newId();
    const createdAt = this.clock.now();
    db.insert(schema.changesets)
      .values({
        id: changesetId,
        origin: actor.installationId,
        seq: next.seq,
        hlc: this.nextHlc(actor.installationId, createdAt),
        actor: actor.userName,
        method,
        schemaVersion: CHANGESET_SCHEMA_VERSION,
        createdAt,
      })
      .run();
    const insertOp = this.sqlite.prepare(
      'INSERT INTO change_ops (op_id, changeset_id, position, table_name, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    ops.forEach((op, position) => {
      insertOp.run(`${changesetId}.${position}`, changesetId, position, op.table, op.rowId, op.field, JSON.stringify(op.value));
    });
  }

  /**
   * Hybrid logical clock: wall time, then a counter when time has not moved, then the origin.
   * It only orders concurrent values for display; causality comes from the ops themselves.
   */
  private nextHlc(origin: string, nowIso: string): string {
    const wall = Date.parse(nowIso);
    const [lastWall = 0, lastCount = 0] = this.lastHlc ? this.lastHlc.split('-').map(Number) : [];
    const hlcWall = Math.max(wall, lastWall);
    const count = hlcWall === lastWall ? lastCount + 1 : 0;
    this.lastHlc = `${String(hlcWall).padStart(15, '0')}-${String(count).padStart(6, '0')}`;
    return `${this.lastHlc}-${origin}`;
  }
}
