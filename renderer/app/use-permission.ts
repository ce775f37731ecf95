/**
 * What this computer may do, read from the one permission table (shared/permissions.ts) and the
 * profile's role and communities, so a screen can hide or disable what the core would refuse and
 * say why — in the very sentence the core would answer with.
 */
import { type MessageRef, msg, renderMessage } from '../../shared/core-messages';
import type { InstallationProfile } from '../../shared/domain';
import { type Authority, mayChangeCommunity, maySign, methodVerdict, ruleOf, type SignOffSide, type Verdict } from '../../shared/permissions';
import type { Locale } from '../../shared/vocabulary';
import { useCall, usePlanner } from './store-context';

export interface Permission {
  allowed: boolean;
  /** Why not, as a sentence in the language on screen; null when allowed (or while the profile loads). */
  reason: string | null;
}

/** The profile's authority; once enrolled the profile carries its certificate's serial (helper C's enrolment). */
export function authorityOf(profile: InstallationProfile): Authority {
  const certified = (profile as InstallationProfile & { certificateSerial?: string | null }).certificateSerial != null;
  const scope = profile.scopeCommunityIds;
  // As the core reads it: a database not enrolled whose profile names no community works for all.
  const communityIds = profile.role === 'coordinator' || (!certified && scope.length === 0) ? null : scope;
  return { role: profile.role, communityIds, certified };
}

function asPermission(verdict: Verdict, locale: Locale): Permission {
  return verdict.allowed ? { allowed: true, reason: null } : { allowed: false, reason: render(verdict.reason, locale) };
}

function render(ref: MessageRef, locale: Locale): string {
  return renderMessage(ref, locale);
}

/**
 * Whether this computer may call `method`, on a target of `community` when the method's rule is
 * about communities. Allowed while the profile is loading (the core still decides).
 */
export function usePermission(method: string, community?: { id: string; name: string } | null): Permission {
  const profile = usePlanner((s) => s.profile);
  const locale = usePlanner((s) => s.locale);
  const authority = profile ? authorityOf(profile) : null;
  const rule = ruleOf(method);
  const needsCommunity = !!authority && !!community && authority.communityIds !== null && !authority.communityIds.includes(community.id) && rule !== undefined && rule.who !== 'anyone' && rule.who !== 'coordinator';
  // The names of this computer's communities, only when a refusal has to name them.
  const communities = useCall('communities:list', needsCommunity ? {} : null, { live: false });
  if (!authority) return { allowed: true, reason: null };
  const verdict = methodVerdict(method, authority);
  if (!verdict.allowed) return asPermission(verdict, locale);
  if (needsCommunity && community) {
    const names = authority.communityIds!.map((id) => communities.data?.find((c) => c.id === id)?.name ?? id);
    return asPermission(mayChangeCommunity(authority, community, names), locale);
  }
  return { allowed: true, reason: null };
}

/** Whether this computer may enter a plan's sign-off block for this side. */
export function useSignOffPermission(side: SignOffSide): Permission {
  const profile = usePlanner((s) => s.profile);
  const locale = usePlanner((s) => s.locale);
  if (!profile) return { allowed: true, reason: null };
  return asPermission(maySign(profile.role, side), locale);
}

/**
 * Whether Settings may change this computer's role and communities: not once enrolled (they come
 * from its certificate), with the sentence the core would refuse with. For the Settings screen.
 */
export function useProfileLock(): Permission {
  const profile = usePlanner((s) => s.profile);
  const locale = usePlanner((s) => s.locale);
  if (!profile || !authorityOf(profile).certified) return { allowed: true, reason: null };
  return { allowed: false, reason: render(msg('permission.profileCertified'), locale) };
}
