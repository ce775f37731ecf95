import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/domain';
import { App } from '../../renderer/app/App';
import { setup } from './support/render-app';

const records: ChangeRecord[] = [
  {
    changesetId: 'c1',
    seq: 3,
    at: '2026-09-14T17:00:00.000Z',
    actor: 'Noel Jerome',
    installationId: 'inst1',
    summary: 'progress:record',
    subject: 'Patrols — FY 2026–27 Q2',
    place: { communityName: 'Łutselk’e', fiscalYear: 2026, quarter: 2 },
    ops: [{ table: 'progressEntries', rowId: 'p1', field: 'status', value: 'on_track' }],
  },
  {
    changesetId: 'c2',
    seq: 2,
    at: '2026-09-13T17:00:00.000Z',
    actor: 'Nora Adams',
    installationId: 'inst2',
    summary: 'milestones:create',
    subject: 'Camp opens',
    place: null,
    ops: [{ table: 'milestones', rowId: 'm1', field: 'title', value: 'Camp opens' }],
  },
];

const handlers = {
  'history:recent': () => records,
  'completeness:matrix': () => ({ fiscalYear: 2026, rows: [] }) as never,
  'communities:list': () => [],
};

async function renderHome(locale: 'en' | 'fr') {
  const app = setup(handlers, locale);
  await app.store.getState().loadProfile();
  app.renderIn(<App />);
  return app;
}

describe('the header and the home screen', () => {
  it('names the person and the role once, and asks only for this computer’s communities’ activity, said in words', async () => {
    const app = await renderHome('en');
    expect(document.querySelector('.app-header__who')?.textContent).toBe('Noel Jerome · Community office');
    const activity = await screen.findByRole('region', { name: 'Recent activity' });
    const items = (await within(activity).findAllByRole('listitem')).map((li) => li.textContent);
    expect(items[0]).toContain('Noel Jerome — recorded progress on an action');
    expect(items[0]).toContain('Łutselk’e — plan FY 2026–27, Q2');
    expect(items[1]).toContain('Nora Adams — added a milestone: “Camp opens”');
    expect(items.join(' ')).not.toContain('changed data');
    expect(app.bridge.calls.find((c) => c.method === 'history:recent')?.input).toEqual({ limit: 8, ownCommunities: true });
  });

  it('says it in French, with the no-break space before the colon', async () => {
    await renderHome('fr');
    const activity = await screen.findByRole('region', { name: 'Activité récente' });
    const items = (await within(activity).findAllByRole('listitem')).map((li) => li.textContent);
    expect(items[0]).toContain('Łutselk’e — plan EF 2026-2027, T2');
    expect(items[1]).toMatch(/a ajouté un jalon\u00a0: «[\u00a0\u202f]Camp opens[\u00a0\u202f]»/);
  });
});
