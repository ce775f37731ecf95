/**
 * The one home of "who leads an action and with whom", as printed and exported: the lead's
 * display name is the person chosen from the people list (the normal way), else the name typed
 * in (an older or a quick entry), else none; partners are their organisations' names, in the
 * order the action lists them. The quarterly report, the annual plan (report-data.ts) and the
 * CSV/XLSX exports (plan-data.ts) all read them from here.
 */
import type { CoreContext } from '../changelog/core-context';

/**
 * The lead's display name as an SQL expression over an actions row aliased `alias`. A person
 * removed from the list later keeps leading the actions that name them: the name still prints.
 */
export function leadNameSql(alias: string): string {
  return `COALESCE((SELECT NULLIF(TRIM(people.name), '') FROM people WHERE people.id = ${alias}.lead_person_id), NULLIF(TRIM(${alias}.lead_name), ''))`;
}

/** The partner organisations' names of an actions row aliased `alias`, joined with `separator`. */
export function partnerNamesSql(alias: string, separator: string): string {
  return `(SELECT group_concat(o.name, '${separator.replace(/'/g, "''")}') FROM (SELECT organisations.name AS name FROM json_each(${alias}.partner_organisation_ids) AS j JOIN organisations ON organisations.id = j.value ORDER BY j.key) AS o)`;
}

export interface ActionPeople {
  leadName: string | null;
  partnerNames: string[];
}

/** The lead's display name and the partners' names of each of these actions. */
export function actionPeople(ctx: CoreContext, actionIds: readonly string[]): Map<string, ActionPeople> {
  if (actionIds.length === 0) return new Map();
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.id, ${leadNameSql('a')} AS leadName,
              (SELECT json_group_array(o.name) FROM (SELECT organisations.name AS name FROM json_each(a.partner_organisation_ids) AS j JOIN organisations ON organisations.id = j.value ORDER BY j.key) AS o) AS partners
         FROM actions a WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(actionIds)) as Array<{ id: string; leadName: string | null; partners: string }>;
  return new Map(rows.map((r) => [r.id, { leadName: r.leadName, partnerNames: JSON.parse(r.partners) as string[] }]));
}
