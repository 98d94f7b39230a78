// API keys: README "Keys" and "Listing", and the team's decisions for the sandbox.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectError, fixedClock, sandbox } from './helpers.js';

const SECRET = /^sk-or-v1-[0-9a-f]{64}$/;

describe('POST /keys', () => {
  it('returns the secret once, beside data; hash is its SHA-256 and label a masked form', async () => {
    const { sb, api } = await sandbox();
    const res = await api.post('/keys', { name: 'ci' });
    expect(res.status).toBe(201);
    const secret: string = res.body.key;
    expect(secret).toMatch(SECRET);
    expect(res.body.data.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(res.body.data.label).toBe(`sk-or-v1-${secret.slice(9, 12)}...${secret.slice(-3)}`);

    const again = [await api.get(`/keys/${res.body.data.hash}`), await api.get('/keys'), await api.patch(`/keys/${res.body.data.hash}`, { name: 'x' })];
    for (const r of again) expect(JSON.stringify(r.body)).not.toContain(secret);
    expect(JSON.stringify(sb.state.toData())).not.toContain(secret);
  });

  it('fills the defaults: enabled, no limit, no expiry, created by the first org admin, default workspace', async () => {
    const { sb, api } = await sandbox();
    const { body } = await api.post('/keys', { name: 'k' });
    expect(body.data).toMatchObject({
      disabled: false,
      limit: null,
      limit_remaining: null,
      limit_reset: null,
      include_byok_in_limit: false,
      expires_at: null,
      usage: 0,
      updated_at: null,
      creator_user_id: 'user_sandbox_owner',
      workspace_id: sb.state.defaultWorkspaceId,
    });
  });

  it('does not accept disabled on create (a disabled key takes a create and a PATCH)', async () => {
    const { api } = await sandbox();
    expect(expectError(await api.post('/keys', { name: 'k', disabled: true }), 400)).toContain('"disabled"');
  });

  it('requires expires_at in UTC and in the future, and returns it normalized', async () => {
    const clock = fixedClock('2026-01-15T12:00:00.000Z');
    const { api } = await sandbox({ now: clock.now });
    expect(expectError(await api.post('/keys', { name: 'k', expires_at: '2027-01-01T00:00:00+02:00' }), 400)).toMatch(
      /expires_at: .*UTC/,
    );
    expect(expectError(await api.post('/keys', { name: 'k', expires_at: '2026-01-15T12:00:00Z' }), 400)).toContain(
      'not in the future',
    );
    const ok = await api.post('/keys', { name: 'k', expires_at: '2035-06-30T00:00:00Z' });
    expect(ok.body.data.expires_at).toBe('2035-06-30T00:00:00.000Z');
  });

  it('defaults creator_user_id to the owner, accepts a member, rejects a non-member', async () => {
    const { api } = await sandbox({
      seed: {
        organization_members: [
          { id: 'user_a', email: 'a@x.io', role: 'org:member' },
          { id: 'user_b', email: 'b@x.io', role: 'org:admin' },
        ],
      },
    });
    expect((await api.post('/keys', { name: 'k' })).body.data.creator_user_id).toBe('user_b');
    expect((await api.post('/keys', { name: 'k', creator_user_id: 'user_a' })).body.data.creator_user_id).toBe('user_a');
    expect(expectError(await api.post('/keys', { name: 'k', creator_user_id: 'user_zed' }), 400)).toContain('user_zed');
  });

  it('allows duplicate names and rejects an unknown workspace_id with 400', async () => {
    const { api } = await sandbox();
    await api.post('/keys', { name: 'same' });
    await api.post('/keys', { name: 'same' });
    expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['same', 'same']);
    const res = await api.post('/keys', { name: 'k', workspace_id: '00000000-0000-4000-8000-00000000abcd' });
    expect(expectError(res, 400)).toContain('workspace_id');
  });
});

describe('GET /keys', () => {
  it('answers fixed pages of 100, newest first, creation order breaking ties, without total_count', async () => {
    const clock = fixedClock();
    const { sb, api } = await sandbox({ now: clock.now });
    sb.state.addKey({ name: 'oldest', created_at: '2025-01-01T00:00:00Z' });
    for (let i = 0; i < 150; i++) await api.post('/keys', { name: `k${i}` }); // same timestamp
    const first = await api.get('/keys');
    expect(first.body).not.toHaveProperty('total_count');
    expect(first.body.data).toHaveLength(100);
    expect(first.body.data[0].name).toBe('k149');
    expect(first.body.data[99].name).toBe('k50');
    const second = await api.get('/keys?offset=100');
    expect(second.body.data.map((k: { name: string }) => k.name).slice(-2)).toEqual(['k0', 'oldest']);
    expect((await api.get('/keys?offset=151')).body.data).toEqual([]);
  });

  it('pages over the live list: a key created between two pages repeats an item (no snapshot)', async () => {
    const { api } = await sandbox();
    for (let i = 0; i < 101; i++) await api.post('/keys', { name: `k${i}` });
    const first = (await api.get('/keys')).body.data;
    await api.post('/keys', { name: 'late' });
    const second = (await api.get('/keys?offset=100')).body.data;
    expect(second[0].hash).toBe(first[99].hash);
  });

  it('takes only offset, workspace_id and include_disabled', async () => {
    const { api } = await sandbox();
    expect(expectError(await api.get('/keys?limit=10'), 400)).toContain('"limit"');
    expect(expectError(await api.get('/keys?include_disabled=yes'), 400)).toContain('include_disabled');
    expect(expectError(await api.get('/keys?offset=-1'), 400)).toContain('offset');
    expect(expectError(await api.get('/keys?workspace_id=research'), 400)).toContain('workspace_id');
  });

  it('lists the default workspace unless workspace_id is given; an unknown workspace is 400 (the reference lists no 404 here)', async () => {
    const { sb, api } = await sandbox();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    await api.post('/keys', { name: 'in-default' });
    await api.post('/keys', { name: 'in-research', workspace_id: ws.id });
    expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['in-default']);
    expect((await api.get(`/keys?workspace_id=${ws.id}`)).body.data.map((k: { name: string }) => k.name)).toEqual([
      'in-research',
    ]);
    expect(expectError(await api.get('/keys?workspace_id=00000000-0000-4000-8000-00000000abcd'), 400)).toContain('workspace_id');
  });

  it('hides disabled keys unless include_disabled=true', async () => {
    const { api } = await sandbox();
    const { body } = await api.post('/keys', { name: 'off' });
    await api.post('/keys', { name: 'on' });
    await api.patch(`/keys/${body.data.hash}`, { disabled: true });
    expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['on']);
    expect((await api.get('/keys?include_disabled=false')).body.data).toHaveLength(1);
    expect((await api.get('/keys?include_disabled=true')).body.data.map((k: { name: string }) => k.name)).toEqual([
      'on',
      'off',
    ]);
  });
});

describe('PATCH and DELETE /keys/{hash}', () => {
  it('changes name, disabled, limit, limit_reset, include_byok_in_limit, and nothing else', async () => {
    const clock = fixedClock();
    const { api } = await sandbox({ now: clock.now });
    const hash = (await api.post('/keys', { name: 'k' })).body.data.hash;
    clock.advance(1000);
    const patch = { name: 'renamed', disabled: true, limit: 20, limit_reset: 'weekly', include_byok_in_limit: true };
    const res = await api.patch(`/keys/${hash}`, patch);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ...patch, updated_at: '2026-01-15T12:00:01.000Z' });
    for (const createOnly of [
      { workspace_id: '00000000-0000-4000-8000-000000000001' },
      { expires_at: '2099-01-01T00:00:00Z' },
      { creator_user_id: 'user_sandbox_owner' },
    ]) {
      expect(expectError(await api.patch(`/keys/${hash}`, createOnly), 400)).toContain(Object.keys(createOnly)[0]);
    }
    expectError(await api.patch('/keys/nope', { name: 'x' }), 404);
  });

  it('deletes a key and its guardrail assignment; a missing key is 404', async () => {
    const { api } = await sandbox();
    const hash = (await api.post('/keys', { name: 'k' })).body.data.hash;
    const gid = (await api.post('/guardrails', { name: 'g' })).body.data.id;
    await api.post(`/guardrails/${gid}/assignments/keys`, { key_hashes: [hash] });
    expect((await api.delete(`/keys/${hash}`)).body).toEqual({ deleted: true });
    expectError(await api.get(`/keys/${hash}`), 404);
    expectError(await api.delete(`/keys/${hash}`), 404);
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(0);
  });
});

describe('usage figures', () => {
  it('come from the seed, never change on their own, and give limit_remaining for the reset period', async () => {
    const { sb, api } = await sandbox({
      seed: {
        keys: [
          { name: 'monthly', limit: 100, limit_reset: 'monthly', usage: 70, usage_monthly: 30, byok_usage_monthly: 5 },
          { name: 'byok', limit: 100, limit_reset: 'monthly', usage_monthly: 30, byok_usage_monthly: 5, include_byok_in_limit: true },
          { name: 'total', limit: 100, usage: 70 },
          { name: 'unlimited', usage: 70 },
        ],
      },
    });
    const byName = async () =>
      Object.fromEntries((await api.get('/keys')).body.data.map((k: { name: string }) => [k.name, k]));
    const keys = await byName();
    expect(keys.monthly.limit_remaining).toBe(70);
    expect(keys.byok.limit_remaining).toBe(65);
    expect(keys.total.limit_remaining).toBe(30);
    expect(keys.unlimited.limit_remaining).toBeNull();
    expect(await byName()).toEqual(keys);
    sb.state.updateKey(keys.total.hash, { usage: 90 });
    expect((await byName()).total.limit_remaining).toBe(10);
  });
});

describe('GET /key and GET /credits', () => {
  it('describe the management key (masked) and the seeded credits', async () => {
    const { sb, api } = await sandbox({ seed: { credits: { total_credits: 250, total_usage: 42.5 } } });
    const key = (await api.get('/key')).body.data;
    expect(key).toMatchObject({ is_management_key: true, limit: null, creator_user_id: 'user_sandbox_owner' });
    expect(key.label).toBe(`sk-or-v1-${sb.managementKey.slice(9, 12)}...${sb.managementKey.slice(-3)}`);
    expect((await api.get('/credits')).body).toEqual({ data: { total_credits: 250, total_usage: 42.5 } });
  });
});
