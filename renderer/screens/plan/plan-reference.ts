/** The reference lists the plan editor labels things with: themes, people, partners, commitments. */
import { useMemo } from 'react';
import type { Commitment, Organisation, Person, Theme } from '../../../shared/domain';
import type { Locale } from '../../../shared/vocabulary';
import { useCall, usePlanner } from '../../state/store-context';

export interface PlanReference {
  themes: Theme[];
  people: Person[];
  organisations: Organisation[];
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
  const commitments = useCall('commitments:list', {}, { live: false });
  return useMemo(() => {
    const t = themes.data ?? [];
    const p = people.data ?? [];
    const o = organisations.data ?? [];
    const c = commitments.data ?? [];
    const themeById = new Map(t.map((x) => [x.id, x]));
    const personById = new Map(p.map((x) => [x.id, x]));
    const orgById = new Map(o.map((x) => [x.id, x]));
    const commitmentById = new Map(c.map((x) => [x.id, x]));
    return {
      themes: [...t].sort((a, b) => themeLabel(a, locale).localeCompare(themeLabel(b, locale), locale)),
      people: p,
      organisations: o,
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
      },
    };
    // The reload functions are stable enough: a stale one still reloads the same call.
  }, [themes.data, people.data, organisations.data, commitments.data, locale]);
}
