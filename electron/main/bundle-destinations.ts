/**
 * files:bundleDestinations (shared/contract-files.ts), answered here in main: where the export
 * wizard offers to save a plan bundle. Mounted removable drives come first (the USB stick the
 * bundle travels on), then the person's Documents folder and home folder; each with a free file
 * name in it. "Another place…" stays the save dialog (files:chooseBundleDestination).
 *
 * What counts as a removable drive:
 * - Linux: the folders the desktop mounts USB sticks in, /media/USER/* and /run/media/USER/*;
 * - macOS: /Volumes/* except the start-up disk (a link to /);
 * - Windows: the drive letters that exist, other than the system drive (%SystemDrive%, C:).
 * The file system, the platform and the folders are injected, so tests use temporary folders and
 * never look at the real /media.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeBundleFileName } from '../../shared/bundle-file-name';
import { filesMethods } from '../../shared/contract-files';
import type { BundleDestination } from '../../shared/domain';
import { describeInvalidInput } from '../../shared/invalid-input-message';
import { err, ok, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';

export type DestinationFs = Pick<typeof fs, 'readdirSync' | 'lstatSync' | 'existsSync'>;

export interface DestinationProbe {
  platform: NodeJS.Platform;
  user: string;
  fs?: DestinationFs;
  /** Where the desktop mounts drives; default /media and /run/media (Linux), /Volumes (macOS). Tests give temporary folders. */
  mountRoots?: { linux?: string[]; darwin?: string };
  /** Windows: the system drive (default C:), never offered. */
  systemDrive?: string;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function folderChildren(fsLike: DestinationFs, folder: string): string[] {
  try {
    return fsLike
      .readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .map((name) => path.join(folder, name))
      .filter((full) => {
        try {
          const stat = fsLike.lstatSync(full);
          // The start-up disk appears in /Volumes as a link to /: not a drive to carry.
          return stat.isDirectory() && !stat.isSymbolicLink();
        } catch {
          return false;
        }
      })
      .sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
}

/** The mounted removable drives, in a stable order; none when the platform gives no hint. */
export function removableDrives(probe: DestinationProbe): Array<{ name: string; folder: string }> {
  const fsLike = probe.fs ?? fs;
  if (probe.platform === 'win32') {
    const system = (probe.systemDrive ?? 'C:').slice(0, 1).toUpperCase();
    return [...LETTERS]
      .filter((letter) => letter !== system && letter !== 'A' && letter !== 'B')
      .map((letter) => `${letter}:\\`)
      .filter((root) => {
        try {
          return fsLike.existsSync(root);
        } catch {
          return false;
        }
      })
      .map((root) => ({ name: root.slice(0, 2), folder: root }));
  }
  const roots =
    probe.platform === 'darwin'
      ? [probe.mountRoots?.darwin ?? '/Volumes']
      : probe.platform === 'linux'
        ? (probe.mountRoots?.linux ?? ['/media', '/run/media']).map((root) => path.join(root, probe.user))
        : [];
  return roots.flatMap((root) => folderChildren(fsLike, root)).map((folder) => ({ name: path.basename(folder), folder }));
}

/** A name in `folder` no file has yet: the suggested one, else with -2, -3… before the extension. */
export function freeFileIn(fsLike: Pick<DestinationFs, 'existsSync'>, folder: string, name: string): string {
  let file = path.join(folder, name);
  for (let n = 2; fsLike.existsSync(file) && n < 1000; n++) file = path.join(folder, name.replace(/(\.planbundle)$/i, `-${n}$1`));
  return file;
}

export interface BundleDestinationDeps extends DestinationProbe {
  /** app.getPath('documents'). */
  documentsFolder(): string;
  /** app.getPath('home'). */
  homeFolder(): string;
  locale(): Locale;
}

/** Removable drives first, then Documents and home (when they exist, each once). */
export function bundleDestinations(deps: BundleDestinationDeps, suggestedName: string): BundleDestination[] {
  const fsLike = deps.fs ?? fs;
  const name = safeBundleFileName(suggestedName);
  const seen = new Set<string>();
  const out: BundleDestination[] = [];
  const add = (kind: BundleDestination['kind'], label: string, folder: string) => {
    const key = path.resolve(folder);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, name: label, folder, file: freeFileIn(fsLike, folder, name) });
  };
  for (const drive of removableDrives(deps)) add('removable', drive.name, drive.folder);
  for (const [kind, folder] of [
    ['documents', deps.documentsFolder()],
    ['home', deps.homeFolder()],
  ] as const) {
    let exists = false;
    try {
      exists = folder !== '' && fsLike.existsSync(folder);
    } catch {
      exists = false;
    }
    if (exists) add(kind, path.basename(folder), folder);
  }
  return out;
}

export function bundleDestinationHandlers(deps: BundleDestinationDeps): Record<'files:bundleDestinations', (input: unknown) => Promise<Result<unknown>>> {
  return {
    async 'files:bundleDestinations'(input) {
      const parsed = filesMethods['files:bundleDestinations'].input.safeParse(input ?? {});
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, deps.locale() === 'fr' ? 'fr' : 'en'));
      return ok({ destinations: bundleDestinations(deps, parsed.data.suggestedName) });
    },
  };
}
