/**
 * Saving a print page as a PDF, where the adapter can: in Electron, main answers
 * files:savePrintedPdf with a save dialog and Chromium's printToPDF of this very page (the same
 * layout as the printed copy and the CLI's PDF). The browser harness has no such method: there the
 * print screen keeps window.print(), whose dialog can also save a PDF.
 */
import { callFiles, fileAdapterMode } from './bundle-files';
import type { PlannerClient } from './planner-client';

/** Saves the current print page as a PDF; the path written, or null when the person cancels. */
export type SavePrintedPdf = (suggestedName: string) => Promise<string | null>;

/** null where saving straight to a PDF is not available (the browser harness). */
export function createSavePrintedPdf(client: PlannerClient, win: Window = window): SavePrintedPdf | null {
  if (fileAdapterMode(win) !== 'dialogs') return null;
  return async (suggestedName) => (await callFiles(client, 'files:savePrintedPdf', { suggestedName })).file;
}
