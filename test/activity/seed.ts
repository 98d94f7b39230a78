// A month of activity across two workspaces, three models and five keys, for the activity and
// forecast tests — and the same rows as plain data, so that a test computes what a report must say
// from the seed itself, independently of the sandbox's aggregation and of the client's.
import type { SeedDocument } from '../../src/sandbox/index.js';

/** A Wednesday at noon: the week (from Monday) and the month (from the 1st) have both begun. */
export const NOW = '2026-11-18T12:00:00Z';
/** The completed UTC days of GET /activity at NOW. */
export const WINDOW = { first: '2026-10-19', last: '2026-11-17' };

export const MEMBERS = [
  { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
  { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
];

/** Keys: workspace slug, name, creator. */
export const KEYS = {
  'prod-bot': { workspace: 'default', creator: 'user_admin' },
  'ci-runner': { workspace: 'default', creator: 'user_bob' },
  scratch: { workspace: 'default', creator: 'user_alice' },
  notebook: { workspace: 'research', creator: 'user_alice' },
  batch: { workspace: 'research', creator: 'user_bob' },
} as const;
export type KeyName = keyof typeof KEYS;

export interface Row {
  days_ago: number;
  key?: KeyName;
  member?: string;
  workspace: 'default' | 'research';
  model: string;
  provider_name: string;
  /** In millionths of a dollar, so that expected sums are exact integers. */
  usage_micro: number;
  byok_micro: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
}

const GPT = 'openai/gpt-4o';
const CLAUDE = 'anthropic/claude-sonnet-4.5';
const GEMINI = 'google/gemini-2.5-flash';

/** Deterministic, uneven amounts with up to six decimals: sums that floats would get wrong. */
function rowsOf(): Row[] {
  const rows: Row[] = [];
  const add = (r: Omit<Row, 'byok_micro' | 'reasoning_tokens'> & Partial<Pick<Row, 'byok_micro' | 'reasoning_tokens'>>) =>
    rows.push({ byok_micro: 0, reasoning_tokens: 0, ...r });
  // days_ago 0 (today, not completed) and 31 (before the window) must never be counted.
  for (let d = 0; d <= 31; d++) {
    add({ days_ago: d, key: 'prod-bot', workspace: 'default', model: GPT, provider_name: 'OpenAI', usage_micro: 1_100_000 + ((d * 7919) % 900_001), requests: 200 + d, prompt_tokens: 300_000 + d * 101, completion_tokens: 40_000 + d * 7 });
    add({ days_ago: d, key: 'ci-runner', workspace: 'default', model: GEMINI, provider_name: 'Google', usage_micro: 100_000 + ((d * 104_729) % 99_991), byok_micro: d % 2 === 0 ? 300_000 + d : 0, requests: 900 + 3 * d, prompt_tokens: 700_000, completion_tokens: 50_000 });
    if (d % 3 === 0) add({ days_ago: d, key: 'scratch', workspace: 'default', model: CLAUDE, provider_name: 'Anthropic', usage_micro: 333_333 + d, requests: 11, prompt_tokens: 20_000, completion_tokens: 3_000 });
    add({ days_ago: d, key: 'notebook', workspace: 'research', model: CLAUDE, provider_name: d % 4 === 0 ? 'Amazon Bedrock' : 'Anthropic', usage_micro: 700_001 + ((d * 15_485_863) % 500_000), requests: 60 + d, prompt_tokens: 150_000, completion_tokens: 25_000 });
    if (d % 2 === 1) add({ days_ago: d, key: 'batch', workspace: 'research', model: GPT, provider_name: 'OpenAI', usage_micro: 200_000 + d * 1_111, requests: 40, prompt_tokens: 90_000, completion_tokens: 9_000, reasoning_tokens: 12_345 + d });
    // Traffic attributed to a member directly, not through a key.
    if (d % 5 === 0) add({ days_ago: d, member: 'user_bob', workspace: 'research', model: GEMINI, provider_name: 'Google', usage_micro: 50_505, requests: 5, prompt_tokens: 5_000, completion_tokens: 500 });
  }
  return rows;
}

export const ROWS: readonly Row[] = rowsOf();

export const SEED: SeedDocument = {
  organization_members: MEMBERS,
  credits: { total_credits: 500, total_usage: 437.5 },
  workspaces: [{ slug: 'research', name: 'Research' }],
  workspace_members: [
    { workspace: 'research', member: 'alice@example.com' },
    { workspace: 'research', member: 'bob@example.com' },
  ],
  budgets: [
    { workspace: 'default', interval: 'monthly', limit_usd: 2000 },
    { workspace: 'research', interval: 'monthly', limit_usd: 30 },
    { workspace: 'research', interval: 'daily', limit_usd: 1.2 },
    { workspace: 'research', interval: 'lifetime', limit_usd: 5000 },
  ],
  keys: [
    // 85 of 100 in 17.5 days of November: at that pace it reaches 100 on the 21st, before the reset.
    { name: 'prod-bot', creator: 'user_admin', limit: 100, limit_reset: 'monthly', usage: 300, usage_monthly: 85, usage_weekly: 12, usage_daily: 2 },
    // 4 of 20 in half a day: 8/day, not enough before midnight.
    { name: 'ci-runner', creator: 'user_bob', limit: 20, limit_reset: 'daily', usage: 90, usage_daily: 4, usage_weekly: 9, usage_monthly: 40, byok_usage: 5, byok_usage_monthly: 5 },
    { name: 'scratch', creator: 'user_alice', usage: 3.5, usage_monthly: 1.25 },
    { name: 'notebook', workspace: 'research', creator: 'user_alice', limit: 50, limit_reset: 'weekly', usage: 400, usage_weekly: 50, usage_monthly: 120, usage_daily: 5 },
    // No reset: the limit counts all-time usage (12), at this month's pace (6 in 17.5 days).
    { name: 'batch', workspace: 'research', creator: 'user_bob', limit: 30, usage: 12, usage_monthly: 6, usage_weekly: 1, usage_daily: 0.5 },
  ],
  activity: ROWS.map((r) => ({
    days_ago: r.days_ago,
    ...(r.key ? { key: r.key } : {}),
    ...(r.member ? { member: r.member } : {}),
    workspace: r.workspace,
    model: r.model,
    provider_name: r.provider_name,
    usage: r.usage_micro / 1e6,
    byok_usage_inference: r.byok_micro / 1e6,
    requests: r.requests,
    prompt_tokens: r.prompt_tokens,
    completion_tokens: r.completion_tokens,
    reasoning_tokens: r.reasoning_tokens,
  })),
};

/** The UTC date of a row at NOW. */
export function dateOf(r: Row): string {
  return new Date(Date.parse(NOW) - r.days_ago * 86_400_000).toISOString().slice(0, 10);
}

/** Whose traffic a row is (GET /activity's user_id): the member given, else the key's creator. */
export function userOf(r: Row): string | undefined {
  return r.member ?? (r.key ? KEYS[r.key].creator : undefined);
}

/** Rows GET /activity covers at NOW. */
export function inWindow(r: Row): boolean {
  return r.days_ago >= 1 && r.days_ago <= 30;
}

export interface Expected {
  usage_micro: number;
  byok_micro: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
}

export function expectedTotals(rows: readonly Row[]): Expected {
  const t: Expected = { usage_micro: 0, byok_micro: 0, requests: 0, prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0 };
  for (const r of rows) {
    t.usage_micro += r.usage_micro;
    t.byok_micro += r.byok_micro;
    t.requests += r.requests;
    t.prompt_tokens += r.prompt_tokens;
    t.completion_tokens += r.completion_tokens;
    t.reasoning_tokens += r.reasoning_tokens;
  }
  return t;
}

/** A JSON document's metrics in the units of Expected: dollars to millionths, checked to be exact. */
export function asExpected(m: { usage: number; byok_usage: number; requests: number; prompt_tokens: number; completion_tokens: number; reasoning_tokens: number }): Expected {
  return {
    usage_micro: micro(m.usage),
    byok_micro: micro(m.byok_usage),
    requests: m.requests,
    prompt_tokens: m.prompt_tokens,
    completion_tokens: m.completion_tokens,
    reasoning_tokens: m.reasoning_tokens,
  };
}

/** Dollars as an integer of millionths; throws if the amount has noise beyond the sixth decimal. */
export function micro(usd: number): number {
  const m = Math.round(usd * 1e6);
  // The decimal spelling of the number must be exactly m millionths: 12.345678, never 12.345678000000001.
  if (String(usd) !== String(m / 1e6)) throw new Error(`${usd} is not an exact amount of millionths`);
  return m;
}
