/**
 * Conflicts decided per record (issue 11, §4): a progress entry's status and narrative, edited on
 * two computers, are one record with one version per author; keeping a version resolves both in
 * one changeset. A resolution can be undone while no bundle has carried it: the changeset is gone,
 * the conflict is back exactly as before (digest, heads, sequence), and the next change reuses the
 * number. Once a bundle has been written, undo is refused with a sentence.
 */
import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../support';
import { closeAfterEach, inuvikTerritory } from './support/inuvik';

closeAfterEach();

function twoSitesWithAConflict() {
  const { coordinator, detachment, liaison, plan, actions } = inuvikTerritory();
  const patrols = actions[0]!;
  detachment.must('progress:record', { actionId: patrols.id, quarter: 1, status: 'on_track', narrative: 'Weekly foot patrols downtown.' });
  liaison.must('progress:record', { actionId: patrols.id, quarter: 1, status: 'delayed', narrative: 'The June patrols were cancelled during the flood.' });
  importBundle(liaison, exportBundle(detachment, null));
  return { coordinator, detachment, liaison, plan, patrols };
}

describe('conflicts grouped by record', () => {
  it('puts a progress entry’s status and narrative in one record, named by community, year and action, with one version per author', () => {
    const { liaison, patrols } = twoSitesWithAConflict();
    const fields = liaison.must('conflicts:list', {}).map((c) => c.field).sort();
    expect(fields).toEqual(['narrative', 'status']);
    // Counted as the inbox decides them: one record.
    expect(liaison.must('sync:status', {}).conflictCount).toBe(1);
    const { records, undoable } = liaison.must('conflicts:records', {});
    expect(undoable).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ table: 'progressEntries', communityName: 'Inuvik', fiscalYear: 2025, actionTitle: patrols.title });
    expect(record!.conflicts.map((c) => c.field)).toEqual(['narrative', 'status']);
    expect(record!.versions.map((v) => v.originName).sort()).toEqual(['Inuvik detachment', 'this computer'].sort());
    for (const version of record!.versions) expect(Object.keys(version.picks).sort()).toEqual(record!.conflicts.map((c) => c.id).sort());
  });

  it('keeps one author’s whole version in one changeset: never “Delayed” with a narrative from the other', () => {
    const { liaison, plan } = twoSitesWithAConflict();
    const [record] = liaison.must('conflicts:records', {}).records;
    const detachmentVersion = record!.versions.find((v) => v.originName === 'Inuvik detachment')!;
    const before = liaison.must('sync:status', {}).changesetCount;
    const choices = Object.entries(detachmentVersion.picks).map(([conflictId, pickOpId]) => ({ conflictId, pickOpId }));
    const result = liaison.must('conflicts:resolveRecord', { recordId: record!.id, choices });
    expect(result.records.records).toEqual([]);
    expect(liaison.must('sync:status', {}).changesetCount).toBe(before + 1);
    expect(result.resolutionId).not.toBeNull();
    expect(result.records.undoable.map((u) => u.id)).toEqual([result.resolutionId]);
    expect(result.records.undoable[0]).toMatchObject({ label: record!.label, communityName: 'Inuvik', fields: ['narrative', 'status'] });
    const entry = liaison.must('progress:get', { planId: plan.id, quarter: 1 }).rows.find((r) => r.entry)!.entry!;
    expect([entry.status, entry.narrative]).toEqual(['on_track', 'Weekly foot patrols downtown.']);
  });

  it('refuses a choice for another record, and keeps conflicts:resolve working field by field', () => {
    const { liaison } = twoSitesWithAConflict();
    const [record] = liaison.must('conflicts:records', {}).records;
    const [narrative] = record!.conflicts;
    const refused = liaison.core.invoke('conflicts:resolveRecord', { recordId: 'progressEntries:elsewhere', choices: [{ conflictId: narrative!.id, pickOpId: narrative!.heads[0]!.opId }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/another record/);
    liaison.must('conflicts:resolve', { conflictId: narrative!.id, value: 'Weekly patrols; the June ones were cancelled during the flood.' });
    expect(liaison.must('conflicts:records', {}).records[0]!.conflicts.map((c) => c.field)).toEqual(['status']);
  });
});

describe('undoing a resolution until it is sent', () => {
  it('brings the conflict back exactly as it was, and the next change reuses the sequence number', () => {
    const { liaison, detachment, plan } = twoSitesWithAConflict();
    const digestBefore = liaison.must('sync:digest', {}).digest;
    const statusBefore = liaison.must('sync:status', {});
    const [record] = liaison.must('conflicts:records', {}).records;
    const mine = record!.versions.find((v) => v.originName === 'this computer')!;
    const { resolutionId } = liaison.must('conflicts:resolveRecord', { recordId: record!.id, choices: Object.entries(mine.picks).map(([conflictId, pickOpId]) => ({ conflictId, pickOpId })) });
    expect(liaison.must('sync:digest', {}).digest).not.toBe(digestBefore);

    const after = liaison.must('conflicts:undo', { resolutionId: resolutionId! });
    expect(after.undoable).toEqual([]);
    expect(after.records).toEqual(liaison.must('conflicts:records', {}).records);
    expect(after.records[0]!.conflicts.map((c) => c.heads.map((h) => h.opId).sort())).toEqual(record!.conflicts.map((c) => c.heads.map((h) => h.opId).sort()));
    expect(liaison.must('sync:digest', {}).digest).toBe(digestBefore);
    expect(liaison.must('sync:status', {})).toEqual(statusBefore);
    // The table shows the same winner as before the resolution.
    const entry = liaison.must('progress:get', { planId: plan.id, quarter: 1 }).rows.find((r) => r.entry)!.entry!;
    expect(entry.narrative).toBe(record!.conflicts[0]!.heads[0]!.value);

    // Undone twice: the second time it is not found, with a sentence.
    const again = liaison.core.invoke('conflicts:undo', { resolutionId: resolutionId! });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/not found on this computer/);

    // A new resolution takes the freed number: no hole, and the detachment converges on it.
    const theirs = record!.versions.find((v) => v.originName === 'Inuvik detachment')!;
    liaison.must('conflicts:resolveRecord', { recordId: record!.id, choices: Object.entries(theirs.picks).map(([conflictId, pickOpId]) => ({ conflictId, pickOpId })) });
    const vector = liaison.must('sync:status', {}).versionVector;
    const ownId = liaison.must('sync:whoami', {}).installationId;
    // Vectors are per (origin, partition): the record's partition gained exactly one changeset.
    const ownTotal = (v: Record<string, number>) => Object.entries(v).filter(([key]) => key.startsWith(`${ownId} `)).reduce((sum, [, seq]) => sum + seq, 0);
    expect(ownTotal(vector)).toBe(ownTotal(statusBefore.versionVector) + 1);
    importBundle(detachment, exportBundle(liaison, null));
    expect(detachment.must('conflicts:list', {})).toEqual([]);
    expect(detachment.must('sync:digest', {}).digest).toBe(liaison.must('sync:digest', {}).digest);
  });

  it('is no longer offered, and refused with a sentence, once a bundle has been written, or after a later change here', () => {
    const { liaison, detachment } = twoSitesWithAConflict();
    const [record] = liaison.must('conflicts:records', {}).records;
    const [narrative, status] = record!.conflicts;
    const first = liaison.must('conflicts:resolveRecord', { recordId: record!.id, choices: [{ conflictId: narrative!.id, pickOpId: narrative!.heads[0]!.opId }] });
    const second = liaison.must('conflicts:resolveRecord', { recordId: record!.id, choices: [{ conflictId: status!.id, pickOpId: status!.heads[0]!.opId }] });
    // Only the last of the sequence can go back.
    expect(second.records.undoable.map((u) => u.id)).toEqual([second.resolutionId]);
    const later = liaison.core.invoke('conflicts:undo', { resolutionId: first.resolutionId! });
    expect(later.ok).toBe(false);
    if (!later.ok) expect(later.error.message).toMatch(/other changes were made here after it/);

    exportBundle(liaison, null);
    expect(liaison.must('conflicts:records', {}).undoable).toEqual([]);
    const digest = liaison.must('sync:digest', {}).digest;
    const sent = liaison.core.invoke('conflicts:undo', { resolutionId: second.resolutionId! });
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.error.message).toMatch(/a bundle has been written since/);
    expect(liaison.must('sync:digest', {}).digest).toBe(digest);
    void detachment;
  });

  it('undoes a removal-over-edit decision too: the row is removed again and the conflict back', () => {
    const { detachment, liaison, coordinator } = twoSitesWithAConflict();
    void coordinator;
    const youthId = liaison.must('plans:get', { planId: liaison.must('plans:list', {})[0]!.id }).priorities[0]!.actions[1]!.id;
    for (const site of [detachment, liaison]) site.must('plans:openRevision', { planId: site.must('plans:list', {})[0]!.id, reason: 'Mid-year review' });
    detachment.must('actions:remove', { actionId: youthId });
    liaison.must('actions:update', { actionId: youthId, title: 'Youth nights (with the school)' });
    importBundle(liaison, exportBundle(detachment, null));
    const digest = liaison.must('sync:digest', {}).digest;
    const record = liaison.must('conflicts:records', {}).records.find((r) => r.rowId === youthId)!;
    const removal = record.conflicts.find((c) => c.kind === 'removed_while_edited')!;
    const edit = removal.heads.find((h) => h.value === 'Youth nights (with the school)')!;
    const { resolutionId } = liaison.must('conflicts:resolveRecord', { recordId: record.id, choices: [{ conflictId: removal.id, pickOpId: edit.opId }] });
    expect(liaison.must('conflicts:records', {}).records.some((r) => r.rowId === youthId)).toBe(false);
    liaison.must('conflicts:undo', { resolutionId: resolutionId! });
    expect(liaison.must('sync:digest', {}).digest).toBe(digest);
    expect(liaison.must('conflicts:records', {}).records.find((r) => r.rowId === youthId)?.conflicts.map((c) => c.id)).toEqual(record.conflicts.map((c) => c.id));
  });
});
