import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommunity, agreedPlan, exportBundle, importBundle, type Installation, makeInstallation, refusalOf } from '../support';

/**
 * Issue 14 §4: the coordinator C accepts or returns a submitted quarterly report; the community's
 * detachment D amends a returned report and resubmits it. One world for the whole file (each step
 * builds on the last, as the quarter does): Q1 of FY 2025–26 ends 2025-06-30, due 2025-07-30.
 * D submits on time (07-10); C returns it (07-20); D amends and resubmits after the due date
 * (08-05): still on time, from the first submission; C accepts (08-06); a later change by D is an
 * amendment made after acceptance.
 */

let C: Installation;
let D: Installation;
let community: string;
let planId: string;
let actionIds: string[];

const send = (from: Installation, to: Installation) => importBundle(to, exportBundle(from, to));
const at = (inst: Installation, now: string) => inst.clock.set(now);
const REASON = 'Please say how many checkstops were held and where.\n\nThe council asked for “the numbers”, line by line:\n  – ice road\n  – town';

beforeAll(() => {
  C = makeInstallation('coord', { role: 'coordinator', idPrefix: 'c', now: '2025-04-02T12:00:00.000Z' });
  D = makeInstallation('det', { role: 'detachment', idPrefix: 'd', now: '2025-04-02T12:00:00.000Z' });
  community = addCommunity(C, 'Łutselk’e');
  const { plan, actions } = agreedPlan(C, community, 2025, ['Checkstops', 'Elders lunch']);
  planId = plan.id;
  actionIds = actions.map((a) => a.id);
  D.must('installation:update', { scopeCommunityIds: [community] });
  importBundle(D, exportBundle(C, null));
  send(D, C);
  at(D, '2025-07-10T15:00:00.000Z');
  for (const actionId of actionIds) D.must('progress:record', { actionId, quarter: 1, status: 'on_track', narrative: 'Held as planned.' });
  D.must('reports:submit', { planId, quarter: 1 });
  send(D, C);
});

afterAll(() => {
  for (const inst of [C, D]) {
    inst?.core.close();
    if (inst) fs.rmSync(inst.dir, { recursive: true, force: true });
  }
});

const cellOf = (inst: Installation) => inst.must('completeness:matrix', { fiscalYear: 2025 }).rows.find((r) => r.communityId === community)!.cells[0]!;

describe('the coordinator accepts or returns a quarter', () => {
  it('shows a submitted report waiting for review, on both computers', () => {
    expect(C.must('reports:get', { planId, quarter: 1 }).review).toMatchObject({ status: 'submitted', reviews: [], latest: null });
    expect(cellOf(C)).toMatchObject({ state: 'on_time', review: { status: 'submitted', on: '2025-07-10T15:00:00.000Z', by: 'User of det', reason: null } });
    expect(cellOf(D).review?.status).toBe('submitted');
  });

  it('refuses accepting, returning or resubmitting from anyone but whom it belongs to, with a sentence, changing nothing', () => {
    const accept = refusalOf(D.call('reports:accept', { planId, quarter: 1 }));
    expect(accept).toMatchObject({ code: 'forbidden', message: 'Only the territorial coordinator may accept or return a quarterly report.' });
    expect(refusalOf(D.call('reports:return', { planId, quarter: 1, reason: 'x' })).message).toBe(accept.message);
    // Nothing to resubmit: it was not returned.
    expect(refusalOf(D.call('reports:resubmit', { planId, quarter: 1 })).message).toBe(
      'Only a report the coordinator returned can be resubmitted; the FY 2025–26 Q1 report is submitted, waiting for review.',
    );
    // Nothing submitted yet for Q2.
    expect(refusalOf(C.call('reports:accept', { planId, quarter: 2 })).message).toBe('The FY 2025–26 Q2 report has not been submitted yet: there is nothing to accept or return.');
    // A return needs its reason.
    expect(refusalOf(C.call('reports:return', { planId, quarter: 1, reason: '   ' }))).toMatchObject({
      code: 'invalid_input',
      message: 'Say why the report is returned: the community reads this reason on its home page before amending the report.',
    });
    expect(C.must('reports:get', { planId, quarter: 1 }).review?.status).toBe('submitted');
  });

  it('returns a report with its reason kept whole; the detachment sees it once the bundle arrives', () => {
    at(C, '2025-07-20T14:00:00.000Z');
    const returned = C.must('reports:return', { planId, quarter: 1, reason: REASON });
    expect(returned.review).toMatchObject({ status: 'returned', latest: { decision: 'returned', reason: REASON, reviewedBy: 'User of coord', reviewedAt: '2025-07-20T14:00:00.000Z' } });
    // Waiting for the community: the coordinator cannot review it again yet.
    expect(refusalOf(C.call('reports:accept', { planId, quarter: 1 })).message).toBe(
      'The FY 2025–26 Q1 report was returned on 2025-07-20 by User of coord: it can be reviewed again once the community resubmits it.',
    );
    expect(D.must('reports:get', { planId, quarter: 1 }).review?.status).toBe('submitted');
    send(C, D);
    expect(D.must('reports:get', { planId, quarter: 1 }).review?.latest?.reason).toBe(REASON);
    expect(cellOf(D)).toMatchObject({ state: 'on_time', review: { status: 'returned', on: '2025-07-20T14:00:00.000Z', by: 'User of coord', reason: REASON } });
  });

  it('lets the detachment amend and resubmit; on time stays measured from the first submission', () => {
    at(D, '2025-08-05T10:00:00.000Z');
    D.must('progress:record', { actionId: actionIds[0]!, quarter: 1, status: 'on_track', narrative: 'Six checkstops: four on the ice road, two in town.' });
    const amended = D.must('progress:get', { planId, quarter: 1 }).rows[0]!.entry!;
    expect(amended.amendments?.map((a) => [a.amendedBy, a.previousNarrative])).toEqual([['User of det', 'Held as planned.']]);
    const resubmitted = D.must('reports:resubmit', { planId, quarter: 1 });
    expect(resubmitted).toMatchObject({ submittedAt: '2025-07-10T15:00:00.000Z', review: { status: 'resubmitted', resubmittedBy: 'User of det', resubmittedAt: '2025-08-05T10:00:00.000Z' } });
    send(D, C);
    // After the due date (2025-07-30), yet on time: the first submission counts.
    expect(cellOf(C)).toMatchObject({ state: 'on_time', submittedAt: '2025-07-10T15:00:00.000Z', review: { status: 'resubmitted', on: '2025-08-05T10:00:00.000Z', by: 'User of det' } });
  });

  it('accepts a resubmitted report; the quarter is locked: a later change is an amendment shown as after acceptance', () => {
    at(C, '2025-08-06T09:00:00.000Z');
    const accepted = C.must('reports:accept', { planId, quarter: 1 });
    expect(accepted.review?.status).toBe('accepted');
    expect(accepted.review?.reviews.map((r) => r.decision)).toEqual(['returned', 'accepted']);
    expect(refusalOf(C.call('reports:return', { planId, quarter: 1, reason: 'One more thing' })).message).toBe(
      'The FY 2025–26 Q1 report was accepted on 2025-08-06 by User of coord: the quarter is locked, and later changes are recorded as amendments.',
    );
    send(C, D);
    expect(cellOf(D).review).toMatchObject({ status: 'accepted', on: '2025-08-06T09:00:00.000Z', by: 'User of coord', reason: null });
    at(D, '2025-08-20T09:00:00.000Z');
    D.must('progress:record', { actionId: actionIds[1]!, quarter: 1, status: 'completed', narrative: 'Lunch held with 30 elders.' });
    send(D, C);
    const report = C.must('reports:get', { planId, quarter: 1 });
    expect(report.review).toMatchObject({ status: 'accepted', amendedAfterAcceptance: { amendedAt: '2025-08-20T09:00:00.000Z', amendedBy: 'User of det' } });
    expect(cellOf(C)).toMatchObject({ state: 'on_time', amended: { on: '2025-08-20T09:00:00.000Z', by: 'User of det' }, review: { status: 'accepted' } });
  });

  it('says so in French', () => {
    D.must('installation:update', { locale: 'fr' });
    try {
      expect(refusalOf(D.call('reports:accept', { planId, quarter: 1 })).message).toBe('Seule la coordination territoriale peut accepter ou renvoyer un rapport trimestriel.');
      expect(refusalOf(D.call('reports:resubmit', { planId, quarter: 1 })).message).toBe(
        'Seul un rapport renvoyé par la coordination peut être remis de nouveau; le rapport du T1 de l’EF 2025-2026 est accepté.',
      );
    } finally {
      D.must('installation:update', { locale: 'en' });
    }
  });
});
