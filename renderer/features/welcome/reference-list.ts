/**
 * A pasted list of communities, one a line: "Community; Region", optionally "; other name, other
 * name". What it would create, and each line's problem as a sentence, before anything is written.
 */
export interface PastedCommunity {
  line: number;
  name: string;
  region: string;
  otherNames: string[];
}

export type PasteProblem = { line: number; kind: 'noRegion' | 'duplicate'; name: string };

export function readPastedCommunities(text: string): { rows: PastedCommunity[]; problems: PasteProblem[]; regions: string[] } {
  const rows: PastedCommunity[] = [];
  const problems: PasteProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    // A spreadsheet's cells pasted arrive separated by tabs.
    const [name = '', region = '', others = ''] = raw.split(/[;\t]/).map((p) => p.trim());
    if (region === '') return void problems.push({ line, kind: 'noRegion', name });
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return void problems.push({ line, kind: 'duplicate', name });
    seen.add(key);
    rows.push({ line, name, region, otherNames: others.split(',').map((o) => o.trim()).filter(Boolean) });
  });
  return { rows, problems, regions: [...new Set(rows.map((r) => r.region))] };
}
