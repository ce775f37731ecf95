import { afterEach, describe, expect, it } from 'vitest';
import { addCommitment, addCommunity, agreedPlan, makeCore, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

const changesets = (t: TestCore) =>
  t.core.context.sqlite.prepare('SELECT origin, partition, seq, actor, method FROM changesets ORDER BY rowid').all() as Array<{ origin: string; partition: string; seq: number; actor: string; method: string }>;

describe('the change log', () => {
  it('records every save as one changeset per partition: who, on which installation, when, numbered in order per (origin, partition)', () => {
    t = makeCore();
    const me = t.must('installation:get', {});
    const enterprise = addCommunity(t, 'Enterprise');
    const plan = t.must('plans:create', { communityId: enterprise, fiscalYear: 2025 });
    t.must('plans:update', { planId: plan.id, summary: 'Agreed with council in March' });
    const sets = changesets(t);
    expect(sets.slice(-2)).toEqual([
      { origin: me.installationId, partition: enterprise, seq: 1, actor: 'Cst. Test', method: 'plans:create' },
      { origin: me.installationId, partition: enterprise, seq: 2, actor: 'Cst. Test', method: 'plans:update' },
    ]);
    // The community list is territory data: its own sequence.
    const territory = sets.filter((s) => s.partition === 'territory');
    expect(territory.length).toBeGreaterThan(0);
    expect(territory.map((s) => s.seq)).toEqual(territory.map((_, i) => i + 1));
  });

  it('records only the fields that changed, and nothing at all when nothing changed', () => {
    t = makeCore();
    const plan = t.must('plans:create', { communityId: addCommunity(t, 'Enterprise'), fiscalYear: 2025 });
    const before = changesets(t).length;
    t.must('plans:update', { planId: plan.id, title: plan.title, summary: 'New summary' });
    t.must('plans:update', { planId: plan.id, title: plan.title });
    expect(changesets(t).length).toBe(before + 1);
    const [last] = t.must('history:recent', { limit: 1 });
    expect(last!.ops).toEqual([{ table: 'plans', rowId: plan.id, field: 'summary', value: 'New summary' }]);
  });

  it('writes the data and its log in one transaction: a refused change leaves neither', () => {
    t = makeCore();
    const community = addCommunity(t, 'Enterprise');
    const count = () => (t.core.context.sqlite.prepare('SELECT count(*) AS n FROM change_ops').get() as { n: number }).n;
    const before = count();
    expect(t.core.invoke('plans:copyForward', { planId: 'missing' }).ok).toBe(false);
    expect(() =>
      t.core.context.recorder.change({ installationId: 'x', userName: 'y' }, 'test', (w) => {
        w.insert('plans', { id: 'p1', communityId: community, fiscalYear: 2030, title: 'T', status: 'draft' });
        throw new Error('crash midway');
      }),
    ).toThrow('crash midway');
    expect(count()).toBe(before);
    expect(t.core.context.sqlite.prepare("SELECT count(*) AS n FROM plans WHERE id = 'p1'").get()).toEqual({ n: 0 });
  });

  it('refuses fields outside the replicated-field registry', () => {
    t = makeCore();
    expect(() =>
      t.core.context.recorder.change({ installationId: 'x', userName: 'y' }, 'test', (w) => w.insert('themes', { id: 'th', code: 'c', nameEn: 'e', nameFr: 'f', colour: 'red' } as never)),
    ).toThrow(/not in the replicated-field registry/);
  });

  it('shows the history of one row, newest first', () => {
    t = makeCore();
    const { actions } = agreedPlan(t, addCommunity(t, 'Dettah'), 2025, ['Patrols']);
    const entry = t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'one' });
    t.clock.advance(5000);
    t.must('progress:record', { actionId: actions[0]!.id, quarter: 1, status: 'at_risk', narrative: 'two' });
    const history = t.must('history:recent', { rowId: entry.id });
    expect(history.map((h) => h.ops.filter((o) => o.field === 'narrative').map((o) => o.value))).toEqual([['two'], ['one']]);
  });
});

describe('commitments', () => {
  it('shows what links to a commitment and how many communities have an agreed plan each year', () => {
    t = makeCore();
    const commitment = addCommitment(t, '4.4.2', 'Support policing action plans in each community');
    const first = addCommunity(t, 'Ulukhaktok');
    addCommunity(t, 'Sachs Harbour');
    const { priority, plan } = agreedPlan(t, first, 2025, ['Patrols']);
    t.must('plans:openRevision', { planId: plan.id, reason: 'Link the commitment' });
    t.must('actions:add', { priorityId: priority.id, title: 'Write the plan with council', owner: 'joint', commitmentIds: [commitment] });
    const detail = t.must('commitments:get', { commitmentId: commitment });
    expect(detail.linkedActions).toMatchObject([{ actionTitle: 'Write the plan with council', communityName: 'Ulukhaktok', fiscalYear: 2025 }]);
    expect(detail.plansByYear).toEqual([{ fiscalYear: 2025, communitiesWithAgreedPlan: 1, communityCount: 2 }]);
    t.must('installation:update', { role: 'coordinator' }); // commitments are the coordinator's
    expect(t.must('commitments:update', { commitmentId: commitment, status: 'completed' }).status).toBe('completed');
    expect(t.must('commitments:list', {}).map((c) => c.number)).toEqual(['4.4.2']);
  });
});
