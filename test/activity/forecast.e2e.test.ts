// The forecasts of `oradmin status`, end to end with the clocks fixed at NOW: each number checked
// against the seed's own rows and counters, computed here independently.
import { describe, expect, it } from 'vitest';
import { activityOrg, json } from './helpers.js';
import { dateOf, inWindow, NOW, ROWS } from './seed.js';

const DAY = 86_400_000;
const now = Date.parse(NOW);
const sumMicro = (rows: typeof ROWS) => rows.reduce((s, r) => s + r.usage_micro, 0);
/** The last 7 completed days at NOW. */
const RECENT = ROWS.filter((r) => inWindow(r) && dateOf(r) >= '2026-11-11');

const toMinute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');

describe('status forecasts', () => {
  it('forecast a key that reaches its limit before its reset, budgets from their activity, and the credit runway', async () => {
    const o = await activityOrg();
    const doc = await json(o, ['status']);
    const f = doc.forecasts;
    expect(f.activity).toEqual({ first: '2026-11-11', last: '2026-11-17' });

    const keys = Object.fromEntries(f.keys.map((k: any) => [`${k.workspace}/${k.name}`, k]));
    // Every enabled key with a limit, and only those (scratch has none).
    expect(Object.keys(keys).sort()).toEqual(['default/ci-runner', 'default/prod-bot', 'research/batch', 'research/notebook']);
    // prod-bot: $85 of $100 in the 17.5 days of November so far.
    const prodRate = 85 / 17.5;
    expect(keys['default/prod-bot']).toMatchObject({
      limit: 100,
      limit_reset: 'monthly',
      usage: 85,
      basis: { counter: 'usage_monthly', since: '2026-11-01T00:00:00Z', days: 17.5, spend: 85 },
      rate_per_day: Math.round(prodRate * 1e6) / 1e6,
      resets_at: '2026-12-01T00:00:00Z',
      reached: false,
      reaches_at: toMinute(now + (15 / prodRate) * DAY),
    });
    expect(keys['default/prod-bot'].reaches_at < keys['default/prod-bot'].resets_at).toBe(true);
    // ci-runner: $4 of $20 in half a day — $8/day does not get there before midnight.
    expect(keys['default/ci-runner']).toMatchObject({ basis: { counter: 'usage_daily', days: 0.5, spend: 4 }, rate_per_day: 8, resets_at: '2026-11-19T00:00:00Z', projected: 8, reached: false, reaches_at: null });
    expect(keys['research/notebook']).toMatchObject({ reached: true, reaches_at: null, resets_at: '2026-11-23T00:00:00Z' });
    // batch has no reset: all-time usage (12) against its limit, at this month's pace (6 in 17.5 days).
    expect(keys['research/batch']).toMatchObject({ usage: 12, resets_at: null, projected: null, reaches_at: toMinute(now + (18 / (6 / 17.5)) * DAY) });
    // Reached first, then by when.
    expect(f.keys.map((k: any) => k.name)).toEqual(['notebook', 'prod-bot', 'batch', 'ci-runner']);

    const budgets = Object.fromEntries(f.budgets.map((b: any) => [`${b.workspace}/${b.interval}`, b]));
    expect(Object.keys(budgets).sort()).toEqual(['default/monthly', 'research/daily', 'research/monthly']);
    const research = ROWS.filter((r) => inWindow(r) && r.workspace === 'research');
    const spent = sumMicro(research.filter((r) => dateOf(r) >= '2026-11-01')) / 1e6;
    const rate = sumMicro(RECENT.filter((r) => r.workspace === 'research')) / 1e6 / 7;
    const midnight = Date.parse('2026-11-18T00:00:00Z');
    expect(budgets['research/monthly']).toMatchObject({
      limit_usd: 30,
      basis: { since: '2026-11-01', spent, rate_days: 7, rate_spend: Math.round(rate * 7 * 1e6) / 1e6 },
      reached: false,
      reaches_at: toMinute(midnight + ((30 - spent) / rate) * DAY),
      resets_at: '2026-12-01T00:00:00Z',
    });
    // A daily budget's period is today, which the activity does not have yet: the rate alone.
    expect(budgets['research/daily']).toMatchObject({ basis: { since: '2026-11-18', spent: 0 }, reaches_at: toMinute(midnight + (1.2 / rate) * DAY) });
    expect(budgets['default/monthly']).toMatchObject({ reached: false, reaches_at: null });
    expect(f.not_forecast).toEqual([{ subject: 'workspace_budget.research/lifetime', reason: 'lifetime spend is not in the 2026-10-19 to 2026-11-17 activity' }]);

    const orgRate = sumMicro(RECENT) / 1e6 / 7;
    expect(f.credits).toMatchObject({ remaining: 62.5, basis: { days: 7, spend: sumMicro(RECENT) / 1e6 }, runway_days: Math.round((62.5 / orgRate) * 10) / 10, runs_out_at: toMinute(now + (62.5 / orgRate) * DAY) });

    // The text says what each forecast is based on.
    const text = await o.run(['status']);
    expect(text.stdout).toContain(`key default/prod-bot: reaches its $100.00 limit around ${keys['default/prod-bot'].reaches_at.slice(0, 10)} `);
    expect(text.stdout).toContain("at this month's average of $4.86/day ($85.00 in 17.5 days)");
    expect(text.stdout).toContain("at the last 7 days' average spend of");
  });

  it('without activity (GET /activity fails) status still reports, and says which forecasts are missing and why', async () => {
    const o = await activityOrg(undefined, { faults: { rate500: 1, operations: ['getUserActivity'] } });
    const r = await o.run(['status', '-o', 'json']);
    expect(r.code).toBe(0);
    // (The path may be written with the base URL before it.)
    expect(r.stderr).toMatch(/^warning: no activity for the forecasts: GET \S*\/activity\?group_by=workspace \(getUserActivity\) failed: 500/);
    const f = JSON.parse(r.stdout).forecasts;
    expect(f.activity).toBeNull();
    expect(f.credits).toBeNull();
    expect(f.budgets).toEqual([]);
    // The keys' forecasts need no activity.
    expect(f.keys.map((k: any) => k.name)).toContain('prod-bot');
    expect(f.not_forecast.map((n: any) => n.subject).sort()).toEqual(['credits', 'workspace_budget.default/monthly', 'workspace_budget.research/daily', 'workspace_budget.research/lifetime', 'workspace_budget.research/monthly']);
    expect(f.not_forecast[0].reason).toMatch(/^GET \/activity could not be read \(GET /);
  });

  it('no forecast without data: no spend in the last 7 days means no runway; zero spend this month is data', async () => {
    const o = await activityOrg({
      organization_members: [{ id: 'user_admin', email: 'admin@example.com', role: 'org:admin' }],
      credits: { total_credits: 10, total_usage: 1 },
      keys: [{ name: 'idle', limit: 5, limit_reset: 'monthly' }],
      activity: [{ days_ago: 20, model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 1, requests: 1 }],
    });
    const f = (await json(o, ['status'])).forecasts;
    expect(f.credits).toBeNull();
    expect(f.not_forecast).toEqual([{ subject: 'credits', reason: 'no spend in the last 7 completed UTC days (2026-11-11 to 2026-11-17)' }]);
    // Zero spend this month is data: the key does not reach its limit.
    expect(f.keys).toMatchObject([{ name: 'idle', rate_per_day: 0, reached: false, reaches_at: null, projected: 0 }]);
  });
});
