/** The reference lists the plan editor labels things with: themes, people, partners, commitments. */
import { useMemo } from 'react';
import type { Commitment, Organisation, Person, Theme } from '../../../shared/domain';
import type { Locale } from '../../../shared/vocabulary';
import { useCall, usePlanner } from '../../app/store-context';

export interface PlanReference {
  themes: Theme[];
  people: Person[];
  organisations: Organisation[];
  /** Everyone, for names and for choices already made outside this community. */
  allPeople: Person[];
  allOrganisations: Organisation[];
  commitments: Commitment[];
  themeName(id: string): string;
  personName(id: string | null): string | null;
  organisationName(id: string): string;
  commitment(id: string): Commitment | undefined;
  locale: Locale;
  /** Reads the people and organisations again (after one was added from a dialog). */
  reloadPeopleAndOrganisations(): void;
}

export function themeLabel(theme: Pick<Theme, 'nameEn' | 'nameFr'>, locale: Locale): string {
  return locale === 'fr' ? theme.nameFr : theme.nameEn;
}

export function usePlanReference(communityId: string | null): PlanReference {
  const locale = usePlanner((s) => s.locale);
  const themes = useCall('themes:list', {}, { live: false });
  const people = useCall('people:list', communityId ? { communityId } : null, { live: false });
  const organisations = useCall('organisations:list', communityId ? { communityId } : null, { live: false });
  // Names are looked up among everyone: a partner or lead may belong to another community (the
  // detachment serving this one, say), and must still show by name, never as an id.
  const allPeople = useCall('people:list', {}, { live: false });
  const allOrganisations = useCall('organisations:list', {}, { live: false });
  const commitments = useCall('commitments:list', {}, { live: false });
  return useMemo(() => {
    const t = themes.data ?? [];
    const p = people.data ?? [];
    const o = organisations.data ?? [];
    const c = commitments.data ?? [];
    const themeById = new Map(t.map((x) => [x.id, x]));
    const personById = new Map([...(allPeople.data ?? []), ...p].map((x) => [x.id, x]));
    const orgById = new Map([...(allOrganisations.data ?? []), ...o].map((x) => [x.id, x]));
    const commitmentById = new Map(c.map((x) => [x.id, x]));
    return {
      themes: [...t].sort((a, b) => themeLabel(a, locale).localeCompare(themeLabel(b, locale), locale)),
      people: p,
      organisations: o,
      allPeople: allPeople.data ?? [],
      allOrganisations: allOrganisations.data ?? [],
      commitments: c,
      themeName: (id) => {
        const theme = themeById.get(id);
        return theme ? themeLabel(theme, locale) : id;
      },
      personName: (id) => (id ? personById.get(id)?.name ?? null : null),
      organisationName: (id) => orgById.get(id)?.name ?? id,
      commitment: (id) => commitmentById.get(id),
      locale,
      reloadPeopleAndOrganisations: () => {
        people.reload();
        organisations.reload();
        allPeople.reload();
        allOrganisations.reload();
      },
    };
    // The reload functions are stable enough: a stale one still reloads the same call.
  }, [themes.data, people.data, organisations.data, allPeople.data, allOrganisations.data, commitments.data, locale]);
}
