import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentOpenHandlers } from '../../electron/main/attachment-open';
import { safeCopyName } from '../../shared/attachments';
import { err, ok } from '../../shared/result';

/**
 * Issue 14 §3: "open with the computer's program" in Electron main, without Electron: the core's
 * bytes are written to a private temporary copy named by the file's TYPE, then handed to the shell.
 */
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-open-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('handing an attached file to the system', () => {
  it('names the copy by the type read from the bytes, never by the extension it was attached under', () => {
    expect(safeCopyName('minutes.pdf.exe', 'application/pdf')).toBe('minutes.pdf');
    expect(safeCopyName('../../etc/passwd', 'application/msword')).toBe('passwd.doc');
    expect(safeCopyName('budget\u202Excod.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('budgetxcod.xlsx');
    expect(safeCopyName('.hidden', 'image/png')).toBe('hidden.png');
    expect(safeCopyName('...', 'image/png')).toBe('file.png');
  });

  it('writes a private copy and opens it; passes the core’s refusal on as it is', async () => {
    const opened: string[] = [];
    const handlers = attachmentOpenHandlers({
      call: async (_method, input) =>
        input.attachmentId === 'gone' ? err('not_found', 'The file has not been received yet.') : ok({ fileName: 'Minutes 12 March.docm.exe', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 4, base64: 'UEsDBA==' }),
      shell: { openPath: async (file) => (opened.push(file), '') },
      locale: () => 'en',
      tempFolder: () => temp,
    });
    const event = {} as never;
    expect(await handlers['attachments:openWithSystem']({ attachmentId: 'a1' }, event)).toEqual(ok({ opened: true }));
    expect(path.basename(opened[0]!)).toBe('Minutes 12 March.docx');
    expect(fs.readFileSync(opened[0]!)).toEqual(Buffer.from('UEsDBA==', 'base64'));
    if (process.platform !== 'win32') expect(fs.statSync(opened[0]!).mode & 0o777).toBe(0o600);
    expect(await handlers['attachments:openWithSystem']({ attachmentId: 'gone' }, event)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await handlers['attachments:openWithSystem']({ attachmentId: '' }, event)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
