/**
 * What a person reads when the planner cannot start. Plain sentences, no stack: the details go to
 * the log for whoever supports the installation.
 */

export interface StartupFailureMessage {
  title: string;
  body: string;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Explains a failure to open (create, back up or migrate) the database. */
export function databaseOpenFailureMessage(error: unknown, dbFile: string): StartupFailureMessage {
  const title = 'The planner could not start';
  const code = errorCode(error);
  const text = errorText(error);

  // The native SQLite module was compiled for plain Node (as the tests need) and not for Electron.
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)) {
    return {
      title,
      body: 'The database engine in this installation was built for a different version of Electron. Run `npm run rebuild:electron` (for developers), or reinstall the planner.',
    };
  }
  // A database or key file refused for who owns or may read it (db/private-files.ts): its sentence says how to fix it.
  if (code === 'FILE_REFUSED') return { title, body: text };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { title, body: `The planner's database (${dbFile}) is in use by another program. Close it and start the planner again.` };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return {
      title,
      body: `The planner's database (${dbFile}) is damaged. Copies made before each update are in the "backups" folder beside it; ask your support person to restore the latest one.`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return { title, body: `The planner is not allowed to write its database at ${dbFile}. Check that this folder is writable, then start the planner again.` };
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return { title, body: 'The disk is full, so the planner cannot open its database. Free some space, then start the planner again.' };
  }
  return {
    title,
    body: `The planner could not open its database at ${dbFile}. Nothing was changed. Start the planner again; if this keeps happening, send the log to your support person.`,
  };
}

/** Explains that the renderer's files are missing (a development build that skipped it, or a broken install). */
export function missingRendererMessage(rendererRoot: string): StartupFailureMessage {
  return {
    title: 'The planner could not start',
    body: `The planner's screens are missing from this installation (${rendererRoot}). Reinstall the planner; developers: build the renderer first.`,
  };
}
