import path from 'node:path';
import { ZodError } from 'zod';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { resolveMigrationsFolder } from '../../db/migrations-folder';
import { contract, isMethodName, type MethodName, type MethodOutput, type MethodRawInput } from '../../shared/contract';
import { type MessageRef, msg, renderMessage } from '../../shared/core-messages';
import { invalidInputMessage, issueMessage, type ValidationIssue } from '../../shared/invalid-input-message';
import { err, type ErrorCode, ok, type Result } from '../../shared/result';
import type { Locale, Role } from '../../shared/vocabulary';
import { CHANGESET_SCHEMA_VERSION, ChangeRecorder } from './changelog/change-recorder';
import { materializeNowKnownFields } from './changelog/materialize';
import { type Clock, type IdGenerator, systemClock, ulidGenerator } from './changelog/clock';
import type { CoreContext } from './changelog/core-context';
import { DomainError } from '../../shared/domain-error';
import { pause, storageFailure } from './storage-failure';
import { defaultKeyFile, defaultTerritoryKeyFile } from './key-files';
import { handlers } from './handlers/handlers';
import { authorize } from './permissions';
import { ensureInstallation } from './services/installation';
import { installationLocale, installationPublicKey } from './queries/installation';
import { setupStateName } from './queries/territory';
import { continueIfRestored } from './changelog/restored-copy';
import { fileKeyStore, type KeyStore, loadOrCreateKeys, signText, SIGNING_KEY_UNAVAILABLE, type WorkingIdentity } from './bundles/identity';

export { defaultKeyFile, defaultTerritoryKeyFile } from './key-files';

export interface CoreOptions {
  dbFile: string;
  backupDir?: string;
  migrationsFolder?: string;
  clock?: Clock;
  ids?: IdGenerator;
  /**
   * The profile a new installation starts with (tests, the demo); an existing one is kept. Without
   * it a new database stays unset until territory:start or territory:join: no default profile is written.
   */
  initialProfile?: { name: string; userName: string; role: Role; isDemo?: boolean };
  /** Where this installation's private signing key is kept; default: a 0600 file beside the database. */
  keyStore?: KeyStore;
  /** Where the territory key is kept on the coordinator's computer; default: a 0600 file beside the database. */
  territoryKeyStore?: KeyStore;
  /** How long a write waits for another connection (a long import) before answering "busy"; default 5 s. */
  busyTimeoutMs?: number;
  /** Where unexpected errors are written (never shown to the person). */
  log?: (message: string, error: unknown) => void;
  /**
   * The changeset schema version this planner is built for; default (and in every adapter) the
   * current one. Only a test of compatibility builds an older planner with an older version: it
   * writes that version and knows only the fields that version had (docs/architecture.md,
   * "Versions and compatibility").
   */
  schemaVersion?: number;
}

export interface Core {
  /** Validates the input and runs the method; never throws, always answers an envelope. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** The same, typed from the contract, for in-process callers (CLI, tests, demo data). */
  invoke<M extends MethodName>(method: M, input: MethodRawInput<M>): Result<MethodOutput<M>>;
  close(): void;
  readonly dbFile: string;
  /** For adapters that need the database itself (demo data, benchmarks); not for UI code. */
  readonly context: CoreContext;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;


/** What may be called before this computer is set up, and while it waits for its enrolment. */
const BEFORE_SETUP = new Set<MethodName>(['installation:setupState', 'territory:start', 'territory:join']);
const WHILE_JOINING = new Set<MethodName>([...BEFORE_SETUP, 'enrolment:writeRequest', 'enrolment:accept', 'territory:recover', 'sync:whoami']);

/** The composition root: opens and migrates the database and answers contract calls. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? ulidGenerator(clock);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const migrationsFolder = options.migrationsFolder ?? resolveMigrationsFolder();
  const openOptions = { backupDir: options.backupDir, migrationsFolder, busyTimeoutMs };
  const opened = openDatabase(options.dbFile, openOptions);
  const keyStore = options.keyStore ?? fileKeyStore(defaultKeyFile(options.dbFile));
  const existing = installationPublicKey(opened.sqlite);
  // A new database without a profile gets its keys when it is set up (territory:start or join), not before.
  let keys: WorkingIdentity = { publicKey: '', privateKey: null };
  try {
    if (existing !== null || options.initialProfile) keys = loadOrCreateKeys(keyStore, existing);
  } catch (error) {
    opened.sqlite.close();
    throw error;
  }
  const recorderFor = (database: OpenedDatabase) =>
    new ChangeRecorder(database.db, database.sqlite, clock, ids, {
      sign: (text) => {
        if (keys.privateKey === null) throw new DomainError('forbidden', SIGNING_KEY_UNAVAILABLE);
        return signText(keys.privateKey, text);
      },
    }, options.schemaVersion ?? CHANGESET_SCHEMA_VERSION);
  const context: CoreContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    clock,
    ids,
    dbFile: path.resolve(options.dbFile),
    backupDir: opened.backupDir,
    recorder: recorderFor(opened),
    migrationsFolder,
    keys,
    createIdentity: () => {
      if (keys.publicKey !== '') return;
      Object.assign(keys, loadOrCreateKeys(keyStore, null));
    },
    territoryKeyStore: options.territoryKeyStore ?? fileKeyStore(defaultTerritoryKeyFile(options.dbFile)),
  };
  ensureInstallation(context, options.initialProfile ?? null);
  const restored = continueIfRestored(context);
  const log = options.log ?? ((message, error) => console.error(message, error));
  try {
    // Fields a newer planner sent before this one was upgraded: materialised now that they are known.
    materializeNowKnownFields(context);
  } catch (error) {
    // Nothing is lost: the ops stay in the log and the lines in unknown_fields; the next start tries again.
    log('Materialising fields kept for this version failed', error);
  }

  /** The installation's language, read on every call so a change in settings applies at once. */
  function currentLocale(): Locale {
    try {
      return installationLocale(context.sqlite);
    } catch {
      return 'en';
    }
  }

  if (restored) log(renderMessage(msg('startup.restoredCopy', { installationId: restored.installationId, formerId: restored.formerId }), currentLocale()), null);

  /** An envelope for a refusal: the sentence in the installation's language, key and parameters in details. */
  function refusal(code: ErrorCode, ref: MessageRef, details?: Record<string, unknown>): Result<never> {
    return err(code, renderMessage(ref, currentLocale()), { ...details, messageKey: ref.key, params: ref.params ?? {} });
  }

  function invalidInput(issues: readonly ValidationIssue[]): Result<never> {
    const locale = currentLocale();
    return refusal('invalid_input', invalidInputMessage(issues), {
      issues: issues.map((i) => {
        const ref = issueMessage(i);
        return { path: i.path, message: renderMessage(ref, locale), messageKey: ref.key, params: ref.params ?? {} };
      }),
    });
  }

  /** An unexpected error as an envelope: a busy database or a full disk in words, anything else logged. */
  function failure(method: string, error: unknown): Result<never> {
    const storage = storageFailure(error, context.dbFile);
    if (storage) return refusal(storage.code, storage.ref);
    log(`Unexpected error in ${method}`, error);
    return refusal('internal', msg('core.internal'));
  }

  /** First start: without a profile only setting up answers; while joining, only the enrolment steps. */
  let setUp = false;
  function setupGate(method: MethodName): MessageRef | null {
    if (setUp || BEFORE_SETUP.has(method)) return null;
    const state = setupStateName(context);
    // A database once ready stays ready: the check is not made again on every call.
    setUp = state === 'ready';
    if (state === 'new') return msg('setup.notSetUp');
    if (state === 'joining' && !WHILE_JOINING.has(method)) return msg('setup.joining');
    return null;
  }

  function invokeOnce<M extends MethodName>(method: M, input: unknown): Result<MethodOutput<M>> {
    try {
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) return invalidInput(parsed.error.issues);
      const gate = setupGate(method);
      if (gate) return refusal('forbidden', gate);
      authorize(context, method, parsed.data);
      const handler = handlers[method] as (ctx: CoreContext, input: unknown) => MethodOutput<M>;
      return ok(handler(context, parsed.data));
    } catch (error) {
      if (error instanceof DomainError) return refusal(error.code, error.ref, error.details);
      if (error instanceof ZodError) return invalidInput(error.issues);
      return failure(method, error);
    }
  }

  /**
   * SQLite waits up to the busy timeout for a lock, but answers "busy" at once when a transaction
   * that has read must write after another connection committed: the whole call (rolled back) is
   * tried again until the busy timeout has passed.
   */
  function invoke<M extends MethodName>(method: M, input: unknown): Result<MethodOutput<M>> {
    const deadline = Date.now() + busyTimeoutMs;
    for (;;) {
      const result = invokeOnce(method, input);
      if (result.ok || result.error.code !== 'busy' || Date.now() >= deadline) return result;
      pause(Math.min(50, Math.max(1, deadline - Date.now())));
    }
  }

  /**
   * Restoring a backup (services/backups.ts): the connection is closed, `swap` replaces the files,
   * and the database is opened again into this same context — even when `swap` failed (it puts the
   * files back), so the core is never left without a database.
   */
  context.reopenAfter = (swap) => {
    context.sqlite.close();
    let failure: unknown = null;
    try {
      swap();
    } catch (error) {
      failure = error;
    }
    const reopened = openDatabase(context.dbFile, openOptions);
    context.sqlite = reopened.sqlite;
    context.db = reopened.db;
    context.recorder = recorderFor(reopened);
    setUp = false;
    if (failure !== null) throw failure;
    const continued = continueIfRestored(context);
    if (continued) log(renderMessage(msg('startup.restoredCopy', { installationId: continued.installationId, formerId: continued.formerId }), currentLocale()), null);
    try {
      materializeNowKnownFields(context);
    } catch (error) {
      log('Materialising fields kept for this version failed', error);
    }
    return { appliedMigrations: reopened.appliedMigrations };
  };

  return {
    dbFile: context.dbFile,
    context,
    invoke: (method, input) => invoke(method, input),
    async call(method, input) {
      if (!isMethodName(method)) return refusal('unknown_method', msg('core.unknownMethod', { method: String(method).slice(0, 80) }));
      const result = invoke(method, input);
      // A few reads finish later (an XLSX workbook is zipped asynchronously): adapters get the value.
      if (result.ok && result.value instanceof Promise) {
        try {
          return ok(await result.value);
        } catch (error) {
          if (error instanceof DomainError) return refusal(error.code, error.ref, error.details);
          return failure(method, error);
        }
      }
      return result;
    },
    close() {
      context.sqlite.close();
    },
  };
}
