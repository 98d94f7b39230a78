// Guardrails and workspace default guardrails (reference: createGuardrail, updateGuardrail,
// getGuardrail; README "Guardrails and bindings").
import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG } from '../../src/sandbox/index.js';
import { expectError, sandbox } from './helpers.js';

describe('POST /guardrails', () => {
  it('stores omitted nullable fields as null, include_byok_in_budgets false, in the default workspace', async () => {
    const { sb, api } = await sandbox();
    const res = await api.post('/guardrails', { name: 'g' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'g',
      workspace_id: sb.state.defaultWorkspaceId,
      description: null,
      limit_usd: null,
      reset_interval: null,
      allowed_providers: null,
      allowed_models: null,
      ignored_providers: null,
      ignored_models: null,
      enforce_zdr: null,
      enforce_zdr_openai: null,
      content_filters: null,
      content_filter_builtins: null,
      include_byok_in_budgets: false,
      updated_at: null,
    });
  });

  it('places it in the given workspace; an unknown workspace is 400', async () => {
    const { sb, api } = await sandbox();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    expect((await api.post('/guardrails', { name: 'g', workspace_id: ws.id })).body.data.workspace_id).toBe(ws.id);
    const res = await api.post('/guardrails', { name: 'g', workspace_id: '00000000-0000-4000-8000-00000000abcd' });
    expect(expectError(res, 400)).toContain('workspace_id');
  });

  it('accepts a model slug or canonical slug, stores and returns the canonical one; unknown model is 400', async () => {
    const { api } = await sandbox();
    const res = await api.post('/guardrails', {
      name: 'g',
      allowed_models: ['openai/gpt-4o', 'anthropic/claude-4.5-sonnet-20250929', 'openai/gpt-4o-2024-05-13'],
      ignored_models: ['x-ai/grok-4'],
    });
    expect(res.body.data.allowed_models).toEqual(['openai/gpt-4o-2024-05-13', 'anthropic/claude-4.5-sonnet-20250929']);
    expect(res.body.data.ignored_models).toEqual(['x-ai/grok-4-07-09']);
    const bad = await api.post('/guardrails', { name: 'g', allowed_models: ['openai/gpt-4o', 'acme/nonexistent'] });
    expect(expectError(bad, 400)).toContain('allowed_models[1]: unknown model "acme/nonexistent"');
  });

  it('copies enforce_zdr into each per-provider field not given, and reports it only when all five agree', async () => {
    const { api } = await sandbox();
    const mixed = (await api.post('/guardrails', { name: 'g', enforce_zdr: true, enforce_zdr_xai: false })).body.data;
    expect(mixed).toMatchObject({
      enforce_zdr: null,
      enforce_zdr_anthropic: true,
      enforce_zdr_openai: true,
      enforce_zdr_google: true,
      enforce_zdr_xai: false,
      enforce_zdr_other: true,
    });
    const all = (await api.post('/guardrails', { name: 'h', enforce_zdr: true })).body.data;
    expect(all.enforce_zdr).toBe(true);
    const patched = (await api.patch(`/guardrails/${mixed.id}`, { enforce_zdr_xai: true })).body.data;
    expect(patched.enforce_zdr).toBe(true);
  });

  it('takes reset_interval only together with limit_usd', async () => {
    const { api } = await sandbox();
    expect(expectError(await api.post('/guardrails', { name: 'g', reset_interval: 'daily' }), 400)).toContain(
      'reset_interval',
    );
    const g = (await api.post('/guardrails', { name: 'g', limit_usd: 10, reset_interval: 'daily' })).body.data;
    expectError(await api.patch(`/guardrails/${g.id}`, { limit_usd: null }), 400);
    expect((await api.patch(`/guardrails/${g.id}`, { limit_usd: null, reset_interval: null })).status).toBe(200);
  });

  it('answers system-assigned builtin filter labels and validates custom patterns', async () => {
    const { api } = await sandbox();
    const g = await api.post('/guardrails', {
      name: 'g',
      content_filter_builtins: [{ slug: 'credit-card', action: 'redact', label: 'ignored' }],
      content_filters: [{ pattern: 'tok-[0-9]+', action: 'block', label: 'token' }],
    });
    expect(g.body.data.content_filter_builtins).toEqual([{ slug: 'credit-card', action: 'redact', label: '[CREDIT_CARD]' }]);
    expect(g.body.data.content_filters).toEqual([{ pattern: 'tok-[0-9]+', action: 'block', label: 'token' }]);
    const bad = await api.post('/guardrails', { name: 'g', content_filters: [{ pattern: '(', action: 'flag' }] });
    expect(expectError(bad, 400)).toContain('content_filters[0].pattern');
  });
});

describe('PATCH /guardrails/{id}', () => {
  it('replaces list fields whole and leaves fields not sent unchanged', async () => {
    const { api } = await sandbox();
    const g = (
      await api.post('/guardrails', {
        name: 'g',
        description: 'd',
        limit_usd: 5,
        allowed_providers: ['openai', 'anthropic'],
        ignored_providers: ['azure'],
      })
    ).body.data;
    const res = await api.patch(`/guardrails/${g.id}`, { allowed_providers: ['google'], ignored_providers: null });
    expect(res.body.data).toMatchObject({
      name: 'g',
      description: 'd',
      limit_usd: 5,
      allowed_providers: ['google'],
      ignored_providers: null,
    });
    expect(res.body.data.updated_at).not.toBeNull();
    expectError(await api.patch('/guardrails/00000000-0000-4000-8000-00000000abcd', { name: 'x' }), 404);
  });
});

describe('GET /guardrails', () => {
  it('lists the default workspace unless workspace_id, with total_count and limit 1..100', async () => {
    const { sb, api } = await sandbox();
    const ws = sb.state.addWorkspace({ slug: 'research', name: 'Research' });
    for (let i = 0; i < 3; i++) await api.post('/guardrails', { name: `d${i}` });
    await api.post('/guardrails', { name: 'r0', workspace_id: ws.id });
    const page = await api.get('/guardrails?limit=2&offset=1');
    expect(page.body.total_count).toBe(3);
    expect(page.body.data.map((g: { name: string }) => g.name)).toEqual(['d1', 'd2']);
    expect((await api.get(`/guardrails?workspace_id=${ws.id}`)).body.data.map((g: { name: string }) => g.name)).toEqual([
      'r0',
    ]);
    expect((await api.get('/guardrails?limit=100')).status).toBe(200);
    expect(expectError(await api.get('/guardrails?workspace_id=00000000-0000-4000-8000-00000000abcd'), 400)).toContain('workspace_id');
    expect(expectError(await api.get('/guardrails?limit=101'), 400)).toContain('limit');
    expectError(await api.get('/guardrails?limit=0'), 400);
  });
});

describe('DELETE /guardrails/{id}', () => {
  it('removes the guardrail with its key and member assignments', async () => {
    const { api } = await sandbox();
    const g = (await api.post('/guardrails', { name: 'g' })).body.data;
    const hash = (await api.post('/keys', { name: 'k' })).body.data.hash;
    await api.post(`/guardrails/${g.id}/assignments/keys`, { key_hashes: [hash] });
    await api.post(`/guardrails/${g.id}/assignments/members`, { member_user_ids: ['user_sandbox_owner'] });
    expect((await api.delete(`/guardrails/${g.id}`)).body).toEqual({ deleted: true });
    expectError(await api.get(`/guardrails/${g.id}`), 404);
    expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(0);
    expect((await api.get('/guardrails/assignments/members')).body.total_count).toBe(0);
  });
});

describe('workspace default guardrail', () => {
  it('has a deterministic id, is 404 until the first PATCH materializes it, then is listed', async () => {
    const { sb, api } = await sandbox();
    const ws = (await api.post('/workspaces', { name: 'Research', slug: 'research' })).body.data;
    expect(ws.default_guardrail_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ws.default_guardrail_id).not.toBe(sb.state.defaultWorkspace.default_guardrail_id);
    expect(expectError(await api.get(`/guardrails/${ws.default_guardrail_id}`), 404)).toContain('not been configured');
    expect((await api.get(`/guardrails?workspace_id=${ws.id}`)).body.total_count).toBe(0);

    const res = await api.patch(`/guardrails/${ws.default_guardrail_id}`, { allowed_providers: ['openai'] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: ws.default_guardrail_id,
      name: 'Research default guardrail',
      workspace_id: ws.id,
      allowed_providers: ['openai'],
      limit_usd: null,
    });
    expect((await api.get(`/guardrails/${ws.default_guardrail_id}`)).body.data.name).toBe('Research default guardrail');
    expect((await api.get(`/guardrails?workspace_id=${ws.id}`)).body.data.map((g: { id: string }) => g.id)).toEqual([
      ws.default_guardrail_id,
    ]);
  });

  it('refuses a name (it is derived from the workspace) and cannot be deleted', async () => {
    const { sb, api } = await sandbox();
    const id = sb.state.defaultWorkspace.default_guardrail_id;
    expect(expectError(await api.patch(`/guardrails/${id}`, { name: 'mine' }), 400)).toContain('derived');
    expectError(await api.delete(`/guardrails/${id}`), 400);
    await api.patch(`/guardrails/${id}`, { limit_usd: 100 });
    expectError(await api.delete(`/guardrails/${id}`), 400);
    expect((await api.get(`/guardrails/${id}`)).body.data.name).toBe('Default Workspace default guardrail');
  });
});

describe('GET /models', () => {
  it('serves a small catalog where some slugs differ from their canonical slug', async () => {
    const { api } = await sandbox();
    const { body } = await api.get('/models');
    expect(body.data).toEqual(MODEL_CATALOG);
    expect(body.data.length).toBeGreaterThanOrEqual(15);
    expect(body.data).toContainEqual(expect.objectContaining({ id: 'openai/gpt-4o', canonical_slug: 'openai/gpt-4o-2024-05-13' }));
  });
});
