// Workspaces, their members and budgets (README "Workspaces"; reference /workspaces/*).
import { describe, expect, it } from 'vitest';
import { expectError, sandbox } from './helpers.js';

const ORG = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
    { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
    { id: 'user_ann', email: 'ann@example.com', role: 'org:admin' as const },
    { id: 'user_scim', email: 'scim@example.com', role: 'org:member' as const, scim_managed: true },
  ],
};

describe('workspaces', () => {
  it('always has the default workspace, reachable by id or slug, which cannot be deleted (403)', async () => {
    const { sb, api } = await sandbox();
    const list = (await api.get('/workspaces')).body;
    expect(list.total_count).toBe(1);
    expect(list.data[0]).toMatchObject({ slug: 'default', name: 'Default Workspace' });
    expect((await api.get(`/workspaces/${list.data[0].id}`)).body.data.slug).toBe('default');
    expect((await api.get('/workspaces/default')).body.data.id).toBe(sb.state.defaultWorkspaceId);
    expectError(await api.delete('/workspaces/default'), 403);
    expectError(await api.get('/workspaces/nope'), 404);
  });

  it('creates with the documented defaults; include_byok_in_budgets is read-only', async () => {
    const { api } = await sandbox({ seed: ORG });
    const res = await api.post('/workspaces', { name: 'Research', slug: 'research' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      description: null,
      default_text_model: null,
      default_image_model: null,
      default_provider_sort: null,
      is_observability_io_logging_enabled: false,
      is_observability_broadcast_enabled: false,
      is_data_discount_logging_enabled: false,
      io_logging_sampling_rate: 1,
      io_logging_api_key_ids: null,
      include_byok_in_budgets: false,
      created_by: 'user_admin',
      updated_at: null,
    });
    const ro = await api.post('/workspaces', { name: 'X', slug: 'x', include_byok_in_budgets: true });
    expect(expectError(ro, 400)).toContain('include_byok_in_budgets');
    expectError(await api.patch('/workspaces/research', { include_byok_in_budgets: true }), 400);
  });

  it('enforces the slug pattern, length and uniqueness', async () => {
    const { api } = await sandbox();
    await api.post('/workspaces', { name: 'A', slug: 'team-a' });
    expect(expectError(await api.post('/workspaces', { name: 'A', slug: 'team-a' }), 400)).toContain('already exists');
    for (const slug of ['Team', 'team--a', '-a', 'a-', 'a_b', 'x'.repeat(51), '']) {
      expect(expectError(await api.post('/workspaces', { name: 'A', slug }), 400)).toContain('slug');
    }
    expect((await api.post('/workspaces', { name: 'A', slug: 'x'.repeat(50) })).status).toBe(201);
    expectError(await api.patch('/workspaces/team-a', { slug: 'default' }), 400);
  });

  it('updates settings by slug or id; the default workspace keeps its slug', async () => {
    const { api } = await sandbox();
    const ws = (await api.post('/workspaces', { name: 'A', slug: 'a' })).body.data;
    const res = await api.patch(`/workspaces/${ws.id}`, { slug: 'b', description: 'd', io_logging_sampling_rate: 0.5 });
    expect(res.body.data).toMatchObject({ slug: 'b', description: 'd', io_logging_sampling_rate: 0.5 });
    expect(res.body.data.updated_at).not.toBeNull();
    expect((await api.patch('/workspaces/b', { name: 'B' })).body.data.name).toBe('B');
    expectError(await api.patch('/workspaces/default', { slug: 'main' }), 400);
    expect((await api.patch('/workspaces/default', { name: 'Main' })).body.data.name).toBe('Main');
  });

  it('refuses to delete a workspace with active keys; otherwise deletes everything in it', async () => {
    const { sb, api } = await sandbox({ seed: ORG });
    const ws = (await api.post('/workspaces', { name: 'R', slug: 'r' })).body.data;
    const key = (await api.post('/keys', { name: 'live', workspace_id: ws.id })).body.data;
    const g = (await api.post('/guardrails', { name: 'g', workspace_id: ws.id })).body.data;
    await api.patch(`/guardrails/${ws.default_guardrail_id}`, { limit_usd: 5 });
    await api.put('/workspaces/r/budgets/monthly', { limit_usd: 10 });
    await api.post('/workspaces/r/members/add', { user_ids: ['user_bob'] });
    await api.post(`/guardrails/${g.id}/assignments/keys`, { key_hashes: [key.hash] });
    await api.post(`/guardrails/${g.id}/assignments/members`, { member_user_ids: ['user_bob'] });

    expect(expectError(await api.delete('/workspaces/r'), 400)).toContain('"live"');
    await api.patch(`/keys/${key.hash}`, { disabled: true });
    expect((await api.delete('/workspaces/r')).body).toEqual({ deleted: true });

    expectError(await api.get('/workspaces/r'), 404);
    expectError(await api.get(`/keys/${key.hash}`), 404);
    expectError(await api.get(`/guardrails/${g.id}`), 404);
    expectError(await api.get(`/guardrails/${ws.default_guardrail_id}`), 404);
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(0);
    expect((await api.get('/guardrails/assignments/members')).body.total_count).toBe(0);
    const data = sb.state.toData();
    expect(data.budgets).toEqual([]);
    expect(data.workspaceMembers).toEqual([]);
  });
});

describe('workspace members', () => {
  it('are every organization member in the default workspace, with the role following the org role', async () => {
    const { api } = await sandbox({ seed: ORG });
    const res = (await api.get('/workspaces/default/members?limit=2')).body;
    expect(res.total_count).toBe(4);
    expect(res.data.map((m: { user_id: string; role: string }) => [m.user_id, m.role])).toEqual([
      ['user_admin', 'admin'],
      ['user_bob', 'member'],
    ]);
    expectError(await api.post('/workspaces/default/members/add', { user_ids: ['user_bob'] }), 400);
    expectError(await api.post('/workspaces/default/members/remove', { user_ids: ['user_bob'] }), 400);
  });

  it('add: 1..100 ids; unknown users and existing members are not counted', async () => {
    const { api } = await sandbox({ seed: ORG });
    await api.post('/workspaces', { name: 'R', slug: 'r' });
    const add = (user_ids: string[]) => api.post('/workspaces/r/members/add', { user_ids });
    const first = (await add(['user_bob', 'user_ann', 'user_nobody'])).body;
    expect(first.added_count).toBe(2);
    expect(first.data.map((m: { user_id: string; role: string }) => [m.user_id, m.role])).toEqual([
      ['user_bob', 'member'],
      ['user_ann', 'admin'],
    ]);
    expect((await add(['user_bob'])).body).toEqual({ data: [], added_count: 0 });
    expect((await add(Array.from({ length: 100 }, (_, i) => `u${i}`))).status).toBe(200);
    expect(expectError(await add(Array.from({ length: 101 }, (_, i) => `u${i}`)), 400)).toContain('user_ids');
    expectError(await add([]), 400);
    expect((await api.get('/workspaces/r/members')).body.total_count).toBe(2);
  });

  it('remove: refused for a member with active keys in the workspace, or SCIM-managed; others counted', async () => {
    const { sb, api } = await sandbox({ seed: ORG });
    const ws = (await api.post('/workspaces', { name: 'R', slug: 'r' })).body.data;
    await api.post('/workspaces/r/members/add', { user_ids: ['user_bob', 'user_ann', 'user_scim'] });
    const key = (await api.post('/keys', { name: 'bobs', workspace_id: ws.id, creator_user_id: 'user_bob' })).body.data;
    const refused = await api.post('/workspaces/r/members/remove', { user_ids: ['user_ann', 'user_bob'] });
    expect(expectError(refused, 400)).toContain('user_bob (bob@example.com)');
    expect(expectError(await api.post('/workspaces/r/members/remove', { user_ids: ['user_scim'] }), 400)).toContain('SCIM');
    sb.state.disableKey(key.hash);
    const removed = await api.post('/workspaces/r/members/remove', { user_ids: ['user_ann', 'user_bob', 'user_x'] });
    expect(removed.body).toEqual({ removed_count: 2 });
    expect(expectError(await api.post('/workspaces/r/members/remove', { user_ids: Array(101).fill('u') }), 400)).toContain(
      'user_ids',
    );
  });
});

describe('workspace budgets', () => {
  it('PUT creates or updates; lifetime is reset_interval null; the list is not paginated', async () => {
    const { sb, api } = await sandbox();
    const put = await api.put('/workspaces/default/budgets/lifetime', { limit_usd: 1000 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      data: { limit_usd: 1000, reset_interval: null, workspace_id: sb.state.defaultWorkspaceId },
      include_byok_in_budgets: false,
    });
    await api.put('/workspaces/default/budgets/daily', { limit_usd: 10 });
    const updated = await api.put('/workspaces/default/budgets/daily', { limit_usd: 20 });
    expect(updated.body.data.id).toBe((await api.get('/workspaces/default/budgets/daily')).body.data.id);
    // Not paginated: the reference gives it no limit or offset parameter (and the sandbox refuses
    // parameters the reference does not define).
    expect(expectError(await api.get('/workspaces/default/budgets?limit=1'), 400)).toContain('"limit"');
    const list = (await api.get('/workspaces/default/budgets')).body;
    expect(list).not.toHaveProperty('total_count');
    expect(list.data.map((b: { reset_interval: string | null; limit_usd: number }) => [b.reset_interval, b.limit_usd])).toEqual([
      ['daily', 20],
      [null, 1000],
    ]);
  });

  it('limits strictly decrease as the interval narrows; a violation names both intervals', async () => {
    const { api } = await sandbox();
    await api.put('/workspaces/default/budgets/monthly', { limit_usd: 100 });
    const weekly = await api.put('/workspaces/default/budgets/weekly', { limit_usd: 100 });
    expect(expectError(weekly, 400)).toMatch(/weekly budget \(100\) must be less than the monthly budget \(100\)/);
    const lifetime = await api.put('/workspaces/default/budgets/lifetime', { limit_usd: 50 });
    expect(expectError(lifetime, 400)).toMatch(/monthly budget \(100\) must be less than the lifetime budget \(50\)/);
    await api.put('/workspaces/default/budgets/daily', { limit_usd: 5 });
    expect(expectError(await api.put('/workspaces/default/budgets/monthly', { limit_usd: 4 }), 400)).toContain(
      'daily budget (5)',
    );
    expect((await api.put('/workspaces/default/budgets/weekly', { limit_usd: 30 })).status).toBe(200);
  });

  it('include_byok_in_budgets is one workspace-wide setting, shown on the workspace too', async () => {
    const { api } = await sandbox();
    await api.put('/workspaces/default/budgets/monthly', { limit_usd: 100, include_byok_in_budgets: true });
    const daily = await api.put('/workspaces/default/budgets/daily', { limit_usd: 10 });
    expect(daily.body.include_byok_in_budgets).toBe(true);
    expect((await api.get('/workspaces/default/budgets/monthly')).body.include_byok_in_budgets).toBe(true);
    expect((await api.get('/workspaces/default')).body.data.include_byok_in_budgets).toBe(true);
  });

  it('GET and DELETE of a missing budget are 404; a bad interval or limit is 400', async () => {
    const { api } = await sandbox();
    expectError(await api.get('/workspaces/default/budgets/weekly'), 404);
    expectError(await api.delete('/workspaces/default/budgets/weekly'), 404);
    await api.put('/workspaces/default/budgets/weekly', { limit_usd: 1 });
    expect((await api.delete('/workspaces/default/budgets/weekly')).body).toEqual({ deleted: true });
    expect(expectError(await api.put('/workspaces/default/budgets/yearly', { limit_usd: 1 }), 400)).toContain('interval');
    expect(expectError(await api.put('/workspaces/default/budgets/daily', { limit_usd: 0 }), 400)).toContain('limit_usd');
    expectError(await api.put('/workspaces/default/budgets/daily', {}), 400);
    expectError(await api.get('/workspaces/nope/budgets'), 404);
  });
});
