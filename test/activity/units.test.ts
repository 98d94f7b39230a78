// The pure parts of the activity report, on inputs chosen to break them: sums that floats get
// wrong, amounts too wide for 80 columns, cells a spreadsheet would run, forecasts at the edges.
import { describe, expect, it } from 'vitest';
import { mermaidChart, textChart } from '../../src/activity/chart.js';
import { ExactSum, exactSum } from '../../src/activity/exact-sum.js';
import { buildForecasts } from '../../src/activity/forecast.js';
import { parseActivityOptions } from '../../src/activity/options.js';
import { renderActivityCsv } from '../../src/activity/render-csv.js';
import { buildActivityReport, type ActivityFilters } from '../../src/activity/report.js';
import { resolveMember } from '../../src/activity/resolve.js';
import type { ActivityItem } from '../../src/activity/metrics.js';
import type { LiveKey } from '../../src/core/live.js';

const NOW = new Date('2026-11-18T12:00:00Z');
const NO_FILTERS: ActivityFilters = { date: null, days: null, workspace: null, key: null, member: null, top: null };

function item(over: Partial<ActivityItem>): ActivityItem {
  return { date: '2026-11-17', model: 'openai/gpt-4o', model_permaslug: 'openai/gpt-4o', endpoint_id: 'ep', provider_name: 'OpenAI', usage: 0, byok_usage_inference: 0, requests: 1, prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0, ...over };
}

function key(over: Partial<LiveKey>): LiveKey {
  return {
    hash: 'h'.repeat(64), name: 'k', label: 'sk-or-v1-…', disabled: false, limit: 10, limit_remaining: null, limit_reset: 'daily', include_byok_in_limit: false,
    usage: 0, usage_daily: 0, usage_weekly: 0, usage_monthly: 0, byok_usage: 0, byok_usage_daily: 0, byok_usage_weekly: 0, byok_usage_monthly: 0,
    created_at: '2026-01-01T00:00:00Z', updated_at: null, creator_user_id: null, workspace_id: 'ws', ...over,
  };
}

describe('exact sums', () => {
  it('add the decimal spellings, not the doubles', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum(Array.from({ length: 10_000 }, () => 0.01))).toBe(100);
    expect(new ExactSum().add(1).add(1e-7).toDecimal()).toBe('1.0000001');
    expect(new ExactSum().add(1e21).add(0.5).toDecimal()).toBe('1000000000000000000000.5');
    expect(new ExactSum().add(-0.1).add(0.05).toDecimal()).toBe('-0.05');
    expect(new ExactSum().toDecimal()).toBe('0');
  });

  it('make report totals the exact sum of many awkward items', () => {
    const items = Array.from({ length: 3_000 }, (_, i) => item({ usage: 0.000123 * (i % 7), byok_usage_inference: 0.1 }));
    const report = buildActivityReport({ items, by: 'model', period: { first: '2026-11-17', last: '2026-11-17', days: 1 }, filters: NO_FILTERS, now: NOW });
    expect(report.totals.usage).toBe(Number(((items.reduce((s, _, i) => s + 123 * (i % 7), 0)) / 1e6).toFixed(6)));
    expect(report.totals.byok_usage).toBe(300);
    expect(report.daily).toEqual([{ date: '2026-11-17', usage: report.totals.usage, byok_usage: 300, requests: 3_000 }]);
  });
});

describe('the text chart', () => {
  const day = (date: string, usage: number) => ({ date, usage, byok_usage: 0, requests: 0 });

  it('fits 80 columns whatever the amounts, and shows a sliver for any spend', () => {
    const lines = textChart([day('2026-11-16', 12_345_678.9), day('2026-11-17', 0.001), day('2026-11-18', 0)]);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^ {2}Mon 11-16 █+ \$12,345,678\.90$/);
    expect(lines[0]!.length).toBe(80);
    expect(lines[1]).toMatch(/^ {2}Tue 11-17 ▏ +<\$0\.01$/);
    expect(lines[2]).toMatch(/^ {2}Wed 11-18 {2,}\$0\.00$/);
    expect(lines[3]).toMatch(/^ {2}\$12,345,678\.90 in 3 days, /);
  });

  it('draws close amounts with visibly different bars (eighths of a cell)', () => {
    const [a, b] = textChart([day('2026-11-16', 100), day('2026-11-17', 99)]);
    expect(a!.replace(/[^█▏▎▍▌▋▊▉]/g, '')).not.toBe(b!.replace(/[^█▏▎▍▌▋▊▉]/g, ''));
    expect(textChart([day('2026-11-16', 0)]).at(-1)).toBe('  No spend on any of these days.');
  });

  it('mermaid: one bar per day, an axis with a round top, no name in it', () => {
    expect(mermaidChart([day('2026-11-16', 3.456), day('2026-11-17', 0.004)], 'Daily spend (USD)')).toEqual([
      '```mermaid',
      'xychart-beta',
      '    title "Daily spend (USD)"',
      '    x-axis ["11-16", "11-17"]',
      '    y-axis "USD" 0 --> 5',
      '    bar [3.46, 0]',
      '```',
    ]);
    expect(mermaidChart([day('2026-11-16', 0)], 'x').at(4)).toBe('    y-axis "USD" 0 --> 1');
    expect(mermaidChart([day('2026-11-16', 2001)], 'x').at(4)).toBe('    y-axis "USD" 0 --> 2500');
  });
});

describe('csv', () => {
  it('quotes text, disarms formulas, escapes controls, ends lines with CRLF and never writes an exponent', () => {
    const items = [
      item({ model: '=HYPERLINK("http://x","click")', usage: 3 }),
      item({ model: '+1+2', usage: 2 }),
      item({ model: '-3', usage: 1 }),
      item({ model: '@SUM(A1)', usage: 0.5 }),
      item({ model: 'a,b\n"c"\u001b[2K', usage: 0.0000001 }),
    ];
    const report = buildActivityReport({ items, by: 'model', period: { first: '2026-11-17', last: '2026-11-17', days: 1 }, filters: NO_FILTERS, now: NOW });
    const lines = renderActivityCsv(report).split('\r\n');
    expect(lines[0]).toBe('model,usage,byok_usage,requests,prompt_tokens,completion_tokens,reasoning_tokens,share');
    expect(lines.slice(1, 6).map((l) => l.split(',')[0])).toEqual([`"'=HYPERLINK(""http://x""`, `"'+1+2"`, `"'-3"`, `"'@SUM(A1)"`, '"a']);
    expect(lines[5]).toBe('"a,b\\n""c""\\x1b[2K",0.0000001,0,1,0,0,0,0');
    expect(lines.at(-1)).toBe('');
    expect(renderActivityCsv(report)).not.toMatch(/\n(?<!\r\n)/);
  });
});

describe('options', () => {
  it('select the last n completed days, or one date', () => {
    expect(parseActivityOptions({ by: 'model' }, NOW).period).toEqual({ first: '2026-10-19', last: '2026-11-17', days: 30 });
    expect(parseActivityOptions({ by: 'day', days: '1' }, NOW).period).toEqual({ first: '2026-11-17', last: '2026-11-17', days: 1 });
    expect(parseActivityOptions({ by: 'day', date: '2026-10-19' }, NOW)).toMatchObject({ period: { first: '2026-10-19', last: '2026-10-19', days: 1 }, filters: { date: '2026-10-19', days: null } });
    expect(() => parseActivityOptions({ by: 'day', date: '2026-10-18' }, NOW)).toThrow('not one of the last 30 completed UTC days (2026-10-19 to 2026-11-17)');
  });

  it.each([
    [{ days: '31' }, '--days 31: must be a whole number from 1 to 30'],
    [{ days: '7.5' }, '--days 7.5: must be a whole number from 1 to 30'],
    [{ days: '-1' }, '--days -1: must be a whole number from 1 to 30'],
    [{ top: 'ten' }, '--top ten: must be a whole number of at least 1'],
    [{ top: '0' }, '--top 0: must be a whole number of at least 1'],
    [{ date: '2026-11-31' }, '--date 2026-11-31: not a date; write YYYY-MM-DD, e.g. 2026-11-17'],
    [{ date: '17/11/2026' }, '--date 17/11/2026: not a date; write YYYY-MM-DD, e.g. 2026-11-17'],
    [{ date: '2026-11-10', days: '3' }, '--date and --days exclude each other: --date is one day, --days the last n days'],
  ])('refuse %o', (raw, message) => {
    expect(() => parseActivityOptions({ by: 'model', ...raw }, NOW)).toThrow(message);
  });

  it('list members nearest first, and only the first ten of many', () => {
    const members = Array.from({ length: 25 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com` }));
    expect(() => resolveMember('user7@exampl.com', members)).toThrow(/nearest first: user7@example\.com, .* and 15 more\)$/);
    expect(resolveMember('u3', members).email).toBe('user3@example.com');
  });
});

describe('forecasts at the edges', () => {
  const input = (keys: LiveKey[], over: Partial<Parameters<typeof buildForecasts>[0]> = {}) =>
    buildForecasts({ now: NOW, keys: keys.map((k) => ({ key: k, slug: 'default' })), budgets: [], creditsRemaining: 10, activity: { items: [] }, ...over });

  it('counts BYOK toward a key limit only when the key says so', () => {
    const byok = { limit: 10, limit_reset: 'daily', usage_daily: 2, byok_usage_daily: 4 };
    const [without] = input([key({ ...byok, name: 'a' })]).keys;
    const [counted] = input([key({ ...byok, name: 'b', include_byok_in_limit: true })]).keys;
    expect(without).toMatchObject({ usage: 2, rate_per_day: 4, reaches_at: null });
    // 6 in half a day: 12/day, the remaining 4 in 8 hours, before midnight.
    expect(counted).toMatchObject({ usage: 6, rate_per_day: 12, reaches_at: '2026-11-18T20:00:00Z' });
  });

  it('no key forecast in the first hour of its period, with the reason', () => {
    const early = new Date('2026-11-18T00:30:00Z');
    const f = input([key({ name: 'bot', limit_reset: 'daily', usage_daily: 1 })], { now: early });
    expect(f.keys).toEqual([]);
    expect(f.not_forecast).toContainEqual({ subject: 'key.default/bot', reason: 'its day started less than an hour ago' });
  });

  it('a budget over its limit on completed days is reached; spent credits have no runway', () => {
    const items = [item({ date: '2026-11-16', usage: 8, workspace_id: 'ws' }), item({ date: '2026-11-17', usage: 4, workspace_id: 'ws', byok_usage_inference: 100 })];
    const f = buildForecasts({
      now: NOW,
      keys: [],
      budgets: [{ budget: { id: 'b', workspace_id: 'ws', limit_usd: 10, reset_interval: 'weekly', created_at: '', updated_at: '' }, slug: 'lab', includeByok: false }],
      creditsRemaining: -1,
      activity: { items },
    });
    expect(f.budgets).toMatchObject([{ workspace: 'lab', interval: 'weekly', basis: { since: '2026-11-16', spent: 12 }, reached: true, reaches_at: null }]);
    expect(f.credits).toMatchObject({ remaining: -1, runway_days: 0, runs_out_at: '2026-11-18T12:00:00Z' });
  });
});
