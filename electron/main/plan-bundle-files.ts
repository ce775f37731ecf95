/**
 * Plan bundles opened from the system: a double-click in the file manager (macOS: the 'open-file'
 * event; Windows and Linux: the file path among the process arguments, also for a second instance
 * forwarded to the first). Main only checks that a path looks like a bundle and hands it to the
 * renderer as a 'bundle:open' event; reading the file is the core's import, which treats it as
 * hostile input.
 */
import path from 'node:path';

export const PLAN_BUNDLE_EXTENSION = '.planbundle';

/** True for an absolute path whose file name ends in .planbundle (any case) and has a name before it. */
export function isPlanBundlePath(file: string): boolean {
  if (!path.isAbsolute(file) || file.includes('\0')) return false;
  const name = path.basename(file);
  return name.length > PLAN_BUNDLE_EXTENSION.length && name.toLowerCase().endsWith(PLAN_BUNDLE_EXTENSION);
}

/**
 * The bundle paths among command-line arguments. Options (`--flag`) and anything that is not a
 * .planbundle path (the executable, `.` in development) are ignored; relative paths are taken
 * from the directory the command ran in.
 */
export function planBundlePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const file = path.resolve(workingDirectory, arg);
    if (isPlanBundlePath(file) && !found.includes(file)) found.push(file);
  }
  return found;
}

/**
 * Holds bundle paths that arrive before the window can receive them (macOS sends 'open-file'
 * before the app is ready), then passes each one on exactly once.
 */
export class PendingPlanBundles {
  private readonly waiting: string[] = [];
  private deliver: ((file: string) => void) | null = null;

  offer(file: string): void {
    if (!isPlanBundlePath(file)) return;
    if (this.deliver) this.deliver(file);
    else if (!this.waiting.includes(file)) this.waiting.push(file);
  }

  /** From now on, paths go straight to `deliver`; those already waiting go first. */
  deliverTo(deliver: (file: string) => void): void {
    this.deliver = deliver;
    for (const file of this.waiting.splice(0)) deliver(file);
  }

  /** The window went away (macOS keeps the app running): hold paths again until the next one. */
  pause(): void {
    this.deliver = null;
  }
}
