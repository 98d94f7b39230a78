// API keys: creation (secret, hash, label), the fields PATCH may change, deletion, listing.
import { badRequest, notFound } from '../api-error.js';
import { maskSecret, sha256Hex } from '../ids.js';
import type { KeyRecord, KeyUsage, ResetInterval } from './records.js';
import { usageAt } from './usage-periods.js';
import type { Store } from './store.js';

export interface NewKey {
  name: string;
  workspace_id: string;
  limit?: number | null;
  limit_reset?: ResetInterval | null;
  include_byok_in_limit?: boolean;
  expires_at?: string | null;
  /** undefined: the owner of the management key, as for a key created through the API. */
  creator_user_id?: string | null;
  // What only out-of-band writers (seed, tests) set; the API creates keys enabled, unused, now.
  disabled?: boolean;
  usage?: Partial<KeyUsage>;
  created_at?: string;
  /** A known hash instead of a fresh secret (then nobody knows the secret). */
  hash?: string;
}

/** The fields PATCH /keys/{hash} may change (README: the others are set at creation). */
export type KeyPatch = Partial<Pick<KeyRecord, 'name' | 'disabled' | 'limit' | 'limit_reset' | 'include_byok_in_limit'>>;

/** A new key's usage figures; also the list of those fields. */
export const NO_USAGE: KeyUsage = {
  usage: 0,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
};

/** Creates a key; the secret is returned to the caller only, never stored (README, "Keys"). */
export function insertKey(st: Store, input: NewKey): { record: KeyRecord; secret: string | null } {
  if (!st.db.workspaces.has(input.workspace_id)) {
    throw badRequest(`workspace_id: workspace "${input.workspace_id}" does not exist`);
  }
  const creator = input.creator_user_id === undefined ? st.ownerId : input.creator_user_id;
  if (creator !== null && !st.db.orgMembers.has(creator)) {
    throw badRequest(`creator_user_id: "${creator}" is not a member of the organization`);
  }
  const secret = input.hash === undefined ? st.ids.secret() : null;
  const hash = input.hash ?? sha256Hex(secret as string);
  if (st.db.keys.has(hash)) throw badRequest(`a key with hash ${hash} already exists`);
  const record: KeyRecord = {
    hash,
    name: input.name,
    label: maskSecret(secret ?? hash),
    disabled: input.disabled ?? false,
    limit: input.limit ?? null,
    limit_reset: input.limit_reset ?? null,
    include_byok_in_limit: input.include_byok_in_limit ?? false,
    ...NO_USAGE,
    ...input.usage,
    created_at: input.created_at === undefined ? st.timestamp() : new Date(input.created_at).toISOString(),
    updated_at: null,
    // Stored and returned normalized (milliseconds, Z), whatever precision was sent.
    expires_at: input.expires_at == null ? null : new Date(input.expires_at).toISOString(),
    creator_user_id: creator,
    workspace_id: input.workspace_id,
    usage_as_of: st.timestamp(),
    seq: st.nextSeq(),
  };
  st.db.keys.set(hash, record);
  st.touchKeys();
  return { record, secret };
}

export function requireKey(st: Store, hash: string): KeyRecord {
  const key = st.db.keys.get(hash);
  if (!key) throw notFound(`API key ${hash} not found`);
  return key;
}

/** Routes pass a validated PATCH body; out-of-band writers may also change usage figures. */
export function updateKey(st: Store, hash: string, patch: KeyPatch & Partial<KeyUsage>): KeyRecord {
  const key = requireKey(st, hash);
  if (Object.keys(patch).some((field) => field in NO_USAGE)) {
    // New figures are recorded now: first let the counters of past periods reset, so that a
    // daily figure recorded yesterday does not pass for today's.
    Object.assign(key, usageAt(key, key.usage_as_of, st.now()));
    key.usage_as_of = st.timestamp();
  }
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined) Object.assign(key, { [field]: value });
  }
  key.updated_at = st.timestamp();
  return key;
}

/** Deleting a key also removes its guardrail assignment. */
export function deleteKey(st: Store, hash: string): void {
  requireKey(st, hash);
  st.db.keys.delete(hash);
  st.db.keyAssignments.delete(hash);
  st.touchKeys();
}

/** All keys of a workspace, disabled ones included, newest first (ties: latest created first). */
export function keysOf(st: Store, workspaceId: string): readonly KeyRecord[] {
  // The store's cached list: read-only for callers, which filter and page it.
  return st.workspaceKeys(workspaceId);
}
