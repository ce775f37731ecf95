/**
 * No silent loss (issue 12 §3, §2's limit, §7): fields never cut text and say when it is too long;
 * a dialog with changes asks before closing; leaving a screen with unsaved edits asks; a status
 * change is saved explicitly and can be undone; dates are entered in the planner's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_LONG_TEXT as SHARED_LONG, MAX_SHORT_TEXT as SHARED_SHORT } from '../../shared/contract-fields';
import type { CommitmentDetail } from '../../shared/domain';
import { Button } from '../../renderer/components/Button';
import { checkIsoDate, DateField, tidyIsoDate } from '../../renderer/components/DateField';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, overLimit, TextArea, TextField } from '../../renderer/components/Field';
import { FormDialog } from '../../renderer/components/FormDialog';
import { installLeaveGuard, LeaveGuardDialog } from '../../renderer/app/leave-guard';
import { clearUnsavedEdits, hasUnsavedEdits, registerUnsavedEdits, useChanged } from '../../renderer/app/unsaved-edits';
import { CommitmentScreen } from '../../renderer/features/commitments/CommitmentScreen';
import { setup } from './support/render-app';

afterEach(() => clearUnsavedEdits());

function Counted({ initial, max = 100, label = 'Narrative' }: { initial: string; max?: number; label?: string }) {
  const [value, setValue] = useState(initial);
  return <TextArea label={label} value={value} onChange={(e) => setValue(e.target.value)} maxLength={max} />;
}

describe('a field with a length limit', () => {
  it('keeps the limits equal to the core’s', () => {
    expect(MAX_LONG_TEXT).toBe(SHARED_LONG);
    expect(MAX_SHORT_TEXT).toBe(SHARED_SHORT);
    expect(overLimit('abc', 2)).toBe(1);
    expect(overLimit('ab', 2)).toBe(0);
    expect(overLimit('abc', undefined)).toBe(0);
  });

  it('never gives the limit to the browser, counts near it, and says by how much it is too long beyond it', async () => {
    const { renderIn } = setup({});
    renderIn(<Counted initial={'x'.repeat(80)} />);
    const box = screen.getByRole('textbox', { name: 'Narrative' }) as HTMLTextAreaElement;
    expect(box.hasAttribute('maxlength')).toBe(false);
    const counter = document.getElementById(`${box.id}-count`)!;
    expect(counter.getAttribute('aria-live')).toBe('polite');
    expect(counter.textContent).toBe('');
    fireEvent.change(box, { target: { value: 'x'.repeat(95) } });
    expect(counter.textContent).toBe('95 / 100 characters');
    expect(box.getAttribute('aria-describedby')).toContain(`${box.id}-count`);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    // A paste longer than the limit is kept whole, and refused with a sentence.
    fireEvent.change(box, { target: { value: 'x'.repeat(120) } });
    expect(box.value).toHaveLength(120);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.hasAttribute('data-refuse-save')).toBe(true);
    expect(screen.getByText('This text is 20 characters too long; shorten it to save.')).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toContain(`${box.id}-error`);
    fireEvent.change(box, { target: { value: 'x'.repeat(101) } });
    expect(screen.getByText('This text is 1 character too long; shorten it to save.')).toBeTruthy();
  });

  it('counts and refuses in French with French numbers and spacing', () => {
    const { renderIn } = setup({}, 'fr');
    renderIn(<Counted initial={'x'.repeat(12_000)} max={10_000} label="Récit" />);
    const box = screen.getByRole('textbox', { name: 'Récit' });
    const counter = document.getElementById(`${box.id}-count`)!;
    expect(counter.textContent).toMatch(/^12\s000 \/ 10\s000 caractères$/);
    expect(document.getElementById(`${box.id}-error`)!.textContent).toMatch(/^Ce texte a 2\s000 caractères de trop\u00a0; raccourcissez-le pour l’enregistrer\.$/);
  });
});

function EditDialog({ save, max = 50 }: { save: (text: string) => Promise<void>; max?: number }) {
  const [open, setOpen] = useState(false);
  function Form() {
    const [title, setTitle] = useState('Youth drop-in');
    const [notes, setNotes] = useState('');
    const dirty = useChanged({ title, notes });
    return (
      <FormDialog title="Change the action" submitLabel="Save" dirty={dirty} onClose={() => setOpen(false)} isValid={() => title.trim() !== ''} save={() => save(notes)}>
        {(checked) => (
          <>
            <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={checked && title.trim() === '' ? 'Give the action a title.' : undefined} maxLength={200} />
            <TextArea label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={max} />
          </>
        )}
      </FormDialog>
    );
  }
  return (
    <>
      <Button onClick={() => setOpen(true)}>Edit…</Button>
      {open ? <Form /> : null}
    </>
  );
}

describe('a dialog with unsaved changes', () => {
  it('closes at once while clean, on Escape, outside, the close button and Cancel', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const { renderIn } = setup({});
    renderIn(<EditDialog save={async () => {}} />);
    const user = userEvent.setup();
    for (const close of ['escape', 'outside', 'close', 'cancel'] as const) {
      await user.click(screen.getByRole('button', { name: 'Edit…' }));
      const dialog = screen.getByRole('dialog', { name: 'Change the action' });
      if (close === 'escape') fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      if (close === 'outside') await user.click(dialog.parentElement!);
      if (close === 'close') await user.click(screen.getByRole('button', { name: 'Close' }));
      if (close === 'cancel') await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).toBeNull();
    }
  });

  it('asks first on Escape, outside, the close button and Cancel; Keep editing keeps the text, Discard closes', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const { renderIn } = setup({});
    renderIn(<EditDialog save={async () => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit…' }));
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    await user.type(notes, 'Met with the school');
    expect(hasUnsavedEdits()).toBe(true);
    const dialog = screen.getByRole('dialog', { name: 'Change the action' });
    for (const close of ['escape', 'outside', 'close', 'cancel'] as const) {
      if (close === 'escape') fireEvent.keyDown(notes, { key: 'Escape' });
      if (close === 'outside') await user.click(dialog.parentElement!);
      if (close === 'close') await user.click(screen.getByRole('button', { name: 'Close' }));
      if (close === 'cancel') await user.click(screen.getByRole('button', { name: 'Cancel' }));
      const ask = screen.getByRole('dialog', { name: 'Discard your changes?' });
      expect(ask.textContent).toContain('What you typed in “Change the action” has not been saved.');
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep editing' }));
      if (close === 'escape') fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      else await user.click(screen.getByRole('button', { name: 'Keep editing' }));
      expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
      expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('Met with the school');
    }
    fireEvent.keyDown(notes, { key: 'Escape' });
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hasUnsavedEdits()).toBe(false);
    expect(document.getElementById('root')!.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit…' }));
  });

  it('refuses to save a text over its limit and focuses the first field in error, then saves once shortened', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const save = vi.fn(async () => {});
    const { renderIn } = setup({});
    renderIn(<EditDialog save={save} max={10} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit…' }));
    const notes = screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    const title = screen.getByRole('textbox', { name: 'Title' });
    fireEvent.change(notes, { target: { value: 'x'.repeat(15) } });
    title.focus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(save).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(notes));
    expect(notes.value).toHaveLength(15);
    // A required field left blank comes first in the form: focus goes there.
    fireEvent.change(title, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(title));
    fireEvent.change(title, { target: { value: 'Youth drop-in' } });
    fireEvent.change(notes, { target: { value: 'x'.repeat(10) } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith('x'.repeat(10)));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('leaving a screen with unsaved edits', () => {
  it('asks before following a link or going back; Stay keeps the page, Leave goes', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    window.history.replaceState(null, '', '#/plans/p1/progress/2');
    const shown: string[] = [];
    const uninstall = installLeaveGuard((hash) => shown.push(hash));
    const { renderIn } = setup({});
    renderIn(
      <>
        <a href="#/communities">Communities</a>
        <LeaveGuardDialog />
      </>,
    );
    const user = userEvent.setup();
    try {
      // Nothing unsaved: the link is followed.
      let dirty = false;
      const unregister = registerUnsavedEdits('screen', () => dirty);
      await user.click(screen.getByRole('link', { name: 'Communities' }));
      await waitFor(() => expect(shown).toEqual(['#/communities']));
      window.history.replaceState(null, '', '#/plans/p1/progress/2');

      dirty = true;
      await user.click(screen.getByRole('link', { name: 'Communities' }));
      expect(window.location.hash).toBe('#/plans/p1/progress/2');
      expect(screen.getByRole('dialog', { name: 'Leave this page without saving?' })).toBeTruthy();
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay on this page' }));
      await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(window.location.hash).toBe('#/plans/p1/progress/2');

      // Back, forward or a typed address: the hash changed already; it is put back and asked.
      act(() => {
        window.location.hash = '#/';
      });
      await waitFor(() => expect(screen.getByRole('dialog', { name: 'Leave this page without saving?' })).toBeTruthy());
      expect(window.location.hash).toBe('#/plans/p1/progress/2');
      expect(shown).toEqual(['#/communities']);
      await user.click(screen.getByRole('button', { name: 'Leave without saving' }));
      await waitFor(() => expect(shown).toEqual(['#/communities', '#/']));
      expect(window.location.hash).toBe('#/');
      unregister();
    } finally {
      uninstall();
    }
  });

  it('does not ask after a dialog saved and moved to another page', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    window.history.replaceState(null, '', '#/commitments');
    const shown: string[] = [];
    const uninstall = installLeaveGuard((hash) => shown.push(hash));
    function Create() {
      const [open, setOpen] = useState(true);
      const [number, setNumber] = useState('');
      const dirty = useChanged({ number });
      if (!open) return null;
      return (
        <FormDialog title="Add a commitment" submitLabel="Add" dirty={dirty} onClose={() => setOpen(false)} isValid={() => true} save={async () => void (window.location.hash = '#/commitments/k9')}>
          {() => <TextField label="Number" value={number} onChange={(e) => setNumber(e.target.value)} />}
        </FormDialog>
      );
    }
    const { renderIn } = setup({});
    renderIn(
      <>
        <Create />
        <LeaveGuardDialog />
      </>,
    );
    const user = userEvent.setup();
    try {
      await user.type(screen.getByRole('textbox', { name: 'Number' }), '5.4');
      await user.click(screen.getByRole('button', { name: 'Add' }));
      await waitFor(() => expect(shown).toEqual(['#/commitments/k9']));
      expect(screen.queryByRole('dialog')).toBeNull();
    } finally {
      uninstall();
    }
  });

  it('prevents closing the window while edits are unsaved', () => {
    const uninstall = installLeaveGuard(() => {});
    try {
      const clean = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(clean);
      expect(clean.defaultPrevented).toBe(false);
      registerUnsavedEdits('screen', () => true);
      const dirty = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(dirty);
      expect(dirty.defaultPrevented).toBe(true);
    } finally {
      uninstall();
    }
  });
});

const commitment: CommitmentDetail = {
  id: 'k1',
  kind: 'mmiwg_call',
  number: '5.4',
  title: 'Police services',
  titleEn: 'Police services',
  titleFr: null,
  descriptionEn: null,
  descriptionFr: null,
  leadDepartment: 'Justice',
  priorityArea: null,
  status: 'underway_on_track',
  relatedCommitmentIds: [],
  milestones: [],
  linkedActions: [],
  plansByYear: [],
} as unknown as CommitmentDetail;

describe('a commitment’s status', () => {
  it('changes only with Save, and the notice offers Undo', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    let status = commitment.status;
    const updates: unknown[] = [];
    const { renderIn, store } = setup({
      'installation:get': () => ({ installationId: 'i', name: 'Territorial office', userName: 'Ann', role: 'coordinator', scopeCommunityIds: [], locale: 'en', reportDueDays: 30, today: '2026-09-15' }) as never,
      'commitments:get': () => ({ ...commitment, status }) as never,
      'commitments:list': () => [] as never,
      'commitments:update': (input: unknown) => {
        updates.push(input);
        status = (input as { status: typeof status }).status;
        return undefined as never;
      },
    });
    await store.getState().loadSetup();
    renderIn(<CommitmentScreen commitmentId="k1" />);
    const user = userEvent.setup();
    const select = (await screen.findByRole('combobox', { name: /Status/ })) as HTMLSelectElement;
    const save = screen.getByRole('button', { name: 'Save the status' });
    expect(save.hasAttribute('disabled')).toBe(true);
    await user.selectOptions(select, 'completed');
    expect(updates).toEqual([]);
    expect(hasUnsavedEdits()).toBe(true);
    expect(screen.getByText(/Not saved yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save the status' }));
    await waitFor(() => expect(updates).toEqual([{ commitmentId: 'k1', status: 'completed' }]));
    const notice = store.getState().notices.at(-1)!;
    expect(notice.undo).toBeTypeOf('function');
    await store.getState().undoNotice(notice.id);
    expect(updates.at(-1)).toEqual({ commitmentId: 'k1', status: 'underway_on_track' });
  });
});

describe('a date field', () => {
  it('checks and tidies ISO dates', () => {
    expect(checkIsoDate('2026-03-31')).toBe('ok');
    expect(checkIsoDate('2026-02-30')).toBe('day');
    expect(checkIsoDate('31/03/2026')).toBe('format');
    expect(tidyIsoDate('2026/3/31')).toBe('2026-03-31');
    expect(tidyIsoDate('20260331')).toBe('2026-03-31');
    expect(tidyIsoDate(' 2026.03.31 ')).toBe('2026-03-31');
  });

  function Dated({ initial }: { initial: string }) {
    const [value, setValue] = useState(initial);
    return <DateField label="Due" value={value} onChange={setValue} />;
  }

  it('shows the format and the day spelled in the planner’s language, not the system’s', () => {
    for (const [locale, hint, spelled] of [
      ['en', 'Format: YYYY-MM-DD', 'Tuesday, March 31, 2026'],
      ['fr', 'Format\u00a0: AAAA-MM-JJ', 'mardi 31 mars 2026'],
    ] as const) {
      const { renderIn } = setup({}, locale);
      const { unmount } = renderIn(<Dated initial="2026-03-31" />);
      const box = screen.getByRole('textbox');
      expect(box.getAttribute('type')).not.toBe('date');
      const described = (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      expect(described).toContain(hint);
      expect(described).toContain(spelled);
      unmount();
    }
  });

  it('says why a date is wrong once the field is left, tidies what it can, and refuses to save', () => {
    const { renderIn } = setup({});
    renderIn(<Dated initial="" />);
    const box = screen.getByRole('textbox', { name: 'Due' }) as HTMLInputElement;
    fireEvent.change(box, { target: { value: '31/03/2026' } });
    expect(box.hasAttribute('data-refuse-save')).toBe(true);
    expect(box.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(box);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the date as YYYY-MM-DD, for example 2026-03-31.')).toBeTruthy();
    fireEvent.change(box, { target: { value: '2026/3/31' } });
    fireEvent.blur(box);
    expect(box.value).toBe('2026-03-31');
    expect(box.hasAttribute('data-refuse-save')).toBe(false);
  });
});

describe('every edit dialog and date in the renderer', () => {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
  const sources = files(path.resolve(__dirname, '../../renderer/features')).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

  it('says whether it is dirty (so closing it asks), and no date uses the system’s date control', () => {
    const missing = sources.flatMap(({ file, text }) => [...text.matchAll(/<FormDialog\b[^>]*?>/gs)].filter((m) => !m[0].includes('dirty=')).map(() => path.basename(file)));
    expect(missing).toEqual([]);
    expect(sources.filter(({ text }) => /type=["']date["']/.test(text)).map(({ file }) => path.basename(file))).toEqual([]);
  });
});
