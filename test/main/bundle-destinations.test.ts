/**
 * files:bundleDestinations in Electron main: where the export wizard offers to save a bundle. USB
 * drives first, then Documents and home, each with a free file name. The mount roots are temporary
 * folders (never the real /media); Windows' drive letters are a fake file system.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleDestinationHandlers, bundleDestinations, type BundleDestinationDeps, removableDrives } from '../../electron/main/bundle-destinations';
import { isPlainSentence } from '../support';

let root: string;
const NAME = 'Inuvik-to-Coordinator-2026-11-24.planbundle';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-destinations-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function mkdir(...parts: string[]): string {
  const dir = path.join(root, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function linuxDeps(over: Partial<BundleDestinationDeps> = {}): BundleDestinationDeps {
  return {
    platform: 'linux',
    user: 'ana',
    mountRoots: { linux: [path.join(root, 'media'), path.join(root, 'run-media')] },
    documentsFolder: () => path.join(root, 'home', 'Documents'),
    homeFolder: () => path.join(root, 'home'),
    locale: () => 'en',
    ...over,
  };
}

describe('where a bundle can be saved', () => {
  it('lists the mounted USB drives first (Linux: /media/USER and /run/media/USER), then Documents, then home', () => {
    const stick = mkdir('media', 'ana', 'STICK');
    const key = mkdir('run-media', 'ana', 'KINGSTON');
    mkdir('media', 'ana', '.hidden');
    mkdir('media', 'someone-else', 'THEIRS');
    fs.writeFileSync(path.join(root, 'media', 'ana', 'not-a-drive.txt'), 'x');
    const docs = mkdir('home', 'Documents');
    const home = path.join(root, 'home');
    expect(bundleDestinations(linuxDeps(), NAME)).toEqual([
      { kind: 'removable', name: 'STICK', folder: stick, file: path.join(stick, NAME) },
      { kind: 'removable', name: 'KINGSTON', folder: key, file: path.join(key, NAME) },
      { kind: 'documents', name: 'Documents', folder: docs, file: path.join(docs, NAME) },
      { kind: 'home', name: 'home', folder: home, file: path.join(home, NAME) },
    ]);
  });

  it('never overwrites a bundle already on the drive: the next free name', () => {
    const stick = mkdir('media', 'ana', 'STICK');
    fs.writeFileSync(path.join(stick, NAME), 'earlier');
    fs.writeFileSync(path.join(stick, NAME.replace('.planbundle', '-2.planbundle')), 'earlier');
    expect(bundleDestinations(linuxDeps(), NAME)[0]!.file).toBe(path.join(stick, NAME.replace('.planbundle', '-3.planbundle')));
  });

  it('without a drive, offers Documents and home only; a missing Documents folder is left out', () => {
    mkdir('home');
    expect(bundleDestinations(linuxDeps(), NAME).map((d) => d.kind)).toEqual(['home']);
    mkdir('home', 'Documents');
    expect(bundleDestinations(linuxDeps(), NAME).map((d) => d.kind)).toEqual(['documents', 'home']);
  });

  it('keeps a name from the page to a plain file name in the folder', () => {
    const docs = mkdir('home', 'Documents');
    expect(bundleDestinations(linuxDeps(), '../../etc/passwd')[0]!.file).toBe(path.join(docs, 'passwd.planbundle'));
  });

  it('on macOS lists the volumes except the start-up disk (a link to /)', () => {
    const volumes = mkdir('Volumes');
    const usb = mkdir('Volumes', 'USB DISK');
    fs.symlinkSync('/', path.join(volumes, 'Macintosh HD'));
    expect(removableDrives({ platform: 'darwin', user: 'ana', mountRoots: { darwin: volumes } })).toEqual([{ name: 'USB DISK', folder: usb }]);
  });

  it('on Windows lists the drive letters that exist, except the system drive', () => {
    const present = new Set(['C:\\', 'D:\\', 'F:\\']);
    const fakeFs = { existsSync: (p: fs.PathLike) => present.has(String(p)), readdirSync: () => [], lstatSync: () => null } as unknown as Parameters<typeof removableDrives>[0]['fs'];
    expect(removableDrives({ platform: 'win32', user: 'ana', fs: fakeFs, systemDrive: 'C:' })).toEqual([
      { name: 'D:', folder: 'D:\\' },
      { name: 'F:', folder: 'F:\\' },
    ]);
    expect(removableDrives({ platform: 'win32', user: 'ana', fs: fakeFs, systemDrive: 'D:' }).map((d) => d.name)).toEqual(['C:', 'F:']);
  });

  it('answers the method through its schema, with a sentence for a bad input', async () => {
    const stick = mkdir('media', 'ana', 'STICK');
    const answer = await bundleDestinationHandlers(linuxDeps())['files:bundleDestinations']({ suggestedName: NAME });
    expect(answer.ok && (answer.value as { destinations: Array<{ folder: string }> }).destinations[0]!.folder).toBe(stick);
    const refused = await bundleDestinationHandlers(linuxDeps({ locale: () => 'fr' }))['files:bundleDestinations']({ suggestedName: 7 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(isPlainSentence(refused.error.message)).toBe(true);
  });
});
