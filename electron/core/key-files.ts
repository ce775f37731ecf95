import path from 'node:path';

/**
 * Where the keys are kept beside a database (the CLI's and the workers' default; main keeps the
 * identity key through the system's safe storage and this file only as the fallback). Its own
 * module, so main can name the files without bundling the whole core (the core runs in workers).
 */

/** The identity key file: beside the database, readable only by its owner. */
export function defaultKeyFile(dbFile: string): string {
  return `${path.resolve(dbFile)}.identity-key`;
}

/** The territory key's file: beside the database, readable only by its owner (the coordinator's computer). */
export function defaultTerritoryKeyFile(dbFile: string): string {
  return `${path.resolve(dbFile)}.territory-key`;
}
