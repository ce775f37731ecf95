/**
 * Choosing plan bundle files, the one way each adapter can:
 * - in Electron ('dialogs'), main shows the system's open and save dialogs (the files:* methods
 *   of shared/contract-files.ts) and the core reads and writes the chosen paths;
 * - in the browser harness ('browser'), which cannot show native dialogs, the page uploads the
 *   chosen file into the harness's per-run folder (and gets its path there back), the harness
 *   answers files:chooseBundleDestination with a path in that folder, and the exported bundle is
 *   then downloaded.
 * Screens use `useBundleFiles()` (renderer/features/exchange/use-bundle-files.ts) and never care which.
 */
import type { FilesMethodName, FilesOutput } from '../../shared/contract-files';
import type { Result } from '../../shared/result';
import { DOWNLOAD_PATH, FILE_NAME_HEADER, HARNESS_META_NAME, UPLOAD_PATH } from '../../shared/routes';
import { ApiError } from './api-error';
import type { WindowWithBridge } from './planner-bridge';
import type { PlannerClient } from './planner-client';

export interface BundleFiles {
  mode: 'dialogs' | 'browser';
  /** Electron: the open dialog; the chosen path, or null when cancelled. */
  chooseToOpen(): Promise<string | null>;
  /** Browser: sends a chosen or dropped file to the harness and answers its path there. */
  upload(file: File): Promise<string>;
  /** Where to write a bundle (a save dialog, or the harness's folder); null when cancelled. */
  chooseDestination(suggestedName: string): Promise<string | null>;
  /** Browser: hands the exported bundle to the browser's own download. */
  download(file: string): Promise<void>;
}

/** files:* methods through the client (they are answered by main or the harness, not the core). */
export async function callFiles<M extends FilesMethodName>(client: PlannerClient, method: M, input: object): Promise<FilesOutput<M>> {
  const invoke = client.invoke as unknown as (this: PlannerClient, method: string, input: object) => Promise<Result<FilesOutput<M>>>;
  const result = await invoke.call(client, method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

function notHere(): never {
  throw new Error('This way of choosing a file is not available here.');
}

/** Whether the page is served by the browser harness; false in Electron (the preload's window.api). */
function servedByHarness(win: Window): boolean {
  return !(win as WindowWithBridge).api && win.document.querySelector(`meta[name="${HARNESS_META_NAME}"]`) !== null;
}

/** Which adapter answers the files:* methods: Electron main with native dialogs, or the browser harness. */
export function fileAdapterMode(win: Window = window): BundleFiles['mode'] {
  return servedByHarness(win) ? 'browser' : 'dialogs';
}

export function createBundleFiles(client: PlannerClient, win: Window = window): BundleFiles {
  const chooseDestination = async (suggestedName: string) => (await callFiles(client, 'files:chooseBundleDestination', { suggestedName })).file;
  if (!servedByHarness(win)) {
    return {
      mode: 'dialogs',
      chooseToOpen: async () => (await callFiles(client, 'files:chooseBundleToOpen', {})).file,
      upload: async () => notHere(),
      chooseDestination,
      download: async () => notHere(),
    };
  }
  return {
    mode: 'browser',
    chooseToOpen: async () => notHere(),
    async upload(file) {
      let response: Response;
      try {
        response = await win.fetch(UPLOAD_PATH, {
          method: 'POST',
          // The harness's session cookie goes with it (same origin).
          headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
          body: file,
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        throw new ApiError({ code: 'internal', message: 'The file could not be sent to the preview server: it has stopped. Start it again and reload the page.' });
      }
      const body = (await response.json().catch(() => null)) as Result<{ file: string }> | null;
      if (!body) throw new ApiError({ code: 'internal', message: `The preview server answered something that is not a result (HTTP ${response.status}).` });
      if (!body.ok) throw new ApiError(body.error);
      return body.value.file;
    },
    chooseDestination,
    async download(file) {
      const response = await win.fetch(`${DOWNLOAD_PATH}?file=${encodeURIComponent(file)}`, { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as Result<never> | null;
        throw new ApiError(body && !body.ok ? body.error : { code: 'internal', message: `The bundle could not be downloaded (HTTP ${response.status}).` });
      }
      const url = URL.createObjectURL(await response.blob());
      const link = win.document.createElement('a');
      link.href = url;
      link.download = file.split(/[\\/]/).pop() ?? 'bundle.planbundle';
      win.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
