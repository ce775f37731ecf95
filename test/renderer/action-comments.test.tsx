import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { QuarterlyReport, ReportComment } from '../../shared/domain';
import { ApiError } from '../../renderer/api/api-error';
import { ActionComments, CommentsProvider, ReportComments } from '../../renderer/features/reports/ActionComments';
import { setup } from './support/render-app';
import { ProgressRow } from '../../renderer/features/progress/ProgressRow';
import { action, entry, planFixture, progressFixture } from './support/plan-fixture';

function comment(over: Partial<ReportComment> & { id: string; body: string }): ReportComment {
  return {
    reportId: 'rep1',
    actionId: 'act1',
    author: 'Sam Coordinator',
    authorRole: 'coordinator',
    createdAt: '2026-09-10T15:00:00.000Z',
    editedAt: null,
    readAt: null,
    readBy: null,
    fromOtherSide: true,
    editable: false,
    ...over,
    isNew: over.isNew ?? ((over.fromOtherSide ?? true) && !over.readAt),
  };
}

const fromCoordinator = comment({ id: 'c1', body: 'How many elders came to the lunch?' });
const mineUnread = comment({ id: 'c2', body: 'Numbers follow next week.', author: 'Noel Jerome', authorRole: 'liaison', fromOtherSide: false, editable: true });
const mineRead = comment({ id: 'c3', actionId: null, body: 'Q2 was short staffed.', author: 'Noel Jerome', authorRole: 'liaison', fromOtherSide: false, readAt: '2026-09-12T10:00:00.000Z', readBy: 'Sam Coordinator' });
const otherAction = comment({ id: 'c4', actionId: 'act2', body: 'Not for this action' });

function report(comments: ReportComment[]): QuarterlyReport {
  return { id: 'rep1', planId: 'plan1', fiscalYear: 2026, quarter: 2, state: 'draft', submittedBy: null, submittedAt: null, dueDate: '2026-10-30', comments };
}

function renderComments(locale: 'en' | 'fr' = 'en', handlers: Parameters<typeof setup>[0] = {}) {
  const app = setup(
    {
      'reports:get': () => report([fromCoordinator, mineUnread, mineRead, otherAction]),
      'comments:markRead': () => [],
      'comments:edit': (input) => ({ ...mineUnread, body: input.body }),
      'comments:remove': () => ({ removed: true }),
      'reports:comment': (input) => comment({ id: 'c9', body: input.body, fromOtherSide: false, editable: true }),
      ...handlers,
    },
    locale,
  );
  app.renderIn(
    <CommentsProvider planId="plan1" quarter={2}>
      <ActionComments actionId="act1" actionTitle="Elders lunch" />
      <ReportComments />
    </CommentsProvider>,
  );
  return app;
}

const callsOf = (app: ReturnType<typeof setup>, method: string) => app.bridge.calls.filter((c) => c.method === method).map((c) => c.input);

describe('comments on an action and on the whole report', () => {
  it('marks the other side’s unread comment "New", counts it, opens the block, and shows only this action’s comments', async () => {
    renderComments();
    const list = await screen.findByRole('list', { name: 'Comments on “Elders lunch”' });
    const block = list.closest('details')!;
    await waitFor(() => expect(block.open).toBe(true));
    expect(within(block).getByText('Comments on this action (2)')).toBeTruthy();
    expect(within(block).getByText('1 new')).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('New')).toBeTruthy();
    expect(within(list).getByText('New comment from Sam Coordinator')).toBeTruthy();
    expect(within(list).queryByText('Not for this action')).toBeNull();
    // The whole report's comments: the read one can no longer be changed, and says by whom it was read.
    const reportSection = screen.getByRole('region', { name: 'Comments on the whole report (1)' });
    expect(within(reportSection).getByText(/Read by Sam Coordinator on .*: it can no longer be changed\./)).toBeTruthy();
    expect(within(reportSection).queryByRole('button', { name: 'Change' })).toBeNull();
  });

  it('marks a comment read only when asked, with the comment’s id', async () => {
    const app = renderComments();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mark as read: the comment from Sam Coordinator' }));
    await waitFor(() => expect(callsOf(app, 'comments:markRead')).toEqual([{ planId: 'plan1', quarter: 2, commentIds: ['c1'] }]));
    expect(callsOf(app, 'comments:markRead')).toHaveLength(1);
  });

  it('lets the author change an unread comment, or remove it after confirming', async () => {
    const app = renderComments();
    const user = userEvent.setup();
    const own = (await screen.findByText('Numbers follow next week.')).closest('article')!;
    expect(within(own).getByText(/Not read yet by the other side/)).toBeTruthy();
    await user.click(within(own).getByRole('button', { name: 'Change' }));
    const field = within(own).getByLabelText('Change your comment');
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.click(within(own).getByRole('button', { name: 'Save the change' }));
    expect(within(own).getByText('Write a comment before adding it.')).toBeTruthy();
    await user.type(field, '14 elders came.');
    await user.click(within(own).getByRole('button', { name: 'Save the change' }));
    await waitFor(() => expect(callsOf(app, 'comments:edit')).toEqual([{ commentId: 'c2', body: '14 elders came.' }]));

    await user.click(await within(own).findByRole('button', { name: 'Remove' }));
    expect(within(own).getByRole('group', { name: 'Remove this comment? The other side will not see it.' })).toBeTruthy();
    expect(document.activeElement).toBe(within(own).getByRole('button', { name: 'Keep it' }));
    await user.click(within(own).getByRole('button', { name: 'Remove it' }));
    await waitFor(() => expect(callsOf(app, 'comments:remove')).toEqual([{ commentId: 'c2' }]));
  });

  it("shows the core's refusal as its sentence when the comment was read meanwhile", async () => {
    renderComments('en', {
      'comments:edit': () => {
        throw new ApiError({ code: 'conflict', message: 'This comment was read by Sam Coordinator on 2026-09-12: it can no longer be changed or removed. Add a new comment instead.' });
      },
    });
    const user = userEvent.setup();
    const own = (await screen.findByText('Numbers follow next week.')).closest('article')!;
    await user.click(within(own).getByRole('button', { name: 'Change' }));
    await user.type(within(own).getByLabelText('Change your comment'), ' Thanks.');
    await user.click(within(own).getByRole('button', { name: 'Save the change' }));
    expect(await within(own).findByText(/it can no longer be changed or removed\. Add a new comment instead\./)).toBeTruthy();
    expect((within(own).getByLabelText('Change your comment') as HTMLTextAreaElement).value).toBe('Numbers follow next week. Thanks.');
  });

  it('adds a comment on the action, with its id, after asking for some text', async () => {
    const app = renderComments();
    const user = userEvent.setup();
    const block = (await screen.findByRole('list', { name: 'Comments on “Elders lunch”' })).closest('details')!;
    await user.click(within(block).getByRole('button', { name: 'Add the comment' }));
    expect(within(block).getByText('Write a comment before adding it.')).toBeTruthy();
    await user.type(within(block).getByLabelText('Your comment on this action'), 'Thank you.');
    await user.click(within(block).getByRole('button', { name: 'Add the comment' }));
    await waitFor(() => expect(callsOf(app, 'reports:comment')).toEqual([{ planId: 'plan1', quarter: 2, actionId: 'act1', body: 'Thank you.' }]));
  });

  it('speaks French, with no English left', async () => {
    renderComments('fr');
    const list = await screen.findByRole('list', { name: 'Commentaires sur «\u00a0Elders lunch\u00a0»' });
    expect(within(list).getByText('Nouveau')).toBeTruthy();
    expect(within(list).getByRole('button', { name: 'Marquer comme lu le commentaire de Sam Coordinator' })).toBeTruthy();
    expect(screen.getByText('1 nouveau')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Commentaires sur l’ensemble du rapport (1)' })).toBeTruthy();
    expect(screen.getByText(/Coordination territoriale/, { selector: 'p' })).toBeTruthy();
    for (const english of ['New', 'Mark as read', 'Change', 'Remove', 'Comments on', 'Read by']) expect(document.body.textContent).not.toContain(english);
  });

  it('sits in the progress row, and moving on to it from the fields saves the entry (as leaving the row does)', async () => {
    const app = setup({
      'plans:get': () => planFixture(),
      'progress:get': () => progressFixture(),
      'progress:record': () => entry('act1', 'on_track', 'Done.'),
      'reports:get': () => report([fromCoordinator]),
    });
    await app.store.getState().loadProgressForm('plan1', 2);
    app.renderIn(
      <CommentsProvider planId="plan1" quarter={2}>
        <ProgressRow action={action('act1', 'Check stops on the ice road')} readOnly={false} leadLabel={null} />
      </CommentsProvider>,
    );
    const user = userEvent.setup();
    await screen.findByText('1 new');
    await user.selectOptions(screen.getByLabelText('Status'), 'on_track');
    await user.type(screen.getByLabelText(/What happened/), 'Done.');
    await user.click(screen.getByLabelText('Next steps'));
    await user.tab();
    expect((document.activeElement as HTMLElement).tagName).toBe('SUMMARY');
    await waitFor(() => expect(callsOf(app, 'progress:record')).toHaveLength(1));
  });
});
