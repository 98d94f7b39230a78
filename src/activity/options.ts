// The options of `oradmin activity`, checked before any request, and the period they select.
import { OradminError } from '../errors.js';
import type { ActivityFilters, Dimension, Period } from './report.js';
import { ACTIVITY_DAYS, activityWindow, addDays, isCalendarDate } from './utc-days.js';

export interface RawActivityOptions {
  by: Dimension;
  days?: string | undefined;
  date?: string | undefined;
  workspace?: string | undefined;
  key?: string | undefined;
  member?: string | undefined;
  top?: string | undefined;
}

export interface ActivityRequest {
  by: Dimension;
  filters: ActivityFilters;
  period: Period;
}

export function parseActivityOptions(raw: RawActivityOptions, now: Date): ActivityRequest {
  const window = activityWindow(now);
  const days = raw.days === undefined ? null : wholeNumber('--days', raw.days, 1, ACTIVITY_DAYS);
  const top = raw.top === undefined ? null : wholeNumber('--top', raw.top, 1, Number.MAX_SAFE_INTEGER);
  const date = raw.date ?? null;
  if (date !== null && days !== null) throw new OradminError('--date and --days exclude each other: --date is one day, --days the last n days');
  if (date !== null) {
    if (!isCalendarDate(date)) throw new OradminError(`--date ${date}: not a date; write YYYY-MM-DD, e.g. ${window.last}`);
    // Reference getUserActivity: "a single UTC date in the last 30 days"; checked here so that the
    // mistake costs no request and the message names the days there are.
    if (date < window.first || date > window.last) {
      throw new OradminError(`--date ${date}: not one of the last ${ACTIVITY_DAYS} completed UTC days (${window.first} to ${window.last})`);
    }
  }
  if (raw.by === 'key' && (date !== null || days !== null)) {
    throw new OradminError(
      `--by key ranks keys by their own usage counters (today, this week, this month so far), which ${date !== null ? '--date' : '--days'} cannot narrow; leave it out, or use --key <address> with --by model, day, … for one key's days`,
    );
  }
  const period: Period =
    date !== null
      ? { first: date, last: date, days: 1 }
      : { first: addDays(window.last, -((days ?? ACTIVITY_DAYS) - 1)), last: window.last, days: days ?? ACTIVITY_DAYS };
  return {
    by: raw.by,
    filters: { date, days, workspace: raw.workspace ?? null, key: raw.key ?? null, member: raw.member ?? null, top },
    period,
  };
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new OradminError(`${option} ${text}: must be a whole number${max === Number.MAX_SAFE_INTEGER ? ` of at least ${min}` : ` from ${min} to ${max}`}`);
  }
  return n;
}
