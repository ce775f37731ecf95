/**
 * The features' command modules: each write is one call to the core, then the notice the screen
 * used to give (with Undo after a removal); a refusal reaches the caller and says nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Action, Peer } from '../../shared/domain';
import { PlannerClient } from '../../renderer/api/planner-client';
import { ApiError } from '../../renderer/api/api-error';
import { requiredError, filled } from '../../renderer/components/FormDialog';
import type { CommandDeps } from '../../renderer/app/use-commands';
import { createI18n } from '../../renderer/i18n/i18n';
import { planCommands } from '../../renderer/features/plans/plan-commands';
import { exchangeCommands } from '../../renderer/features/exchange/exchange-commands';
import { commitmentCommands } from '../../renderer/features/commitments/commitment-commands';
import { fakeBridge, type FakeHandlers } from './support/fake-core';

function depsWith(handlers: FakeHandlers) {
  const bridge = fakeBridge(handlers);
  const notices: Array<{ message: string; undo?: () => Promise<unknown> }> = [];
  const deps: CommandDeps = { client: new PlannerClient(bridge), notify: (message, undo) => notices.push({ message, undo }), t: createI18n('en').t };
  return { bridge, notices, deps };
}

describe('the plan commands', () => {
  it('removes an action, says so, and offers Undo that restores it', async () => {
    const { bridge, notices, deps } = depsWith({ 'actions:remove': () => undefined as never, 'actions:restore': () => undefined as never });
    await planCommands(deps).removeAction({ id: 'a1', title: 'Patrols' } as Action);
    expect(bridge.calls).toEqual([{ method: 'actions:remove', input: { actionId: 'a1' } }]);
    expect(notices.map((n) => n.message)).toEqual(['Action “Patrols” removed.']);
    await notices[0]!.undo!();
    expect(bridge.calls.at(-1)).toEqual({ method: 'actions:restore', input: { actionId: 'a1' } });
  });

  it('starts an empty plan and names its year in the notice', async () => {
    const { bridge, notices, deps } = depsWith({ 'plans:create': () => ({ id: 'p9' }) as never });
    const plan = await planCommands(deps).startPlan('c1', 2026, '2026–27');
    expect(plan.id).toBe('p9');
    expect(bridge.calls).toEqual([{ method: 'plans:create', input: { communityId: 'c1', fiscalYear: 2026 } }]);
    expect(notices.map((n) => n.message)).toEqual(['Draft plan for 2026–27 started.']);
  });

  it('adds a priority when there is none to change, and changes the one given', async () => {
    const { bridge, deps } = depsWith({ 'priorities:add': () => undefined as never, 'priorities:update': () => undefined as never });
    const fields = { title: 'Roads', description: null, zone: 'prevention' as const, themeIds: [] };
    await planCommands(deps).savePriority({ planId: 'p1' }, fields);
    await planCommands(deps).savePriority({ planId: 'p1', priority: { id: 'pr1' } as never }, fields);
    expect(bridge.calls).toEqual([
      { method: 'priorities:add', input: { planId: 'p1', ...fields } },
      { method: 'priorities:update', input: { priorityId: 'pr1', ...fields } },
    ]);
  });

  it('lets a refusal reach the dialog and gives no notice', async () => {
    const { notices, deps } = depsWith({
      'plans:activate': () => {
        throw new ApiError({ code: 'conflict', message: 'Already active.' } as never);
      },
    });
    await expect(planCommands(deps).activate({ id: 'p1' } as never)).rejects.toThrow('Already active.');
    expect(notices).toEqual([]);
  });
});

describe('the exchange commands', () => {
  it('revokes a computer and names the ones it introduced', async () => {
    const { bridge, notices, deps } = depsWith({ 'peers:revoke': () => ({ alsoRevoked: [{ name: 'Annex' }] }) as never });
    await exchangeCommands(deps).revokePeer({ fingerprint: 'AB-CD', name: 'Office' } as Peer);
    expect(bridge.calls).toEqual([{ method: 'peers:revoke', input: { fingerprint: 'AB-CD' } }]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('Office');
    expect(notices[0]!.message).toContain('Annex');
  });

  it('trusts a computer for every community only by saying so (allCommunities), never by leaving the scope out', async () => {
    const { bridge, deps } = depsWith({ 'peers:trust': () => undefined as never });
    await exchangeCommands(deps).trustPeer({ fingerprint: 'AB-CD', name: 'Office' } as Peer, null);
    await exchangeCommands(deps).trustPeer({ fingerprint: 'AB-CD', name: 'Office' } as Peer, ['c1']);
    expect(bridge.calls.map((c) => c.input)).toEqual([{ fingerprint: 'AB-CD', allCommunities: true }, { fingerprint: 'AB-CD', scopeCommunityIds: ['c1'] }]);
  });
});

describe('the commitment commands', () => {
  it('changes a status and says the new one in words', async () => {
    const { notices, deps } = depsWith({ 'commitments:update': () => undefined as never });
    await commitmentCommands(deps).changeStatus('k1', 'completed');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).not.toContain('vocab.');
  });
});

describe('the form dialog rules', () => {
  it('shows a required field as missing only once the form was checked', () => {
    expect(requiredError(false, '', 'Required')).toBeUndefined();
    expect(requiredError(true, '  ', 'Required')).toBe('Required');
    expect(requiredError(true, 'x', 'Required')).toBeUndefined();
    expect(filled('a', 'b')).toBe(true);
    expect(filled('a', ' ')).toBe(false);
  });
});
