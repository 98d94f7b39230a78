// Requests are validated against OpenRouter's own document (spec/, not the client's zod
// transcription): a violation is the API's 400 with a message naming the field. Also: auth,
// unknown routes, malformed JSON.
import { describe, expect, it } from 'vitest';
import { client, expectError, sandbox } from './helpers.js';

const UUID = '00000000-0000-4000-8000-00000000abcd';

describe('schema violations answer 400 naming the field', () => {
  const cases: [string, string, string, unknown, string][] = [
    ['key without name', 'POST', '/keys', {}, 'name'],
    ['key with empty name', 'POST', '/keys', { name: '' }, 'name'],
    ['key limit_reset outside the enum', 'POST', '/keys', { name: 'k', limit_reset: 'yearly' }, 'limit_reset'],
    ['key limit of the wrong type', 'POST', '/keys', { name: 'k', limit: '10' }, 'limit'],
    ['key workspace_id not a uuid', 'POST', '/keys', { name: 'k', workspace_id: 'research' }, 'workspace_id'],
    ['key creator_user_id empty', 'POST', '/keys', { name: 'k', creator_user_id: '' }, 'creator_user_id'],
    ['key unknown field', 'POST', '/keys', { name: 'k', colour: 'red' }, '"colour"'],
    ['guardrail name over 200', 'POST', '/guardrails', { name: 'x'.repeat(201) }, 'name'],
    ['guardrail description over 1000', 'POST', '/guardrails', { name: 'g', description: 'x'.repeat(1001) }, 'description'],
    ['guardrail empty provider list', 'POST', '/guardrails', { name: 'g', allowed_providers: [] }, 'allowed_providers'],
    ['guardrail reset_interval outside the enum', 'POST', '/guardrails', { name: 'g', limit_usd: 1, reset_interval: 'hourly' }, 'reset_interval'],
    ['guardrail filter action', 'POST', '/guardrails', { name: 'g', content_filters: [{ pattern: 'x', action: 'drop' }] }, 'content_filters[0].action'],
    ['guardrail builtin slug', 'POST', '/guardrails', { name: 'g', content_filter_builtins: [{ slug: 'iban', action: 'block' }] }, 'content_filter_builtins[0].slug'],
    ['guardrail workspace_id on update', 'PATCH', `/guardrails/${UUID}`, { workspace_id: UUID }, '"workspace_id"'],
    ['guardrail id not a uuid', 'GET', '/guardrails/abc', undefined, 'id'],
    ['workspace without slug', 'POST', '/workspaces', { name: 'W' }, 'slug'],
    ['workspace name over 100', 'POST', '/workspaces', { name: 'x'.repeat(101), slug: 'w' }, 'name'],
    ['workspace description over 500', 'POST', '/workspaces', { name: 'W', slug: 'w', description: 'x'.repeat(501) }, 'description'],
    ['workspace sampling rate out of range', 'POST', '/workspaces', { name: 'W', slug: 'w', io_logging_sampling_rate: 0 }, 'io_logging_sampling_rate'],
    ['workspace key ids not integers', 'POST', '/workspaces', { name: 'W', slug: 'w', io_logging_api_key_ids: [1.5] }, 'io_logging_api_key_ids[0]'],
    ['bulk assign with an empty hash', 'POST', `/guardrails/${UUID}/assignments/keys`, { key_hashes: [''] }, 'key_hashes[0]'],
    ['bulk member assign with the wrong field', 'POST', `/guardrails/${UUID}/assignments/members`, { user_ids: ['u'] }, 'member_user_ids'],
    ['budget without limit', 'PUT', '/workspaces/default/budgets/daily', { include_byok_in_budgets: true }, 'limit_usd'],
    ['list limit above 100', 'GET', '/workspaces?limit=101', undefined, 'limit'],
    ['list limit not a number', 'GET', '/organization/members?limit=ten', undefined, 'limit'],
    ['list unknown parameter', 'GET', '/workspaces?page=2', undefined, '"page"'],
    ['body that is not an object', 'POST', '/workspaces', [1, 2], 'expected object'],
    ['missing body', 'POST', '/keys', undefined, 'JSON object is required'],
  ];

  it.each(cases)('%s', async (_what, method, path, body, field) => {
    const { api } = await sandbox();
    const res = await api.raw(method, path, body === undefined ? {} : { body: JSON.stringify(body) });
    const message = expectError(res, 400);
    expect(message).toContain(field);
  });
});

describe('query strings', () => {
  it('are coerced and take their defaults as the document gives them (limit 50, offset 0)', async () => {
    const { sb, api } = await sandbox();
    for (let i = 0; i < 55; i++) sb.state.addWorkspace({ slug: `w${i}`, name: `W${i}` });
    const first = (await api.get('/workspaces')).body;
    expect(first.data).toHaveLength(50);
    expect(first.total_count).toBe(56);
    expect((await api.get('/workspaces?offset=50&limit=3')).body.data.map((w: { slug: string }) => w.slug)).toEqual(['w49', 'w50', 'w51']);
    // `offset` is `integer | null` in the document: an empty value is null, read as 0.
    expect((await api.get('/workspaces?offset=&limit=1')).body.data[0].slug).toBe('default');
    expect(expectError(await api.get('/workspaces?offset=1.5'), 400)).toContain('offset');
  });
});

describe('HTTP', () => {
  it('needs the management key as a bearer token: 401 with the error body otherwise', async () => {
    const { sb, api } = await sandbox();
    const missing = await api.raw('GET', '/keys', { headers: { authorization: '' } });
    expect(expectError(missing, 401)).toBe('Missing Authentication header');
    const wrongKey = `sk-or-v1-${'0'.repeat(64)}`;
    expectError(await client(sb, wrongKey).get('/keys'), 401);
    expectError(await api.raw('GET', '/keys', { headers: { authorization: sb.managementKey } }), 401);
    expect((await api.get('/keys')).status).toBe(200);
    // GET /models is public, as on OpenRouter.
    expect((await api.raw('GET', '/models', { headers: { authorization: '' } })).status).toBe(200);
  });

  it('answers 404 with the error body for an unknown route or method', async () => {
    const { api } = await sandbox();
    expect(expectError(await api.get('/nothing-here'), 404)).toContain('/api/v1/nothing-here');
    expectError(await api.raw('PUT', '/keys'), 404);
    expectError(await api.raw('GET', '/api/v2/keys'), 404);
    // Organization members are read-only through this API (README, "Errors and limits").
    expectError(await api.post('/organization/members', { email: 'new@example.com' }), 404);
  });

  it('answers 400 for malformed JSON', async () => {
    const { api } = await sandbox();
    expect(expectError(await api.raw('POST', '/keys', { body: '{"name": ' }), 400)).toContain('Malformed JSON');
  });

  it('accepts a workspace slug or id and a percent-encoded path segment', async () => {
    const { sb, api } = await sandbox();
    expect((await api.get(`/workspaces/${encodeURIComponent(sb.state.defaultWorkspaceId)}`)).status).toBe(200);
    expectError(await api.get('/keys/%E0%A4%A'), 404);
  });
});
