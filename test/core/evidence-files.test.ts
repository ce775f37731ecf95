import fs from 'node:fs';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/attachments';
import { renderMessage } from '../../shared/core-messages';
import { checkFile } from '../../electron/core/queries/file-checks';
import { addCommunity, agreedPlan, type Installation, makeInstallation, refusalOf } from '../support';
import { docxFile, jpegFile, pdfFile, pdfWithHiddenJavaScript, pdfWithJavaScript, pngFile, windowsProgram } from '../support/evidence-files';

/**
 * Issue 14 §3 on one computer: files attached to a plan and to a quarterly progress entry, stored
 * once per content, checked from their bytes (the name never decides), read back, removed.
 */
let C: Installation;
let planId: string;
let entryId: string;
const b64 = (b: Buffer) => b.toString('base64');
const blobCount = () => C.core.context.sqlite.prepare('SELECT count(*) FROM file_blobs').pluck().get() as number;

beforeAll(() => {
  C = makeInstallation('coord', { role: 'coordinator', idPrefix: 'c', now: '2025-08-10T12:00:00.000Z' });
  const community = addCommunity(C, 'Fort Good Hope');
  const { plan, actions } = agreedPlan(C, community, 2025, ['Foot patrols']);
  planId = plan.id;
  entryId = C.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'Twelve patrols.' }).id;
}, 60_000);
afterAll(() => {
  C?.core.close();
  if (C) fs.rmSync(C.dir, { recursive: true, force: true });
});

describe('evidence files on one computer', () => {
  it('attaches a PDF to the plan and a photo to a progress entry, stores the same file once, reads and removes them', () => {
    const pdf = pdfFile('Signed plan');
    const signed = C.must('attachments:attach', { recordKind: 'plan', recordId: planId, fileName: ' signed-plan.pdf ', content: b64(pdf) });
    expect(signed).toMatchObject({ recordKind: 'plan', recordId: planId, fileName: 'signed-plan.pdf', size: pdf.length, type: 'application/pdf', addedBy: 'User of coord', received: true });
    C.clock.advance(1000);
    const photo = C.must('attachments:attach', { recordKind: 'progressEntry', recordId: entryId, fileName: 'patrol.png', content: b64(pngFile(4, 3)) });
    expect(photo.type).toBe('image/png');
    // The same PDF again (another name, another record): a second row, one stored copy.
    const before = blobCount();
    C.clock.advance(1000);
    const again = C.must('attachments:attach', { recordKind: 'progressEntry', recordId: entryId, fileName: 'copy of the plan.pdf', content: b64(pdf) });
    expect(again.hash).toBe(signed.hash);
    expect(blobCount()).toBe(before);
    expect(C.must('attachments:list', { recordKind: 'progressEntry', recordId: entryId }).map((a) => a.fileName)).toEqual(['patrol.png', 'copy of the plan.pdf']);
    expect(C.must('attachments:ofPlan', { planId }).map((a) => a.fileName)).toEqual(['signed-plan.pdf', 'patrol.png', 'copy of the plan.pdf']);
    expect(Buffer.from(C.must('attachments:read', { attachmentId: signed.id }).base64, 'base64').equals(pdf)).toBe(true);

    C.must('attachments:remove', { attachmentId: again.id });
    expect(C.must('attachments:list', { recordKind: 'progressEntry', recordId: entryId }).map((a) => a.fileName)).toEqual(['patrol.png']);
    expect(refusalOf(C.call('attachments:read', { attachmentId: again.id })).code).toBe('not_found');
    // The bytes stay while another attachment names them.
    expect(C.must('attachments:read', { attachmentId: signed.id }).size).toBe(pdf.length);
  });

  it('refuses, with a sentence in English and French, what is not a file to attach — and changes nothing', () => {
    const cases: Array<[string, Buffer, RegExp, RegExp]> = [
      ['minutes.pdf', windowsProgram(), /is a program \(Windows \.exe\)/, /est un programme/],
      ['agenda.pdf', pdfWithJavaScript(), /contains JavaScript/, /contient du JavaScript/],
      ['quiet.pdf', pdfWithHiddenJavaScript(), /contains JavaScript/, /contient du JavaScript/],
      ['bomb.png', pngFile(100_000, 100_000, { pixels: false }), /100000 × 100000 pixels/, /100000 × 100000 pixels/],
      ['notes.txt', Buffer.from('just some text'), /is not a PDF, a picture/, /n’est ni un PDF/],
      ['macro.docx', docxFile(['word/vbaProject.bin']), /contains macros/, /contient des macros/],
    ];
    const rows = () => C.core.context.sqlite.prepare('SELECT (SELECT count(*) FROM attachments) || \'/\' || (SELECT count(*) FROM file_blobs) || \'/\' || (SELECT count(*) FROM changesets)').pluck().get();
    const before = rows();
    for (const [fileName, bytes, en, fr] of cases) {
      const refusal = refusalOf(C.call('attachments:attach', { recordKind: 'plan', recordId: planId, fileName, content: b64(bytes) }));
      expect(refusal.code, fileName).toBe('invalid_input');
      expect(refusal.message, fileName).toMatch(en);
      const verdict = checkFile(bytes);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(renderMessage(verdict.reason, 'fr'), fileName).toMatch(fr);
    }
    expect(rows()).toBe(before);
  });

  it('refuses a file over the cap with its size, and a record that is not here', () => {
    const big = Buffer.concat([pdfFile(), Buffer.alloc(MAX_FILE_BYTES, 0x20)]);
    const refusal = refusalOf(C.call('attachments:attach', { recordKind: 'plan', recordId: planId, fileName: 'scan.pdf', content: b64(big) }));
    expect(refusal.message).toMatch(/This file is 20.1 MB: a file can be at most 20 MB/);
    expect(refusalOf(C.call('attachments:attach', { recordKind: 'plan', recordId: 'nope', fileName: 'a.pdf', content: b64(pdfFile()) })).code).toBe('not_found');
    // A plan's id is no engagement's: the record is not found, whatever the kind.
    expect(refusalOf(C.call('attachments:attach', { recordKind: 'engagement', recordId: planId, fileName: 'a.pdf', content: b64(pdfFile()) })).code).toBe('not_found');
  });

  it('attaches the minutes of a council workshop to its engagement event, in the community of the engagement', () => {
    const plan = C.must('plans:get', { planId });
    const workshop = C.must('engagements:create', { communityId: plan.communityId, date: '2025-02-12', kind: 'council_workshop', summary: 'Priorities workshop with chief and council.' });
    const minutes = C.must('attachments:attach', { recordKind: 'engagement', recordId: workshop.id, fileName: 'minutes.pdf', content: b64(pdfFile('Minutes')) });
    expect(minutes).toMatchObject({ recordKind: 'engagement', recordId: workshop.id, communityId: plan.communityId, received: true });
    expect(C.must('attachments:list', { recordKind: 'engagement', recordId: workshop.id }).map((a) => a.fileName)).toEqual(['minutes.pdf']);
  });

  it('reads the same types from the bytes as file-type does, for every accepted fixture', async () => {
    const fixtures: Array<[Buffer, string]> = [
      [pdfFile(), 'application/pdf'],
      [pngFile(2, 2), 'image/png'],
      [jpegFile(), 'image/jpeg'],
      [docxFile(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [bytes, type] of fixtures) {
      const verdict = checkFile(bytes);
      expect(verdict).toMatchObject({ ok: true, type });
      expect((await fileTypeFromBuffer(bytes))?.mime).toBe(type);
    }
    expect(await fileTypeFromBuffer(windowsProgram())).toMatchObject({ ext: 'exe' });
  });
});
