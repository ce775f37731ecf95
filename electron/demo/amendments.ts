/**
 * A correction or two after submission, so the demo shows amendments (issue 10 §5): on the first
 * active plans of the year, the latest submitted quarter's first entry gets a sentence added by its
 * author, "now". Deterministic and drawing nothing from the demo's random stream.
 */
import { QUARTERS } from '../../shared/fiscal-calendar';
import type { Core } from '../core/create-core';
import { type Keyboard, must } from './acting';

const CORRECTION = 'Correction after submission: the dates above were checked against the detachment records and two were wrong.';

export function amendSubmittedReports(core: Core, keyboard: Keyboard, fiscalYear: number, count = 2): number {
  let done = 0;
  for (const plan of must(core, 'plans:list', { fiscalYear }).filter((p) => p.status === 'active')) {
    if (done >= count) break;
    for (const quarter of [...QUARTERS].reverse()) {
      const form = must(core, 'progress:get', { planId: plan.id, quarter });
      if (form.report.state !== 'submitted') continue;
      const row = form.rows.find((r) => r.entry && r.entry.narrative.trim() !== '');
      if (!row?.entry) continue;
      keyboard.as(row.entry.author);
      const { status, narrative, nextSteps } = row.entry;
      must(core, 'progress:record', { actionId: row.action.id, quarter, status, narrative: `${narrative} ${CORRECTION}`, nextSteps });
      done += 1;
      break;
    }
  }
  return done;
}
