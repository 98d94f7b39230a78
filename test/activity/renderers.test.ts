// Every activity renderer and the forecast section of status, fed reports in which every string
// that can come from the organization is hostile: a renderer that prints one without its medium's
// neutralizing function fails here, whichever field it is.
import { describe, expect, it } from 'vitest';
import { renderActivityJson } from '../../src/activity/json.js';
import { renderActivityCsv } from '../../src/activity/render-csv.js';
import { renderActivityMarkdown } from '../../src/activity/render-markdown.js';
import { renderActivityText } from '../../src/activity/render-text.js';
import { buildActivityReport, DIMENSIONS, type ActivityReport } from '../../src/activity/report.js';
import type { ActivityItem } from '../../src/activity/metrics.js';
import type { LiveKey } from '../../src/core/live.js';
import { renderStatusMarkdown, renderStatusText } from '../../src/status/render.js';
import type { StatusReport } from '../../src/status/report.js';
import { expectClean, expectMarkdownIntact, HOSTILE } from '../untrusted/hostile.js';

const NOW = new Date('2026-11-18T12:00:00Z');

function report(by: (typeof DIMENSIONS)[number], h: string): ActivityReport {
  const items: ActivityItem[] = [1, 2, 3].map((n) => ({
    date: '2026-11-17',
    model: `m${n}${h}`,
    model_permaslug: `p${h}`,
    endpoint_id: `e${n}${h}`,
    provider_name: `prov${n}${h}`,
    usage: n,
    byok_usage_inference: 0,
    requests: n,
    prompt_tokens: 1,
    completion_tokens: 1,
    reasoning_tokens: 0,
    workspace_id: `ws${n}${h}`,
  }));
  const key = (n: number): LiveKey => ({
    hash: `h${n}${h}`, name: `k${n}${h}`, label: h, disabled: n === 1, limit: 1, limit_remaining: null, limit_reset: `daily${h}`, include_byok_in_limit: false,
    usage: 0, usage_daily: n, usage_weekly: n, usage_monthly: n, byok_usage: 0, byok_usage_daily: 0, byok_usage_weekly: 0, byok_usage_monthly: 0,
    created_at: h, updated_at: null, creator_user_id: h, workspace_id: `ws${h}`,
  });
  return buildActivityReport({
    items,
    by,
    period: { first: '2026-11-17', last: '2026-11-17', days: 1 },
    filters: { date: null, days: null, workspace: `w${h}`, key: `key.x/${h}`, member: `m${h}@example.com`, top: 2 },
    workspaces: [{ id: `ws1${h}`, slug: `slug${h}` }],
    keys: [1, 2, 3].map((n) => ({ key: key(n), slug: `slug${h}` })),
    now: NOW,
  });
}

function status(h: string): StatusReport {
  return {
    format_version: 1,
    generated_at: '2026-11-18T12:00:00.000Z',
    credits: { total: 10, used: 1, remaining: 9 },
    workspaces: [],
    guardrails: [],
    interrupted: [],
    unmanaged: { file: 'f', compared: false, objects: [] },
    counts: { 'limit-reached': 0, 'near-limit': 0, expired: 0, expiring: 0, disabled: 0, 'never-used': 0 },
    forecasts: {
      activity: { first: '2026-11-11', last: '2026-11-17' },
      keys: [
        { workspace: `w${h}`, name: `reached${h}`, hash: h, limit: 1, limit_reset: 'daily', usage: 1, basis: { counter: 'usage_daily', since: '2026-11-18T00:00:00Z', days: 0.5, spend: 1 }, rate_per_day: 2, resets_at: '2026-11-19T00:00:00Z', projected: 2, reached: true, reaches_at: null },
        { workspace: `w${h}`, name: `soon${h}`, hash: h, limit: 10, limit_reset: null, usage: 1, basis: { counter: 'usage_monthly', since: '2026-11-01T00:00:00Z', days: 17.5, spend: 1 }, rate_per_day: 2, resets_at: null, projected: null, reached: false, reaches_at: '2026-11-22T12:00:00Z' },
      ],
      budgets: [
        { workspace: `w${h}`, interval: 'monthly', limit_usd: 5, byok_included: false, basis: { since: '2026-11-01', spent: 4, rate_days: 7, rate_spend: 7 }, rate_per_day: 1, resets_at: '2026-12-01T00:00:00Z', projected: 17, reached: false, reaches_at: '2026-11-19T00:00:00Z' },
        { workspace: `w${h}`, interval: 'daily', limit_usd: 0.5, byok_included: false, basis: { since: '2026-11-18', spent: 0, rate_days: 7, rate_spend: 7 }, rate_per_day: 1, resets_at: '2026-11-19T00:00:00Z', projected: 1, reached: false, reaches_at: '2026-11-18T12:00:00Z' },
      ],
      credits: { remaining: 9, basis: { days: 7, spend: 7 }, rate_per_day: 1, runway_days: 9, runs_out_at: '2026-11-27T12:00:00Z' },
      not_forecast: [{ subject: `key.w/${h}`, reason: `GET /activity could not be read (${h})` }],
    },
  };
}

describe('activity renderers and forecasts with every name hostile', () => {
  for (const [label, h] of Object.entries(HOSTILE)) {
    it(`activity in every dimension and format (${label})`, () => {
      for (const by of DIMENSIONS) {
        const r = report(by, h);
        expect(r.rows.length, by).toBeGreaterThan(0);
        expectClean(`${by} text`, renderActivityText(r));
        const md = renderActivityMarkdown(r);
        expectClean(`${by} markdown`, md);
        expectMarkdownIntact(`${by} markdown`, md, /^#{3,4} (OpenRouter spend by|Daily spend$)/);
        const csv = renderActivityCsv(r);
        expectClean(`${by} csv`, csv.replace(/\r\n/g, '\n'));
        // One line per row: no name can add one.
        expect(csv.split('\r\n'), by).toHaveLength(r.rows.length + 2);
        expectClean(`${by} json`, renderActivityJson(r));
        expect(JSON.parse(renderActivityJson(r)).filters.workspace).toBe(`w${h}`);
      }
    });

    it(`the forecast section of status (${label})`, () => {
      const text = renderStatusText(status(h), { color: false });
      expectClean('status text', text);
      expect(text).toContain('Forecasts at recent rates');
      const md = renderStatusMarkdown(status(h));
      expectClean('status markdown', md);
      expectMarkdownIntact('status markdown', md, /^#{3,4} (Organization status|Guardrails)/);
      expect(md.match(/^- /gm)?.length).toBe(6);
    });
  }
});
