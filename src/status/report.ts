// `oradmin status`: a read-only picture of spend and risk, computed from the live state. Pure —
// the time is given — so the report can be tested with a fixed clock.
import type { LiveKey, LiveState } from '../core/live.js';
import type { UnmanagedObject } from '../core/types.js';
import { parsePendingName } from '../resources/key-pending.js';

/** Keys at or above this share of their limit are flagged as near the limit. */
export const NEAR_LIMIT = 0.8;
/** Keys expiring within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 14;

export type KeyFlag = 'limit-reached' | 'near-limit' | 'expired' | 'expiring' | 'disabled' | 'never-used';

export interface KeyStatus {
  name: string;
  hash: string;
  disabled: boolean;
  limit: number | null;
  limit_reset: string | null;
  /** Usage of the current reset period (all-time without a reset), BYOK included when it counts. */
  usage: number;
  /** usage / limit, or null without a limit. */
  used_fraction: number | null;
  expires_at: string | null;
  guardrail: string | null;
  flags: KeyFlag[];
}

export interface StatusReport {
  generated_at: string;
  credits: { total: number; used: number; remaining: number };
  workspaces: { slug: string; name: string; keys: KeyStatus[] }[];
  guardrails: { workspace: string; name: string; keys: string[]; members: string[] }[];
  /** Keys left by an interrupted apply (the next apply finishes or removes them). */
  interrupted: { workspace: string; name: string; hash: string }[];
  /** Live objects the file does not declare; null when no desired-state file was read. */
  unmanaged: UnmanagedObject[] | null;
  counts: Record<KeyFlag, number>;
}

export interface StatusInput {
  live: LiveState;
  credits: { total_credits: number; total_usage: number };
  now: Date;
  unmanaged?: UnmanagedObject[] | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildStatus(input: StatusInput): StatusReport {
  const { live, now } = input;
  const slugOf = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const guardrailOfKey = new Map<string, string>();
  const guardrailName = new Map(live.guardrails.map((g) => [g.id, g.name]));
  for (const a of live.keyAssignments) guardrailOfKey.set(a.key_hash, guardrailName.get(a.guardrail_id) ?? a.guardrail_id);
  const emailOf = new Map(live.orgMembers.map((m) => [m.id, m.email]));
  const defaults = new Set(live.workspaces.map((w) => w.default_guardrail_id));

  const counts: Record<KeyFlag, number> = { 'limit-reached': 0, 'near-limit': 0, expired: 0, expiring: 0, disabled: 0, 'never-used': 0 };
  const interrupted: StatusReport['interrupted'] = [];
  const workspaces = [...live.workspaces]
    .sort((a, b) => (a.slug === 'default' ? -1 : b.slug === 'default' ? 1 : a.slug < b.slug ? -1 : 1))
    .map((w) => {
      const keys = live.keys
        .filter((k) => k.workspace_id === w.id)
        .flatMap((k): KeyStatus[] => {
          const pending = parsePendingName(k.name);
          if (pending) {
            interrupted.push({ workspace: w.slug, name: pending.name, hash: k.hash });
            return [];
          }
          const s = keyStatus(k, guardrailOfKey.get(k.hash) ?? null, now);
          for (const f of s.flags) counts[f]++;
          return [s];
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { slug: w.slug, name: w.name, keys };
    });

  const guardrails = live.guardrails
    .filter((g) => !defaults.has(g.id))
    .map((g) => ({
      workspace: slugOf.get(g.workspace_id ?? '') ?? 'default',
      name: g.name,
      keys: live.keyAssignments
        .filter((a) => a.guardrail_id === g.id)
        .map((a) => live.keys.find((k) => k.hash === a.key_hash)?.name ?? a.key_hash)
        .sort(),
      members: live.memberAssignments
        .filter((a) => a.guardrail_id === g.id)
        .map((a) => emailOf.get(a.user_id) ?? a.user_id)
        .sort(),
    }))
    .sort((a, b) => (a.workspace + a.name < b.workspace + b.name ? -1 : 1));

  const total = input.credits.total_credits;
  const used = input.credits.total_usage;
  return {
    generated_at: now.toISOString(),
    credits: { total, used, remaining: round(total - used) },
    workspaces,
    guardrails,
    interrupted,
    unmanaged: input.unmanaged ?? null,
    counts,
  };
}

function keyStatus(k: LiveKey, guardrail: string | null, now: Date): KeyStatus {
  const byok = k.include_byok_in_limit;
  const period = k.limit_reset;
  const usage = round(
    period === 'daily'
      ? k.usage_daily + (byok ? k.byok_usage_daily : 0)
      : period === 'weekly'
        ? k.usage_weekly + (byok ? k.byok_usage_weekly : 0)
        : period === 'monthly'
          ? k.usage_monthly + (byok ? k.byok_usage_monthly : 0)
          : k.usage + (byok ? k.byok_usage : 0),
  );
  const limit = k.limit ?? null;
  // A limit of 0 allows nothing: the key is at its limit whatever it used.
  const fraction = limit === null ? null : limit === 0 ? 1 : usage / limit;
  const flags: KeyFlag[] = [];
  if (fraction !== null && fraction >= 1) flags.push('limit-reached');
  else if (fraction !== null && fraction >= NEAR_LIMIT) flags.push('near-limit');
  const expires = k.expires_at ? Date.parse(k.expires_at) : undefined;
  if (expires !== undefined && expires <= now.getTime()) flags.push('expired');
  else if (expires !== undefined && expires - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS) flags.push('expiring');
  if (k.disabled) flags.push('disabled');
  if (k.usage === 0 && k.byok_usage === 0) flags.push('never-used');
  return {
    name: k.name,
    hash: k.hash,
    disabled: k.disabled,
    limit,
    limit_reset: period ?? null,
    usage,
    used_fraction: fraction === null ? null : round(fraction, 4),
    expires_at: k.expires_at ?? null,
    guardrail,
    flags,
  };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
