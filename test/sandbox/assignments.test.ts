// Guardrail bindings (README "Guardrails and bindings"): one guardrail per key, same workspace;
// one direct guardrail per member and workspace, workspace members only outside the default
// workspace; never the workspace default guardrail; unknown hashes and members not counted,
// counts of rows actually changed.
import { describe, expect, it } from 'vitest';
import { expectError, fixedClock, sandbox } from './helpers.js';

const MEMBERS = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
    { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
  ],
};

async function setup() {
  const clock = fixedClock();
  const ctx = await sandbox({ seed: MEMBERS, now: clock.now });
  const { api } = ctx;
  const g1 = (await api.post('/guardrails', { name: 'g1' })).body.data.id as string;
  const g2 = (await api.post('/guardrails', { name: 'g2' })).body.data.id as string;
  const k1 = (await api.post('/keys', { name: 'k1' })).body.data;
  const k2 = (await api.post('/keys', { name: 'k2' })).body.data;
  return { ...ctx, g1, g2, k1, k2 };
}

describe('key assignments', () => {
  it('counts rows created or moved; a key already on this guardrail is not counted', async () => {
    const { api, g1, g2, k1, k2 } = await setup();
    const assign = (g: string, key_hashes: string[]) => api.post(`/guardrails/${g}/assignments/keys`, { key_hashes });
    expect((await assign(g1, [k1.hash, 'no-such-hash'])).body).toEqual({ assigned_count: 1 });
    expect((await assign(g1, [k1.hash, k2.hash, k2.hash])).body).toEqual({ assigned_count: 1 });
    // One guardrail per key: assigning k1 to g2 moves it.
    expect((await assign(g2, [k1.hash])).body).toEqual({ assigned_count: 1 });
    const onG1 = (await api.get(`/guardrails/${g1}/assignments/keys`)).body;
    expect(onG1.data.map((a: { key_name: string }) => a.key_name)).toEqual(['k2']);
    expect(onG1.total_count).toBe(1);
    expect((await api.get(`/guardrails/${g2}/assignments/keys`)).body.data[0].key_hash).toBe(k1.hash);
  });

  it('returns assignment objects with the key name and label, who assigned it and when', async () => {
    const { api, g1, k1 } = await setup();
    await api.post(`/guardrails/${g1}/assignments/keys`, { key_hashes: [k1.hash] });
    await api.patch(`/keys/${k1.hash}`, { name: 'k1-renamed' });
    const [row] = (await api.get(`/guardrails/${g1}/assignments/keys`)).body.data;
    expect(row).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key_hash: k1.hash,
      guardrail_id: g1,
      key_name: 'k1-renamed',
      key_label: k1.label,
      assigned_by: 'user_admin',
      created_at: '2026-01-15T12:00:00.000Z',
    });
  });

  it('refuses a key of another workspace, naming it, and then binds nothing', async () => {
    const { sb, api, g1, k1 } = await setup();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    const other = (await api.post('/keys', { name: 'elsewhere', workspace_id: ws.id })).body.data;
    const res = await api.post(`/guardrails/${g1}/assignments/keys`, { key_hashes: [k1.hash, other.hash] });
    expect(expectError(res, 400)).toContain(`key ${other.hash} ("elsewhere")`);
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(0);
  });

  it('unassign counts only rows removed from this guardrail', async () => {
    const { api, g1, g2, k1, k2 } = await setup();
    await api.post(`/guardrails/${g1}/assignments/keys`, { key_hashes: [k1.hash] });
    await api.post(`/guardrails/${g2}/assignments/keys`, { key_hashes: [k2.hash] });
    const res = await api.post(`/guardrails/${g1}/assignments/keys/remove`, { key_hashes: [k1.hash, k2.hash, 'nope'] });
    expect(res.body).toEqual({ unassigned_count: 1 });
    expect((await api.get('/guardrails/assignments/keys')).body.data.map((a: { key_name: string }) => a.key_name)).toEqual([
      'k2',
    ]);
  });

  it('404 for an unknown guardrail; 400 for an empty list', async () => {
    const { api, g1 } = await setup();
    expectError(await api.post('/guardrails/00000000-0000-4000-8000-00000000abcd/assignments/keys', { key_hashes: ['x'] }), 404);
    expectError(await api.get('/guardrails/00000000-0000-4000-8000-00000000abcd/assignments/keys'), 404);
    expect(expectError(await api.post(`/guardrails/${g1}/assignments/keys`, { key_hashes: [] }), 400)).toContain('key_hashes');
  });
});

describe('member assignments', () => {
  it('binds organization members; unknown users and existing bindings do not count', async () => {
    const { sb, api, g1 } = await setup();
    const assign = (ids: string[]) => api.post(`/guardrails/${g1}/assignments/members`, { member_user_ids: ids });
    expect((await assign(['user_bob', 'user_ghost'])).body).toEqual({ assigned_count: 1 });
    expect((await assign(['user_bob'])).body).toEqual({ assigned_count: 0 });
    const [row] = (await api.get(`/guardrails/${g1}/assignments/members`)).body.data;
    expect(row).toMatchObject({ user_id: 'user_bob', guardrail_id: g1, organization_id: sb.state.organizationId, assigned_by: 'user_admin' });
    const res = await api.post(`/guardrails/${g1}/assignments/members/remove`, { member_user_ids: ['user_bob', 'user_ghost'] });
    expect(res.body).toEqual({ unassigned_count: 1 });
    expect((await api.get('/guardrails/assignments/members')).body.total_count).toBe(0);
  });

  it('moves a member to the new guardrail of a workspace: one direct guardrail per member and workspace', async () => {
    const { sb, api, g1, g2 } = await setup();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    sb.state.addWorkspaceMember('research', 'user_bob');
    const gr = (await api.post('/guardrails', { name: 'gr', workspace_id: ws.id })).body.data.id as string;
    const assign = (g: string, ids: string[]) => api.post(`/guardrails/${g}/assignments/members`, { member_user_ids: ids });
    await assign(g1, ['user_bob', 'user_admin']);
    // A guardrail of another workspace is another binding: bob keeps g1.
    expect((await assign(gr, ['user_bob'])).body).toEqual({ assigned_count: 1 });
    // g2 is in g1's workspace: bob moves, and the move counts.
    expect((await assign(g2, ['user_bob'])).body).toEqual({ assigned_count: 1 });
    const bindings = (await api.get('/guardrails/assignments/members')).body.data.map(
      (a: { user_id: string; guardrail_id: string }) => `${a.user_id}@${a.guardrail_id === g1 ? 'g1' : a.guardrail_id === g2 ? 'g2' : 'gr'}`,
    );
    expect(bindings.sort()).toEqual(['user_admin@g1', 'user_bob@g2', 'user_bob@gr']);
    expect((await api.get(`/guardrails/${g1}/assignments/members`)).body.total_count).toBe(1);
  });

  it('refuses, in a workspace other than the default, someone who is not a member of it, and then binds nobody', async () => {
    const { sb, api } = await setup();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    sb.state.addWorkspaceMember('research', 'user_bob');
    const gr = (await api.post('/guardrails', { name: 'gr', workspace_id: ws.id })).body.data.id as string;
    const res = await api.post(`/guardrails/${gr}/assignments/members`, { member_user_ids: ['user_bob', 'user_admin'] });
    expect(expectError(res, 400)).toContain('user_admin is not a member of workspace "research"');
    expect((await api.get('/guardrails/assignments/members')).body.total_count).toBe(0);
    // Unknown users still just do not count.
    const ok = await api.post(`/guardrails/${gr}/assignments/members`, { member_user_ids: ['user_bob', 'user_ghost'] });
    expect(ok.body).toEqual({ assigned_count: 1 });
  });

  it('refuses the workspace default guardrail, for members and keys alike', async () => {
    const { sb, api, k1 } = await setup();
    const id = sb.state.defaultWorkspace.default_guardrail_id;
    await api.patch(`/guardrails/${id}`, { allowed_providers: ['openai'] });
    const members = await api.post(`/guardrails/${id}/assignments/members`, { member_user_ids: ['user_bob'] });
    expect(expectError(members, 400)).toContain('cannot be assigned directly');
    const keys = await api.post(`/guardrails/${id}/assignments/keys`, { key_hashes: [k1.hash] });
    expect(expectError(keys, 400)).toContain('default guardrail of workspace "default"');
    expect((await api.get('/guardrails/assignments/members')).body.total_count).toBe(0);
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(0);
  });
});

describe('global assignment lists', () => {
  it('cover every workspace and page with offset, limit and total_count', async () => {
    const { sb, api, g1, k1, k2 } = await setup();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    const gr = (await api.post('/guardrails', { name: 'gr', workspace_id: ws.id })).body.data.id;
    const kr = (await api.post('/keys', { name: 'kr', workspace_id: ws.id })).body.data.hash;
    await api.post(`/guardrails/${g1}/assignments/keys`, { key_hashes: [k1.hash, k2.hash] });
    await api.post(`/guardrails/${gr}/assignments/keys`, { key_hashes: [kr] });
    const page = (await api.get('/guardrails/assignments/keys?limit=2&offset=1')).body;
    expect(page.total_count).toBe(3);
    expect(page.data.map((a: { key_name: string }) => a.key_name)).toEqual(['k2', 'kr']);
    expectError(await api.get('/guardrails/assignments/members?limit=101'), 400);
  });
});
