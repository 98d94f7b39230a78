// Seeding from YAML, JSON or an object; clear errors for invalid seeds; the state helpers other
// tests use to create drift out of band.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeededState, SeedError, type SeedDocument } from '../../src/sandbox/index.js';
import { client, expectError, sandbox } from './helpers.js';

const HASH = 'ab'.repeat(32);

const YAML_SEED = `
organization_id: org_acme
organization_members:
  - { id: user_alice, email: alice@example.com, first_name: Alice, last_name: Ng, role: org:admin }
  - { id: user_bob, email: bob@example.com, role: org:member }
credits: { total_credits: 500, total_usage: 123.45 }
workspaces:
  - slug: default
    default_text_model: openai/gpt-4o
  - slug: research
    name: Research
    description: ML research
    is_observability_io_logging_enabled: true
    created_at: 2025-03-01T00:00:00Z
workspace_members:
  - { workspace: research, member: bob@example.com }
budgets:
  - { workspace: research, interval: monthly, limit_usd: 1000, include_byok_in_budgets: true }
  - { workspace: research, interval: daily, limit_usd: 50 }
guardrails:
  - name: prod-cap
    limit_usd: 50
    reset_interval: daily
    allowed_models: [openai/gpt-4o]
    enforce_zdr: true
  - { name: research-cap, workspace: research, allowed_providers: [anthropic] }
default_guardrails:
  research: { allowed_providers: [openai, anthropic] }
keys:
  - name: prod-bot
    limit: 100
    limit_reset: monthly
    usage: 80
    usage_monthly: 25
    created_at: 2025-05-01T10:00:00Z
    expires_at: 2024-01-01T00:00:00Z
    hash: ${HASH}
  - { name: old-bot, disabled: true }
  - { name: lab, workspace: research, creator: bob@example.com }
key_assignments:
  - { key: prod-bot, guardrail: prod-cap }
  - { key: lab, workspace: research, guardrail: research-cap }
member_assignments:
  - { member: bob@example.com, guardrail: prod-cap }
`;

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'oradmin-seed-')), name);
  writeFileSync(path, text);
  return path;
}

describe('seeding', () => {
  it('builds the whole organization from a YAML file, visible through the API', async () => {
    const { sb, api } = await sandbox({ seed: tempFile('org.yaml', YAML_SEED) });
    expect((await api.get('/organization/members')).body.total_count).toBe(2);
    expect((await api.get('/credits')).body.data).toEqual({ total_credits: 500, total_usage: 123.45 });
    expect((await api.get('/workspaces/default')).body.data.default_text_model).toBe('openai/gpt-4o');
    const research = (await api.get('/workspaces/research')).body.data;
    expect(research).toMatchObject({ description: 'ML research', is_observability_io_logging_enabled: true, include_byok_in_budgets: true });
    expect(research.created_at).toBe('2025-03-01T00:00:00.000Z');
    expect((await api.get('/workspaces/research/budgets')).body.data).toHaveLength(2);
    expect((await api.get('/workspaces/research/members')).body.data.map((m: { user_id: string }) => m.user_id)).toEqual([
      'user_bob',
    ]);

    const prod = (await api.get(`/keys/${HASH}`)).body.data;
    expect(prod).toMatchObject({
      name: 'prod-bot',
      label: 'sk-or-v1-aba...bab',
      limit_remaining: 75,
      expires_at: '2024-01-01T00:00:00.000Z',
      creator_user_id: 'user_alice',
    });
    expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['prod-bot']);
    expect((await api.get('/keys?include_disabled=true')).body.data).toHaveLength(2);
    expect(sb.state.findKeyByName('lab', 'research')?.creator_user_id).toBe('user_bob');

    const guardrail = sb.state.findGuardrailByName('prod-cap');
    expect(guardrail).toMatchObject({ allowed_models: ['openai/gpt-4o-2024-05-13'], enforce_zdr: true });
    expect((await api.get(`/guardrails/${research.default_guardrail_id}`)).body.data).toMatchObject({
      name: 'Research default guardrail',
      allowed_providers: ['openai', 'anthropic'],
    });
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(2);
    expect((await api.get('/guardrails/assignments/members')).body.data[0]).toMatchObject({
      user_id: 'user_bob',
      organization_id: 'org_acme',
    });
  });

  it('reads a JSON file the same way', async () => {
    const doc: SeedDocument = {
      workspaces: [{ slug: 'ops', name: 'Ops' }],
      keys: [{ name: 'ops-key', workspace: 'ops', limit: 5 }],
    };
    const { sb } = await sandbox({ seed: tempFile('org.json', JSON.stringify(doc)) });
    expect(sb.state.keysIn('ops').map((k) => k.name)).toEqual(['ops-key']);
  });

  it.each([
    ['an unknown field', { keys: [{ name: 'k', limt: 5 }] }, /seed: keys\[0\]: Unrecognized key: "limt"/],
    ['an unknown workspace', { keys: [{ name: 'k', workspace: 'nope' }] }, /seed: keys\[0\]: unknown workspace "nope"/],
    ['an unknown member', { workspaces: [{ slug: 'r', name: 'R' }], workspace_members: [{ workspace: 'r', member: 'x@y.z' }] }, /workspace_members\[0\]: "x@y.z" is not an organization member/],
    ['budgets out of order', { budgets: [{ workspace: 'default', interval: 'daily', limit_usd: 10 }, { workspace: 'default', interval: 'weekly', limit_usd: 5 }] }, /budgets\[1\]: .*daily budget \(10\) must be less than the weekly budget \(5\)/],
    ['an ambiguous key name', { guardrails: [{ name: 'g' }], keys: [{ name: 'k' }, { name: 'k' }], key_assignments: [{ key: 'k', guardrail: 'g' }] }, /key_assignments\[0\]: 2 keys are named "k"/],
    ['an unknown guardrail name', { keys: [{ name: 'k' }], key_assignments: [{ key: 'k', guardrail: 'nope' }] }, /key_assignments\[0\]: no guardrail named "nope" in workspace "default"/],
    ['no org admin', { organization_members: [{ id: 'u', email: 'u@x.io', role: 'org:member' }] }, /org:admin/],
    ['a workspace without a name', { workspaces: [{ slug: 'r' }] }, /workspaces\[0\]: .*name is required/],
    ['a bad slug', { workspaces: [{ slug: 'Bad Slug', name: 'B' }] }, /workspaces\[0\]\.slug: must be lowercase/],
    ['members on the default workspace', { workspace_members: [{ workspace: 'default', member: 'owner@example.com' }] }, /implicit/],
  ])('rejects %s with a message naming the entry', (_what, doc, message) => {
    expect(() => createSeededState(doc as SeedDocument)).toThrow(SeedError);
    expect(() => createSeededState(doc as SeedDocument)).toThrow(message);
  });

  it('rejects an unreadable or malformed file, naming it', () => {
    expect(() => createSeededState('/nonexistent/org.yaml')).toThrow(/\/nonexistent\/org.yaml: cannot read/);
    const bad = tempFile('bad.yaml', 'keys: [unclosed\n');
    expect(() => createSeededState(bad)).toThrow(/bad\.yaml: invalid YAML/);
    const badJson = tempFile('bad.json', '{"keys": ');
    expect(() => createSeededState(badJson)).toThrow(/bad\.json: invalid JSON/);
    const bomb = tempFile('bomb.yaml', `a: &a [x, x]\n${Array.from({ length: 150 }, (_, i) => `k${i}: *a`).join('\n')}\n`);
    expect(() => createSeededState(bomb)).toThrow(/invalid YAML/);
  });

  it('gives identical ids on every run with deterministicIds', async () => {
    const ids = async () => {
      const { sb, api } = await sandbox({ seed: { keys: [{ name: 'k' }], guardrails: [{ name: 'g' }] }, deterministicIds: true });
      const created = (await api.post('/keys', { name: 'new' })).body;
      return [sb.state.workspaces()[0]?.id, sb.state.findGuardrailByName('g')?.id, sb.state.findKeyByName('k')?.hash, created.key];
    };
    const first = await ids();
    expect(first[0]).toMatch(/^00000000-0000-4000-8000-/);
    expect(await ids()).toEqual(first);
  });
});

describe('state helpers (out-of-band changes)', () => {
  it('change the organization behind the API, obeying its rules', async () => {
    const { sb } = await sandbox();
    const api = client(sb);
    sb.state.addOrgMember({ id: 'user_dan', email: 'dan@example.com' });
    sb.state.addWorkspace({ slug: 'lab', name: 'Lab' });
    const { key, secret } = sb.state.addKey({ name: 'drifted', workspace: 'lab', limit: 5, creator: 'dan@example.com' });
    expect(secret).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    expect(sb.state.keysIn('lab')).toEqual([key]);
    const lab = sb.state.workspace('lab');
    expect((await api.get(`/keys?workspace_id=${lab?.id}`)).body.data).toEqual([key]);

    sb.state.updateKey(key.hash, { limit: 9, expires_at: '2030-01-01T00:00:00Z' });
    sb.state.disableKey(key.hash);
    expect(sb.state.key(key.hash)).toMatchObject({ limit: 9, disabled: true, expires_at: '2030-01-01T00:00:00.000Z' });

    const g = sb.state.addGuardrail({ name: 'lab-cap', workspace: 'lab', limit_usd: 3 });
    expect(sb.state.assignKey(key.hash, g.id)).toBe(true);
    expect(sb.state.assignKey(key.hash, g.id)).toBe(false);
    expect(sb.state.keyAssignments()).toHaveLength(1);
    expect(() => sb.state.assignKey(sb.state.addKey({ name: 'd' }).key.hash, g.id)).toThrow(/same workspace/);
    // Only a member of the workspace can be bound to one of its guardrails.
    expect(() => sb.state.assignMember('dan@example.com', g.id)).toThrow(/not a member of workspace "lab"/);
    expect(sb.state.addWorkspaceMember('lab', 'user_dan')).toBe(true);
    expect(sb.state.workspaceMembers('lab').map((m) => m.user_id)).toEqual(['user_dan']);
    expect(sb.state.assignMember('dan@example.com', g.id)).toBe(true);
    expect(sb.state.memberAssignments()[0]?.user_id).toBe('user_dan');
    expect(sb.state.setBudget('lab', 'weekly', 20).reset_interval).toBe('weekly');
    expect(() => sb.state.setBudget('lab', 'daily', 20)).toThrow(/must be less than/);
    expect(sb.state.budgets('lab')).toHaveLength(1);

    expect(sb.state.setDefaultGuardrail('lab', { ignored_providers: ['azure'] }).name).toBe('Lab default guardrail');
    sb.state.deleteKey(key.hash);
    expect(sb.state.keyAssignments()).toEqual([]);
    expectError(await api.get(`/keys/${key.hash}`), 404);
  });
});
