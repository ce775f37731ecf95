import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../electron/cli/report-commands';

describe('the report commands’ arguments', () => {
  it('parses report quarterly and annual, export-csv and export-xlsx', () => {
    expect(parseReportArgs(['--db', 'x.db', 'report', 'quarterly', '--community', 'Délı̨nę', '--fy', '2025', '--quarter', '2', '--out', 'q.pdf', '--lang', 'fr', '--public'])).toMatchObject({
      command: 'report', kind: 'quarterly', db: 'x.db', community: 'Délı̨nę', fy: 2025, quarter: 2, out: 'q.pdf', lang: 'fr', public: true, paper: 'letter',
    });
    expect(parseReportArgs(['report', 'annual', '--community', 'c1', '--fy=2025', '--out', 'a.pdf', '--paper', 'a4'])).toMatchObject({ kind: 'annual', paper: 'a4', public: false });
    expect(parseReportArgs(['export-csv', '--out', 'dir', '--fy', '2026', '--public'])).toMatchObject({ command: 'export-csv', fy: 2026, public: true });
    expect(parseReportArgs(['export-xlsx', '--out', 'f.xlsx'])).toMatchObject({ command: 'export-xlsx', out: 'f.xlsx' });
  });

  it('leaves other commands to the general parser', () => {
    expect(parseReportArgs(['--db', 'x.db', 'call', 'plans:list', '{}'])).toBeNull();
    expect(parseReportArgs(['export', '--full', '--out', 'x.planbundle'])).toBeNull();
    expect(parseReportArgs([])).toBeNull();
  });

  it('refuses mistakes with a sentence', () => {
    expect(() => parseReportArgs(['report', 'quarterly', '--community', 'c', '--fy', '2025', '--out', 'q.pdf'])).toThrow('report quarterly needs --quarter (1 to 4).');
    expect(() => parseReportArgs(['report', 'quarterly', '--community', 'c', '--fy', '2025', '--quarter', '5', '--out', 'q.pdf'])).toThrow('Quarter 5 does not exist');
    expect(() => parseReportArgs(['report', 'weekly', '--out', 'q.pdf'])).toThrow('Say which report');
    expect(() => parseReportArgs(['export-csv', '--quarter', '2', '--out', 'd'])).toThrow('--quarter does not go with export-csv.');
    expect(() => parseReportArgs(['export-xlsx'])).toThrow('export-xlsx needs --out FILE.');
    expect(() => parseReportArgs(['report', 'annual', '--community', 'c', '--fy', '1999', '--out', 'a.pdf'])).toThrow('--fy must be a fiscal year');
  });
});
