import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuarterlyReportData } from '../../shared/reports';
import { HARNESS_META_NAME } from '../../shared/routes';
import { PrintScreen } from '../../renderer/features/reports/PrintScreen';
import { ApiError } from '../../renderer/api/api-error';
import { deferred } from './support/fake-core';
import { setup } from './support/render-app';

const report: QuarterlyReportData = {
  generatedAt: '2026-10-20T15:00:00Z',
  options: { public: false, threshold: 5, excludeNarratives: false },
  plan: {
    id: 'p1',
    title: 'Dettah plan',
    summary: null,
    status: 'agreed',
    fiscalYear: 2026,
    communityId: 'c1',
    communityName: 'Dettah',
    region: 'North Slave',
    detachmentName: 'Yellowknife',
    communitySignatory: null,
    communitySignedOn: null,
    detachmentSignatory: null,
    detachmentSignedOn: null,
  },
  quarter: 2,
  report: { state: 'draft', submittedAt: null, submittedBy: null, dueDate: '2026-10-30' },
  statusCounts: [],
  priorities: [],
};

const options = { lang: null, public: false, paper: 'letter' as const };
/** What the print screen reads of the plan for its title and its quarter choices. */
const plan = () => ({ id: 'p1', communityName: "Łutselk'e", fiscalYear: 2026 }) as never;

afterEach(() => {
  document.head.querySelectorAll(`meta[name="${HARNESS_META_NAME}"]`).forEach((m) => m.remove());
});

describe('saving the print page as a PDF', () => {
  it('in Electron, offers "Save as PDF…" with a suggested name and says where the PDF went', async () => {
    const saving = deferred<{ file: string | null }>();
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan, 'files:savePrintedPdf': () => saving.promise });
    app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={options} />);
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Save as PDF…' });
    await waitFor(() => expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Print…' })).toBeTruthy();
    await user.click(button);
    expect(app.bridge.calls.find((c) => c.method === 'files:savePrintedPdf')?.input).toEqual({ suggestedName: 'Dettah-Q2-FY2026-27.pdf' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    saving.resolve({ file: '/home/noel/Documents/Dettah-Q2-FY2026-27.pdf' });
    expect(await screen.findByText('Saved as PDF: /home/noel/Documents/Dettah-Q2-FY2026-27.pdf')).toBeTruthy();
    // The toolbar and the notice stay out of the PDF.
    expect(button.closest('.no-print')).not.toBeNull();
    expect(screen.getByText(/^Saved as PDF/).closest('.no-print')).not.toBeNull();
  });

  it('says nothing when the person cancels, and shows why when the PDF was not saved', async () => {
    let answer: () => { file: string | null } = () => ({ file: null });
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan, 'files:savePrintedPdf': () => answer() });
    app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={options} />);
    const user = userEvent.setup();
    await waitFor(() => expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save as PDF…' }).getAttribute('aria-busy')).toBeNull());
    expect(screen.queryByText(/^Saved as PDF/)).toBeNull();
    answer = () => {
      throw new ApiError({ code: 'forbidden', message: 'The PDF could not be saved to /media/stick/a.pdf: the disk or stick is full.' });
    };
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    expect(await screen.findByText('The PDF was not saved')).toBeTruthy();
    expect(screen.getByText(/the disk or stick is full/)).toBeTruthy();
  });

  it('in the browser harness, keeps only the browser’s print dialog (which can save a PDF too)', async () => {
    const meta = document.createElement('meta');
    meta.name = HARNESS_META_NAME;
    meta.content = 'http';
    document.head.append(meta);
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan });
    app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={options} />);
    await waitFor(() => expect(document.querySelector('[data-print-ready="true"]')).not.toBeNull());
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save as PDF…' })).toBeNull();
  });
});

describe('the print options and the page’s own title and language', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('titles the page (the PDF’s Title) in the print language and sets <html lang>, then restores both on leaving', async () => {
    document.title = 'Community Safety Planner';
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan });
    const view = app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={{ ...options, lang: 'fr' }} />);
    await waitFor(() => expect(document.title).toBe("Łutselk'e — rapport trimestriel, T2 EF 2026-2027"));
    expect(document.documentElement.lang).toBe('fr-CA');
    expect(document.documentElement.dataset.printTitle).toBe(document.title);
    // The options speak the planner's language (English here), not the document's.
    expect(screen.getByRole('group', { name: 'Print options' })).toBeTruthy();
    expect((screen.getByLabelText('Language of the document') as HTMLSelectElement).value).toBe('fr');
    view.unmount();
    expect(document.title).toBe('Community Safety Planner');
    expect(document.documentElement.dataset.printTitle).toBeUndefined();
  });

  it('changes paper, language, public version and quarter in a labelled form that rewrites the print route', async () => {
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan }, 'fr');
    app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={options} />);
    const user = userEvent.setup();
    await waitFor(() => expect(document.title).toBe("Łutselk'e — rapport trimestriel, T2 EF 2026-2027"));
    const form = screen.getByRole('group', { name: 'Options d’impression' });
    expect(form.closest('.no-print')).not.toBeNull();
    await user.selectOptions(screen.getByLabelText('Format du papier'), 'a4');
    expect(window.location.hash).toBe('#/print/quarterly/p1/2?paper=a4');
    await user.selectOptions(screen.getByLabelText('Langue du document'), 'en');
    expect(window.location.hash).toBe('#/print/quarterly/p1/2?lang=en');
    await user.click(screen.getByRole('checkbox', { name: 'Version publique' }));
    expect(window.location.hash).toBe('#/print/quarterly/p1/2?public=1');
    const quarter = screen.getByLabelText('Trimestre') as HTMLSelectElement;
    expect([...quarter.options].map((o) => o.textContent)).toEqual(['EF 2026-2027 T1', 'EF 2026-2027 T2', 'EF 2026-2027 T3', 'EF 2026-2027 T4']);
    await user.selectOptions(quarter, '3');
    expect(window.location.hash).toBe('#/print/quarterly/p1/3');
    // Said to a screen reader (a polite status), with the no-break space French wants before the colon.
    expect(document.querySelector('.print-options [role="status"]')?.textContent).toBe('Le document montre maintenant\u00a0: Lettre (8,5 × 11 po), Français, EF 2026-2027 T3, version complète.');
  });

  it('keeps "as submitted" while paper or language change, and drops it for another quarter', async () => {
    const app = setup({ 'reports:quarterly': () => report, 'plans:get': plan });
    app.renderIn(<PrintScreen kind="quarterly" planId="p1" quarter={2} options={{ ...options, asSubmitted: true }} />);
    const user = userEvent.setup();
    await waitFor(() => expect(document.title).toBe("Łutselk'e — quarterly report, Q2 FY 2026–27"));
    await user.selectOptions(screen.getByLabelText('Paper size'), 'a4');
    expect(window.location.hash).toBe('#/print/quarterly/p1/2?paper=a4&as=submitted');
    await user.selectOptions(screen.getByLabelText('Quarter'), '1');
    expect(window.location.hash).toBe('#/print/quarterly/p1/1');
  });
});
