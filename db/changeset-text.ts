import zlib from 'node:zlib';
import type Database from 'better-sqlite3';

/**
 * The signed text of a changeset is kept byte-for-byte (it travels unchanged, so its origin's
 * signature holds after any relay) but deflated: it is only read back to be sent or to show old
 * values. Stored as a BLOB whose first byte names the format, so a later format can sit beside this
 * one; a row an older planner stored (before migration 0006) holds the text itself until
 * `deflateStoredBodies` converts it at opening. Either way `changesetText` gives the exact text back.
 *
 * Format 1: raw deflate (window 2^13, memory level 6) with the preset dictionary below. NEVER change
 * DICTIONARY_1 or these parameters: stored bodies need them to be read. Add format 2 instead.
 */
const FORMAT_1 = 1;
const WINDOW_BITS = 13;
const MEM_LEVEL = 6;
/** The keys and most frequent names of a changeset's text (the end of a dictionary is matched best). */
const DICTIONARY_1 = Buffer.from(
  '"method":"indicators:update""method":"reports:comment""method":"actions:add""method":"reports:submit"' +
    '"method":"indicators:recordValue""method":"progress:record"' +
    '"table":"actions","rowId":"","field":"title","value":"table":"actions","rowId":"","field":"description","value":' +
    '"table":"actions","rowId":"","field":"plannedQuarters","value":"table":"actions","rowId":"","field":"priorityId","value":' +
    '"table":"indicatorValues","rowId":"","field":"note","value":"table":"indicatorValues","rowId":"","field":"indicatorId","value":' +
    '"table":"indicatorValues","rowId":"","field":"fiscalYear","value":"table":"indicatorValues","rowId":"","field":"quarter","value":' +
    '"table":"indicatorValues","rowId":"","field":"value","value":' +
    '"table":"progressEntries","rowId":"","field":"nextSteps","value":"table":"progressEntries","rowId":"","field":"fiscalYear","value":' +
    '"table":"progressEntries","rowId":"","field":"author","value":"table":"progressEntries","rowId":"","field":"actionId","value":' +
    '"table":"progressEntries","rowId":"","field":"quarter","value":"table":"progressEntries","rowId":"","field":"updatedAt","value":' +
    '"table":"progressEntries","rowId":"","field":"narrative","value":"table":"progressEntries","rowId":"","field":"status","value":' +
    '"pred":[]},{"v":2,"id":"","origin":"","partition":"territory","seq":1,"hlc":"0014-000000-","schemaVersion":3,' +
    '"actor":"Territorial coordinator","createdAt":"20T00:00:00.000Z","ops":[{"opId":"',
  'utf8',
);
const OPTIONS = { windowBits: WINDOW_BITS, memLevel: MEM_LEVEL, dictionary: DICTIONARY_1 } as const;
/**
 * What another thread needs to produce exactly `storedChangesetBody`'s bytes (the same zlib, the same
 * parameters: bundles/parallel-verify.ts deflates an import's bodies on other cores).
 */
export const STORED_BODY_FORMAT = { format: FORMAT_1, windowBits: WINDOW_BITS, memLevel: MEM_LEVEL, dictionary: DICTIONARY_1 } as const;

/** The stored form of a changeset's signed text. */
export function storedChangesetBody(text: string): Buffer {
  const deflated = zlib.deflateRawSync(Buffer.from(text, 'utf8'), OPTIONS);
  const stored = Buffer.allocUnsafe(deflated.length + 1);
  stored[0] = FORMAT_1;
  deflated.copy(stored, 1);
  return stored;
}

/** The exact signed text of a changeset from its stored form (`changesets.body`). */
export function changesetText(stored: Buffer | Uint8Array | string): string {
  if (typeof stored === 'string') return stored; // stored by a planner before migration 0006, not yet converted
  const format = stored[0];
  if (format !== FORMAT_1) throw new Error(`A changeset body is stored in an unknown format (${String(format)}).`);
  return zlib.inflateRawSync(stored.subarray(1), OPTIONS).toString('utf8');
}

/**
 * Registers `changeset_body(body)` on a connection: the exact signed text in SQL, e.g.
 * `SELECT changeset_body(body) AS body FROM changesets`. Every connection the planner opens has it.
 */
export function registerChangesetFunctions(sqlite: Database.Database): void {
  sqlite.function('changeset_body', { deterministic: true }, (stored: unknown) =>
    stored === null || stored === undefined ? null : changesetText(stored as Buffer | string),
  );
}

/**
 * Deflates the bodies a planner before migration 0006 stored as text, a batch per transaction (so
 * an interrupted opening resumes where it stopped, and each batch is all or nothing). Returns how
 * many it converted.
 */
export function deflateStoredBodies(sqlite: Database.Database, batch = 2000): number {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'changesets'").get();
  if (!hasTable) return 0;
  const next = sqlite.prepare("SELECT n, body FROM changesets WHERE typeof(body) = 'text' LIMIT ?");
  const update = sqlite.prepare('UPDATE changesets SET body = ? WHERE n = ?');
  let converted = 0;
  for (;;) {
    const rows = next.all(batch) as Array<{ n: number; body: string }>;
    if (rows.length === 0) return converted;
    sqlite.transaction(() => {
      for (const row of rows) update.run(storedChangesetBody(row.body), row.n);
    })();
    converted += rows.length;
  }
}
