/**
 * Where long operations show their progress (issue 13 §1): the roll-up's exports (the Exports
 * screen's buttons) and the demo made the first time it is opened (the welcome screen) show the
 * real bar of OperationProgress — named, determinate once the core reports, with Stop — in
 * English and French; a demo stopped while it was being made says so calmly, with no error.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/contract-operations';
import { EXPORT_VIEWS } from '../../shared/reports';
import { ApiError } from '../../renderer/api/api-error';
import { RollupExports } from '../../renderer/features/rollup/rollup-parts';
import { WelcomeScreen } from '../../renderer/features/welcome/WelcomeScreen';
import { PrintScreen } from '../../renderer/features/reports/PrintScreen';
import { deferred, type FakeHandlers } from './support/fake-core';
import { setup } from './support/render-app';

function withPushedProgress(handlers: FakeHandlers, locale: 'en' | 'fr' = 'en') {
  const app = setup({ 'operations:cancel': () => ({ cancelled: true }), ...handlers }, locale);
  const listeners = new Set<(event: ProgressEvent) => void>();
  app.bridge.on = ((event: string, listener: (payload: ProgressEvent) => void) => {
    if (event !== 'progress') return () => {};
    listeners.add(listener);
    return () => listeners.delete(listener);
  }) as typeof app.bridge.on;
  const push = (event: ProgressEvent) => act(() => listeners.forEach((listener) => listener(event)));
  return { ...app, push };
}

/** demo:open is answered by the adapter, outside the typed contract. */
const demoOpen = (answer: () => Promise<never>) => ({ 'demo:open': answer }) as unknown as FakeHandlers;

const cancelledByCore = () => new ApiError({ code: 'cancelled', message: 'Cancelled: nothing was changed. You can start it again whenever you like.' });

describe('the progress of a report export', () => {
  it('shows a determinate bar while the core prepares the file, and Stop cancels it', async () => {
    const answer = deferred<never>();
    const app = withPushedProgress({ 'exports:file': () => answer.promise });
    app.renderIn(<RollupExports filters={{ fiscalYear: 2026 }} views={[EXPORT_VIEWS[0]!]} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await userEvent.click(screen.getAllByRole('button')[0]!);
    const bar = screen.getByRole('progressbar', { name: 'Preparing the export file…' });
    expect(bar.getAttribute('aria-busy')).toBe('true');

    app.push({ operation: 'exports:file', step: 'report', done: 1, total: 3 });
    expect(bar.getAttribute('aria-valuenow')).toBe('33');
    expect(bar.getAttribute('aria-valuetext')).toBe('33% done. Step 1 of 1: preparing the report — 1 of 3');

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(app.bridge.calls.map((c) => c.method)).toContain('operations:cancel');
    await act(async () => answer.reject(cancelledByCore()));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/^Cancelled: nothing was changed/)).toBeTruthy();
  });

  it('speaks French', async () => {
    const app = withPushedProgress({ 'exports:file': () => new Promise<never>(() => {}) }, 'fr');
    app.renderIn(<RollupExports filters={{ fiscalYear: 2026 }} views={[EXPORT_VIEWS[0]!]} />);
    await userEvent.click(screen.getAllByRole('button')[0]!);
    app.push({ operation: 'exports:file', step: 'report', done: 2, total: 3 });
    const bar = screen.getByRole('progressbar', { name: 'Préparation du fichier d’exportation…' });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^66\u00a0% fait\. Étape 1 sur 1\s: préparation du rapport — 2 sur 3$/);
    expect(screen.getByRole('button', { name: 'Arrêter' })).toBeTruthy();
  });
});

describe('the annual plan while the core prepares it (a full report)', () => {
  const plan = () => ({ id: 'p1', communityName: 'Dettah', fiscalYear: 2026 }) as never;
  const options = { lang: null, public: false, paper: 'letter' as const };

  it('shows a determinate bar, without Stop (nothing to undo), in English and French', async () => {
    for (const [locale, name, text] of [
      ['en', 'Preparing the annual plan…', /^50% done\. Step 1 of 1: preparing the report — 2 of 4$/],
      ['fr', 'Préparation du plan annuel…', /^50\u00a0% fait\. Étape 1 sur 1\s: préparation du rapport — 2 sur 4$/],
    ] as const) {
      const app = withPushedProgress({ 'reports:annual': () => new Promise<never>(() => {}), 'plans:get': plan }, locale);
      const view = app.renderIn(<PrintScreen kind="annual" planId="p1" options={options} />);
      const bar = await screen.findByRole('progressbar', { name });
      app.push({ operation: 'reports:annual', step: 'report', done: 2, total: 4 });
      expect(bar.getAttribute('aria-valuenow')).toBe('50');
      expect(bar.getAttribute('aria-valuetext')).toMatch(text);
      expect(screen.queryByRole('button', { name: locale === 'en' ? 'Stop' : 'Arrêter' })).toBeNull();
      view.unmount();
    }
  });
});

describe('the demo made the first time it is opened', () => {
  it('shows the seeding’s progress on the welcome screen; stopped, it says nothing was kept', async () => {
    const answer = deferred<never>();
    const app = withPushedProgress(demoOpen(() => answer.promise));
    app.renderIn(<WelcomeScreen />);
    await userEvent.click(screen.getByRole('button', { name: 'Explore the demo' }));
    const bar = screen.getByRole('progressbar', { name: /^Making the demo territory\./ });
    app.push({ operation: 'demo:open', step: 'seed', done: 120, total: 349 });
    expect(bar.getAttribute('aria-valuenow')).toBe('34');
    expect(bar.getAttribute('aria-valuetext')).toBe('34% done. Step 1 of 1: making the demo territory — 120 of 349');

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(app.bridge.calls.map((c) => c.method)).toContain('operations:cancel');
    await act(async () => answer.reject(cancelledByCore()));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('The demo was stopped before it was made: nothing was kept. You can open it again whenever you like.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks French', async () => {
    const app = withPushedProgress(demoOpen(() => new Promise<never>(() => {})), 'fr');
    app.renderIn(<WelcomeScreen />);
    await userEvent.click(screen.getByRole('button', { name: /démonstration/i }));
    app.push({ operation: 'demo:open', step: 'seed', done: 349, total: 349 });
    const bar = screen.getByRole('progressbar', { name: /^Création du territoire de démonstration\./ });
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^100\u00a0% fait\. Étape 1 sur 1\s: création du territoire de démonstration — 349 sur 349$/);
  });
});
