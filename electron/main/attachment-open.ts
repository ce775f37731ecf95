/**
 * "Open with the computer's program" for an attached file the planner does not show itself
 * (issue 14 §3: office documents), after the renderer's warning. Main reads the bytes from the
 * core, writes a private temporary copy named by the file's TYPE (shared/attachments.ts
 * safeCopyName: never the extension it was attached under, so "minutes.pdf.exe" cannot become a
 * program), and hands it to the system (shell.openPath). The core and the browser harness answer
 * { opened: false } and the renderer saves a copy instead. Electron objects are described
 * structurally, so this is type-checked here; no Electron binary runs in the tests.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type AttachmentContent, safeCopyName } from '../../shared/attachments';
import { attachmentMethods } from '../../shared/contract-attachments';
import { describeInvalidInput } from '../../shared/invalid-input-message';
import { err, ok, type Result } from '../../shared/result';
import type { Locale } from '../../shared/vocabulary';
import { OWNER_ONLY_FILE } from '../../db/private-files';
import type { AdapterMethod } from './ipc-registrar';

export interface AttachmentOpenDeps {
  /** The core's door (the current one, demo or real). */
  call(method: 'attachments:read', input: { attachmentId: string }): Promise<Result<unknown>>;
  shell: { openPath(file: string): Promise<string> };
  locale(): Locale;
  tempFolder?: () => string;
  logError?: (message: string, error: unknown) => void;
}

export function attachmentOpenHandlers(deps: AttachmentOpenDeps): Record<'attachments:openWithSystem', AdapterMethod> {
  return {
    async 'attachments:openWithSystem'(input: unknown) {
      const parsed = attachmentMethods['attachments:openWithSystem'].input.safeParse(input ?? {});
      if (!parsed.success) return err('invalid_input', describeInvalidInput(parsed.error.issues, deps.locale() === 'fr' ? 'fr' : 'en'));
      const read = await deps.call('attachments:read', { attachmentId: parsed.data.attachmentId });
      // "Not received yet", "removed": the core's own sentence goes back as it is.
      if (!read.ok) return read;
      const file = read.value as AttachmentContent;
      const folder = await fs.mkdtemp(path.join(deps.tempFolder?.() ?? os.tmpdir(), 'planner-file-'));
      const target = path.join(folder, safeCopyName(file.fileName, file.type));
      await fs.writeFile(target, Buffer.from(file.base64, 'base64'), { mode: OWNER_ONLY_FILE, flag: 'wx' });
      const problem = await deps.shell.openPath(target);
      if (problem !== '') {
        (deps.logError ?? console.error)('shell.openPath failed for an attached file.', problem);
        return ok({ opened: false });
      }
      return ok({ opened: true });
    },
  };
}
