// `oradmin activity` end to end: the built CLI against the sandbox over HTTP, seeded with a month of
// activity across two workspaces, three models and five keys (seed.ts). What the report must say is
// computed here from the seed's own rows, in integer millionths of a dollar, never from the
// sandbox's or the client's sums.
import { describe, expect, it } from 'vitest';
import { activityOrg, json, mapLimited } from './helpers.js';
import { asExpected, dateOf, expectedTotals, inWindow, KEYS, ROWS, userOf, WINDOW, type Row } from './seed.js';

const WINDOW_ROWS = ROWS.filter(inWindow);

type Doc = {
  format_version: number;
  period: { first: string; last: string; days: number };
  filters: Record<string, unknown>;
  by: string;
  rows: Record<string, any>[];
  totals: { usage: number; byok_usage: number; requests: number; prompt_tokens: number; completion_tokens: number; reasoning_tokens: number };
  daily: { date: string; usage: number; byok_usage: number; requests: number }[];
};

/** Expected rows of a dimension: the seed's rows grouped by `keyOf`, as { key → totals }. */
function groups(rows: readonly Row[], keyOf: (r: Row) => string) {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(keyOf(r), [...(out.get(keyOf(r)) ?? []), r]);
  return Object.fromEntries([...out].map(([k, rs]) => [k, expectedTotals(rs)]));
}

function rowsBy(doc: Doc, keyOf: (row: Record<string, any>) => string) {
  return Object.fromEntries(doc.rows.map((r) => [keyOf(r), asExpected(r as Doc['totals'])]));
}

describe('oradmin activity', () => {
  it('--by model -o json: totals equal the seeded rows to the millionth of a dollar, rows add up to them, every day is there', async () => {
    const o = await activityOrg();
    const doc = await json<Doc>(o, ['activity', '--by', 'model']);
    expect(Object.keys(doc)).toEqual(['format_version', 'period', 'filters', 'by', 'rows', 'totals', 'daily']);
    expect(doc.format_version).toBe(1);
    expect(doc.period).toEqual({ first: WINDOW.first, last: WINDOW.last, days: 30 });
    expect(doc.filters).toEqual({ date: null, days: null, workspace: null, key: null, member: null, top: null });
    expect(doc.by).toBe('model');

    const expected = expectedTotals(WINDOW_ROWS);
    expect(asExpected(doc.totals)).toEqual(expected);
    // To the cent, as a person reads it: the seed's sum rounded, the report's rounded.
    expect(Math.round(doc.totals.usage * 100)).toBe(Math.round(expected.usage_micro / 1e4));
    expect(rowsBy(doc, (r) => r.model)).toEqual(groups(WINDOW_ROWS, (r) => r.model));
    // Ranked by spend, shares of the total spend.
    const usages = doc.rows.map((r) => r.usage as number);
    expect(usages).toEqual([...usages].sort((a, b) => b - a));
    expect(doc.rows.map((r) => r.share)).toEqual(doc.rows.map((r) => Math.round((r.usage / doc.totals.usage) * 10_000) / 10_000));

    expect(doc.daily.map((d) => d.date)).toHaveLength(30);
    expect(doc.daily[0]!.date).toBe(WINDOW.first);
    expect(doc.daily.at(-1)!.date).toBe(WINDOW.last);
    const perDay = groups(WINDOW_ROWS, dateOf);
    for (const d of doc.daily) expect([d.date, Math.round(d.usage * 1e6), d.requests]).toEqual([d.date, perDay[d.date]?.usage_micro ?? 0, perDay[d.date]?.requests ?? 0]);
    // One request: no name to resolve.
    expect(o.sb.counts()).toEqual({ getUserActivity: 1 });
  });

  it('every filter and dimension narrows exactly as the API does', async () => {
    const o = await activityOrg();
    const ws = (slug: string) => o.sb.state.workspace(slug)!.id;
    const hash = (name: keyof typeof KEYS) => o.sb.state.findKeyByName(name, KEYS[name].workspace)!.hash;
    /** The API's own answer to the same filter, summed here. */
    const api = async (query: string) => {
      const res = await fetch(`${o.sb.url}/activity${query}`, { headers: { authorization: `Bearer ${o.sb.managementKey}` } });
      const items = ((await res.json()) as { data: Doc['totals'][] & { byok_usage_inference: number }[] }).data;
      return expectedTotals(items.map((i: any) => ({ ...i, usage_micro: Math.round(i.usage * 1e6), byok_micro: Math.round(i.byok_usage_inference * 1e6) })));
    };
    const date = '2026-11-10';
    const last7 = '2026-11-11';
    const cases: { args: string[]; rows: (r: Row) => boolean; query: string }[] = [
      { args: ['--date', date], rows: (r) => dateOf(r) === date, query: `?date=${date}` },
      { args: ['--days', '7'], rows: (r) => dateOf(r) >= last7, query: '' },
      { args: ['--workspace', 'research'], rows: (r) => r.workspace === 'research', query: `?workspace_id=${ws('research')}` },
      { args: ['--key', 'key.research/notebook'], rows: (r) => r.key === 'notebook', query: `?api_key_hash=${hash('notebook')}` },
      { args: ['--key', 'key.default/ci-runner', '--date', date], rows: (r) => r.key === 'ci-runner' && dateOf(r) === date, query: `?api_key_hash=${hash('ci-runner')}&date=${date}` },
      { args: ['--member', 'alice@example.com'], rows: (r) => userOf(r) === 'user_alice', query: '?user_id=user_alice' },
      { args: ['--member', 'BOB@example.com', '--workspace', 'research'], rows: (r) => userOf(r) === 'user_bob' && r.workspace === 'research', query: `?user_id=user_bob&workspace_id=${ws('research')}` },
    ];
    const docs = await mapLimited(cases, 3, (c) => json<Doc>(o, ['activity', ...c.args]));
    for (const [i, c] of cases.entries()) {
      const expected = expectedTotals(WINDOW_ROWS.filter(c.rows));
      expect(expected.requests, `${c.args.join(' ')} selects some rows`).toBeGreaterThan(0);
      expect(asExpected(docs[i]!.totals), c.args.join(' ')).toEqual(expected);
      // --days is ours (the API has no such parameter): it narrows the API's 30 days.
      if (c.args[0] !== '--days') expect(asExpected(docs[i]!.totals), `${c.args.join(' ')} = the API`).toEqual(await api(c.query));
    }
    expect(docs[0]!.period).toEqual({ first: date, last: date, days: 1 });
    expect(docs[0]!.daily.map((d) => d.date)).toEqual([date]);
    expect(docs[1]!.period).toEqual({ first: last7, last: WINDOW.last, days: 7 });
    expect(docs[3]!.filters).toMatchObject({ key: 'key.research/notebook' });
    expect(docs[6]!.filters).toMatchObject({ member: 'BOB@example.com', workspace: 'research' });

    const [byProvider, byEndpoint, byDay, byWorkspace] = await mapLimited(['provider', 'endpoint', 'day', 'workspace'], 3, (by) => json<Doc>(o, ['activity', '--by', by]));
    expect(rowsBy(byProvider!, (r) => r.provider)).toEqual(groups(WINDOW_ROWS, (r) => r.provider_name));
    // An endpoint is a model at a provider: Claude through Anthropic and through Bedrock are two.
    expect(rowsBy(byEndpoint!, (r) => `${r.model} @ ${r.provider}`)).toEqual(groups(WINDOW_ROWS, (r) => `${r.model} @ ${r.provider_name}`));
    expect(byEndpoint!.rows.every((r) => /^[0-9a-f-]{36}$/.test(r.endpoint_id))).toBe(true);
    expect(rowsBy(byDay!, (r) => r.date)).toEqual(groups(WINDOW_ROWS, dateOf));
    expect(rowsBy(byWorkspace!, (r) => r.workspace)).toEqual(groups(WINDOW_ROWS, (r) => r.workspace));
    expect(byWorkspace!.rows.map((r) => r.workspace_id).sort()).toEqual([ws('default'), ws('research')].sort());
    for (const d of [byProvider!, byEndpoint!, byDay!, byWorkspace!]) expect(asExpected(d.totals)).toEqual(expectedTotals(WINDOW_ROWS));
  }, 180_000);

  it('--by key ranks keys by their own counters, named by address; --top keeps the totals whole', async () => {
    const o = await activityOrg();
    const doc = await json<Doc & { counters: unknown }>(o, ['activity', '--by', 'key']);
    expect(doc.rows.map((r) => [r.key, r.usage.month])).toEqual([
      ['key.research/notebook', 120],
      ['key.default/prod-bot', 85],
      ['key.default/ci-runner', 40],
      ['key.research/batch', 6],
      ['key.default/scratch', 1.25],
    ]);
    expect(doc.rows[2]).toMatchObject({ workspace: 'default', name: 'ci-runner', hash: expect.stringMatching(/^[0-9a-f]{64}$/), disabled: false, limit: 20, limit_reset: 'daily', usage: { day: 4, week: 9, month: 40 }, byok_usage: { day: 0, week: 0, month: 5 } });
    expect(doc.rows[0]!.share).toBe(Math.round((120 / 252.25) * 10_000) / 10_000);
    expect(doc.counters).toEqual({ day: '2026-11-18', week_from: '2026-11-16', month_from: '2026-11-01' });
    expect(asExpected(doc.totals)).toEqual(expectedTotals(WINDOW_ROWS));

    const [top, research, bob] = (await mapLimited([['--top', '2'], ['--workspace', 'research'], ['--member', 'bob@example.com']], 3, (extra) => json<Doc>(o, ['activity', '--by', 'key', ...extra]))) as [Doc, Doc, Doc];
    expect(top.rows.map((r) => r.key)).toEqual(['key.research/notebook', 'key.default/prod-bot']);
    expect(top.filters.top).toBe(2);
    expect(top.totals).toEqual(doc.totals);
    expect(research.rows.map((r) => r.key)).toEqual(['key.research/notebook', 'key.research/batch']);
    expect(asExpected(research.totals)).toEqual(expectedTotals(WINDOW_ROWS.filter((r) => r.workspace === 'research')));
    // A member's keys are the keys they created; their activity is the API's user_id filter.
    expect(bob.rows.map((r) => r.key)).toEqual(['key.default/ci-runner', 'key.research/batch']);
    expect(asExpected(bob.totals)).toEqual(expectedTotals(WINDOW_ROWS.filter((r) => userOf(r) === 'user_bob')));
  }, 120_000);

  it('--top in text sums the rest in one line, so that shares still add up', async () => {
    const o = await activityOrg();
    const text = await o.run(['activity', '--by', 'provider', '--top', '2']);
    expect([text.code, text.stderr]).toEqual([0, '']);
    const providers = groups(WINDOW_ROWS, (r) => r.provider_name);
    const ranked = Object.entries(providers).sort((a, b) => b[1].usage_micro - a[1].usage_micro);
    const rest = ranked.slice(2).reduce((s, [, t]) => s + t.usage_micro, 0);
    const restLine = text.stdout.split('\n').find((l) => l.trimStart().startsWith('(2 more)'))!;
    expect(restLine).toContain(`$${(rest / 1e6).toFixed(2)}`);
    expect(text.stdout).toContain(`  ${ranked[0]![0]} `);
    expect(text.stdout).not.toMatch(new RegExp(`^  ${ranked[3]![0]} `, 'm'));
  });

  it("--key counts all of a key's activity, also what the API attributes to the default workspace", async () => {
    // Reference getUserActivity: activity from before workspace resolution stays attributed to the
    // default workspace. Filtering by the key's own workspace as well would drop it.
    const hash = 'ab'.repeat(32);
    const o = await activityOrg({
      organization_members: [{ id: 'user_admin', email: 'admin@example.com', role: 'org:admin' }],
      workspaces: [{ slug: 'research', name: 'Research' }],
      keys: [{ name: 'notebook', workspace: 'research', hash }],
      activity: [
        { days_ago: 3, key: hash, workspace: 'research', model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 1.25, requests: 2 },
        { days_ago: 20, key: hash, workspace: 'default', model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 0.5, requests: 1 },
      ],
    });
    const all = await json<Doc>(o, ['activity', '--key', 'key.research/notebook']);
    expect([all.totals.usage, all.totals.requests]).toEqual([1.75, 3]);
    // With an explicit --workspace, the API's workspace filter applies, as asked.
    const scoped = await json<Doc>(o, ['activity', '--key', 'key.research/notebook', '--workspace', 'research']);
    expect([scoped.totals.usage, scoped.totals.requests]).toEqual([1.25, 2]);
  }, 120_000);
});
