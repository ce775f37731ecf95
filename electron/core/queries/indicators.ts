/** Reads of indicator values: by quarter, by year, and the history of an indicator across years. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import { compareFiscalQuarters, type FiscalYear, type Quarter } from '../../../shared/fiscal-calendar';
import type { CoreContext } from '../changelog/core-context';
import { isLive, live } from './live';

export type IndicatorValueRow = typeof schema.indicatorValues.$inferSelect;

/** The value row with this id, live or removed. */
export function indicatorValueRow(ctx: CoreContext, id: string): IndicatorValueRow | undefined {
  return ctx.db.select().from(schema.indicatorValues).where(eq(schema.indicatorValues.id, id)).get();
}

/** An indicator's live values, oldest quarter first. */
export function indicatorValuesOf(ctx: CoreContext, indicatorId: string): IndicatorValueRow[] {
  const values = schema.indicatorValues;
  return ctx.db.select().from(values).where(and(eq(values.indicatorId, indicatorId), isLive(values))).orderBy(asc(values.fiscalYear), asc(values.quarter)).all();
}

/** The latest value an indicator holds in a fiscal year, if any. */
export function latestValueOfYear(ctx: CoreContext, indicatorId: string, fiscalYear: FiscalYear): number | null {
  const values = schema.indicatorValues;
  const row = ctx.db
    .select({ value: values.value })
    .from(values)
    .where(and(eq(values.indicatorId, indicatorId), eq(values.fiscalYear, fiscalYear), isLive(values)))
    .orderBy(desc(values.quarter))
    .get();
  return row?.value ?? null;
}

/** The live values of these indicators for one quarter. */
export function valuesOfQuarter(ctx: CoreContext, indicatorIds: string[], fiscalYear: FiscalYear, quarter: Quarter): IndicatorValueRow[] {
  if (indicatorIds.length === 0) return [];
  const values = schema.indicatorValues;
  return ctx.db
    .select()
    .from(values)
    .where(and(inArray(values.indicatorId, indicatorIds), eq(values.fiscalYear, fiscalYear), eq(values.quarter, quarter), isLive(values)))
    .all();
}

/**
 * Every recorded value of an indicator and of the indicators it continues from earlier years
 * (copy forward links them), by fiscal year and quarter.
 */
export function indicatorHistory(ctx: CoreContext, indicatorId: string): Array<{ fiscalYear: FiscalYear; quarter: Quarter; value: number }> {
  const chain: string[] = [];
  let current: string | null = indicatorId;
  while (current && !chain.includes(current) && chain.length < 50) {
    chain.push(current);
    const row = ctx.sqlite.prepare('SELECT continues_indicator_id AS previous FROM indicators WHERE id = ?').get(current) as { previous: string | null } | undefined;
    current = row?.previous ?? null;
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT fiscal_year AS fiscalYear, quarter, value FROM indicator_values
        WHERE ${live()} AND indicator_id IN (SELECT value FROM json_each(?))
        ORDER BY fiscal_year, quarter`,
    )
    .all(JSON.stringify(chain)) as Array<{ fiscalYear: number; quarter: Quarter; value: number }>;
  // The newest indicator's value wins where two in the chain hold the same quarter.
  const byQuarter = new Map<string, { fiscalYear: number; quarter: Quarter; value: number }>();
  for (const r of rows) if (!byQuarter.has(`${r.fiscalYear}:${r.quarter}`)) byQuarter.set(`${r.fiscalYear}:${r.quarter}`, r);
  return [...byQuarter.values()].sort(compareFiscalQuarters);
}
