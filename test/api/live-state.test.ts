// The whole live organization, read with the minimum number of requests the API allows.
import { describe, expect, it } from 'vitest';
import { readLiveState } from '../../src/api/live-state.js';
import type { SeedDocument } from '../../src/sandbox/index.js';
import { MODEL_CATALOG } from '../../src/sandbox/index.js';
import { clientFor, guardrails, keys, members, sandbox } from './helpers.js';

const PAGE = 100;
const pagesOfCounted = (total: number): number => Math.max(1, Math.ceil(total / PAGE));
/**
 * /keys has no total: the end is the first short page, so n keys need floor(n/100)+1 pages — an
 * exact multiple of 100 ends with an empty page. The paginator also reads ahead in windows of
 * 1, 2, 4… pages, which is exactly the minimum only when floor(n/100)+1 is 1, 3, 7, 15…; key
 * counts here are therefore below 100 or in 200–299, never an exact multiple of 100, where read-ahead
 * would add requests the minimum does not count.
 */
const pagesOfKeys = (n: number): number => Math.floor(n / PAGE) + 1;

const ORG = {
  members: 130,
  keys: { default: 40, research: 250, prod: 7, empty: 0 },
  guardrails: { default: 3, research: 130, prod: 1, empty: 0 },
  workspaceMembers: { research: 110, prod: 5, empty: 0 },
  keyAssignments: 105,
  memberAssignments: 101,
};

function seed(): SeedDocument {
  const orgMembers = members(ORG.members);
  return {
    organization_members: orgMembers,
    workspaces: [
      { slug: 'research', name: 'Research' },
      { slug: 'prod', name: 'Prod' },
      { slug: 'empty', name: 'Empty' },
    ],
    keys: [
      ...keys(ORG.keys.default, 'default', { disabledEvery: 4 }),
      ...keys(ORG.keys.research, 'research', { disabledEvery: 9 }),
      ...keys(ORG.keys.prod, 'prod', { disabledEvery: 3 }),
    ],
    guardrails: [...guardrails(ORG.guardrails.default, 'default'), ...guardrails(ORG.guardrails.research, 'research'), ...guardrails(ORG.guardrails.prod, 'prod')],
    workspace_members: [
      ...orgMembers.slice(0, ORG.workspaceMembers.research).map((m) => ({ workspace: 'research', member: m.email })),
      ...orgMembers.slice(0, ORG.workspaceMembers.prod).map((m) => ({ workspace: 'prod', member: m.id })),
    ],
    key_assignments: Array.from({ length: ORG.keyAssignments }, (_, i) => ({
      key: `research-key-${i}`,
      workspace: 'research',
      guardrail: `research-guard-${i % 7}`,
    })),
    member_assignments: orgMembers.slice(0, ORG.memberAssignments).map((m, i) => ({
      member: m.email,
      guardrail: `research-guard-${i % 3}`,
      workspace: 'research',
    })),
    budgets: [
      { workspace: 'default', interval: 'monthly', limit_usd: 2000 },
      { workspace: 'research', interval: 'monthly', limit_usd: 1000, include_byok_in_budgets: true },
      { workspace: 'research', interval: 'daily', limit_usd: 50 },
      { workspace: 'prod', interval: 'lifetime', limit_usd: 5000 },
    ],
    default_guardrails: { prod: { allowed_providers: ['openai'] } },
  };
}

describe('readLiveState', () => {
  it('reads a whole organization with exactly the minimum number of requests, given the keys the file declares', async () => {
    const sb = await sandbox({ seed: seed() });
    const { client } = clientFor(sb);
    // /keys has no total: without knowing how many keys to expect, the reader may ask for a page or
    // two past the end (paginate.test.ts); with the file's counts it asks for exactly the pages there are.
    const live = await readLiveState(client, { expectedKeys: Promise.resolve(ORG.keys) });

    const slugs = Object.keys(ORG.keys) as (keyof typeof ORG.keys)[];
    const expected: Record<string, number> = {
      listWorkspaces: pagesOfCounted(slugs.length),
      listOrganizationMembers: pagesOfCounted(ORG.members),
      listKeyAssignments: pagesOfCounted(ORG.keyAssignments),
      listMemberAssignments: pagesOfCounted(ORG.memberAssignments),
      list: slugs.reduce((sum, s) => sum + pagesOfKeys(ORG.keys[s]), 0),
      // The materialized default guardrail of `prod` is listed with its guardrails.
      listGuardrails: slugs.reduce((sum, s) => sum + pagesOfCounted(ORG.guardrails[s] + (s === 'prod' ? 1 : 0)), 0),
      // Not for the default workspace, whose membership is implicit.
      listWorkspaceMembers: (['research', 'prod', 'empty'] as const).reduce((sum, s) => sum + pagesOfCounted(ORG.workspaceMembers[s]), 0),
      listWorkspaceBudgets: slugs.length,
    };
    expect(sb.counts()).toEqual(expected);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(client.stats().requests).toBe(total);
    expect(total).toBe(1 + 2 + 2 + 2 + (1 + 3 + 1 + 1) + (1 + 2 + 1 + 1) + (2 + 1 + 1) + 4);

    // And everything is there.
    expect(live.workspaces.map((w) => w.slug).sort()).toEqual(['default', 'empty', 'prod', 'research']);
    expect(live.keys).toHaveLength(40 + 250 + 7);
    expect(live.keys.filter((k) => k.disabled)).toHaveLength(10 + 28 + 3);
    expect(live.guardrails).toHaveLength(3 + 130 + 1 + 1);
    expect(live.workspaceMembers).toHaveLength(110 + 5);
    expect(live.keyAssignments).toHaveLength(105);
    expect(live.memberAssignments).toHaveLength(101);
    expect(live.orgMembers).toHaveLength(130);
    expect(live.budgets).toHaveLength(4);
    const id = (slug: string) => live.workspaces.find((w) => w.slug === slug)!.id;
    expect(live.budgetSettings[id('research')]).toEqual({ include_byok_in_budgets: true });
    expect(live.budgetSettings[id('default')]).toEqual({ include_byok_in_budgets: false });
    expect(live.models).toBeUndefined();
    // Compared with the sandbox's own view, field for field.
    expect(live.keys.filter((k) => k.workspace_id === id('research')).map((k) => k.hash).sort()).toEqual(
      sb.state.keysIn('research').map((k) => k.hash).sort(),
    );
    expect(live.orgMembers).toEqual(sb.state.orgMembers());
  });

  it('runs independent reads concurrently, within the in-flight bound', async () => {
    const sb = await sandbox({ seed: seed(), latencyMs: 15 });
    const { client } = clientFor(sb);
    await readLiveState(client, { expectedKeys: Promise.resolve(ORG.keys) });
    const { peakInFlight, requests } = client.stats();
    expect(peakInFlight).toBe(8);
    expect(requests).toBe(sb.log.length);
  });

  it('reads the model catalog on request', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    const live = await readLiveState(client, { models: true });
    expect(live.models?.map((m) => m.id)).toEqual(MODEL_CATALOG.map((m) => m.id));
    expect(sb.counts().getModels).toBe(1);
  });

  it('reads a default guardrail the lists do not show, and takes 404 as "not configured yet"', async () => {
    const sb = await sandbox({
      seed: { workspaces: [{ slug: 'a', name: 'A' }, { slug: 'b', name: 'B' }], default_guardrails: { b: { enforce_zdr: true } } },
    });
    const { client } = clientFor(sb);
    const a = sb.state.workspace('a')!;
    const b = sb.state.workspace('b')!;
    const live = await readLiveState(client, { defaultGuardrailsFor: [a.id, 'b'] });
    // a: not materialized → one GET, 404, absent. b: materialized, already in its list → no GET.
    expect(sb.counts().getGuardrail).toBe(1);
    expect(sb.log.find((e) => e.operationId === 'getGuardrail')?.status).toBe(404);
    expect(live.guardrails.map((g) => g.id)).toContain(b.default_guardrail_id);
    expect(live.guardrails.map((g) => g.id)).not.toContain(a.default_guardrail_id);
  });
});
