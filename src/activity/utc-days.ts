// UTC calendar days, weeks and months: the units of GET /activity ("the last 30 (completed) UTC
// days", reference getUserActivity) and of the usage counters and resets of keys and budgets
// ("Resets happen automatically at midnight UTC, and weeks are Monday through Sunday", reference
// createKeys `limit_reset`).

export const DAY_MS = 86_400_000;

/** Completed UTC days GET /activity covers: yesterday and the 29 days before it. */
export const ACTIVITY_DAYS = 30;

/** The UTC date (YYYY-MM-DD) of an instant. */
export function utcDate(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of a date. */
export function startOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return utcDate(new Date(startOf(date).getTime() + days * DAY_MS));
}

/** A real calendar date spelt YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(startOf(text).getTime()) && addDays(text, 0) === text;
}

/** The completed UTC days of GET /activity at `now`. */
export function activityWindow(now: Date): { first: string; last: string } {
  const last = addDays(utcDate(now), -1);
  return { first: addDays(last, -(ACTIVITY_DAYS - 1)), last };
}

/** Every date from `first` to `last`, both included. */
export function datesFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

export type Interval = 'daily' | 'weekly' | 'monthly';

/** Start of the UTC day, week (Monday) or month that contains `now`. */
export function periodStart(interval: Interval, now: Date): Date {
  const today = utcDate(now);
  if (interval === 'daily') return startOf(today);
  if (interval === 'monthly') return startOf(`${today.slice(0, 7)}-01`);
  return startOf(addDays(today, -((now.getUTCDay() + 6) % 7)));
}

/** The next reset after `now`: the start of the next UTC day, week or month. */
export function nextReset(interval: Interval, now: Date): Date {
  const start = periodStart(interval, now);
  if (interval === 'daily') return new Date(start.getTime() + DAY_MS);
  if (interval === 'weekly') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/** Days between two instants, as a fraction. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}
