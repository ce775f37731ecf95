/**
 * Small-number suppression for outputs marked public: a count below the threshold (default 5)
 * could point at a person in a small community, so it is shown as "fewer than 5". Zero is
 * suppressed too: "0 assaults reported" next to a suppressed neighbour would let a reader work
 * the hidden number out. Rates taken over fewer than the threshold are hidden the same way, and
 * narratives (free text that names people and events) can be left out. Pure functions, no I/O.
 */
import type { CellValue, DataTable, PublicOptions, ShownCount, TableColumn } from './reports';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function publicOptions(input: { public?: boolean; threshold?: number; includeNarratives?: boolean } = {}): PublicOptions {
  const isPublic = input.public === true;
  return {
    public: isPublic,
    threshold: input.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    excludeNarratives: isPublic && input.includeNarratives !== true,
  };
}

/** A count as a public output may show it. Non-public outputs show every count. */
export function suppressCount(n: number, options: Pick<PublicOptions, 'public' | 'threshold'>): ShownCount {
  if (!options.public) return n;
  return n < options.threshold ? { fewerThan: options.threshold } : n;
}

export function isSuppressed(value: ShownCount | null | undefined): value is { fewerThan: number } {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether an indicator's unit counts people or events (charges, calls, youth, incidents) rather
 * than a share, rate, score or amount of money. Only counts are suppressed: "45 %" names no one.
 */
export function isCountUnit(unit: string): boolean {
  return !/%|percent|pour ?cent|\brate\b|\btaux\b|ratio|score|index|indice|\$|dollar|average|moyenne|per\s|par\s|\/|hours?\b|heures?\b|days?\b|jours?\b|minutes?\b/i.test(unit);
}

/** A measure (indicator value, baseline, target) as shown: suppressed only when it is a count. */
export function suppressMeasure(value: number | null, isCount: boolean, options: Pick<PublicOptions, 'public' | 'threshold'>): ShownCount | null {
  if (value === null) return null;
  if (!isCount || !Number.isInteger(value)) return value;
  return suppressCount(value, options);
}

export interface SuppressionLabels {
  /** "fewer than 5" / "moins de 5". */
  fewerThan(threshold: number): string;
}

/**
 * A table as a public output shows it: count cells below the threshold become the "fewer than"
 * label, measures flagged as counts likewise, rates over a small denominator too, and narrative
 * columns are dropped when narratives are excluded. Non-public options return the table as is.
 */
export function suppressTable(table: DataTable, options: PublicOptions, labels: SuppressionLabels): DataTable {
  if (!options.public) return table;
  const columns: TableColumn[] = table.columns.filter((c) => !(options.excludeNarratives && c.kind === 'narrative'));
  const label = labels.fewerThan(options.threshold);
  const small = (v: unknown) => typeof v === 'number' && v < options.threshold;
  const rows = table.rows.map((row) => {
    const out: Record<string, CellValue | boolean> = {};
    for (const [key, value] of Object.entries(row)) {
      const column = table.columns.find((c) => c.key === key);
      if (column && !columns.includes(column)) continue;
      out[key] = value;
    }
    for (const column of columns) {
      const value = row[column.key];
      if (column.kind === 'count' && small(value)) out[column.key] = label;
      else if (column.kind === 'number' && column.countFlag && row[column.countFlag] === true && typeof value === 'number' && Number.isInteger(value) && small(value)) out[column.key] = label;
      else if (column.kind === 'rate' && column.denominator && small(row[column.denominator]) && value !== null) out[column.key] = label;
    }
    return out;
  });
  return { ...table, columns, rows };
}
