import { agreedPlan, addCommunity } from './reference-data';
import { exportBundle, importBundle, makeInstallation, type Installation } from './installations';

export interface CommunityPlan {
  community: string;
  actions: readonly string[];
}

/**
 * The territory of the hostile-bundle tests: a coordinator C makes an agreed 2025 plan for each
 * community and opens a revision of each; a field computer F and a victim V import C's full bundle
 * and each other's, so all three know every row and every key.
 */
export function threeInstallations<const P extends readonly CommunityPlan[]>(plans: P) {
  const C = makeInstallation('coord', { idPrefix: 'c' });
  const F = makeInstallation('field', { idPrefix: 'f' });
  const V = makeInstallation('victim', { idPrefix: 'v' });
  const communities = plans.map((p) => addCommunity(C, p.community));
  const agreed = plans.map((p, i) => agreedPlan(C, communities[i]!, 2025, [...p.actions]));
  for (const { plan } of agreed) C.must('plans:openRevision', { planId: plan.id, reason: 'Mid-year review' });
  const full = exportBundle(C, null);
  importBundle(F, full);
  importBundle(V, full);
  importBundle(V, exportBundle(F, null));
  importBundle(F, exportBundle(V, null));
  return {
    C,
    F,
    V,
    communities: communities as { [K in keyof P]: string },
    plans: agreed as { [K in keyof P]: ReturnType<typeof agreedPlan> },
  } satisfies { C: Installation; F: Installation; V: Installation; communities: readonly string[]; plans: readonly unknown[] };
}
