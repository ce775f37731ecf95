import type Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { PlannerDb } from '../../../db/open-database';
import * as schema from '../../../db/schema';
import type { Clock, IdGenerator } from './clock';
import { fieldKnownAt, replicatedTables, type ReplicatedTableName, sqlColumnName, sqlTableName } from './replicated-tables';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { derivedPartition, fixedPartition, fixPartition, mayReference, PARTITION_REFERENCES, partitionLabel, partitionOfRow, referencedIds } from './partitions';
import { type FieldLookup, registerFieldLookup } from './row-community';
import { CHANGESET_SCHEMA_VERSION, CHANGESET_TEXT_VERSION, type ChangesetBody, type ChangesetOp, serialiseChangeset } from './changeset-body';
import { storeChangeset } from './changeset-store';
import { FieldRegister } from './field-register';
import { HybridClock } from './hlc';

/** Declared beside the changeset's schema (changeset-body.ts), which refuses versions it cannot read. */
export { CHANGESET_SCHEMA_VERSION };

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
 * removal is applied to its table and recorded, field by field, as an op of one signed
 * changeset (origin = this installation, seq = next number, who, when, and for each op the heads
 * it supersedes). Bundles carry these changesets as they are: this is the change log itself.
 */
export interface ChangeWriter {
  insert<N extends ReplicatedTableName>(table: N, row: NewRowOf<N>): void;
  /** Sets the given fields; records only those whose value differs. Returns the changed fields. */
  update<N extends ReplicatedTableName>(table: N, id: string, patch: PatchOf<N>): string[];
  /** Inserts the row, or updates it (reviving it if removed) when its id exists: for natural keys. */
  upsert<N extends ReplicatedTableName>(table: N, row: NewRowOf<N>): void;
  remove(table: ReplicatedTableName, id: string): void;
  restore(table: ReplicatedTableName, id: string): void;
  /** Records a value even when it equals the current one: a conflict resolution names every head. */
  resolve(table: ReplicatedTableName, id: string, field: string, value: unknown): void;
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
  private readonly clocks = new Map<string, HybridClock>();
  /** Statements prepared once per recorder: every local write looks rows up and numbers its changesets. */
  private readonly rowStatements = new Map<string, Database.Statement>();
  private lastSeqStatement: Database.Statement | undefined;
  readonly register: FieldRegister;

  constructor(
    private readonly db: PlannerDb,
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly signer: { sign(text: string): string },
    /**
     * The changeset schema version this planner is built for: written into its changesets, and the
     * fields it knows (replicated-tables.ts `since`). Only an older planner is built for an older one.
     */
    readonly schemaVersion: number = CHANGESET_SCHEMA_VERSION,
  ) {
    this.register = new FieldRegister(sqlite);
  }

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
    // A planner built for an older schema version never writes a field that version did not have.
    const checkFields = (name: ReplicatedTableName, fields: string[]) => {
      for (const f of fields) {
        if (f !== 'id' && !fieldKnownAt(name, f, this.schemaVersion)) throw new Error(`Field ${name}.${f} is not in the replicated-field registry of schema version ${this.schemaVersion}.`);
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
      resolve(name, id, field, value) {
        checkFields(name, [field]);
        const idColumn = (tableOf(name).table as unknown as { id: Parameters<typeof eq>[0] }).id;
        if (current(name, id)) db.update(tableOf(name).table).set({ [field]: value } as never).where(eq(idColumn, id)).run();
        ops.push({ table: name, rowId: id, field, value: normalise(value) });
      },
    };
    return writer;
  }

  /**
   * The recorded ops, one changeset per partition (changelog/partitions.ts), each numbered
   * 1, 2, 3… per (origin, partition). Every row's partition is fixed when it is first written
   * here: an op that would move a row to another partition, or make it refer to a row of another
   * community, is refused (and, being inside the transaction, nothing is saved).
   */
  private appendChangeset(actor: ChangeActor, method: string, recorded: readonly RecordedOp[]): void {
    // One op per field per save: the last value written wins within a save.
    const lastByField = new Map<string, RecordedOp>();
    for (const op of recorded) lastByField.set(`${op.table}\u0000${op.rowId}\u0000${op.field}`, op);
    const byPartition = new Map<string, RecordedOp[]>();
    const partitionOf = this.partitionsOfWrite([...lastByField.values()]);
    for (const op of lastByField.values()) {
      const partition = partitionOf(op.table, op.rowId);
      const list = byPartition.get(partition) ?? [];
      list.push(op);
      byPartition.set(partition, list);
    }
    for (const [partition, ops] of byPartition) this.appendOne(actor, method, partition, ops);
  }

  /** The partition of every row a write touches, checked: fixed at creation, never moved, references kept in bounds. */
  private partitionsOfWrite(ops: readonly RecordedOp[]): (table: ReplicatedTableName, rowId: string) => string {
    const sqlite = this.sqlite;
    const heads = registerFieldLookup(sqlite, this.register);
    const rowStatements = this.rowStatements;
    // A local write has already reached its table: the table is the truth, the registers lag behind it.
    const lookup: FieldLookup = (table, rowId, field) => {
      const query = `SELECT "${sqlColumnName(table, field)}" AS v FROM "${sqlTableName(table)}" WHERE id = ?`;
      let statement = rowStatements.get(query);
      if (!statement) rowStatements.set(query, (statement = sqlite.prepare(query)));
      const row = statement.get(rowId) as { v: unknown } | undefined;
      // Only id fields are looked up (a row's community or parent): plain text, no JSON to read.
      return row ? row.v : heads(table, rowId, field);
    };
    const partitions = new Map<string, string>();
    const partitionOf = (table: ReplicatedTableName, rowId: string): string => {
      const key = `${table}\u0000${rowId}`;
      const known = partitions.get(key);
      if (known !== undefined) return known;
      const fixed = fixedPartition(sqlite, table, rowId);
      const derived = derivedPartition(sqlite, lookup, table, rowId);
      if (fixed !== undefined && derived !== undefined && fixed !== derived) {
        throw new DomainError('invalid_input', msg('partition.moveRefused', { from: partitionLabel(sqlite, fixed), to: partitionLabel(sqlite, derived) }));
      }
      const partition = fixed ?? derived;
      if (partition === undefined) throw new DomainError('invalid_input', msg('partition.unknown'));
      if (fixed === undefined) fixPartition(sqlite, table, rowId, partition);
      partitions.set(key, partition);
      return partition;
    };
    for (const op of ops) {
      const partition = partitionOf(op.table, op.rowId);
      const target = PARTITION_REFERENCES[op.table]?.[op.field];
      if (!target) continue;
      for (const id of referencedIds(op.value)) {
        const referenced = partitionOfRow(sqlite, lookup, target, id);
        if (referenced !== undefined && !mayReference(partition, referenced)) {
          throw new DomainError('invalid_input', msg('partition.crossReference', { from: partitionLabel(sqlite, partition), to: partitionLabel(sqlite, referenced) }));
        }
      }
    }
    return partitionOf;
  }

  private appendOne(actor: ChangeActor, method: string, partition: string, recorded: readonly RecordedOp[]): void {
    const db = this.db;
    // installation.lastSeq counts this installation's changesets (before partitions it was the one sequence).
    const counted = db
      .update(schema.installation)
      .set({ lastSeq: sql`${schema.installation.lastSeq} + 1` })
      .where(eq(schema.installation.key, 1))
      .returning({ seq: schema.installation.lastSeq })
      .get();
    if (!counted) throw new Error('This installation has no profile yet; it must be initialised before changes are recorded.');
    this.lastSeqStatement ??= this.sqlite.prepare('SELECT max(seq) FROM changesets WHERE origin = ? AND partition = ?').pluck();
    const seq = ((this.lastSeqStatement.get(actor.installationId, partition) as number | null) ?? 0) + 1;
    const changesetId = this.ids.newId();
    const createdAt = this.clock.now();

    const ops: ChangesetOp[] = recorded.map((op, position) => {
      // The author was looking at the field's current heads. A removal or restore looks at the
      // whole row, so an edit it did not see shows as "removed while being edited".
      const pred =
        op.field === 'deletedAt'
          ? [...this.register.headsOfRow(op.table, op.rowId).values()].flat().map((h) => h.opId)
          : this.register.headsOf(op.table, op.rowId, op.field).map((h) => h.opId);
      return { opId: `${changesetId}.${position}`, table: op.table, rowId: op.rowId, field: op.field, value: op.value as ChangesetOp['value'], pred: pred.sort() };
    });
    const body: ChangesetBody = {
      v: CHANGESET_TEXT_VERSION,
      id: changesetId,
      origin: actor.installationId,
      partition,
      seq,
      hlc: this.clockFor(actor.installationId).next(createdAt),
      schemaVersion: this.schemaVersion,
      actor: actor.userName,
      method,
      createdAt,
      ops,
    };
    const text = serialiseChangeset(body);
    storeChangeset(this.sqlite, this.register, body, text, this.signer.sign(text), createdAt);
  }

  private clockFor(origin: string): HybridClock {
    let clock = this.clocks.get(origin);
    if (!clock) {
      clock = new HybridClock(origin);
      // Continuing under a new id after a restore, the clock carries on from every id it signed under.
      const last = this.sqlite
        .prepare(
          `SELECT max(hlc) FROM changesets WHERE origin = ?
              OR origin IN (SELECT value FROM installation, json_each(installation.former_installation_ids) WHERE installation.installation_id = ?)`,
        )
        .pluck()
        .get(origin, origin) as string | null;
      clock.observeOwn(last ?? undefined);
      this.clocks.set(origin, clock);
    }
    return clock;
  }
}
