// A key's usage counters of the current UTC day, week and month. Each reads 0 once the clock has
// moved into a later period than the one it was recorded in (reference, createKeys `limit_reset`:
// "Resets happen automatically at midnight UTC, and weeks are Monday through Sunday"; the key
// object's `usage_weekly`: "for the current UTC week (Monday-Sunday)"). The clock is the
// sandbox's own (`now` option), so a test moves time forward instead of sleeping.
import type { KeyUsage, ResetInterval } from './records.js';

const DAY_MS = 86_400_000;

/** Identifies the UTC day, week (by its Monday) or month that contains `t`. */
export function periodOf(interval: ResetInterval, t: Date): string {
  const day = t.toISOString().slice(0, 10);
  if (interval === 'daily') return day;
  if (interval === 'monthly') return day.slice(0, 7);
  const midnight = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const sinceMonday = (t.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** The counters as they read at `now`, given that they were recorded at `asOf` (ISO). */
export function usageAt(recorded: KeyUsage, asOf: string, now: Date): KeyUsage {
  const then = new Date(asOf);
  const current = (interval: ResetInterval) => periodOf(interval, then) === periodOf(interval, now);
  const daily = current('daily');
  const weekly = current('weekly');
  const monthly = current('monthly');
  return {
    usage: recorded.usage,
    usage_daily: daily ? recorded.usage_daily : 0,
    usage_weekly: weekly ? recorded.usage_weekly : 0,
    usage_monthly: monthly ? recorded.usage_monthly : 0,
    byok_usage: recorded.byok_usage,
    byok_usage_daily: daily ? recorded.byok_usage_daily : 0,
    byok_usage_weekly: weekly ? recorded.byok_usage_weekly : 0,
    byok_usage_monthly: monthly ? recorded.byok_usage_monthly : 0,
  };
}
