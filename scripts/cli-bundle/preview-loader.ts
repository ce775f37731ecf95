/**
 * Stands in for electron/harness/preview-server.ts inside the bundled command line (dist/electron/planner-cli.cjs).
 *
 * `report --pdf` prints through the browser harness and Debian's Chromium: development tools that
 * never ship. Bundling the harness would also bundle Vite (it builds the renderer it serves) into
 * the shipped command line, so the bundle refers to it here instead: in a checkout (where `npm run cli` runs the
 * bundle) it is loaded with tsx when that command is used, and in the installed app the command
 * ends with a sentence. Every other command loads neither tsx nor the harness.
 */
import path from 'node:path';
import { CliFailure } from '../../electron/cli/cli-io';
import type { startPreviewServer as StartPreviewServer } from '../../electron/harness/preview-server';

const HARNESS = path.resolve(__dirname, '..', '..', 'electron', 'harness', 'preview-server.ts');

export async function startPreviewServer(...args: Parameters<typeof StartPreviewServer>): ReturnType<typeof StartPreviewServer> {
  let tsImport: (file: string, parent: string) => Promise<unknown>;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    throw new CliFailure('Printing a report to PDF from the command line needs a development checkout of the planner (it drives Chromium through the browser harness). In the app, use Save as PDF on the report.', 1);
  }
  const harness = (await tsImport(HARNESS, __filename)) as { startPreviewServer: typeof StartPreviewServer };
  return harness.startPreviewServer(...args);
}
