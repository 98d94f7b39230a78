// GET /activity over the raw rows: the window of the last 30 completed UTC days, the filters, and
// the aggregation (reference, getUserActivity: "grouped by endpoint for the last 30 (completed) UTC
// days"; without group_by "rows are aggregated across workspaces (by date, model, and endpoint)
// and `workspace_id` is not returned"; with group_by=workspace each row is split per workspace and
// carries `workspace_id`).
import { exactSum } from '../decimal-sum.js';
import type { ActivityRecord } from './records.js';

/** Completed UTC days in the window; today, still running, is not one of them. */
export const ACTIVITY_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** The UTC date (YYYY-MM-DD) of an instant. */
export function utcDate(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** A real calendar date spelt YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;
}

/** First and last day of the window at `now`: yesterday and the 29 days before it. */
export function activityWindow(now: Date): { first: string; last: string } {
  const last = addDays(utcDate(now), -1);
  return { first: addDays(last, -(ACTIVITY_WINDOW_DAYS - 1)), last };
}

export interface ActivityFilter {
  date?: string | undefined;
  api_key_hash?: string | undefined;
  user_id?: string | undefined;
  workspace_id?: string | undefined;
  /** group_by=workspace. */
  byWorkspace: boolean;
}

/** ActivityItem of the reference; `workspace_id` only with group_by=workspace. */
export interface ActivityItem {
  date: string;
  model: string;
  model_permaslug: string;
  endpoint_id: string;
  provider_name: string;
  usage: number;
  byok_usage_inference: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  workspace_id?: string;
}

/**
 * The items of GET /activity: rows inside the window that pass every filter, summed per group.
 * Dollar amounts are summed exactly (decimal-sum.ts); items are ordered by date, model, endpoint
 * (then provider, permaslug and workspace, so that the order never depends on insertion).
 */
export function aggregateActivity(
  rows: readonly ActivityRecord[],
  filter: ActivityFilter,
  window: { first: string; last: string },
): ActivityItem[] {
  const groups = new Map<string, ActivityRecord[]>();
  for (const row of rows) {
    if (row.date < window.first || row.date > window.last) continue;
    if (filter.date !== undefined && row.date !== filter.date) continue;
    if (filter.api_key_hash !== undefined && row.api_key_hash !== filter.api_key_hash) continue;
    if (filter.user_id !== undefined && row.user_id !== filter.user_id) continue;
    if (filter.workspace_id !== undefined && row.workspace_id !== filter.workspace_id) continue;
    const key = [row.date, row.model, row.endpoint_id, row.provider_name, row.model_permaslug]
      .concat(filter.byWorkspace ? [row.workspace_id] : [])
      .join('\u0000');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => summed(group, filter.byWorkspace));
}

function summed(group: readonly ActivityRecord[], withWorkspace: boolean): ActivityItem {
  const first = group[0] as ActivityRecord;
  const total = (field: 'requests' | 'prompt_tokens' | 'completion_tokens' | 'reasoning_tokens'): number =>
    group.reduce((sum, row) => sum + row[field], 0);
  const item: ActivityItem = {
    date: first.date,
    model: first.model,
    model_permaslug: first.model_permaslug,
    endpoint_id: first.endpoint_id,
    provider_name: first.provider_name,
    usage: exactSum(group.map((row) => row.usage)),
    byok_usage_inference: exactSum(group.map((row) => row.byok_usage_inference)),
    requests: total('requests'),
    prompt_tokens: total('prompt_tokens'),
    completion_tokens: total('completion_tokens'),
    reasoning_tokens: total('reasoning_tokens'),
  };
  if (withWorkspace) item.workspace_id = first.workspace_id;
  return item;
}
