// `oradmin activity`: spend and usage of the last completed UTC days, from GET /activity, grouped by
// one dimension and ranked by spend. Pure — the time and everything read are given — so that the
// report can be tested with a fixed clock; json.ts, render-*.ts and chart.ts print it.
//
// `--by key` is the exception to "rows from /activity": activity items carry no key, so keys are
// ranked by their own usage counters (UTC day, week and month so far) from the /keys pages that
// were read anyway, never one /activity request per key (PRODUCT.md section 9).
import type { LiveKey } from '../core/live.js';
import { address } from '../core/address.js';
import { ExactSum } from './exact-sum.js';
import { MetricsSum, type ActivityItem, type Metrics } from './metrics.js';
import { datesFrom, periodStart, utcDate } from './utc-days.js';

export const DIMENSIONS = ['model', 'provider', 'day', 'workspace', 'endpoint', 'key'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What the user asked for, as given (names, not ids); null when not given. */
export interface ActivityFilters {
  date: string | null;
  days: number | null;
  workspace: string | null;
  key: string | null;
  member: string | null;
  top: number | null;
}

/** The completed UTC days the report covers, both included. */
export interface Period {
  first: string;
  last: string;
  days: number;
}

/** A row of an activity dimension: what it groups by (JSON field names), its sums, its share of spend. */
export interface ActivityRow {
  /** e.g. { model: "openai/gpt-4o" }; { endpoint_id, model, provider }; { workspace, workspace_id }. */
  id: Record<string, string | null>;
  /** What a person reads as the row's name. Untrusted: renderers escape it. */
  label: string;
  metrics: Metrics;
  /** usage / total usage, 4 decimals; null when nothing was spent. */
  share: number | null;
}

export interface CounterSpend {
  day: number;
  week: number;
  month: number;
}

/** A key ranked by its own usage counters (`--by key`). */
export interface KeyRow {
  /** key.<slug>/<name>. */
  key: string;
  workspace: string;
  name: string;
  hash: string;
  disabled: boolean;
  limit: number | null;
  limit_reset: string | null;
  usage: CounterSpend;
  byok_usage: CounterSpend;
  /** This month's usage / all listed keys' this month's usage, 4 decimals; null when nothing was spent. */
  share: number | null;
  /** The address, and the hash's start where two keys share it (names are not unique in the API). */
  label: string;
}

/** The UTC periods of the key usage counters at the time of the report. */
export interface CounterPeriods {
  day: string;
  week_from: string;
  month_from: string;
}

export interface DailySpend {
  date: string;
  usage: number;
  byok_usage: number;
  requests: number;
}

/** Rows beyond --top, summed: renderers show them as one line so that shares still add up. */
export interface RestOfRows {
  count: number;
  usage: number;
  share: number | null;
}

interface ReportBase {
  format_version: 1;
  period: Period;
  filters: ActivityFilters;
  totals: Metrics;
  daily: DailySpend[];
  rest: RestOfRows | null;
}

export type ActivityReport =
  | (ReportBase & { by: Exclude<Dimension, 'key'>; rows: ActivityRow[] })
  | (ReportBase & { by: 'key'; rows: KeyRow[]; counters: CounterPeriods });

export interface ActivityInput {
  /** GET /activity's items: already narrowed by the API's filters (date, key, member, workspace). */
  items: readonly ActivityItem[];
  by: Dimension;
  period: Period;
  filters: ActivityFilters;
  /** Slugs by workspace id, for `--by workspace`. */
  workspaces?: readonly { id: string; slug: string }[];
  /** For `--by key`: the keys in scope, each with its workspace's slug. */
  keys?: readonly { key: LiveKey; slug: string }[];
  now: Date;
}

export function buildActivityReport(input: ActivityInput): ActivityReport {
  const { period } = input;
  // --days narrows the 30 days the API answers for; the API has no such parameter.
  const items = input.items.filter((i) => i.date >= period.first && i.date <= period.last);
  const total = new MetricsSum();
  for (const item of items) total.add(item);
  const totals = total.value();
  const base = { format_version: 1 as const, period, filters: input.filters, totals, daily: daily(items, period) };
  const top = input.filters.top;

  if (input.by === 'key') {
    const { rows, monthTotal } = keyRows(input.keys ?? []);
    return { ...base, by: 'key', rows: rows.slice(0, top ?? undefined), counters: counterPeriods(input.now), rest: restOf(rows, top, (r) => r.usage.month, monthTotal) };
  }
  const rows = activityRows(items, input.by, new Map((input.workspaces ?? []).map((w) => [w.id, w.slug])), totals.usage);
  return { ...base, by: input.by, rows: rows.slice(0, top ?? undefined), rest: restOf(rows, top, (r) => r.metrics.usage, totals.usage) };
}

interface Group {
  id: Record<string, string | null>;
  label: string;
  sum: MetricsSum;
}

function groupOf(item: ActivityItem, by: Exclude<Dimension, 'key'>, slugOf: ReadonlyMap<string, string>): Omit<Group, 'sum'> & { key: string } {
  switch (by) {
    case 'model':
      return { key: item.model, id: { model: item.model }, label: item.model };
    case 'provider':
      return { key: item.provider_name, id: { provider: item.provider_name }, label: item.provider_name };
    case 'day':
      return { key: item.date, id: { date: item.date }, label: item.date };
    case 'endpoint':
      return {
        key: item.endpoint_id,
        id: { endpoint_id: item.endpoint_id, model: item.model, provider: item.provider_name },
        label: `${item.model} via ${item.provider_name}`,
      };
    case 'workspace': {
      const id = item.workspace_id ?? null;
      const slug = id === null ? null : (slugOf.get(id) ?? null);
      // A workspace deleted since: its activity stays, under an id no list names any more.
      return { key: id ?? '', id: { workspace: slug, workspace_id: id }, label: slug ?? `(workspace ${id ?? 'unknown'})` };
    }
  }
}

function activityRows(items: readonly ActivityItem[], by: Exclude<Dimension, 'key'>, slugOf: ReadonlyMap<string, string>, totalUsage: number): ActivityRow[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const g = groupOf(item, by, slugOf);
    let group = groups.get(g.key);
    if (!group) {
      group = { id: g.id, label: g.label, sum: new MetricsSum() };
      groups.set(g.key, group);
    }
    group.sum.add(item);
  }
  return [...groups.values()]
    .map((g) => {
      const metrics = g.sum.value();
      return { id: g.id, label: g.label, metrics, share: shareOf(metrics.usage, totalUsage) };
    })
    .sort((a, b) => b.metrics.usage - a.metrics.usage || b.metrics.requests - a.metrics.requests || compare(a.label, b.label));
}

function keyRows(keys: readonly { key: LiveKey; slug: string }[]): { rows: KeyRow[]; monthTotal: number } {
  const monthTotal = new ExactSum();
  for (const { key } of keys) monthTotal.add(key.usage_monthly);
  const total = monthTotal.toNumber();
  const addresses = keys.map(({ key, slug }) => address.key(slug, key.name));
  const shared = new Set(addresses.filter((a, i) => addresses.indexOf(a) !== i));
  const rows = keys
    .map(({ key, slug }, i): KeyRow => {
      const addr = addresses[i]!;
      return {
        key: addr,
        workspace: slug,
        name: key.name,
        hash: key.hash,
        disabled: key.disabled,
        limit: key.limit ?? null,
        limit_reset: key.limit_reset ?? null,
        usage: { day: key.usage_daily, week: key.usage_weekly, month: key.usage_monthly },
        byok_usage: { day: key.byok_usage_daily, week: key.byok_usage_weekly, month: key.byok_usage_monthly },
        share: shareOf(key.usage_monthly, total),
        label: shared.has(addr) ? `${addr} (${key.hash.slice(0, 12)}…)` : addr,
      };
    })
    .sort((a, b) => b.usage.month - a.usage.month || b.usage.week - a.usage.week || b.usage.day - a.usage.day || compare(a.label, b.label));
  return { rows, monthTotal: total };
}

/** Every day of the period, days without activity included, so that a chart has no gaps. */
function daily(items: readonly ActivityItem[], period: Period): DailySpend[] {
  const byDate = new Map<string, MetricsSum>();
  for (const item of items) {
    let sum = byDate.get(item.date);
    if (!sum) byDate.set(item.date, (sum = new MetricsSum()));
    sum.add(item);
  }
  return datesFrom(period.first, period.last).map((date) => {
    const m = byDate.get(date)?.value();
    return { date, usage: m?.usage ?? 0, byok_usage: m?.byok_usage ?? 0, requests: m?.requests ?? 0 };
  });
}

function restOf<R>(rows: readonly R[], top: number | null, usage: (r: R) => number, total: number): RestOfRows | null {
  if (top === null || rows.length <= top) return null;
  const rest = rows.slice(top);
  const sum = new ExactSum();
  for (const r of rest) sum.add(usage(r));
  const restUsage = sum.toNumber();
  return { count: rest.length, usage: restUsage, share: shareOf(restUsage, total) };
}

function counterPeriods(now: Date): CounterPeriods {
  return { day: utcDate(now), week_from: utcDate(periodStart('weekly', now)), month_from: utcDate(periodStart('monthly', now)) };
}

function shareOf(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 10_000) / 10_000 : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
