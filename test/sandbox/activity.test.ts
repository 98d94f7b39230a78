// GET /activity (reference, getUserActivity): seeded raw rows, the filters, group_by=workspace,
// the window of the last 30 completed UTC days, exact sums, and the 400s.
import { describe, expect, it } from 'vitest';
import { createSeededState, SeedError, type SeedDocument } from '../../src/sandbox/index.js';
import { expectError, fixedClock, sandbox } from './helpers.js';

// 2026-01-15 12:00 UTC: the window is 2025-12-16 .. 2026-01-14.
const NOW = '2026-01-15T12:00:00.000Z';

const SEED: SeedDocument = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' },
    { id: 'user_bob', email: 'bob@example.com', role: 'org:member' },
  ],
  workspaces: [{ slug: 'research', name: 'Research' }],
  workspace_members: [{ workspace: 'research', member: 'bob@example.com' }],
  keys: [
    { name: 'prod', creator: 'admin@example.com' },
    { name: 'lab', workspace: 'research', creator: 'bob@example.com' },
  ],
  activity: [
    { days_ago: 1, model: 'openai/gpt-4o', provider_name: 'OpenAI', key: 'prod', usage: 0.1, requests: 2, prompt_tokens: 100, completion_tokens: 10 },
    { days_ago: 1, model: 'openai/gpt-4o', provider_name: 'OpenAI', key: 'lab', workspace: 'research', usage: 0.2, byok_usage_inference: 0.05, requests: 3, prompt_tokens: 50, completion_tokens: 5, reasoning_tokens: 7 },
    { days_ago: 1, model: 'anthropic/claude-sonnet-4.5', provider_name: 'Anthropic', key: 'prod', usage: 1.25, requests: 1 },
    { date: '2026-01-10', model: 'openai/gpt-4o', provider_name: 'Azure', member: 'bob@example.com', workspace: 'research', usage: 0.5, requests: 4 },
    { days_ago: 30, model: 'google/gemini-2.5-pro', provider_name: 'Google', key: 'prod', usage: 3, requests: 1 },
    // Outside the window: today (not completed yet) and 31 days ago.
    { days_ago: 0, model: 'openai/gpt-4o', provider_name: 'OpenAI', key: 'prod', usage: 99, requests: 1 },
    { days_ago: 31, model: 'openai/gpt-4o', provider_name: 'OpenAI', key: 'prod', usage: 99, requests: 1 },
  ],
};

async function seeded() {
  const clock = fixedClock(NOW);
  const ctx = await sandbox({ seed: SEED, now: clock.now, deterministicIds: true });
  const research = ctx.sb.state.workspace('research')!;
  const hash = (name: string, ws = 'default') => ctx.sb.state.findKeyByName(name, ws)!.hash;
  const get = async (query = '') => (await ctx.api.get(`/activity${query}`)).body.data as Record<string, unknown>[];
  return { ...ctx, clock, research, hash, get };
}

const summary = (items: Record<string, unknown>[]) => items.map((i) => `${i.date} ${i.model} ${i.provider_name} ${i.usage}`);

describe('GET /activity', () => {
  it('aggregates rows of the same day, model and endpoint across workspaces, without workspace_id', async () => {
    const { api, sb, get } = await seeded();
    const data = await get();
    expect(summary(data)).toEqual([
      '2025-12-16 google/gemini-2.5-pro Google 3',
      '2026-01-10 openai/gpt-4o Azure 0.5',
      '2026-01-14 anthropic/claude-sonnet-4.5 Anthropic 1.25',
      '2026-01-14 openai/gpt-4o OpenAI 0.3',
    ]);
    const gpt = data[3]!;
    expect(gpt).toEqual({
      date: '2026-01-14',
      model: 'openai/gpt-4o',
      model_permaslug: 'openai/gpt-4o-2024-05-13',
      endpoint_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      provider_name: 'OpenAI',
      usage: 0.3,
      byok_usage_inference: 0.05,
      requests: 5,
      prompt_tokens: 150,
      completion_tokens: 15,
      reasoning_tokens: 7,
    });
    // The same model from another provider is another endpoint.
    expect(data[1]!.endpoint_id).not.toBe(gpt.endpoint_id);
    expect(sb.counts().getUserActivity).toBe(1);
    expect((await api.get('/activity')).status).toBe(200);
    expect(sb.counts().getUserActivity).toBe(2);
  });

  it('splits per workspace with group_by=workspace and then names the workspace on every item', async () => {
    const { sb, research, get } = await seeded();
    // Items of one endpoint and day are ordered by workspace id; here the default's is smaller.
    expect(sb.state.defaultWorkspaceId < research.id).toBe(true);
    const data = await get('?group_by=workspace');
    expect(data.map((i) => [i.date, i.provider_name, i.usage, i.workspace_id])).toEqual([
      ['2025-12-16', 'Google', 3, sb.state.defaultWorkspaceId],
      ['2026-01-10', 'Azure', 0.5, research.id],
      ['2026-01-14', 'Anthropic', 1.25, sb.state.defaultWorkspaceId],
      ['2026-01-14', 'OpenAI', 0.1, sb.state.defaultWorkspaceId],
      ['2026-01-14', 'OpenAI', 0.2, research.id],
    ]);
  });

  it('filters by date, api_key_hash, user_id and workspace_id, alone or together', async () => {
    const { sb, research, hash, get } = await seeded();
    expect(summary(await get('?date=2026-01-14'))).toEqual([
      '2026-01-14 anthropic/claude-sonnet-4.5 Anthropic 1.25',
      '2026-01-14 openai/gpt-4o OpenAI 0.3',
    ]);
    expect(summary(await get(`?api_key_hash=${hash('lab', 'research')}`))).toEqual(['2026-01-14 openai/gpt-4o OpenAI 0.2']);
    expect(await get(`?api_key_hash=${'0'.repeat(64)}`)).toEqual([]);
    // A key's traffic is its creator's: bob has lab's row and the row seeded for him directly.
    expect(summary(await get('?user_id=user_bob'))).toEqual([
      '2026-01-10 openai/gpt-4o Azure 0.5',
      '2026-01-14 openai/gpt-4o OpenAI 0.2',
    ]);
    expect(summary(await get(`?workspace_id=${research.id}`))).toEqual([
      '2026-01-10 openai/gpt-4o Azure 0.5',
      '2026-01-14 openai/gpt-4o OpenAI 0.2',
    ]);
    expect(summary(await get(`?workspace_id=${sb.state.defaultWorkspaceId}&date=2026-01-14&api_key_hash=${hash('prod')}`))).toEqual([
      '2026-01-14 anthropic/claude-sonnet-4.5 Anthropic 1.25',
      '2026-01-14 openai/gpt-4o OpenAI 0.1',
    ]);
    const scoped = await get(`?workspace_id=${research.id}&group_by=workspace`);
    expect(scoped.every((i) => i.workspace_id === research.id)).toBe(true);
  });

  it('covers the last 30 completed UTC days: yesterday and 29 days before, not today', async () => {
    const { api, clock, get } = await seeded();
    expect((await get('?date=2025-12-16')).map((i) => i.usage)).toEqual([3]);
    expect(await get('?date=2026-01-13')).toEqual([]);
    for (const outside of ['2025-12-15', '2026-01-15', '2026-01-16']) {
      expect(expectError(await api.get(`/activity?date=${outside}`), 400)).toContain('last 30 completed UTC days');
    }
    // A day later the window has moved: the oldest row is out, today's (now yesterday's) is in.
    clock.advance(86_400_000);
    const moved = await get();
    expect(moved.map((i) => i.date)).not.toContain('2025-12-16');
    expect(summary(moved).at(-1)).toBe('2026-01-15 openai/gpt-4o OpenAI 99');
    expectError(await api.get('/activity?date=2025-12-16'), 400);
  });

  it.each([
    ['a malformed date', '?date=2026-1-5', 'date'],
    ['an impossible date', '?date=2026-01-32', 'date'],
    ['a date with a time', '?date=2026-01-10T00:00:00Z', 'date'],
    ['group_by other than workspace', '?group_by=key', 'group_by'],
    ['an unknown parameter', '?days=7', '"days"'],
  ])('answers 400 with the error body for %s', async (_what, query, field) => {
    const { api } = await seeded();
    expect(expectError(await api.get(`/activity${query}`), 400)).toContain(field);
  });

  it('answers 404 for a workspace_id that is not one of the account', async () => {
    const { api } = await seeded();
    expect(expectError(await api.get('/activity?workspace_id=00000000-0000-4000-8000-00000000abcd'), 404)).toContain('Workspace');
  });

  it('sums amounts exactly as the seed gives them', async () => {
    const clock = fixedClock(NOW);
    const rows = Array.from({ length: 10 }, () => ({ days_ago: 2, model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 0.1, byok_usage_inference: 0.07, requests: 1 }));
    const { api } = await sandbox({ now: clock.now, seed: { activity: [...rows, { ...rows[0]!, usage: 0.000001 }] } });
    const [item] = (await api.get('/activity')).body.data;
    expect(item).toMatchObject({ usage: 1.000001, byok_usage_inference: 0.77, requests: 11 });
  });

  it('derives the same endpoint id on every run, and takes a given one', async () => {
    const doc: SeedDocument = {
      activity: [
        { days_ago: 1, model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 1, requests: 1 },
        { days_ago: 1, model: 'acme/custom', model_permaslug: 'acme/custom-2026', provider_name: 'Acme', endpoint_id: 'ep-1', usage: 1, requests: 1 },
      ],
    };
    const ids = () => createSeededState(doc).activityRows().map((r) => r.endpoint_id);
    expect(ids()).toEqual(ids());
    expect(ids()[1]).toBe('ep-1');
  });

  it.each([
    ['both date and days_ago', { date: '2026-01-01', days_ago: 1 }, /activity\[0\]: give either date or days_ago/],
    ['neither date nor days_ago', {}, /give either date or days_ago/],
    ['an unknown key', { days_ago: 1, key: 'nope' }, /activity\[0\]: no key named "nope" in workspace "default"/],
    ['an unknown member', { days_ago: 1, member: 'x@y.z' }, /activity\[0\]: "x@y.z" is not an organization member/],
    ['a model outside the catalog without permaslug', { days_ago: 1, model: 'acme/x' }, /model_permaslug/],
    ['a malformed date', { date: '2026-13-01' }, /activity\[0\]\.date: must be a UTC date/],
  ])('rejects a seed row with %s', (_what, fields, message) => {
    const row = { model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 1, requests: 1, ...fields };
    expect(() => createSeededState({ activity: [row] } as SeedDocument)).toThrow(SeedError);
    expect(() => createSeededState({ activity: [row] } as SeedDocument)).toThrow(message);
  });
});
