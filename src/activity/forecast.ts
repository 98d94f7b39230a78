// Forecasts for `oradmin status` (PRODUCT.md section 9): at the recent rate, does a key reach its
// limit before its reset, does a workspace budget reach its limit before its reset, and how many
// days do the credits last. Pure: `now` and everything read are given. Each forecast carries what it
// is based on; where there is nothing to base one on, there is none (and `not_forecast` says why).
//
// Rates:
// - a key: its own usage counter of the current reset period (usage_daily / _weekly / _monthly,
//   BYOK added when it counts toward the limit) over the time elapsed in that period; a key without
//   a reset counts all-time usage against its limit, and gets this month's rate. No per-key
//   activity is read (one request per key would be needed).
// - a budget: the workspace's spend in GET /activity (group_by=workspace, BYOK added when the
//   workspace counts it), averaged over the last 7 completed days; spent so far = the completed days
//   of the current period. Today is not in the activity yet, so it is assumed to run at that rate.
// - credits: the whole organization's activity usage of the last 7 completed days (BYOK is paid to
//   the provider, not from credits).
import { address } from '../core/address.js';
import type { LiveBudget, LiveKey } from '../core/live.js';
import { ExactSum } from './exact-sum.js';
import type { ActivityItem } from './metrics.js';
import { activityWindow, addDays, daysBetween, DAY_MS, nextReset, periodStart, startOf, utcDate, type Interval } from './utc-days.js';

/** Days of activity a budget's or the credits' rate averages. */
export const RATE_DAYS = 7;
/** A period younger than this says too little about a rate: no forecast. */
export const MIN_BASIS_DAYS = 1 / 24;

const COUNTER = { daily: 'usage_daily', weekly: 'usage_weekly', monthly: 'usage_monthly' } as const;
type Counter = (typeof COUNTER)[Interval];

export interface KeyForecast {
  workspace: string;
  name: string;
  hash: string;
  limit: number;
  limit_reset: Interval | null;
  /** What the limit is counted against: the current reset period's spend, or all-time without a reset. */
  usage: number;
  /** The rate's source: `spend` of `counter` in the `days` since `since`. */
  basis: { counter: Counter; since: string; days: number; spend: number };
  rate_per_day: number;
  /** The next reset; null without one. */
  resets_at: string | null;
  /** Spend at the reset if the rate holds; null without a reset. */
  projected: number | null;
  /** Already at or over the limit. */
  reached: boolean;
  /** When the rate reaches the limit, if before the reset (any time without one); null otherwise. */
  reaches_at: string | null;
}

export interface BudgetForecast {
  workspace: string;
  interval: Interval;
  limit_usd: number;
  byok_included: boolean;
  /** `spent`: the completed days of the current period, from `since`; `rate_spend`: the last 7 completed days. */
  basis: { since: string; spent: number; rate_days: number; rate_spend: number };
  rate_per_day: number;
  resets_at: string;
  projected: number;
  /** Over the limit on completed days already. */
  reached: boolean;
  /** When the rate reaches the limit, if before the reset; may be earlier today (today's spend is not in the activity). */
  reaches_at: string | null;
}

export interface CreditsForecast {
  remaining: number;
  basis: { days: number; spend: number };
  rate_per_day: number;
  runway_days: number;
  runs_out_at: string;
}

export interface Forecasts {
  /** The completed UTC days of activity the budget and credit forecasts use; null when /activity was not read. */
  activity: { first: string; last: string } | null;
  keys: KeyForecast[];
  budgets: BudgetForecast[];
  credits: CreditsForecast | null;
  /** What could have had a forecast but has none, and why: { subject: an address or "credits", reason }. */
  not_forecast: { subject: string; reason: string }[];
}

export interface ForecastInput {
  now: Date;
  /** Keys that can spend (not pending, disabled or expired), with their workspace's slug. */
  keys: readonly { key: LiveKey; slug: string }[];
  budgets: readonly { budget: LiveBudget; slug: string; includeByok: boolean }[];
  creditsRemaining: number;
  /** GET /activity?group_by=workspace, or why it could not be read; null when it was not asked for. */
  activity: { items: readonly ActivityItem[] } | { error: string } | null;
}

export function buildForecasts(input: ForecastInput): Forecasts {
  const { now } = input;
  const notForecast: Forecasts['not_forecast'] = [];
  const keys = input.keys.flatMap(({ key, slug }) => {
    const f = keyForecast(key, slug, now);
    if (typeof f === 'string') notForecast.push({ subject: address.key(slug, key.name), reason: f });
    return f === null || typeof f === 'string' ? [] : [f];
  });
  keys.sort((a, b) => urgency(a) - urgency(b) || fill(b) - fill(a) || compare(a.workspace, b.workspace) || compare(a.name, b.name));

  const window = activityWindow(now);
  const recent = { first: addDays(window.last, -(RATE_DAYS - 1)), last: window.last };
  let budgets: BudgetForecast[] = [];
  let credits: CreditsForecast | null = null;
  if (input.activity === null || 'error' in input.activity) {
    const reason = input.activity === null ? 'no activity was read' : `GET /activity could not be read (${input.activity.error})`;
    for (const b of input.budgets) notForecast.push({ subject: budgetAddress(b), reason });
    notForecast.push({ subject: 'credits', reason });
  } else {
    const items = input.activity.items;
    budgets = input.budgets.flatMap((b) => {
      if (b.budget.reset_interval === null) {
        notForecast.push({ subject: budgetAddress(b), reason: `lifetime spend is not in the ${window.first} to ${window.last} activity` });
        return [];
      }
      return [budgetForecast(b, b.budget.reset_interval, items, recent, now)];
    });
    budgets.sort((a, b) => urgency(a) - urgency(b) || b.projected / b.limit_usd - a.projected / a.limit_usd || compare(a.workspace, b.workspace) || compare(a.interval, b.interval));
    const spend = new ExactSum();
    for (const item of items) if (item.date >= recent.first && item.date <= recent.last) spend.add(item.usage);
    const rate = spend.toNumber() / RATE_DAYS;
    if (rate > 0) {
      const runway = Math.max(0, input.creditsRemaining) / rate;
      credits = {
        remaining: input.creditsRemaining,
        basis: { days: RATE_DAYS, spend: spend.toNumber() },
        rate_per_day: tidy(rate),
        runway_days: Math.round(runway * 10) / 10,
        runs_out_at: minute(now.getTime() + runway * DAY_MS),
      };
    } else {
      notForecast.push({ subject: 'credits', reason: `no spend in the last ${RATE_DAYS} completed UTC days (${recent.first} to ${recent.last})` });
    }
  }
  return { activity: input.activity === null || 'error' in input.activity ? null : recent, keys, budgets, credits, not_forecast: notForecast };
}

/** A forecast, null when the key has no limit, or the reason there is none. */
function keyForecast(k: LiveKey, slug: string, now: Date): KeyForecast | string | null {
  if (k.limit === null || k.limit === undefined) return null;
  const reset = k.limit_reset === 'daily' || k.limit_reset === 'weekly' || k.limit_reset === 'monthly' ? k.limit_reset : null;
  const byok = k.include_byok_in_limit;
  // The limit counts the reset period's usage, or all-time usage without a reset (reference, Key.limit_reset).
  const usage = reset === null ? k.usage + (byok ? k.byok_usage : 0) : periodUsage(k, reset, byok);
  const rateInterval: Interval = reset ?? 'monthly';
  const since = periodStart(rateInterval, now);
  const days = daysBetween(since, now);
  if (days < MIN_BASIS_DAYS) return `its ${rateInterval === 'daily' ? 'day' : rateInterval === 'weekly' ? 'week' : 'month'} started less than an hour ago`;
  const spend = periodUsage(k, rateInterval, byok);
  const rate = spend / days;
  const resetsAt = reset === null ? null : nextReset(reset, now);
  const reached = usage >= k.limit;
  let reachesAt: number | null = null;
  if (!reached && rate > 0) {
    const t = now.getTime() + ((k.limit - usage) / rate) * DAY_MS;
    if (resetsAt === null || t < resetsAt.getTime()) reachesAt = t;
  }
  return {
    workspace: slug,
    name: k.name,
    hash: k.hash,
    limit: k.limit,
    limit_reset: reset,
    usage: tidy(usage),
    basis: { counter: COUNTER[rateInterval], since: since.toISOString().replace('.000Z', 'Z'), days: Math.round(days * 100) / 100, spend: tidy(spend) },
    rate_per_day: tidy(rate),
    resets_at: resetsAt === null ? null : resetsAt.toISOString().replace('.000Z', 'Z'),
    projected: resetsAt === null ? null : tidy(usage + rate * daysBetween(now, resetsAt)),
    reached,
    reaches_at: reachesAt === null ? null : minute(reachesAt),
  };
}

function periodUsage(k: LiveKey, interval: Interval, byok: boolean): number {
  const own = interval === 'daily' ? k.usage_daily : interval === 'weekly' ? k.usage_weekly : k.usage_monthly;
  const external = interval === 'daily' ? k.byok_usage_daily : interval === 'weekly' ? k.byok_usage_weekly : k.byok_usage_monthly;
  return own + (byok ? external : 0);
}

function budgetForecast(
  b: { budget: LiveBudget; slug: string; includeByok: boolean },
  interval: Interval,
  items: readonly ActivityItem[],
  recent: { first: string; last: string },
  now: Date,
): BudgetForecast {
  const wsId = b.budget.workspace_id;
  const periodFirst = utcDate(periodStart(interval, now));
  const spent = new ExactSum();
  const recentSpend = new ExactSum();
  for (const item of items) {
    if (item.workspace_id !== wsId) continue;
    const amount = [item.usage, b.includeByok ? item.byok_usage_inference : 0];
    if (item.date >= periodFirst && item.date <= recent.last) for (const a of amount) spent.add(a);
    if (item.date >= recent.first && item.date <= recent.last) for (const a of amount) recentSpend.add(a);
  }
  const spentSoFar = spent.toNumber();
  const rate = recentSpend.toNumber() / RATE_DAYS;
  const today = startOf(utcDate(now));
  const resetsAt = nextReset(interval, now);
  const limit = b.budget.limit_usd;
  const reached = spentSoFar >= limit;
  let reachesAt: number | null = null;
  if (!reached && rate > 0) {
    // Completed days are known; from today's midnight on, spend is assumed to run at the rate.
    const t = today.getTime() + ((limit - spentSoFar) / rate) * DAY_MS;
    if (t < resetsAt.getTime()) reachesAt = t;
  }
  return {
    workspace: b.slug,
    interval,
    limit_usd: limit,
    byok_included: b.includeByok,
    basis: { since: periodFirst, spent: spentSoFar, rate_days: RATE_DAYS, rate_spend: recentSpend.toNumber() },
    rate_per_day: tidy(rate),
    resets_at: resetsAt.toISOString().replace('.000Z', 'Z'),
    projected: tidy(spentSoFar + rate * daysBetween(today, resetsAt)),
    reached,
    reaches_at: reachesAt === null ? null : minute(reachesAt),
  };
}

function budgetAddress(b: { budget: LiveBudget; slug: string }): string {
  return address.budget(b.slug, b.budget.reset_interval ?? 'lifetime');
}

/** Reached first, then the soonest to reach, then those that do not. */
function urgency(f: { reached: boolean; reaches_at: string | null }): number {
  if (f.reached) return 0;
  return f.reaches_at === null ? Number.MAX_SAFE_INTEGER : Date.parse(f.reaches_at);
}

function fill(f: KeyForecast): number {
  return f.limit > 0 ? (f.projected ?? f.usage) / f.limit : 1;
}

/** An instant to the minute, e.g. 2026-11-25T14:32:00Z: a forecast is not more precise than that. */
function minute(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
}

/** To a millionth of a dollar, without binary floating-point noise. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
