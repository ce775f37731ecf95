/**
 * Issue 14 §2 on the wire: a published practice is territory data, so it reaches every enrolled
 * computer; a community's unpublished proposal (it may name people) travels only to that
 * community's computers and the coordinator, and never on to another community, even relayed.
 *
 * Cast: startTerritory() — a coordinator, a detachment for Łutselk’e, a community office for Behchokǫ̀.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath } from '../support';
import { type Computer, startTerritory, type Territory } from './support/territory';

let t: Territory;
beforeAll(() => {
  t = startTerritory('pp');
});
afterAll(() => {
  for (const c of [t.coordinator, t.detachment, t.office]) c.core.close();
});

const idOf = (c: Computer) => c.must('sync:whoami', {}).installationId;
function send(from: Computer, to: Computer): void {
  const file = bundlePath(from, `${from.label}-to-${to.label}`);
  from.must('bundles:export', { to: idOf(to), file, encrypt: false });
  to.must('bundles:import', { file, trustNewSender: true });
}
const heldProposals = (c: Computer) => c.core.context.sqlite.prepare('SELECT title FROM practice_proposals').pluck().all() as string[];

describe('promising practices between computers', () => {
  it("a proposal reaches the coordinator only; the accepted practice reaches every computer, with the same digest of the territory", () => {
    const { coordinator: C, detachment: D, office: O, communities } = t;
    D.must('practices:propose', { communityId: communities.lutselke, title: 'Land camp with Elder Marie B.', whatWasDone: 'Three days on the land.', status: 'tried_once' });
    send(D, C);
    // The coordinator relays everything it may to the community office: not Łutselk’e's proposal.
    send(C, O);
    expect(heldProposals(C)).toEqual(['Land camp with Elder Marie B.']);
    expect(heldProposals(O)).toEqual([]);
    // An attempt by the office to propose for Łutselk’e is refused at its own core.
    expect(O.call('practices:propose', { communityId: communities.lutselke, title: 'x', whatWasDone: 'y', status: 'tried_once' }).ok).toBe(false);

    const [proposal] = C.must('practices:proposals', { waitingOnly: true });
    const { practice } = C.must('practices:accept', { proposalId: proposal!.id, title: 'Land camps with elders' });
    send(C, O);
    send(C, D);
    for (const c of [C, D, O]) expect(c.must('practices:list', {}).map((p) => [p.id, p.title])).toEqual([[practice.id, 'Land camps with elders']]);
    expect(D.must('practices:proposals', {})).toMatchObject([{ decision: 'accepted', practiceId: practice.id }]);
    expect(heldProposals(O)).toEqual([]);
    const territoryDigest = (c: Computer) => c.must('sync:digest', {}).partitions.territory;
    expect(territoryDigest(O)).toBe(territoryDigest(C));
    expect(territoryDigest(D)).toBe(territoryDigest(C));
  });
});
