import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from '../../renderer/components/Button';
import { ConfirmDialog } from '../../renderer/components/Dialog';
import { setup } from './support/render-app';

function Harness({ onConfirm }: { onConfirm: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Remove…</Button>
      {open ? (
        <ConfirmDialog danger title="Remove this priority?" confirmLabel="Remove the priority" onConfirm={onConfirm} onClose={() => setOpen(false)}>
          <p>It has 3 actions.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

describe('the confirmation dialog', () => {
  it('keeps focus inside while open, closes on Escape and gives focus back', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const { renderIn } = setup({});
    renderIn(<Harness onConfirm={async () => {}} />);
    const user = userEvent.setup();
    const opener = screen.getByRole('button', { name: 'Remove…' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Remove this priority?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove the priority' }));
    // From the last control, Tab goes round to the first: the close button, then Cancel.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("shows the core's refusal and stays open", async () => {
    const { renderIn } = setup({});
    renderIn(
      <Harness
        onConfirm={async () => {
          throw new Error('A plan needs at least one priority before it can be agreed.');
        }}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    await user.click(screen.getByRole('button', { name: 'Remove the priority' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A plan needs at least one priority before it can be agreed.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
