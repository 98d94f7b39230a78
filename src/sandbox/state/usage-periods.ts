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

/**
 * Whether two instants fall in the same UTC day, week (Monday to Sunday) and month: periodOf's
 * answer by arithmetic, since a page of keys asks it hundreds of times. Day 0 of the epoch
 * (1970-01-01) was a Thursday, so Monday-based weeks are counted from 3 days before it.
 */
export function samePeriods(a: Date, b: Date): Record<ResetInterval, boolean> {
  const dayA = Math.floor(a.getTime() / DAY_MS);
  const dayB = Math.floor(b.getTime() / DAY_MS);
  return {
    daily: dayA === dayB,
    weekly: Math.floor((dayA + 3) / 7) === Math.floor((dayB + 3) / 7),
    monthly: a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth(),
  };
}

/** The counters as they read at `now`, given that they were recorded at `asOf` (ISO). */
export function usageAt(recorded: KeyUsage, asOf: string, now: Date): KeyUsage {
  const { daily, weekly, monthly } = samePeriods(new Date(asOf), now);
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
