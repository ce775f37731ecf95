import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError, messageOf } from '../../renderer/api/api-error';
import { ErrorBanner } from '../../renderer/components/Feedback';
import { setup } from './support/render-app';

const closed = new ApiError({
  code: 'forbidden',
  message: 'This plan is closed and can no longer be changed.',
  details: { messageKey: 'plan.closed', params: {} },
});

describe('the core’s refusals on screen', () => {
  it('shows the refusal in the language of the screen, whatever the installation’s language', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const { renderIn } = setup({}, 'fr');
    renderIn(<ErrorBanner error={closed} />);
    expect(screen.getByRole('alert').textContent).toContain('Ce plan est clos et ne peut plus être modifié.');
  });

  it('keeps the core’s own sentence when the details carry no usable key', () => {
    expect(messageOf(closed, 'en')).toBe('This plan is closed and can no longer be changed.');
    expect(messageOf(new ApiError({ code: 'forbidden', message: 'Refusé.', details: { messageKey: 'nope' } }), 'en')).toBe('Refusé.');
    expect(messageOf(new ApiError({ code: 'forbidden', message: 'Refusé.' }), 'en')).toBe('Refusé.');
    expect(messageOf(closed)).toBe('This plan is closed and can no longer be changed.');
  });
});
