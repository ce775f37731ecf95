/**
 * Records keyed by ids that come from other computers (installation ids in version vectors,
 * acknowledgements, a manifest's keys; row ids in the renderer's form state). A plain `{}` already answers to "constructor",
 * "toString" or "__proto__", so an origin with such an id would be skipped, merged into NaN, or
 * silently dropped. These records have no prototype: every key is only what was put in.
 */
import { z } from 'zod';

export type IdRecord<V> = Record<string, V>;

export function idRecord<V>(entries: Iterable<readonly [string, V]> = []): IdRecord<V> {
  const record = Object.create(null) as IdRecord<V>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** A copy of the record with one id set: records in immutable state stay without a prototype. */
export function withId<V>(record: Readonly<Record<string, V>>, key: string, value: V): IdRecord<V> {
  const copy = idRecord(Object.entries(record));
  copy[key] = value;
  return copy;
}

/** The value held for an id, never one inherited from Object.prototype. */
export function valueFor<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A zod schema for such a record read from a file. `z.record` builds a plain object and so drops
 * a "__proto__" key; this one keeps every key the JSON holds.
 */
export function idRecordSchema<V extends z.ZodType>(key: z.ZodType<string>, value: V): z.ZodType<IdRecord<z.output<V>>> {
  const entry = z.tuple([key, value]) as unknown as z.ZodType<[string, z.output<V>]>;
  return z
    .custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
    .transform((v): unknown[] => Object.entries(v))
    .pipe(z.array(entry))
    .transform((entries) => idRecord(entries));
}
