/**
 * The progress form of issue 12 §2, as components against a fake core: the filters (owners of this
 * computer's side, planned this quarter), last quarter beside each action with "carry next steps",
 * a text over the limit kept whole and not saved (with a sentence), and focus after a refused and
 * after an accepted submission.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action, ProgressEntry, QuarterProgress } from '../../shared/domain';
import type { Locale, OwnerParty } from '../../shared/vocabulary';
import { ProgressScreen } from '../../renderer/features/progress/ProgressScreen';
import { action, entry, planFixture, progressFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

afterEach(() => vi.useRealTimers());

// Two shared cores: generous waits.
const WAIT = { timeout: 8000 };

function owned(id: string, title: string, owner: OwnerParty, plannedQuarters: Action['plannedQuarters'] = [2]): Action {
  return { ...action(id, title), owner, plannedQuarters };
}

const ACTIONS = [
  owned('act1', 'Check stops on the ice road', 'police'),
  owned('act2', 'Youth drum group', 'community'),
  owned('act3', 'School presentations', 'joint'),
  owned('act4', 'Spring clean-up', 'community', [1]),
];

function form(entries: Record<string, ProgressEntry> = {}): QuarterProgress {
  const base = progressFixture();
  return {
    ...base,
    report: { ...base.report, submissionOpensOn: '2026-09-17' },
    rows: ACTIONS.map((a) => ({
      action: a,
      priorityTitle: 'Reduce impaired driving',
      entry: entries[a.id] ?? null,
      plannedThisQuarter: a.plannedQuarters.includes(2),
      previous: a.id === 'act2' ? { fiscalYear: 2026, quarter: 1 as const, status: 'delayed' as const, narrative: 'The drum teacher was away.', nextSteps: 'Start again in July with two groups.' } : null,
    })),
  };
}

async function progressApp(entries: Record<string, ProgressEntry> = {}, locale: Locale = 'en', role: 'liaison' | 'detachment' = 'liaison') {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-09-20T12:00:00.000Z'));
  const plan = planFixture();
  plan.priorities[0]!.actions = ACTIONS;
  const app = setup(
    {
      'plans:get': () => plan,
      'progress:get': () => form(entries),
      'progress:record': (input) => ({ ...entry(input.actionId, input.status, input.narrative), nextSteps: input.nextSteps ?? null }),
      'reports:submit': () => ({ ...form(entries).report, state: 'submitted', submittedAt: '2026-09-20T12:00:00.000Z', submittedBy: 'Noel Jerome' }),
    },
    locale,
  );
  const profile = await app.client.call('installation:get', {});
  app.store.setState({ profile: { ...profile, role } });
  app.renderIn(<ProgressScreen planId="plan1" quarter={2} />);
  await screen.findAllByRole('heading', { level: 3 }, WAIT);
  return app;
}

const titles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const rowOf = (title: string) => screen.getByRole('region', { name: title });

describe('the progress form: filters', () => {
  it("shows every action on opening, the community office's side (community and joint) in one click, and the others when ticked", async () => {
    await progressApp();
    expect(titles()).toEqual(['Check stops on the ice road', 'Youth drum group', 'School presentations', 'Spring clean-up']);
    fireEvent.click(screen.getByRole('button', { name: "Only this computer's side: Community, Joint" }));
    expect(titles()).toEqual(['Youth drum group', 'School presentations', 'Spring clean-up']);
    expect(screen.getByText('Showing 3 of 4 actions.', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Police/ }));
    expect(titles()).toEqual(['Check stops on the ice road', 'Youth drum group', 'School presentations', 'Spring clean-up']);
    // Only the actions planned for Q2: the spring clean-up (Q1 only) goes.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only actions planned for Q2' }));
    expect(titles()).toEqual(['Check stops on the ice road', 'Youth drum group', 'School presentations']);
  });

  it("shows the detachment's (police and joint) first, in French too, and marks what is not planned this quarter", async () => {
    await progressApp({}, 'fr', 'detachment');
    fireEvent.click(screen.getByRole('button', { name: 'Seulement le côté de cet ordinateur\u00a0: Police, Conjointe' }));
    expect(titles()).toEqual(['Check stops on the ice road', 'School presentations']);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Collectivité/ }));
    const spring = rowOf('Spring clean-up');
    expect(within(spring).getByText('Non prévue ce trimestre')).toBeTruthy();
    expect(spring.textContent).toMatch(/le rapport ne l’attend pas/);
    expect(within(rowOf('School presentations')).queryByText('Non prévue ce trimestre')).toBeNull();
  });
});

describe('the progress form: last quarter beside each action', () => {
  it("shows last quarter's status, narrative and next steps, and carries the next steps into this quarter's", async () => {
    await progressApp();
    const drums = rowOf('Youth drum group');
    const summary = within(drums).getByText('Last quarter (Q1): Delayed');
    expect(drums.textContent).toMatch(/The drum teacher was away\./);
    fireEvent.click(summary);
    const nextSteps = within(drums).getByLabelText('Next steps') as HTMLTextAreaElement;
    fireEvent.change(nextSteps, { target: { value: 'Find a second teacher.' } });
    fireEvent.click(within(drums).getByRole('button', { name: "Copy last quarter's next steps into this quarter's next steps" }));
    // Added after what was written, never replacing it; the narrative is untouched.
    expect(nextSteps.value).toBe('Find a second teacher.\n\nStart again in July with two groups.');
    expect((within(drums).getByLabelText(/What happened/) as HTMLTextAreaElement).value).toBe('');
    expect(document.activeElement).toBe(nextSteps);
    expect(within(drums).getByText(/were copied into this quarter's next steps/)).toBeTruthy();
    // A second click does not copy them twice.
    fireEvent.click(within(drums).getByRole('button', { name: /Copy last quarter/ }));
    expect(nextSteps.value).toBe('Find a second teacher.\n\nStart again in July with two groups.');
    expect(within(rowOf('School presentations')).queryByText(/Last quarter/)).toBeNull();
  });
});

describe('the progress form: text over the limit', () => {
  it('keeps all 12,000 characters in the field, says why in a sentence, and does not save the row', async () => {
    const app = await progressApp();
    const row = rowOf('School presentations');
    fireEvent.change(within(row).getByLabelText('Status'), { target: { value: 'on_track' } });
    const narrative = within(row).getByLabelText(/What happened/) as HTMLTextAreaElement;
    expect(narrative.hasAttribute('maxlength')).toBe(false);
    fireEvent.change(narrative, { target: { value: 'x'.repeat(12_000) } });
    expect(narrative.value).toHaveLength(12_000);
    expect(within(row).getByText("This text is 2,000 characters too long; shorten it to save.")).toBeTruthy();
    expect(row.querySelector('[data-save-state]')?.textContent).toBe('Not saved: too long');
    fireEvent.blur(narrative);
    await act(async () => {});
    expect(app.bridge.calls.some((c) => c.method === 'progress:record')).toBe(false);
    expect(narrative.value).toHaveLength(12_000);
    // Shortened to the limit: saved when focus leaves.
    fireEvent.change(narrative, { target: { value: 'x'.repeat(10_000) } });
    expect(within(row).queryByText(/characters long/)).toBeNull();
    fireEvent.blur(narrative);
    await waitFor(() => expect(row.querySelector('[data-save-state]')?.textContent).toBe('Saved'), WAIT);
    expect((app.bridge.calls.find((c) => c.method === 'progress:record')!.input as { narrative: string }).narrative).toHaveLength(10_000);
  });
});

describe('the progress form: focus', () => {
  it('after a refused submission, moves focus to the first field in error, showing a row the filters hid', async () => {
    const app = await progressApp({ act2: entry('act2', 'on_track', 'Weekly'), act3: entry('act3', 'on_track', 'Done') });
    // The police action is planned and empty, and hidden when the community office shows its side only.
    fireEvent.click(screen.getByRole('button', { name: /^Only this computer's side/ }));
    expect(titles()).not.toContain('Check stops on the ice road');
    fireEvent.click(screen.getByRole('button', { name: /Submit the Q2 report/ }));
    const status = await waitFor(() => {
      const el = within(rowOf('Check stops on the ice road')).getByLabelText('Status');
      expect(document.activeElement).toBe(el);
      return el;
    }, WAIT);
    expect(status).toBeTruthy();
    expect(within(rowOf('Check stops on the ice road')).getByRole('alert').textContent).toMatch(/planned for this quarter: choose its status/);
    expect(screen.getByText('The report cannot be submitted yet')).toBeTruthy();
    // The spring clean-up (not planned) does not hold the report back: no mark on it.
    expect(within(rowOf('Spring clean-up')).queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(app.bridge.calls.some((c) => c.method === 'reports:submit')).toBe(false);
  });

  it('after a submission, moves focus to the confirmation heading, not the page body', async () => {
    await progressApp({ act1: entry('act1', 'on_track', 'Weekly'), act2: entry('act2', 'on_track', 'Weekly'), act3: entry('act3', 'on_track', 'Done') });
    fireEvent.click(screen.getByRole('button', { name: /Submit the Q2 report/ }));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit the report' }));
    const heading = await screen.findByRole('heading', { name: 'The Q2 report is submitted' }, WAIT);
    await waitFor(() => expect(document.activeElement).toBe(heading), WAIT);
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });
});
