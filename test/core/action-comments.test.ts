import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, exportBundle, importBundle, type Installation, makeInstallation, refusalOf } from '../support';

/**
 * Issue 12 §5: comments on one action of a quarterly report, changed or removed by their author
 * until the other side has read them; "read" travels in bundles; the other side's unread comments
 * are counted for the home page. C: the coordinator; D: the community's detachment.
 */

let C: Installation;
let D: Installation;
let community: string;
let planId: string;
let actionIds: string[];

beforeEach(() => {
  C = makeInstallation('coord', { role: 'coordinator', idPrefix: 'c', now: '2025-08-10T12:00:00.000Z' });
  D = makeInstallation('det', { role: 'detachment', idPrefix: 'd', now: '2025-08-10T12:00:00.000Z' });
  community = addCommunity(C, 'Łutselk’e');
  const { plan, actions } = agreedPlan(C, community, 2025, ['Foot patrols', 'Elders lunch']);
  planId = plan.id;
  actionIds = actions.map((a) => a.id);
  D.must('installation:update', { scopeCommunityIds: [community] });
  importBundle(D, exportBundle(C, null));
  importBundle(C, exportBundle(D, C));
});

afterEach(() => {
  for (const inst of [C, D]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

const send = (from: Installation, to: Installation) => importBundle(to, exportBundle(from, to));

describe('comments on one action', () => {
  it('keeps a comment on one action apart from the whole report, with its author and role, and lists it as new for the other side only', () => {
    const onAction = C.must('reports:comment', { planId, quarter: 2, actionId: actionIds[1]!, body: '  Could you add how many elders came?  ' });
    C.clock.advance(1000);
    C.must('reports:comment', { planId, quarter: 2, body: 'Thanks for the report.' });
    expect(onAction).toMatchObject({ actionId: actionIds[1], body: 'Could you add how many elders came?', author: 'User of coord', authorRole: 'coordinator', readAt: null, fromOtherSide: false, isNew: false, editable: true });
    expect(C.must('comments:unread', {})).toEqual([]);

    send(C, D);
    const seen = D.must('reports:get', { planId, quarter: 2 }).comments;
    expect(seen.map((c) => [c.actionId, c.body, c.fromOtherSide, c.isNew, c.editable])).toEqual([
      [actionIds[1], 'Could you add how many elders came?', true, true, false],
      [null, 'Thanks for the report.', true, true, false],
    ]);
    expect(D.must('progress:get', { planId, quarter: 2 }).report.comments).toHaveLength(2);
    const unread = D.must('comments:unread', {});
    expect(unread.map((u) => [u.communityName, u.quarter, u.actionTitle, u.author])).toEqual([
      ['Łutselk’e', 2, null, 'User of coord'],
      ['Łutselk’e', 2, 'Elders lunch', 'User of coord'],
    ]);
  });

  it('lets the author change and remove a comment until the other side reads it, then refuses with a sentence', () => {
    const comment = C.must('reports:comment', { planId, quarter: 2, actionId: actionIds[0]!, body: 'How many patrols in July?' });
    const spare = C.must('reports:comment', { planId, quarter: 2, actionId: actionIds[0]!, body: 'Sent twice by mistake' });
    C.clock.advance(60_000);
    expect(C.must('comments:edit', { commentId: comment.id, body: 'How many foot patrols in July and August?' })).toMatchObject({ body: 'How many foot patrols in July and August?', editedAt: '2025-08-10T12:01:00.000Z', editable: true });
    expect(C.must('comments:remove', { commentId: spare.id })).toEqual({ removed: true });

    send(C, D);
    expect(D.must('reports:get', { planId, quarter: 2 }).comments.map((c) => c.body)).toEqual(['How many foot patrols in July and August?']);
    // The other side may not change it: it answers with its own comment.
    expect(refusalOf(D.call('comments:edit', { commentId: comment.id, body: 'x' }))).toMatchObject({ code: 'forbidden', message: 'Only its author (User of coord) can change or remove this comment; answer it with a comment of your own.' });
    D.clock.advance(3_600_000);
    const marked = D.must('comments:markRead', { planId, quarter: 2 });
    expect(marked[0]).toMatchObject({ readAt: '2025-08-10T13:00:00.000Z', readBy: 'User of det', fromOtherSide: true });
    expect(D.must('comments:unread', {})).toEqual([]);
    // Marking again changes nothing (the first reader is kept) and writes no change.
    const changesets = () => D.core.context.sqlite.prepare('SELECT count(*) FROM changesets').pluck().get();
    const before = changesets();
    D.clock.advance(1000);
    expect(D.must('comments:markRead', { planId, quarter: 2 })[0]!.readAt).toBe('2025-08-10T13:00:00.000Z');
    expect(changesets()).toBe(before);

    send(D, C);
    const read = C.must('reports:get', { planId, quarter: 2 }).comments[0]!;
    expect(read).toMatchObject({ readBy: 'User of det', editable: false });
    const sentence = 'This comment was read by User of det on 2025-08-10: it can no longer be changed or removed. Add a new comment instead.';
    expect(refusalOf(C.call('comments:edit', { commentId: comment.id, body: 'Changed after reading' }))).toMatchObject({ code: 'conflict', message: sentence });
    expect(refusalOf(C.call('comments:remove', { commentId: comment.id }))).toMatchObject({ code: 'conflict', message: sentence });
    C.must('installation:update', { locale: 'fr' });
    expect(refusalOf(C.call('comments:edit', { commentId: comment.id, body: 'x' })).message).toBe(
      'Ce commentaire a été lu par User of det le 2025-08-10\u00a0: il ne peut plus être modifié ni retiré. Ajoutez plutôt un nouveau commentaire.',
    );
    expect(C.must('reports:get', { planId, quarter: 2 }).comments[0]!.body).toBe('How many foot patrols in July and August?');
  });

  it("lets the detachment comment on its own community's action; the coordinator reads it; a side never marks its own comments read", () => {
    const answer = D.must('reports:comment', { planId, quarter: 2, actionId: actionIds[1]!, body: '14 elders came in July.' });
    expect(answer).toMatchObject({ authorRole: 'detachment', fromOtherSide: false, editable: true });
    expect(D.must('comments:markRead', { planId, quarter: 2 })[0]!.readAt).toBeNull();
    send(D, C);
    expect(C.must('comments:unread', {}).map((u) => [u.actionTitle, u.author])).toEqual([['Elders lunch', 'User of det']]);
    C.must('comments:markRead', { planId, quarter: 2, commentIds: [answer.id] });
    send(C, D);
    expect(D.must('reports:get', { planId, quarter: 2 }).comments[0]).toMatchObject({ readBy: 'User of coord', editable: false });
    expect(refusalOf(D.call('comments:remove', { commentId: answer.id })).code).toBe('conflict');
  });

  it("refuses a comment on another plan's action, another community's report, and a removed comment, each with a sentence", () => {
    const other = addCommunity(C, 'Hay River');
    const otherPlan = agreedPlan(C, other, 2025, ['Bike rodeo']);
    expect(refusalOf(C.call('reports:comment', { planId, quarter: 2, actionId: otherPlan.actions[0]!.id, body: 'Wrong place' }))).toMatchObject({
      code: 'invalid_input',
      message: 'This action is not part of this plan: a comment can only be about an action of the report it is left on.',
    });
    send(C, D);
    D.must('installation:update', { scopeCommunityIds: [community] });
    // D's profile is not certified: its scope is its profile's communities.
    expect(refusalOf(D.call('reports:comment', { planId: otherPlan.plan.id, quarter: 2, body: 'Not ours' })).code).toBe('forbidden');
    const gone = C.must('reports:comment', { planId, quarter: 2, body: 'Oops' });
    C.must('comments:remove', { commentId: gone.id });
    expect(refusalOf(C.call('comments:edit', { commentId: gone.id, body: 'x' }))).toMatchObject({ code: 'not_found', message: 'This comment no longer exists: it may have been removed by its author.' });
  });

  it('never marks "New" nor lets anyone change a comment from before version 3 (no author role): its reading was not tracked', () => {
    const old = C.must('reports:comment', { planId, quarter: 2, body: 'Written by the previous version' });
    C.core.context.sqlite.prepare('UPDATE report_comments SET author_role = NULL WHERE id = ?').run(old.id);
    expect(C.must('reports:get', { planId, quarter: 2 }).comments[0]).toMatchObject({ authorRole: 'coordinator', isNew: false, editable: false });
    expect(refusalOf(C.call('comments:edit', { commentId: old.id, body: 'x' })).message).toBe(
      'This comment was written by an earlier version of the planner, which did not record whether it was read: it can no longer be changed or removed. Add a new comment instead.',
    );
    expect(C.must('comments:unread', {})).toEqual([]);
  });

  it("puts a comment, its edit and its read mark in the community's partition", () => {
    const comment = C.must('reports:comment', { planId, quarter: 2, actionId: actionIds[0]!, body: 'Partition check' });
    send(C, D);
    D.must('comments:markRead', { planId, quarter: 2 });
    for (const inst of [C, D]) {
      const partition = inst.core.context.sqlite.prepare("SELECT partition FROM row_partitions WHERE table_name = 'reportComments' AND row_id = ?").pluck().get(comment.id);
      expect(partition, inst.label).toBe(community);
    }
    const methods = D.core.context.sqlite.prepare("SELECT method, partition FROM changesets WHERE method IN ('reports:comment', 'comments:markRead') ORDER BY method").all();
    expect(methods).toEqual([
      { method: 'comments:markRead', partition: community },
      { method: 'reports:comment', partition: community },
    ]);
  });
});
