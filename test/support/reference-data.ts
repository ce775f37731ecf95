/** Reference data and a ready plan, written straight through the change log as a coordinator's import would. */
import { change } from '../../electron/core/changelog/core-context';
import { deterministicId, naturalIds } from '../../electron/core/changelog/deterministic-id';
import type { MethodRawInput } from '../../shared/contract';
import type { Role } from '../../shared/vocabulary';
import type { TestCore } from './test-core';

/** Adds a community (and optionally its detachment) as reference data. */
export function addCommunity(t: TestCore, name: string, opts: { region?: string; detachment?: string | null } = {}): string {
  const id = deterministicId('community', name);
  change(t.core.context, 'test:seed', (w) => {
    let detachmentId: string | null = null;
    if (opts.detachment) {
      detachmentId = deterministicId('detachment', opts.detachment);
      w.upsert('detachments', { id: detachmentId, name: opts.detachment, communityId: null });
    }
    w.insert('communities', { id, name, region: opts.region ?? 'North Slave', hasDetachment: opts.detachment !== undefined && opts.detachment !== null, servedByDetachmentId: detachmentId });
  });
  return id;
}

export function addTheme(t: TestCore, code: string, nameEn = code, nameFr = code): string {
  const id = naturalIds.theme(code);
  change(t.core.context, 'test:seed', (w) => w.insert('themes', { id, code, nameEn, nameFr }));
  return id;
}

export function addCommitment(t: TestCore, number: string, title = `Commitment ${number}`): string {
  const id = naturalIds.commitment('commitment', number);
  change(t.core.context, 'test:seed', (w) =>
    w.insert('commitments', { id, kind: 'commitment', number, title, leadDepartment: 'Justice', priorityArea: null, status: 'underway_on_track', relatedCommitmentIds: [] }),
  );
  return id;
}

/** A plan with one priority holding the given actions, agreed and active. */
export function agreedPlan(t: TestCore, communityId: string, fiscalYear: number, actionTitles: string[]) {
  const plan = t.must('plans:create', { communityId, fiscalYear });
  const priority = t.must('priorities:add', { planId: plan.id, title: 'Reduce impaired driving', zone: 'prevention' });
  const actions = actionTitles.map((title) => t.must('actions:add', { priorityId: priority.id, title, owner: 'joint', plannedQuarters: [1, 2, 3, 4] }));
  const indicator = t.must('indicators:add', { priorityId: priority.id, name: 'Impaired driving charges', unit: 'charges', baseline: 12, target: 6, direction: 'decrease' });
  signBothSides(t, {
    planId: plan.id,
    communitySignatory: 'Chief Mary Kodakin',
    communitySignedOn: `${fiscalYear}-03-20`,
    detachmentSignatory: 'Sgt. Paul Martin',
    detachmentSignedOn: `${fiscalYear}-03-21`,
  });
  t.must('plans:activate', { planId: plan.id });
  return { plan, priority, actions, indicator };
}

/**
 * Signs both blocks of a plan as the two sides would: each block by the role that may enter it
 * (shared/permissions.ts). On a database not enrolled the profile's role is switched for the other
 * side's block and put back; a coordinator signs both at once.
 */
export function signBothSides(t: TestCore, input: Required<MethodRawInput<'plans:agree'>>) {
  const { role } = t.must('installation:get', {});
  if (role === 'coordinator') return t.must('plans:agree', input);
  const blocks: Record<'liaison' | 'detachment', Partial<MethodRawInput<'plans:agree'>>> = {
    liaison: { communitySignatory: input.communitySignatory, communitySignedOn: input.communitySignedOn },
    detachment: { detachmentSignatory: input.detachmentSignatory, detachmentSignedOn: input.detachmentSignedOn },
  };
  const other: Role = role === 'liaison' ? 'detachment' : 'liaison';
  t.must('plans:agree', { planId: input.planId, ...blocks[role] });
  t.must('installation:update', { role: other });
  try {
    return t.must('plans:agree', { planId: input.planId, ...blocks[other as 'liaison' | 'detachment'] });
  } finally {
    t.must('installation:update', { role });
  }
}
