// `oradmin activity -o json`: one versioned document for scripts (PRODUCT.md section 9), keys in this
// order. Amounts are USD numbers computed from exact decimal sums (exact-sum.ts): a total is the sum
// of what the API sent, converted once, never float noise.
//
//   format_version  1
//   period          { first, last, days }                   the completed UTC days covered, both included
//   filters         { date, days, workspace, key, member, top }   as given; null when not given
//   by              model | provider | day | workspace | endpoint | key
//   rows[]          ranked by spend; at most `top`. By dimension:
//                     model     { model, <metrics>, share }
//                     provider  { provider, <metrics>, share }
//                     day       { date, <metrics>, share }
//                     workspace { workspace, workspace_id, <metrics>, share }    workspace null: deleted since
//                     endpoint  { endpoint_id, model, provider, <metrics>, share }
//                     key       { key, workspace, name, hash, disabled, limit, limit_reset,
//                                 usage: { day, week, month }, byok_usage: { day, week, month }, share }
//                   <metrics> = usage, byok_usage, requests, prompt_tokens, completion_tokens, reasoning_tokens;
//                   share = the row's part of the period's usage (4 decimals), null when nothing was spent.
//                   Key rows are the keys' own counters for the UTC day, week (from Monday) and month so
//                   far (`counters`), share of this month's; the totals and daily stay the activity's.
//   totals          { <metrics> }                            the whole period, every row (not only the top)
//   daily[]         { date, usage, byok_usage, requests }   every day of the period, days without activity too
//   counters        { day, week_from, month_from }           only with by=key: the counters' UTC periods
import { jsonText } from '../untrusted.js';
import type { ActivityReport } from './report.js';

export function activityDocument(report: ActivityReport): Record<string, unknown> {
  const rows =
    report.by === 'key'
      ? report.rows.map((r) => ({
          key: r.key,
          workspace: r.workspace,
          name: r.name,
          hash: r.hash,
          disabled: r.disabled,
          limit: r.limit,
          limit_reset: r.limit_reset,
          usage: r.usage,
          byok_usage: r.byok_usage,
          share: r.share,
        }))
      : report.rows.map((r) => ({ ...r.id, ...r.metrics, share: r.share }));
  return {
    format_version: report.format_version,
    period: report.period,
    filters: report.filters,
    by: report.by,
    rows,
    totals: report.totals,
    daily: report.daily,
    ...(report.by === 'key' ? { counters: report.counters } : {}),
  };
}

export function renderActivityJson(report: ActivityReport): string {
  return `${jsonText(JSON.stringify(activityDocument(report), null, 2))}\n`;
}
