// Contract: OpenRouter's official client, @openrouter/sdk, drives the sandbox. The SDK validates
// every response with its own zod schemas and throws on a mismatch, so each call below passing
// means the sandbox's answer has the shape the real API's client expects.
import { OpenRouter } from '@openrouter/sdk';
import { describe, expect, it } from 'vitest';
import { sandbox } from './helpers.js';

const SEED = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', first_name: 'Ada', last_name: 'Admin', role: 'org:admin' as const },
    { id: 'user_bob', email: 'bob@example.com', first_name: 'Bob', last_name: null, role: 'org:member' as const },
    { id: 'user_carol', email: 'carol@example.com', role: 'org:member' as const },
  ],
  credits: { total_credits: 100, total_usage: 12.5 },
};

async function sdkAgainstSandbox() {
  const { sb } = await sandbox({ seed: SEED });
  // No retries: a contract failure must surface, not be retried away.
  const sdk = new OpenRouter({ apiKey: sb.managementKey, serverURL: sb.url, retryConfig: { strategy: 'none' } });
  return { sb, sdk };
}

describe('contract with @openrouter/sdk', () => {
  it('keys: create, list with paging, get, update, delete; current key; credits', async () => {
    const { sdk } = await sdkAgainstSandbox();
    const createdKey = await sdk.apiKeys.create({
      requestBody: { name: 'ci-runner', limit: 50, limitReset: 'monthly', expiresAt: new Date('2099-06-30T00:00:00Z') },
    });
    expect(createdKey.key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    expect(createdKey.data.expiresAt?.toISOString()).toBe('2099-06-30T00:00:00.000Z');
    const hash = createdKey.data.hash;

    for (let i = 0; i < 104; i++) await sdk.apiKeys.create({ requestBody: { name: `bulk-${i}` } });
    const first = await sdk.apiKeys.list({});
    const second = await sdk.apiKeys.list({ offset: 100 });
    expect(first.data).toHaveLength(100);
    expect(second.data).toHaveLength(5);
    expect(second.data.at(-1)?.name).toBe('ci-runner');

    expect((await sdk.apiKeys.get({ hash })).data.limit).toBe(50);
    const updated = await sdk.apiKeys.update({ hash, requestBody: { disabled: true, limit: 75 } });
    expect(updated.data).toMatchObject({ disabled: true, limit: 75 });
    expect((await sdk.apiKeys.list({ includeDisabled: true, offset: 100 })).data).toHaveLength(5);
    expect((await sdk.apiKeys.delete({ hash })).deleted).toBe(true);

    const current = await sdk.apiKeys.getCurrentKeyMetadata();
    expect(current.data.isManagementKey).toBe(true);
    expect((await sdk.credits.getCredits()).data).toEqual({ totalCredits: 100, totalUsage: 12.5 });
  });

  it('guardrails: create, list with paging, get, update, delete', async () => {
    const { sdk } = await sdkAgainstSandbox();
    const g = await sdk.guardrails.create({
      createGuardrailRequest: {
        name: 'prod-cap',
        limitUsd: 50,
        resetInterval: 'daily',
        allowedModels: ['openai/gpt-4o'],
        contentFilters: [{ pattern: 'secret-\\d+', action: 'block' }],
        contentFilterBuiltins: [{ slug: 'email', action: 'redact' }],
        enforceZdr: true,
      },
    });
    expect(g.data.allowedModels).toEqual(['openai/gpt-4o-2024-05-13']);
    for (let i = 0; i < 4; i++) await sdk.guardrails.create({ createGuardrailRequest: { name: `g-${i}` } });

    const page1 = await sdk.guardrails.list({ limit: 2 });
    expect(page1.result.data).toHaveLength(2);
    expect(page1.result.totalCount).toBe(5);
    const page2 = await page1.next();
    expect(page2?.result.data.map((x) => x.name)).toEqual(['g-1', 'g-2']);

    expect((await sdk.guardrails.get({ id: g.data.id })).data.name).toBe('prod-cap');
    const up = await sdk.guardrails.update({
      id: g.data.id,
      updateGuardrailRequest: { description: 'cap', allowedProviders: ['openai'] },
    });
    expect(up.data).toMatchObject({ description: 'cap', allowedProviders: ['openai'], limitUsd: 50 });
    expect((await sdk.guardrails.delete({ id: g.data.id })).deleted).toBe(true);
  });

  it('workspaces: create, list with paging, get by slug, update, delete; members; budgets', async () => {
    const { sdk } = await sdkAgainstSandbox();
    const ws = await sdk.workspaces.create({ createWorkspaceRequest: { name: 'Research', slug: 'research', description: 'ML' } });
    await sdk.workspaces.create({ createWorkspaceRequest: { name: 'Ops', slug: 'ops' } });
    const listed = await sdk.workspaces.list({ limit: 2 });
    expect(listed.result.totalCount).toBe(3);
    expect((await listed.next())?.result.data.map((w) => w.slug)).toEqual(['ops']);
    expect((await sdk.workspaces.get({ id: 'research' })).data.id).toBe(ws.data.id);
    const renamed = await sdk.workspaces.update({ id: ws.data.id, updateWorkspaceRequest: { name: 'R&D' } });
    expect(renamed.data.name).toBe('R&D');

    const added = await sdk.workspaces.bulkAddMembers({
      id: 'research',
      bulkAddWorkspaceMembersRequest: { userIds: ['user_bob', 'user_carol', 'user_unknown'] },
    });
    expect(added.addedCount).toBe(2);
    const members = await sdk.workspaces.listMembers({ id: 'research' });
    expect(members.result.data.map((m) => [m.userId, m.role])).toEqual([
      ['user_bob', 'member'],
      ['user_carol', 'member'],
    ]);
    const removed = await sdk.workspaces.bulkRemoveMembers({
      id: 'research',
      bulkRemoveWorkspaceMembersRequest: { userIds: ['user_carol'] },
    });
    expect(removed.removedCount).toBe(1);

    const budget = await sdk.workspaces.setBudget({
      workspaceRef: 'research',
      interval: 'lifetime',
      upsertWorkspaceBudgetRequest: { limitUsd: 1000, includeByokInBudgets: true },
    });
    expect(budget.data.resetInterval).toBeNull();
    await sdk.workspaces.setBudget({ workspaceRef: 'research', interval: 'monthly', upsertWorkspaceBudgetRequest: { limitUsd: 100 } });
    const budgets = await sdk.workspaces.listBudgets({ workspaceRef: 'research' });
    expect(budgets.includeByokInBudgets).toBe(true);
    expect(budgets.data.map((b) => b.resetInterval)).toEqual(['monthly', null]);
    expect((await sdk.workspaces.getBudget({ workspaceRef: 'research', interval: 'monthly' })).data.limitUsd).toBe(100);
    expect((await sdk.workspaces.deleteBudget({ workspaceRef: 'research', interval: 'monthly' })).deleted).toBe(true);

    expect((await sdk.workspaces.delete({ id: 'ops' })).deleted).toBe(true);
  });

  it('bindings: bulk assign and unassign keys and members; per-guardrail and global lists', async () => {
    const { sdk } = await sdkAgainstSandbox();
    const g = (await sdk.guardrails.create({ createGuardrailRequest: { name: 'bound' } })).data;
    const k1 = (await sdk.apiKeys.create({ requestBody: { name: 'k1' } })).data;
    const k2 = (await sdk.apiKeys.create({ requestBody: { name: 'k2' } })).data;

    const assigned = await sdk.guardrails.bulkAssignKeys({
      id: g.id,
      bulkAssignKeysRequest: { keyHashes: [k1.hash, k2.hash, 'unknown-hash'] },
    });
    expect(assigned.assignedCount).toBe(2);
    const perGuardrail = await sdk.guardrails.listGuardrailKeyAssignments({ id: g.id });
    expect(perGuardrail.result.data.map((a) => a.keyName)).toEqual(['k1', 'k2']);
    expect((await sdk.guardrails.listKeyAssignments()).result.totalCount).toBe(2);
    const unassigned = await sdk.guardrails.bulkUnassignKeys({ id: g.id, bulkUnassignKeysRequest: { keyHashes: [k1.hash] } });
    expect(unassigned.unassignedCount).toBe(1);

    const members = await sdk.guardrails.bulkAssignMembers({
      id: g.id,
      bulkAssignMembersRequest: { memberUserIds: ['user_bob', 'user_nobody'] },
    });
    expect(members.assignedCount).toBe(1);
    expect((await sdk.guardrails.listGuardrailMemberAssignments({ id: g.id })).result.data[0]).toMatchObject({
      userId: 'user_bob',
      organizationId: 'org_sandbox',
    });
    expect((await sdk.guardrails.listMemberAssignments()).result.totalCount).toBe(1);
    const gone = await sdk.guardrails.bulkUnassignMembers({
      id: g.id,
      bulkUnassignMembersRequest: { memberUserIds: ['user_bob'] },
    });
    expect(gone.unassignedCount).toBe(1);
  });

  it('organization members, with paging', async () => {
    const { sdk } = await sdkAgainstSandbox();
    const first = await sdk.organization.listMembers({ limit: 2 });
    expect(first.result.totalCount).toBe(3);
    expect(first.result.data.map((m) => m.email)).toEqual(['admin@example.com', 'bob@example.com']);
    expect((await first.next())?.result.data).toEqual([
      { id: 'user_carol', email: 'carol@example.com', firstName: null, lastName: null, role: 'org:member' },
    ]);
  });
});
