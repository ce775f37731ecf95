import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { renderMessage } from '../../shared/core-messages';
import { type Authority, commentFieldVerdict, fieldRuleOf, fieldVerdict, mayChangeCommunity, maySign, methodVerdict, PERMISSIONS, ruleOf } from '../../shared/permissions';

const coordinator: Authority = { role: 'coordinator', communityIds: null, certified: true };
const office: Authority = { role: 'liaison', communityIds: ['dettah', 'ndilo'], certified: true };
const detachment: Authority = { role: 'detachment', communityIds: ['hay-river'], certified: false };

function reasonOf(verdict: ReturnType<typeof methodVerdict>, locale: 'en' | 'fr' = 'en'): string | null {
  return verdict.allowed ? null : renderMessage(verdict.reason, locale);
}

describe('the permission table', () => {
  it('has an entry for every method of the contract (a method without one is refused)', () => {
    const missing = METHOD_NAMES.filter((method) => ruleOf(method) === undefined);
    expect(missing, `methods of the contract with no entry in shared/permissions.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('refuses a method it does not list, saying so', () => {
    expect(ruleOf('themes:drop')).toBeUndefined();
    expect(reasonOf(methodVerdict('themes:drop', coordinator))).toBe('themes:drop is not in the permission table, so no computer may call it.');
    expect(ruleOf('toString')).toBeUndefined();
  });

  it('keeps territory reference data, commitments and enrolment for the coordinator, and says so in both languages', () => {
    for (const method of ['themes:create', 'communities:update', 'regions:retire', 'detachments:create', 'reference:import']) {
      expect(methodVerdict(method, coordinator).allowed, method).toBe(true);
      expect(reasonOf(methodVerdict(method, office)), method).toMatch(/^Only the territorial coordinator may change the territory's reference data/);
    }
    expect(reasonOf(methodVerdict('commitments:update', detachment))).toMatch(/^Only the territorial coordinator may create or change mandate commitments/);
    // Comments (issue 12) are the coordinator's and the plan's own community's: the community check decides.
    for (const method of ['reports:comment', 'comments:edit', 'comments:remove', 'comments:markRead']) expect(ruleOf(method), method).toEqual({ who: 'community' });
    expect(methodVerdict('reports:comment', office).allowed).toBe(true);
    expect(reasonOf(methodVerdict('enrolment:enrol', detachment))).toMatch(/^Only the territorial coordinator may enrol/);
  });

  it("keeps accepting or returning a quarterly report for the coordinator (issue 14 §4), and resubmitting for the community", () => {
    for (const method of ['reports:accept', 'reports:return']) {
      expect(methodVerdict(method, coordinator).allowed, method).toBe(true);
      expect(reasonOf(methodVerdict(method, office)), method).toBe('Only the territorial coordinator may accept or return a quarterly report.');
      expect(reasonOf(methodVerdict(method, detachment), 'fr'), method).toBe('Seule la coordination territoriale peut accepter ou renvoyer un rapport trimestriel.');
    }
    expect(ruleOf('reports:resubmit')).toEqual({ who: 'community' });
    // On import: a review row is the coordinator's alone, whatever its field; a resubmission is the community's.
    for (const field of ['decision', 'reason', 'reviewedBy', 'deletedAt']) expect(fieldVerdict('detachment', 'reportReviews', field, false).allowed, field).toBe(false);
    expect(fieldVerdict('coordinator', 'reportReviews', 'decision', false).allowed).toBe(true);
    expect(fieldVerdict('liaison', 'reportSubmissions', 'resubmittedAt', false).allowed).toBe(true);
  });

  it('lets every computer read, exchange bundles and start or join a territory', () => {
    for (const method of ['plans:get', 'communities:list', 'bundles:import', 'bundles:export', 'installation:setupState', 'territory:join', 'enrolment:writeRequest', 'enrolment:accept']) {
      expect(methodVerdict(method, office).allowed, method).toBe(true);
    }
  });

  it('lets a computer trust another by fingerprint only while not enrolled, unless it is the coordinator', () => {
    expect(methodVerdict('peers:trust', detachment).allowed).toBe(true);
    expect(methodVerdict('peers:trust', office).allowed).toBe(false);
    expect(methodVerdict('peers:trust', coordinator).allowed).toBe(true);
  });

  it('names the communities a computer is certified for, and whose plans it may not change', () => {
    expect(mayChangeCommunity(office, { id: 'dettah', name: 'Dettah' }, ['Dettah', 'Ndilǫ']).allowed).toBe(true);
    const refused = mayChangeCommunity(office, { id: 'hay-river', name: 'Hay River' }, ['Dettah', 'Ndilǫ']);
    expect(reasonOf(refused)).toBe("This computer is certified for Dettah and Ndilǫ only: Hay River's plans are changed by its own computers or the coordinator.");
    expect(reasonOf(refused, 'fr')).toBe('Cet ordinateur est certifié pour Dettah et Ndilǫ seulement\u00a0: les plans de Hay River sont modifiés par ses propres ordinateurs ou par la coordination territoriale.');
    expect(mayChangeCommunity(coordinator, { id: 'hay-river', name: 'Hay River' }, []).allowed).toBe(true);
  });

  it('lets each side sign only its own block, or the coordinator both', () => {
    expect(maySign('liaison', 'community').allowed).toBe(true);
    expect(reasonOf(maySign('liaison', 'detachment'))).toBe('Only the detachment or the coordinator may sign for the detachment.');
    expect(reasonOf(maySign('detachment', 'community'))).toBe('Only the community office or the coordinator may sign for the community.');
    expect(reasonOf(maySign('detachment', 'community'), 'fr')).toBe('Seuls le bureau communautaire ou la coordination territoriale peuvent signer pour la collectivité.');
    expect(maySign('coordinator', 'community').allowed && maySign('coordinator', 'detachment').allowed).toBe(true);
  });
});

describe('the op-level table for imported changes', () => {
  it('gives territory tables and sign-off fields their rule; the rest (report comments too) is the community check', () => {
    expect(fieldRuleOf('themes', 'nameFr')).toEqual({ who: 'coordinator', about: 'reference' });
    expect(fieldRuleOf('milestones', 'status')).toEqual({ who: 'coordinator', about: 'commitments' });
    expect(fieldRuleOf('reportComments', 'body')).toEqual({ who: 'community' });
    expect(fieldRuleOf('plans', 'detachmentSignedOn')).toEqual({ who: 'side', side: 'detachment' });
    expect(fieldRuleOf('plans', 'title')).toEqual({ who: 'community' });
    expect(fieldRuleOf('progressEntries', 'narrative')).toEqual({ who: 'community' });
  });

  it('judges a field by the role of whoever wrote it', () => {
    expect(fieldVerdict('liaison', 'plans', 'communitySignatory', false).allowed).toBe(true);
    expect(fieldVerdict('liaison', 'plans', 'detachmentSignatory', false).allowed).toBe(false);
    expect(fieldVerdict('detachment', 'themes', 'nameEn', true).allowed).toBe(false);
    expect(fieldVerdict('detachment', 'organisations', 'name', false).allowed).toBe(true);
    expect(fieldVerdict('detachment', 'organisations', 'name', true).allowed).toBe(false);
    expect(fieldVerdict('coordinator', 'reportComments', 'body', false).allowed).toBe(true);
    expect(fieldVerdict('detachment', 'reportComments', 'body', false).allowed).toBe(true);
  });

  it("holds a comment's author role and read marks to the side of whoever wrote them", () => {
    expect(commentFieldVerdict('detachment', 'authorRole', 'detachment', 'detachment').allowed).toBe(true);
    expect(commentFieldVerdict('liaison', 'authorRole', 'detachment', 'detachment').allowed).toBe(true);
    expect(reasonOf(commentFieldVerdict('liaison', 'authorRole', 'coordinator', 'coordinator'))).toBe("A comment written on a community's computer cannot be given as the territorial coordinator's.");
    expect(commentFieldVerdict('detachment', 'readAt', '2026-08-01T00:00:00.000Z', 'coordinator').allowed).toBe(true);
    expect(commentFieldVerdict('detachment', 'readAt', '2026-08-01T00:00:00.000Z', null).allowed).toBe(true); // before version 3: the coordinator's
    expect(reasonOf(commentFieldVerdict('detachment', 'readBy', 'Sgt. Okpik', 'liaison'), 'fr')).toBe(
      'Seul l’autre côté peut marquer un commentaire comme lu\u00a0: la coordination ceux de la collectivité, la collectivité ceux de la coordination.',
    );
    expect(commentFieldVerdict('coordinator', 'readAt', '2026-08-01T00:00:00.000Z', 'detachment').allowed).toBe(true);
    expect(commentFieldVerdict('detachment', 'readAt', null, 'detachment').allowed).toBe(true); // an empty mark on creation
  });

  it('lists only rules the core knows', () => {
    for (const [method, rule] of Object.entries(PERMISSIONS)) expect(['anyone', 'coordinator', 'community', 'community-or-territory', 'sign-off', 'profile', 'trust'], method).toContain(rule.who);
  });
});
