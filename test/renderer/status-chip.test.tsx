import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COMPLETENESS_STATES, PROGRESS_STATUSES } from '../../shared/vocabulary';
import { StatusChip } from '../../renderer/components/StatusChip';
import { setup } from './support/render-app';

describe('StatusChip', () => {
  it('says every report state in words, with an icon that screen readers skip', () => {
    const { renderIn } = setup({});
    const { container } = renderIn(
      <>
        {COMPLETENESS_STATES.map((state) => (
          <StatusChip key={state} kind="completeness" value={state} />
        ))}
      </>,
    );
    for (const text of ['No plan', 'Upcoming', 'Upcoming, due soon', 'On time', 'Late', 'Missing']) expect(screen.getByText(text)).toBeTruthy();
    const icons = container.querySelectorAll('svg');
    expect(icons).toHaveLength(COMPLETENESS_STATES.length);
    for (const icon of icons) expect(icon.getAttribute('aria-hidden')).toBe('true');
  });

  it('does not tell states apart by colour alone: each state has its own icon or word', () => {
    const { renderIn } = setup({});
    const { container } = renderIn(
      <>
        <StatusChip kind="completeness" value="on_time" />
        <StatusChip kind="completeness" value="late" />
        <StatusChip kind="completeness" value="missing" />
      </>,
    );
    const shapes = [...container.querySelectorAll('svg path')].map((p) => p.getAttribute('d'));
    expect(new Set(shapes).size).toBe(3);
  });

  it('speaks French when the installation does', () => {
    const { renderIn } = setup({}, 'fr');
    renderIn(
      <>
        <StatusChip kind="completeness" value="on_time" />
        <StatusChip kind="completeness" value="missing" detail="12 jours" />
        {PROGRESS_STATUSES.map((s) => (
          <StatusChip key={s} kind="progress" value={s} />
        ))}
      </>,
    );
    expect(screen.getByText('À temps')).toBeTruthy();
    expect(screen.getByText('Manquant · 12 jours')).toBeTruthy();
    expect(screen.getByText('En bonne voie')).toBeTruthy();
  });
});
