/**
 * The Electron main process: composition only. Each setupX() does one thing; they run in the
 * order below, and everything they need is passed to them, so no module keeps hidden state.
 *
 * Order matters in two places: the app:// scheme's privileges and the sandbox can only be set
 * before the app is ready, and the database must be open before any window can call it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { defaultKeyFile } from '../core/key-files';
import { type DemoSeedJob, runJobWorker } from '../core/worker/job-worker';
import { startWorkerCore, type WorkerCore } from '../core/worker/worker-core';
import type { ProgressEvent } from '../../shared/contract-operations';
import { APP_ORIGIN } from './app-origin';
import { appLayout, type AppLayout } from './app-layout';
import { backupFolderDialogHandlers, shutdownSteps } from './backup-on-exit';
import type { Result } from '../../shared/result';
import type { ExitBackupOutcome } from '../../shared/domain/backups';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './app-protocol';
import { bundleDestinationHandlers } from './bundle-destinations';
import { bundleFileDialogHandlers, droppedPlanBundlePath, listRemovableDrives } from './bundle-file-dialogs';
import { COMMAND_LINE_BUNDLE, commandLineArguments, type CommandLineModule, runCommandLine } from './command-line-mode';
import { createDemoSwitch, type DemoSwitch } from './demo-switch';
import { isTrustedSender, registerIpc, sendEvent } from './ipc-registrar';
import { focusWindow, openMainWindow } from './main-window';
import { PendingPlanBundles, planBundlePathsFromArgv } from './plan-bundle-files';
import { printToPdfHandlers } from './print-to-pdf';
import { safeStorageKeyStore } from './safe-key-store';
import { denyAllPermissions, hardenWebContents, openWebLinkExternally } from './security';
import type { Locale } from '../../shared/vocabulary';
import { databaseOpenFailureMessage, missingRendererMessage, startupLocale, type StartupFailureMessage, unexpectedFailureMessage } from './startup-failure';
import { attachmentOpenHandlers } from './attachment-open';

/** Same value as appId in electron-builder.yml (Windows groups taskbar entries by it). */
const APP_USER_MODEL_ID = 'ca.communitysafetyplanner.desktop';

const logError = (message: string, error: unknown): void => console.error(message, error);

/** The one window, when there is one, and how to open it again. A holder rather than module variables. */
interface WindowSlot {
  current: BrowserWindow | null;
  /** Set once the app is ready; opens the window when none is open (macOS keeps running without one). */
  reopen: (() => void) | null;
}

/** Before the database is open there is no installation language: the dialogs follow the system's. */
const systemLocale = () => startupLocale(app.isReady() ? app.getLocale() : '');

/** The language of a failure dialog: the system's until the database is open, then the installation's. */
const failureLanguage: { of: () => Locale } = { of: systemLocale };

/** The installation's language as the core's worker last answered it (a database read per call would wait on the worker). */
function installationLocaleOr(core: WorkerCore, fallback: () => Locale): Locale {
  try {
    return core.locale();
  } catch {
    return fallback();
  }
}

function showFailureAndExit(message: StartupFailureMessage): void {
  dialog.showErrorBox(message.title, message.body);
  app.exit(1);
}

/** Must run before 'ready'. */
function setupBeforeReady(): void {
  // Every renderer sandboxed, even one created by a future code path that forgets the option.
  app.enableSandbox();
  registerAppSchemeAsPrivileged(protocol);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/**
 * An uncaught error in main would otherwise show Electron's own dialog with a stack trace.
 * Node's rule still holds (the process cannot be trusted afterwards, so it ends), but the person
 * reads a sentence.
 */
function setupFailureDialogs(): void {
  process.on('uncaughtException', (error) => {
    logError('Uncaught error in the main process.', error);
    showFailureAndExit(unexpectedFailureMessage('stopped', failureLanguage.of()));
  });
}

/** Plan bundles opened from the file manager, before or after the window exists. */
function setupPlanBundleIntake(bundles: PendingPlanBundles, windowSlot: WindowSlot): void {
  // macOS: may fire before 'ready', which is why the queue exists.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    bundles.offer(file);
    if (windowSlot.current === null) windowSlot.reopen?.();
  });
  // Windows and Linux: the path is an argument of this process…
  for (const file of planBundlePathsFromArgv(process.argv.slice(1), process.cwd())) bundles.offer(file);
  // …or of a second instance, which quits and hands its arguments to us.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of planBundlePathsFromArgv(argv.slice(1), workingDirectory)) bundles.offer(file);
    if (windowSlot.current) focusWindow(windowSlot.current);
  });
}

/**
 * A database of the app (the real one or the demo's), its key kept by the system's safe storage
 * (read here, in main, and handed to the core's worker threads: safeStorage exists only in main).
 * The core runs off the main thread (electron/core/worker), so a long import never freezes the window.
 */
async function openDatabaseCore(layout: AppLayout, dbFile: string): Promise<WorkerCore> {
  const keyStore = safeStorageKeyStore(safeStorage, `${dbFile}.identity-key.safe`, defaultKeyFile(dbFile), (reason) => console.warn(reason));
  const core = await startWorkerCore({ dbFile, backupDir: layout.backupDir, migrationsFolder: layout.migrationsFolder, keyStore, log: logError });
  openedCores.push(core);
  return core;
}

/** Every core opened (the real database's, the demo's): their worker threads are closed on quitting. */
const openedCores: WorkerCore[] = [];

/** The demo's seeding thread: the core's worker bundle beside main.cjs, started with a job (electron/demo/worker-threads.ts). */
const DEMO_WORKER_BUNDLE = 'core-worker.cjs';

/** The bundled CLI, as `planner …` runs it (see command-line-mode.ts). */
const loadCommandLine = () => createRequire(__filename)(path.join(__dirname, COMMAND_LINE_BUNDLE)) as CommandLineModule;

/** The real database and, on demand, the demo's own (demo:open and demo:leave). */
function demoSwitchFor(layout: AppLayout, real: WorkerCore, windowSlot: WindowSlot): DemoSwitch<WorkerCore> {
  return createDemoSwitch({
    real,
    demoExists: () => fs.existsSync(layout.demoDbFile),
    // In a worker of its own (the worker bundle beside main.cjs), with progress to the window and Stop.
    seedDemo: () =>
      runJobWorker({
        script: path.join(__dirname, DEMO_WORKER_BUNDLE),
        operation: 'demo:open',
        job: { dbFile: layout.demoDbFile, now: new Date().toISOString().slice(0, 10), migrationsFolder: layout.migrationsFolder } satisfies DemoSeedJob,
        onProgress: (event) => sendProgress(windowSlot, event),
      }),
    openDemo: async () => {
      const demo = await openDatabaseCore(layout, layout.demoDbFile);
      setupProgressEvents([demo], windowSlot);
      return demo;
    },
    logError,
    locale: () => installationLocaleOr(real, systemLocale),
  });
}

/** Opens the database (backup and migrations happen inside createCore, in the worker), or explains why not. */
async function openCore(layout: AppLayout): Promise<WorkerCore | null> {
  try {
    return await openDatabaseCore(layout, layout.dbFile);
  } catch (error) {
    logError(`Could not open the database at ${layout.dbFile}.`, error);
    showFailureAndExit(databaseOpenFailureMessage(error, layout.dbFile, systemLocale()));
    return null;
  }
}

function setupSecurity(bundles: PendingPlanBundles): void {
  denyAllPermissions(session.defaultSession);
  // Every webContents, including any created later, gets the same navigation and window rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      appOrigin: APP_ORIGIN,
      openExternal: (url) => openWebLinkExternally(shell.openExternal, url, logError),
      // A .planbundle dropped onto the window opens like a double-clicked one.
      fileDropped: (url) => {
        const file = droppedPlanBundlePath(url);
        if (file) bundles.offer(file);
      },
    });
  });
}

function setupIpc(cores: DemoSwitch<WorkerCore>, windowSlot: WindowSlot): void {
  const locale = () => installationLocaleOr(cores.current(), () => 'en');
  const adapterMethods = {
    ...cores.adapterMethods,
    ...bundleFileDialogHandlers({
      dialog,
      parent: () => windowSlot.current,
      documentsFolder: () => app.getPath('documents'),
      removableDrives: () => listRemovableDrives(process.platform, os.userInfo().username),
      locale,
    }),
    // Where the export wizard offers to save a bundle: USB drives first, then Documents and home.
    ...bundleDestinationHandlers({
      platform: process.platform,
      user: os.userInfo().username,
      systemDrive: process.env.SystemDrive,
      documentsFolder: () => app.getPath('documents'),
      homeFolder: () => app.getPath('home'),
      locale,
    }),
    // Where backups go (Settings → Backups): a folder dialog that opens on the USB stick.
    ...backupFolderDialogHandlers({
      dialog,
      parent: () => windowSlot.current,
      documentsFolder: () => app.getPath('documents'),
      removableDrives: () => listRemovableDrives(process.platform, os.userInfo().username),
      locale,
    }),
    // Prints the calling page (event.sender, the app window the registrar checked) to a PDF.
    ...printToPdfHandlers({ dialog, parent: () => windowSlot.current, documentsFolder: () => app.getPath('documents'), locale, logError }),
    // An attached office document, after the renderer's warning: a private temporary copy handed to the system.
    ...attachmentOpenHandlers({ call: (method, input) => cores.door.call(method, input), shell, locale, tempFolder: () => app.getPath('temp'), logError }),
  };
  registerIpc(ipcMain, cores.door, {
    adapterMethods,
    locale,
    isTrustedSender: (event) => isTrustedSender(event, APP_ORIGIN),
    afterWrite: (method) => {
      const window = windowSlot.current;
      if (!window) return;
      const sent = sendEvent(window.webContents, 'data:changed', { methods: [method] });
      if (!sent.ok && sent.error.code !== 'not_found') logError(sent.error.message, sent.error.details);
    },
    logError,
  });
}

function setupWindow(layout: AppLayout, bundles: PendingPlanBundles, windowSlot: WindowSlot): void {
  const open = (): void => {
    const window = openMainWindow({ layout, devTools: !app.isPackaged, bundles, logError });
    windowSlot.current = window;
    window.on('closed', () => {
      if (windowSlot.current === window) windowSlot.current = null;
    });
  };
  windowSlot.reopen = open;
  open();
  // macOS keeps the app alive without windows; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (windowSlot.current === null) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** On quitting: the real database's backup on exit (skipped when nothing changed or turned off), then the databases closed. */
function setupShutdown(real: WorkerCore): void {
  const shutdown = shutdownSteps({
    backup: () => real.call('backups:onExit', {}) as Promise<Result<ExitBackupOutcome>>,
    close: async () => {
      await Promise.all(openedCores.map((core) => core.close()));
    },
    logError,
  });
  let finished = false;
  // The backup runs in the core's worker: quitting waits for it, then quits again for good.
  app.on('will-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void shutdown().finally(() => {
      finished = true;
      app.quit();
    });
  });
}

/** One progress event of a long operation, pushed to the window (when there is one). */
function sendProgress(windowSlot: WindowSlot, event: ProgressEvent): void {
  const window = windowSlot.current;
  if (!window) return;
  const sent = sendEvent(window.webContents, 'progress', event);
  if (!sent.ok && sent.error.code !== 'not_found') logError(sent.error.message, sent.error.details);
}

/** Progress of long operations (imports, exports, report exports), pushed to the window as they run. */
function setupProgressEvents(cores: WorkerCore[], windowSlot: WindowSlot): void {
  for (const core of cores) core.onProgress((event) => sendProgress(windowSlot, event));
}

async function whenReady(bundles: PendingPlanBundles, windowSlot: WindowSlot): Promise<void> {
  const layout = appLayout(app.getAppPath(), app.getPath('userData'));
  if (!fs.existsSync(path.join(layout.rendererRoot, 'index.html'))) {
    showFailureAndExit(missingRendererMessage(layout.rendererRoot, systemLocale()));
    return;
  }
  const core = await openCore(layout);
  if (!core) return;
  const cores = demoSwitchFor(layout, core, windowSlot);
  setupProgressEvents([core], windowSlot);
  failureLanguage.of = () => installationLocaleOr(cores.current(), systemLocale);
  setupShutdown(core);
  setupSecurity(bundles);
  serveAppProtocol(protocol, layout.rendererRoot);
  setupIpc(cores, windowSlot);
  setupWindow(layout, bundles, windowSlot);
}

/** `planner call …`: the bundled CLI, in this process, then exit (see command-line-mode.ts). */
function mainAsCommandLine(args: string[]): void {
  app.dock?.hide();
  void runCommandLine(args, {
    load: loadCommandLine,
    // On macOS, stdout to a pipe is asynchronous: exit only once what was written has gone out.
    exit: (code) => process.stdout.write('', () => process.stderr.write('', () => app.exit(code))),
    stderr: (text) => void process.stderr.write(text),
  });
}

function main(): void {
  setupFailureDialogs();
  // A second copy would open the same database file; it passes its arguments to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  setupBeforeReady();
  const bundles = new PendingPlanBundles();
  const windowSlot: WindowSlot = { current: null, reopen: null };
  setupPlanBundleIntake(bundles, windowSlot);
  app
    .whenReady()
    .then(() => whenReady(bundles, windowSlot))
    .catch((error: unknown) => {
      logError('The planner failed while starting.', error);
      showFailureAndExit(unexpectedFailureMessage('starting', systemLocale()));
    });
}

const commandLine = commandLineArguments(process.argv, process.defaultApp === true);
if (commandLine) mainAsCommandLine(commandLine);
else main();
