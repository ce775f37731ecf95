import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, hashLines } from '../../electron/core/bundles/bundle-format';
import { signText } from '../../electron/core/bundles/identity';
import { exportBundle, importBundle, type TestCore } from '../support';
import { closeAfterEach, inuvikTerritory } from './support/inuvik';

closeAfterEach();
const territory = inuvikTerritory;

const digestOf = (i: TestCore) => i.must('sync:digest', {}).digest;

describe('two sites and a coordinator exchanging bundles by file', () => {
  it("start equal from the coordinator's full bundle", () => {
    const { coordinator, detachment, liaison, plan } = territory();
    expect(digestOf(detachment)).toBe(digestOf(coordinator));
    expect(digestOf(liaison)).toBe(digestOf(coordinator));
    expect(detachment.must('plans:get', { planId: plan.id }).priorities[0]!.actions.map((a) => a.title)).toEqual(['Foot patrols', 'Youth nights']);
  });

  it('converge in any order, twice, relayed, and keep both versions of a narrative edited on both', () => {
    const { coordinator, detachment, liaison, actions } = territory();
    const [patrols, youth] = actions;
    detachment.must('progress:record', { actionId: patrols!.id, quarter: 1, status: 'on_track', narrative: 'Weekly foot patrols downtown.' });
    liaison.must('progress:record', { actionId: patrols!.id, quarter: 1, status: 'at_risk', narrative: 'Patrols missed in June during the flood.' });
    liaison.must('progress:record', { actionId: youth!.id, quarter: 1, status: 'completed', narrative: 'Twelve youth nights held.' });

    // They have not exchanged before, so each sends a full bundle the first time.
    const fromDetachment = exportBundle(detachment, null);
    const fromLiaison = exportBundle(liaison, null);
    // Liaison → detachment first, then detachment → liaison; each twice.
    importBundle(detachment, fromLiaison);
    importBundle(detachment, fromLiaison);
    importBundle(liaison, fromDetachment);
    expect(importBundle(liaison, fromDetachment)).toMatchObject({ imported: false, alreadyImported: true });
    // Relay: the detachment carries everything to the coordinator.
    importBundle(coordinator, exportBundle(detachment, coordinator));

    for (const site of [coordinator, detachment, liaison]) {
      const conflicts = site.must('conflicts:list', {});
      const narrative = conflicts.filter((c) => c.field === 'narrative');
      expect(narrative).toHaveLength(1);
      expect(narrative[0]!.heads.map((h) => h.value).sort()).toEqual(['Patrols missed in June during the flood.', 'Weekly foot patrols downtown.']);
    }
    expect(digestOf(detachment)).toBe(digestOf(liaison));
    expect(digestOf(coordinator)).toBe(digestOf(liaison));

    // Resolved on one site, the resolution travels and clears the conflict everywhere.
    const [conflict] = liaison.must('conflicts:list', {}).filter((c) => c.field === 'narrative');
    const merged = 'Weekly foot patrols downtown; missed in June during the flood.';
    liaison.must('conflicts:resolve', { conflictId: conflict!.id, value: merged });
    const statusConflict = liaison.must('conflicts:list', {}).find((c) => c.field === 'status');
    if (statusConflict) liaison.must('conflicts:resolve', { conflictId: statusConflict.id, pickOpId: statusConflict.heads[0]!.opId });
    expect(liaison.must('conflicts:list', {})).toEqual([]);
    importBundle(coordinator, exportBundle(liaison, coordinator));
    importBundle(detachment, exportBundle(coordinator, detachment));
    for (const site of [coordinator, detachment, liaison]) {
      expect(site.must('conflicts:list', {})).toEqual([]);
      expect(site.must('progress:get', { planId: site.must('plans:list', {})[0]!.id, quarter: 1 }).rows[0]!.entry?.narrative).toBe(merged);
    }
    expect(digestOf(detachment)).toBe(digestOf(liaison));
    expect(digestOf(coordinator)).toBe(digestOf(liaison));
  });

  it('shows removal against a concurrent edit as a conflict, and either choice travels', () => {
    const { coordinator, detachment, liaison, actions } = territory();
    const youth = actions[1]!;
    for (const site of [detachment, liaison]) site.must('plans:openRevision', { planId: site.must('plans:list', {})[0]!.id, reason: 'Mid-year review' });
    detachment.must('actions:remove', { actionId: youth.id });
    liaison.must('actions:update', { actionId: youth.id, title: 'Youth nights (with the school)' });
    importBundle(liaison, exportBundle(detachment, null));
    importBundle(detachment, exportBundle(liaison, null));
    const [removal] = liaison.must('conflicts:list', {}).filter((c) => c.kind === 'removed_while_edited');
    expect(removal).toMatchObject({ table: 'actions', rowId: youth.id });
    expect(detachment.must('conflicts:list', {}).map((c) => c.id)).toContain(removal!.id);
    expect(digestOf(detachment)).toBe(digestOf(liaison));
    // Keep the edits: the row comes back, with the edit, everywhere.
    const edit = removal!.heads.find((h) => h.value === 'Youth nights (with the school)');
    expect(edit).toBeDefined();
    detachment.must('conflicts:resolve', { conflictId: removal!.id, pickOpId: edit!.opId });
    importBundle(liaison, exportBundle(detachment, liaison));
    for (const site of [detachment, liaison]) {
      expect(site.must('conflicts:list', {}).filter((c) => c.kind === 'removed_while_edited')).toEqual([]);
      const titles = site.must('plans:get', { planId: site.must('plans:list', {})[0]!.id }).priorities[0]!.actions.map((a) => a.title);
      expect(titles).toContain('Youth nights (with the school)');
    }
    expect(digestOf(detachment)).toBe(digestOf(liaison));
    // Removed again, and this time the removal has seen the edit: no conflict.
    detachment.must('actions:remove', { actionId: youth.id });
    importBundle(liaison, exportBundle(detachment, liaison));
    expect(liaison.must('conflicts:list', {})).toEqual([]);
    expect(liaison.must('plans:get', { planId: liaison.must('plans:list', {})[0]!.id }).priorities[0]!.actions.map((a) => a.title)).not.toContain('Youth nights (with the school)');
    void coordinator;
  });

  it('keeps a child that arrives before its parent hidden until the parent arrives', () => {
    const { detachment, liaison, plan } = territory();
    detachment.must('plans:openRevision', { planId: plan.id, reason: 'Add a priority' });
    const priority = detachment.must('priorities:add', { planId: plan.id, title: 'Traffic safety', zone: 'prevention' });
    detachment.must('actions:add', { priorityId: priority.id, title: 'Checkstops on the Dempster', owner: 'police' });
    const full = exportBundle(detachment, null);
    // A relay lost the changesets that opened the revision and added the priority: rebuild the
    // bundle without them, signed by the sender as a real partial relay would be.
    const { lines } = decodeBundle(fs.readFileSync(full), null);
    const manifest = JSON.parse(lines[0]!);
    const kept = lines.slice(1, -1).filter((line) => !/priorities:add|plans:openRevision/.test(JSON.parse(JSON.parse(line).body).method));
    manifest.changesetCount = kept.length;
    const partialLines = [JSON.stringify(manifest), ...kept];
    const digest = hashLines(partialLines);
    partialLines.push(JSON.stringify({ type: 'trailer', count: kept.length, digest, signature: signText(detachment.core.context.keys.privateKey!, digest) }));
    const partial = path.join(detachment.dir, 'partial.planbundle');
    fs.writeFileSync(partial, encodeBundle(partialLines, null));

    const preview = liaison.must('bundles:preview', { file: partial });
    expect(preview.gaps.length).toBeGreaterThan(0);
    importBundle(liaison, partial);
    expect(liaison.must('sync:status', {}).waitingRowCount).toBe(1);
    expect(liaison.must('plans:get', { planId: plan.id }).priorities.map((p) => p.title)).not.toContain('Traffic safety');
    importBundle(liaison, full);
    expect(liaison.must('sync:status', {}).waitingRowCount).toBe(0);
    const priorities = liaison.must('plans:get', { planId: plan.id }).priorities;
    expect(priorities.find((p) => p.title === 'Traffic safety')!.actions.map((a) => a.title)).toEqual(['Checkstops on the Dempster']);
    expect(digestOf(liaison)).toBe(digestOf(detachment));
  });
});
