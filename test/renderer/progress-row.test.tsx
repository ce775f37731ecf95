import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MethodRawInput } from '../../shared/contract';
import type { ProgressEntry } from '../../shared/domain';
import { ApiError } from '../../renderer/api/api-error';
import { ProgressRow } from '../../renderer/features/progress/ProgressRow';
import { parseAmount, saveStateOf } from '../../renderer/features/progress/progress-slice';
import { deferred } from './support/fake-core';
import { action, entry, planFixture, progressFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

async function progressForm(record: (input: MethodRawInput<'progress:record'>) => ProgressEntry | Promise<ProgressEntry>, entries: Record<string, ProgressEntry> = {}) {
  const app = setup({
    'plans:get': () => planFixture(),
    'progress:get': () => progressFixture(entries),
    'progress:record': record,
  });
  await app.store.getState().loadProgressForm('plan1', 2);
  app.renderIn(<ProgressRow action={action('act1', 'Check stops on the ice road')} readOnly={false} leadLabel={null} />);
  return app;
}

const stateLabel = () => document.querySelector('[data-save-state]');

describe('a row of the quarterly progress form', () => {
  it('shows unsaved changes while typing, "Saving…" when focus leaves the row, then "Saved"', async () => {
    const pending = deferred<ProgressEntry>();
    const app = await progressForm(() => pending.promise);
    const user = userEvent.setup();
    expect(stateLabel()?.textContent).toBe('Not recorded yet');

    await user.selectOptions(screen.getByLabelText('Status'), 'on_track');
    await user.type(screen.getByLabelText(/What happened/), '14 check stops in August.');
    expect(stateLabel()?.textContent).toBe('Unsaved changes');

    await user.tab(); // to "Next steps": still the same row, nothing is saved yet
    expect(app.bridge.calls.some((c) => c.method === 'progress:record')).toBe(false);
    await user.tab(); // out of the row
    expect(stateLabel()?.textContent).toBe('Saving…');
    const sent = app.bridge.calls.filter((c) => c.method === 'progress:record');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.input).toEqual({ actionId: 'act1', quarter: 2, status: 'on_track', narrative: '14 check stops in August.', nextSteps: null });

    await act(async () => pending.resolve(entry('act1', 'on_track', '14 check stops in August.')));
    expect(stateLabel()?.textContent).toBe('Saved');
  });

  it("shows the core's refusal as its sentence, and keeps what was typed", async () => {
    await progressForm(() => {
      throw new ApiError({ code: 'invalid_input', message: 'Please write a short narrative explaining the status.' });
    });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'delayed' } });
    fireEvent.blur(screen.getByLabelText('Status'));
    await waitFor(() => expect(stateLabel()?.textContent).toBe('Not saved'));
    expect(screen.getByRole('alert').textContent).toBe('Please write a short narrative explaining the status.');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('delayed');
  });

  it('asks for a status before saving a narrative, without calling the core', async () => {
    const app = await progressForm(() => entry('act1', 'on_track', 'x'));
    fireEvent.change(screen.getByLabelText(/What happened/), { target: { value: 'Waiting for the partner.' } });
    fireEvent.blur(screen.getByLabelText(/What happened/));
    expect(screen.getByRole('alert').textContent).toMatch(/Choose a status/);
    expect(app.bridge.calls.some((c) => c.method === 'progress:record')).toBe(false);
  });

  it('does not save again when nothing changed', async () => {
    const app = await progressForm(() => entry('act1', 'on_track', 'x'), { act1: entry('act1', 'on_track', 'Done so far.') });
    expect(stateLabel()?.textContent).toBe('Saved');
    fireEvent.blur(screen.getByLabelText(/What happened/));
    expect(app.bridge.calls.some((c) => c.method === 'progress:record')).toBe(false);
  });

  it('saves again after a save when the person kept typing meanwhile', async () => {
    const first = deferred<ProgressEntry>();
    let calls = 0;
    const app = await progressForm(() => (++calls === 1 ? first.promise : entry('act1', 'on_track', 'two')));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'on_track' } });
    fireEvent.change(screen.getByLabelText(/What happened/), { target: { value: 'one' } });
    fireEvent.blur(screen.getByLabelText(/What happened/));
    fireEvent.change(screen.getByLabelText(/What happened/), { target: { value: 'two' } });
    fireEvent.blur(screen.getByLabelText(/What happened/));
    await act(async () => first.resolve(entry('act1', 'on_track', 'one')));
    await waitFor(() => expect(stateLabel()?.textContent).toBe('Saved'));
    const narratives = app.bridge.calls.filter((c) => c.method === 'progress:record').map((c) => (c.input as { narrative: string }).narrative);
    expect(narratives).toEqual(['one', 'two']);
  });
});

describe('save state and amounts', () => {
  it('derives the save state from draft and saved values', () => {
    const saved = { status: 'on_track' as const, narrative: 'a', nextSteps: '' };
    expect(saveStateOf({ draft: saved, saved, saving: false, error: null })).toBe('saved');
    expect(saveStateOf({ draft: { ...saved, narrative: 'b' }, saved, saving: false, error: null })).toBe('unsaved');
    expect(saveStateOf({ draft: saved, saved, saving: true, error: null })).toBe('saving');
    expect(saveStateOf({ draft: saved, saved, saving: false, error: 'no' })).toBe('error');
  });

  it('reads numbers as people write them in English and French', () => {
    expect(parseAmount('12')).toBe(12);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('1 234,5')).toBe(1234.5);
    expect(parseAmount('-3')).toBe(-3);
    expect(parseAmount('twelve')).toBeNull();
    expect(parseAmount('')).toBeNull();
  });
});
