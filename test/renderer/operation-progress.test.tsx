/**
 * The progress of a long operation (issue 13 §1): indeterminate until the core reports, then a
 * determinate bar across the operation's steps with the step named (English and French), and a
 * Stop button that asks the core to cancel.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/contract-operations';
import { OperationProgress, overallPercent } from '../../renderer/features/operations/OperationProgress';
import { setup } from './support/render-app';

function withPushedProgress(locale: 'en' | 'fr' = 'en') {
  const app = setup({ 'operations:cancel': () => ({ cancelled: true }) }, locale);
  const listeners = new Set<(event: ProgressEvent) => void>();
  app.bridge.on = ((event: string, listener: (payload: ProgressEvent) => void) => {
    if (event !== 'progress') return () => {};
    listeners.add(listener);
    return () => listeners.delete(listener);
  }) as typeof app.bridge.on;
  const push = (event: ProgressEvent) => act(() => listeners.forEach((listener) => listener(event)));
  return { ...app, push };
}

describe('OperationProgress', () => {
  it('moves across the steps of an import, named, and stops it on request', async () => {
    const app = withPushedProgress();
    app.renderIn(<OperationProgress operation="bundles:import" label="Importing the territory’s bundle" />);
    const bar = screen.getByRole('progressbar', { name: 'Importing the territory’s bundle' });
    expect(bar.getAttribute('aria-busy')).toBe('true');
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);

    app.push({ operation: 'bundles:import', step: 'check', done: 1200, total: 2404 });
    expect(bar.getAttribute('aria-valuenow')).toBe('16');
    expect(screen.getByText('Step 1 of 3: checking the changes (signatures, senders, communities) — 1,200 of 2,404')).toBeTruthy();
    // Another operation's events are not this bar's.
    app.push({ operation: 'bundles:export', step: 'write', done: 0, total: 1 });
    expect(bar.getAttribute('aria-valuenow')).toBe('16');
    app.push({ operation: 'bundles:import', step: 'apply', done: 2404, total: 2404 });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('100% done. Step 3 of 3: applying the new changes — 2,404 of 2,404');

    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(app.bridge.calls.map((c) => c.method)).toContain('operations:cancel');
    expect(screen.getByRole('button', { name: 'Stopping…' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('speaks French', () => {
    const app = withPushedProgress('fr');
    app.renderIn(<OperationProgress operation="bundles:export" label="Écriture du paquet…" />);
    app.push({ operation: 'bundles:export', step: 'write', done: 0, total: 1 });
    expect(screen.getByRole('progressbar', { name: 'Écriture du paquet…' }).getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText(/^Étape 2 sur 2\s: écriture du fichier — 0 sur 1$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Arrêter' })).toBeTruthy();
  });

  it('never goes past 100 and counts a finished step whole', () => {
    expect(overallPercent({ operation: 'bundles:import', step: 'backup', done: 1, total: 1 })).toBe(66);
    expect(overallPercent({ operation: 'exports:file', step: 'report', done: 3, total: 3 })).toBe(100);
    expect(overallPercent({ operation: 'demo:open', step: 'seed', done: 5, total: 0 })).toBe(100);
  });
});
