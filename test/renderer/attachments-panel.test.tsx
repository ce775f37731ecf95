import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../../shared/attachments';
import { AttachmentsPanel } from '../../renderer/features/evidence/AttachmentsPanel';
import { setup } from './support/render-app';

/** Issue 14 §3: the files of a record — listed, attached from the keyboard, "not received yet", opened after a warning. */

const base: Omit<Attachment, 'id' | 'fileName' | 'type' | 'received'> = {
  recordKind: 'plan',
  recordId: 'plan1',
  communityId: 'c1',
  hash: 'a'.repeat(64),
  size: 52_000,
  addedBy: 'Cst. Roy',
  addedAt: '2026-09-01T15:00:00.000Z',
};
const files: Attachment[] = [
  { ...base, id: 'a1', fileName: 'minutes.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', received: true },
  { ...base, id: 'a2', fileName: 'photo.jpg', type: 'image/jpeg', received: false },
];

function render(locale: 'en' | 'fr') {
  document.body.innerHTML = '<div id="root"></div>';
  const attach = vi.fn((input: { content: string; fileName: string }) => ({ ...base, id: 'a3', fileName: input.fileName, type: 'application/pdf', received: true }));
  const open = vi.fn(() => ({ opened: false }));
  const { renderIn } = setup(
    {
      'attachments:list': () => files,
      'attachments:attach': attach,
      'attachments:read': () => ({ fileName: 'minutes.docx', type: files[0]!.type, size: 4, base64: 'UEsDBA==' }),
      'attachments:openWithSystem': open,
    },
    locale,
  );
  renderIn(<AttachmentsPanel recordKind="plan" recordId="plan1" community={{ id: 'c1', name: 'Dettah' }} what="the plan" />);
  return { attach, open };
}

describe('the files of a record', () => {
  it('lists files, says which are not received yet, attaches one chosen from the keyboard, and warns before handing a document to the system', async () => {
    const { attach, open } = render('en');
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Files attached to the plan' });
    expect(within(table).getByRole('rowheader', { name: /photo\.jpg — Not received yet/ })).toBeTruthy();
    expect((within(table).getByRole('button', { name: 'Open photo.jpg' }) as HTMLButtonElement).disabled).toBe(true);

    const input = screen.getByLabelText('Attach a file') as HTMLInputElement;
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    await user.tab();
    await user.upload(input, new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'scan.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(attach).toHaveBeenCalledWith({ recordKind: 'plan', recordId: 'plan1', fileName: 'scan.pdf', content: 'JVBERi0=' }));

    await user.click(within(table).getByRole('button', { name: 'Open minutes.docx' }));
    const warning = await screen.findByRole('dialog', { name: 'Open “minutes.docx” outside the planner?' });
    expect(warning.textContent).toMatch(/Open it only if you expected it from Cst\. Roy/);
    await user.click(within(warning).getByRole('button', { name: 'Save the file' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith({ attachmentId: 'a1' }));
  });

  it('speaks French', async () => {
    render('fr');
    const table = await screen.findByRole('table', { name: 'Fichiers joints à the plan' });
    expect(within(table).getByRole('rowheader', { name: /photo\.jpg — Pas encore reçu/ })).toBeTruthy();
    expect(screen.getByLabelText('Joindre un fichier')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Fichiers' })).toBeTruthy();
  });
});
