import { z } from 'zod';

/**
 * The schema version written into every changeset; bump with each migration that changes fields.
 * A changeset of a higher version is refused as made by a newer planner (never applied as if
 * understood). Versions below it are refused too, unless listed here as meaning exactly the same.
 */
export const CHANGESET_SCHEMA_VERSION = 1;
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [CHANGESET_SCHEMA_VERSION];
/** The version of the changeset text itself (`v`). */
export const CHANGESET_TEXT_VERSION = 1;

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

export const changesetBodySchema = z.strictObject({
  v: z.literal(CHANGESET_TEXT_VERSION),
  id: z.string().min(1).max(64),
  origin: z.string().min(1).max(64),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  // A clock orders versions everywhere the same way: printable ASCII only, so that every comparison
  // (JavaScript's, SQLite's) sorts it alike. Honest clocks are "wall-counter-origin" digits and id.
  hlc: z.string().min(1).max(120).regex(/^[\x21-\x7E]+$/),
  schemaVersion: z
    .number()
    .int()
    .refine((n) => READABLE_SCHEMA_VERSIONS.includes(n)),
  actor: z.string().max(200),
  method: z.string().max(80),
  createdAt: z.string().max(40),
  ops: z.array(changesetOpSchema).min(1).max(5000),
});

export type ChangesetBody = z.infer<typeof changesetBodySchema>;
export type ChangesetOp = z.infer<typeof changesetOpSchema>;

/** Key order is fixed here, so the same changeset always has the same text. */
export function serialiseChangeset(body: ChangesetBody): string {
  return JSON.stringify({
    v: body.v,
    id: body.id,
    origin: body.origin,
    seq: body.seq,
    hlc: body.hlc,
    schemaVersion: body.schemaVersion,
    actor: body.actor,
    method: body.method,
    createdAt: body.createdAt,
    ops: body.ops.map((op) => ({ opId: op.opId, table: op.table, rowId: op.rowId, field: op.field, value: op.value, pred: op.pred })),
  });
}
