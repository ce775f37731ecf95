import { z } from 'zod';

/**
 * The schema version written into every changeset; bump with each migration that adds replicated
 * fields, and record in the registry (replicated-tables.ts, `since`) which fields it introduced.
 * Every older version is readable (fields are only ever added). A changeset of a higher version
 * is accepted: its ops on fields this planner knows apply, the others are kept as they came and
 * materialised after an upgrade (changeset-validation.ts, materialize.ts).
 */
export const CHANGESET_SCHEMA_VERSION = 4;
/** Version 2 added the changeset's partition (text version 2) and the fields of migration 0002. */
/** Version 3 added the report comments' action, author's role, edit and read marks (migration 0004). */
/** Version 4 added issue 14's records: quarter review, engagement log, promising practices, evidence files (migrations 0007–0010). */
/** The first schema version; anything below it is not a changeset of this planner. */
export const OLDEST_SCHEMA_VERSION = 1;
/** A bound on what a changeset may claim, so a hostile number stays an ordinary integer. */
export const HIGHEST_CONCEIVABLE_SCHEMA_VERSION = 1_000_000;
/** The version of the changeset text itself (`v`): 2 carries `partition`; 1 (before partitions) is read as partition '*'. */
export const CHANGESET_TEXT_VERSION = 2;
/** The partition of a changeset written before partitions existed (changelog/partitions.ts LEGACY_PARTITION). */
const LEGACY = '*';

/**
 * The signed text of a changeset. It is produced once by its origin and then travels
 * byte-for-byte; receivers parse it with this strict schema and never re-serialise it.
 */
const opId = z.string().min(1).max(80).regex(/^[0-9A-Za-z_.:-]+$/);
const rowId = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/);

export const changesetOpSchema = z.strictObject({
  opId,
  table: z.string().min(1).max(40),
  rowId,
  field: z.string().min(1).max(40),
  value: z.json(),
  pred: z.array(opId).max(64),
});

export const changesetBodySchema = z
  .strictObject({
  v: z.union([z.literal(1), z.literal(CHANGESET_TEXT_VERSION)]),
  id: z.string().min(1).max(64),
  origin: z.string().min(1).max(64),
  /** A community's id or 'territory' (text version 2 only). */
  partition: z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/).optional(),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  // A clock orders versions everywhere the same way: printable ASCII only, so that every comparison
  // (JavaScript's, SQLite's) sorts it alike. Honest clocks are "wall-counter-origin" digits and id.
  hlc: z.string().min(1).max(120).regex(/^[\x21-\x7E]+$/),
  schemaVersion: z.number().int().min(OLDEST_SCHEMA_VERSION).max(HIGHEST_CONCEIVABLE_SCHEMA_VERSION),
  actor: z.string().max(200),
  method: z.string().max(80),
  createdAt: z.string().max(40),
  ops: z.array(changesetOpSchema).min(1).max(5000),
})
  // Version 2 names its partition; version 1 never does (it is read as '*').
  .refine((b) => (b.v === 1) === (b.partition === undefined));

export type ChangesetBody = z.infer<typeof changesetBodySchema>;
export type ChangesetOp = z.infer<typeof changesetOpSchema>;

/** The partition a changeset belongs to: the one it names, or '*' for one written before partitions. */
export function partitionOfChangeset(body: Pick<ChangesetBody, 'partition'>): string {
  return body.partition ?? LEGACY;
}

/** Key order is fixed here, so the same changeset always has the same text. */
export function serialiseChangeset(body: ChangesetBody): string {
  return JSON.stringify({
    v: body.v,
    id: body.id,
    origin: body.origin,
    ...(body.partition !== undefined ? { partition: body.partition } : {}),
    seq: body.seq,
    hlc: body.hlc,
    schemaVersion: body.schemaVersion,
    actor: body.actor,
    method: body.method,
    createdAt: body.createdAt,
    ops: body.ops.map((op) => ({ opId: op.opId, table: op.table, rowId: op.rowId, field: op.field, value: op.value, pred: op.pred })),
  });
}

const BODY_KEYS = new Set(['v', 'id', 'origin', 'partition', 'seq', 'hlc', 'schemaVersion', 'actor', 'method', 'createdAt', 'ops']);
const OP_KEYS = new Set(['opId', 'table', 'rowId', 'field', 'value', 'pred']);
const OP_ID = /^[0-9A-Za-z_.:-]+$/;
const ROW_ID = /^[0-9A-Za-z_-]+$/;
const PARTITION = ROW_ID;
const HLC = /^[\x21-\x7E]+$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, min: number, max: number, pattern?: RegExp): boolean => typeof v === 'string' && v.length >= min && v.length <= max && (pattern === undefined || pattern.test(v));
const onlyKeys = (o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean => {
  for (const key of Object.keys(o)) if (!allowed.has(key)) return false;
  return true;
};
/** A JSON value zod's `z.json()` gives back unchanged (a `__proto__` key is the one it rewrites: left to zod). */
function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(plainJson);
  if (!isObject(v)) return false;
  for (const key of Object.keys(v)) if (key === '__proto__' || !plainJson(v[key])) return false;
  return true;
}
/**
 * Exactly what changesetBodySchema accepts, for a value fresh from JSON.parse, checked without
 * zod's per-value machinery (an import reads tens of thousands of changesets). It only ever says
 * yes to what the schema accepts unchanged; anything else it leaves to the schema (so a refusal is
 * always the schema's). test/core/changeset-body-fast.test.ts holds the two to the same verdicts.
 */
function plainlyValidBody(raw: unknown): raw is ChangesetBody {
  if (!isObject(raw) || !onlyKeys(raw, BODY_KEYS)) return false;
  const { v, partition, seq, schemaVersion, ops } = raw;
  if (v !== 1 && v !== CHANGESET_TEXT_VERSION) return false;
  if (v === 1 ? Object.hasOwn(raw, 'partition') : !text(partition, 1, 64, PARTITION)) return false;
  if (!text(raw.id, 1, 64) || !text(raw.origin, 1, 64) || !text(raw.hlc, 1, 120, HLC)) return false;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return false;
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < OLDEST_SCHEMA_VERSION || schemaVersion > HIGHEST_CONCEIVABLE_SCHEMA_VERSION) return false;
  if (!text(raw.actor, 0, 200) || !text(raw.method, 0, 80) || !text(raw.createdAt, 0, 40)) return false;
  if (!Array.isArray(ops) || ops.length < 1 || ops.length > 5000) return false;
  for (const op of ops) {
    if (!isObject(op) || !onlyKeys(op, OP_KEYS) || !Object.hasOwn(op, 'value')) return false;
    if (!text(op.opId, 1, 80, OP_ID) || !text(op.table, 1, 40) || !text(op.rowId, 1, 64, ROW_ID) || !text(op.field, 1, 40)) return false;
    const pred = op.pred;
    if (!Array.isArray(pred) || pred.length > 64 || !pred.every((p) => text(p, 1, 80, OP_ID))) return false;
    if (!plainJson(op.value)) return false;
  }
  return true;
}

/** A changeset's body read by its strict schema (fast for the ordinary case); null when the schema refuses it. */
export function parseChangesetBody(raw: unknown): ChangesetBody | null {
  if (plainlyValidBody(raw)) return raw;
  const parsed = changesetBodySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
