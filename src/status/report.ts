// `oradmin status`: a read-only picture of spend and risk, computed from what was read. Pure — the
// time is given — so that the report can be tested with a fixed clock; render.ts prints it.
//
// The report object is also the JSON document of `status -o json`, printed as is. Its shape
// (format_version 1; amounts in USD as the API reports them, times in UTC ISO 8601):
//   format_version  1
//   generated_at    the time the report describes
//   credits         { total, used, remaining }                     GET /credits
//   workspaces[]    { slug, name, keys[] }                         default first, then by slug; all of them
//     keys[]        { name, hash, disabled, limit, limit_reset, usage, byok_included, used_fraction,
//                     expires_at, expires_in_days, guardrail, flags[] }   by name
//   guardrails[]    { workspace, name, keys[], members[] }         named guardrails (workspace null: legacy, none)
//   interrupted[]   { workspace, name, hash }                      key creations an apply did not finish
//   unmanaged       { file, compared, objects[] }                  objects: [{ address, kind }] the file does not
//                                                                  declare; compared false when the file is absent
//   counts          { <flag>: number of keys }                     for every flag
//   rotation        { keys[], departed[] }                         key lifecycle (rotation.ts); predecessors are
//                                                                  listed there, not as keys of their workspace
//   forecasts       at recent rates (src/activity/forecast.ts says how each rate is taken):
//     activity      { first, last }                                the completed UTC days of GET /activity the
//                                                                  budget and credit rates average; null: not read
//     keys[]        { workspace, name, hash, limit, limit_reset, usage, basis: { counter, since, days, spend },
//                     rate_per_day, resets_at, projected, reached, reaches_at }
//                                                                  every enabled, unexpired key with a limit (and a
//                                                                  period older than an hour); reached first, then by
//                                                                  reaches_at (null: not before the reset)
//     budgets[]     { workspace, interval, limit_usd, byok_included, basis: { since, spent, rate_days, rate_spend },
//                     rate_per_day, resets_at, projected, reached, reaches_at }
//                                                                  daily, weekly and monthly budgets; reaches_at may
//                                                                  be earlier today (today is not in the activity)
//     credits       { remaining, basis: { days, spend }, rate_per_day, runway_days, runs_out_at } | null
//     not_forecast[] { subject, reason }                           an address (or "credits") without a forecast, and why
import { buildForecasts, type Forecasts } from '../activity/forecast.js';
import type { ActivityItem } from '../activity/metrics.js';
import { DEFAULT_WORKSPACE } from '../config/schema.js';
import type { LiveKey, LiveState } from '../core/live.js';
import { normalizeTimestamp } from '../core/normalize.js';
import type { UnmanagedObject } from '../core/types.js';
import { parsePendingName } from '../resources/key-pending.js';
import type { FileConfig } from '../config/schema.js';
import { isPredecessorKey, rotationStatus, type RotationStatus } from './rotation.js';

/** Keys at or above this share of their limit are flagged as near it. */
export const NEAR_LIMIT = 0.8;
/** Keys expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 14;

export const KEY_FLAGS = ['limit-reached', 'near-limit', 'expired', 'expiring', 'disabled', 'never-used'] as const;
export type KeyFlag = (typeof KEY_FLAGS)[number];

export interface KeyStatus {
  name: string;
  hash: string;
  disabled: boolean;
  limit: number | null;
  limit_reset: string | null;
  /** Spend of the current reset period (daily, weekly, monthly), or of all time without a reset. */
  usage: number;
  /** Whether `usage` includes bring-your-own-key spend (include_byok_in_limit: it counts toward the limit). */
  byok_included: boolean;
  /** usage / limit (4 decimals); null without a limit. A limit of 0 counts as reached. */
  used_fraction: number | null;
  expires_at: string | null;
  /** Whole days until expiry, negative once expired; null without expiry. */
  expires_in_days: number | null;
  guardrail: string | null;
  flags: KeyFlag[];
}

export interface WorkspaceStatus {
  slug: string;
  name: string;
  keys: KeyStatus[];
}

export interface GuardrailStatus {
  /** null: a legacy guardrail that predates workspaces. */
  workspace: string | null;
  name: string;
  keys: string[];
  /** E-mails; a user id when the user is not an organization member. */
  members: string[];
}

export interface StatusReport {
  format_version: 1;
  generated_at: string;
  credits: { total: number; used: number; remaining: number };
  workspaces: WorkspaceStatus[];
  guardrails: GuardrailStatus[];
  /** Keys left by an interrupted apply; the next apply finishes or removes them (resources/key.ts). */
  interrupted: { workspace: string; name: string; hash: string }[];
  unmanaged: { file: string; compared: boolean; objects: UnmanagedObject[] };
  counts: Record<KeyFlag, number>;
  /** Key lifecycle: rotation state per key, predecessors, keys of departed members (rotation.ts). */
  rotation: RotationStatus;
  forecasts: Forecasts;
}

export interface StatusInput {
  live: LiveState;
  /** GET /credits. */
  credits: { total_credits: number; total_usage: number };
  now: Date;
  /** The desired-state file, and the unmanaged objects of the plan made from it when it exists. */
  file: { path: string; unmanaged?: readonly UnmanagedObject[] };
  /** The desired-state file, when there is one: which keys rotate. */
  config?: FileConfig;
  /** GET /activity?group_by=workspace for the forecasts, or why it could not be read; absent: not read. */
  activity?: { items: readonly ActivityItem[] } | { error: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildStatus(input: StatusInput): StatusReport {
  const { live, now } = input;
  const slugOf = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const guardrailsById = new Map(live.guardrails.map((g) => [g.id, g]));
  const keysByHash = new Map(live.keys.map((k) => [k.hash, k]));
  const guardrailOfKey = new Map(live.keyAssignments.map((a) => [a.key_hash, guardrailsById.get(a.guardrail_id)?.name ?? a.guardrail_id]));
  const emailOf = new Map(live.orgMembers.map((m) => [m.id, m.email]));
  const defaultGuardrails = new Set(live.workspaces.map((w) => w.default_guardrail_id));
  const counts = Object.fromEntries(KEY_FLAGS.map((f) => [f, 0])) as Record<KeyFlag, number>;
  const interrupted: StatusReport['interrupted'] = [];

  const workspaces = [...live.workspaces].sort(byWorkspace((w) => w.slug)).map((w) => {
    const keys = live.keys
      .filter((k) => k.workspace_id === w.id)
      .flatMap((k): KeyStatus[] => {
        if (isPredecessorKey(k)) return [];
        const pending = parsePendingName(k.name);
        if (pending) {
          interrupted.push({ workspace: w.slug, name: pending.name, hash: k.hash });
          return [];
        }
        const status = keyStatus(k, guardrailOfKey.get(k.hash) ?? null, now);
        for (const f of status.flags) counts[f]++;
        return [status];
      })
      .sort((a, b) => compare(a.name, b.name) || compare(a.hash, b.hash));
    return { slug: w.slug, name: w.name, keys };
  });

  const guardrails = live.guardrails
    .filter((g) => !defaultGuardrails.has(g.id))
    .map((g) => ({
      workspace: g.workspace_id === null ? null : (slugOf.get(g.workspace_id) ?? g.workspace_id),
      name: g.name,
      keys: live.keyAssignments
        .filter((a) => a.guardrail_id === g.id)
        .map((a) => keysByHash.get(a.key_hash)?.name ?? a.key_name)
        .filter((name) => !parsePendingName(name))
        .sort(compare),
      members: live.memberAssignments
        .filter((a) => a.guardrail_id === g.id)
        .map((a) => emailOf.get(a.user_id) ?? a.user_id)
        .sort(compare),
    }))
    .sort((a, b) => byWorkspace((g: GuardrailStatus) => g.workspace)(a, b) || compare(a.name, b.name));

  const { total_credits: total, total_usage: used } = input.credits;
  const remaining = tidy(total - used);
  const forecasts = buildForecasts({
    now,
    // Keys that can still spend: a disabled or expired key's limit is not going to be reached.
    keys: live.keys
      .filter((k) => !parsePendingName(k.name) && !k.disabled && !(k.expires_at && Date.parse(k.expires_at) <= now.getTime()))
      .flatMap((k) => {
        const slug = slugOf.get(k.workspace_id);
        return slug === undefined ? [] : [{ key: k, slug }];
      }),
    budgets: live.budgets.flatMap((b) => {
      const slug = slugOf.get(b.workspace_id);
      return slug === undefined ? [] : [{ budget: b, slug, includeByok: live.budgetSettings[b.workspace_id]?.include_byok_in_budgets ?? false }];
    }),
    creditsRemaining: remaining,
    activity: input.activity ?? null,
  });
  return {
    format_version: 1,
    generated_at: now.toISOString(),
    credits: { total, used, remaining },
    workspaces,
    guardrails,
    interrupted: interrupted.sort((a, b) => compare(a.workspace, b.workspace) || compare(a.name, b.name)),
    unmanaged: { file: input.file.path, compared: input.file.unmanaged !== undefined, objects: [...(input.file.unmanaged ?? [])] },
    counts,
    rotation: rotationStatus(live, input.config, now),
    forecasts,
  };
}

function keyStatus(k: LiveKey, guardrail: string | null, now: Date): KeyStatus {
  const byok = k.include_byok_in_limit;
  // The API counts a key's limit against the usage of its reset period (reference, Key.limit_reset).
  const [spend, byokSpend] =
    k.limit_reset === 'daily'
      ? [k.usage_daily, k.byok_usage_daily]
      : k.limit_reset === 'weekly'
        ? [k.usage_weekly, k.byok_usage_weekly]
        : k.limit_reset === 'monthly'
          ? [k.usage_monthly, k.byok_usage_monthly]
          : [k.usage, k.byok_usage];
  const usage = tidy(spend + (byok ? byokSpend : 0));
  const limit = k.limit ?? null;
  const fraction = limit === null ? null : limit === 0 ? 1 : usage / limit;
  const expiresMs = k.expires_at ? Date.parse(k.expires_at) : Number.NaN;
  const untilExpiry = Number.isNaN(expiresMs) ? null : expiresMs - now.getTime();

  const flags: KeyFlag[] = [];
  if (fraction !== null && fraction >= 1) flags.push('limit-reached');
  else if (fraction !== null && fraction >= NEAR_LIMIT) flags.push('near-limit');
  if (untilExpiry !== null && untilExpiry <= 0) flags.push('expired');
  else if (untilExpiry !== null && untilExpiry <= EXPIRY_WARNING_DAYS * DAY_MS) flags.push('expiring');
  if (k.disabled) flags.push('disabled');
  if (k.usage === 0 && k.byok_usage === 0) flags.push('never-used');

  return {
    name: k.name,
    hash: k.hash,
    disabled: k.disabled,
    limit,
    limit_reset: k.limit_reset ?? null,
    usage,
    byok_included: byok,
    used_fraction: fraction === null ? null : Math.round(fraction * 10_000) / 10_000,
    expires_at: normalizeTimestamp(k.expires_at),
    expires_in_days: untilExpiry === null ? null : Math.floor(untilExpiry / DAY_MS),
    guardrail,
    flags,
  };
}

/** Sums of USD amounts without binary floating-point noise (0.1 + 0.2), to a millionth of a dollar. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Default workspace first, then by slug; null (no workspace) last. */
function byWorkspace<T>(slug: (t: T) => string | null): (a: T, b: T) => number {
  const rank = (s: string | null) => (s === DEFAULT_WORKSPACE ? 0 : s === null ? 2 : 1);
  return (a, b) => rank(slug(a)) - rank(slug(b)) || compare(slug(a) ?? '', slug(b) ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
