// Names oradmin reserves in the live organization for its own bookkeeping, and what they carry.
// There is no state file (PRODUCT.md section 3), so what one run must tell another lives in the
// organization itself:
//  - the apply lease (apply/lease.ts): a guardrail named `oradmin-lease:<run>` whose description
//    holds who runs it and until when the lease is valid. A guardrail creates no secret and
//    restricts nothing while no key or member is bound to it (reference, createGuardrail: "the
//    created guardrail enforces nothing ... until it is assigned to API keys or members").
//  - pending keys (resources/key-pending.ts) carry the run that creates them.
// Reserved objects are kept apart when the organization is read, so that nothing plans, reports,
// exports or counts them. Pure: time is passed in.

import { LEASE_PREFIX } from '../reserved-prefixes.js';

export { LEASE_PREFIX };

/** How long a lease is valid without renewal; a crashed apply blocks others at most this long. */
export const DEFAULT_LEASE_TTL_MS = 45_000;
/** No lease is believed valid for longer than this after its last renewal, whatever it says. */
export const MAX_LEASE_TTL_MS = 60 * 60_000;

/** A run's id: 12 hex digits, shown in leases, pending keys and `oradmin unlock <id>`. */
export const RUN_ID_PATTERN = /^[0-9a-f]{8,32}$/;

export function leaseName(run: string): string {
  return `${LEASE_PREFIX}${run}`;
}

/** The run of a lease guardrail's name, or undefined for any other name. */
export function parseLeaseName(name: string | null | undefined): string | undefined {
  if (typeof name !== 'string' || !name.startsWith(LEASE_PREFIX)) return undefined;
  const run = name.slice(LEASE_PREFIX.length);
  return RUN_ID_PATTERN.test(run) ? run : undefined;
}

/** Any guardrail with the reserved prefix is oradmin's, even one whose run id is malformed. */
export function isReservedGuardrailName(name: string | null | undefined): boolean {
  return typeof name === 'string' && name.startsWith(LEASE_PREFIX);
}

/** What the lease guardrail's description holds (JSON). */
export interface LeaseRecord {
  oradmin_lease: 1;
  run: string;
  /** Who runs it: user@host, pid, CI run when there is one. Untrusted when read back. */
  holder: string;
  since: string;
  expires_at: string;
}

export function leaseDescription(record: Omit<LeaseRecord, 'oradmin_lease'>): string {
  return JSON.stringify({ oradmin_lease: 1, ...record, holder: record.holder.slice(0, 300) });
}

/** A live lease as the other runs judge it. */
export interface LeaseInfo {
  id: string;
  run: string;
  /** Untrusted text (anyone with dashboard access can write it): escape it for the medium. */
  holder: string;
  /** ISO timestamps, normalized. */
  since: string;
  expiresAt: string;
  createdAt: string;
  expired: boolean;
}

interface LeaseGuardrail {
  id: string;
  name: string | null;
  description?: string | null | undefined;
  created_at: string;
  updated_at?: string | null | undefined;
}

function iso(value: unknown, fallback: string): string {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

/**
 * A lease guardrail as a lease. A description that is not oradmin's (edited in the dashboard)
 * still counts, for the default lease time after its last change, so that it can neither block
 * forever nor be taken over at once.
 */
export function leaseInfo(g: LeaseGuardrail, now: Date): LeaseInfo | undefined {
  const run = parseLeaseName(g.name);
  if (run === undefined) return undefined;
  const createdAt = iso(g.created_at, new Date(0).toISOString());
  const lastChange = iso(g.updated_at ?? g.created_at, createdAt);
  let record: Partial<LeaseRecord> = {};
  try {
    const parsed: unknown = JSON.parse(g.description ?? '');
    if (parsed && typeof parsed === 'object') record = parsed as Partial<LeaseRecord>;
  } catch {
    // not oradmin's description: judged by its timestamps alone
  }
  const fallbackExpiry = new Date(Date.parse(lastChange) + DEFAULT_LEASE_TTL_MS).toISOString();
  const latest = Date.parse(lastChange) + MAX_LEASE_TTL_MS;
  const claimed = iso(record.expires_at, fallbackExpiry);
  const expiresAt = Date.parse(claimed) > latest ? new Date(latest).toISOString() : claimed;
  return {
    id: g.id,
    run,
    holder: typeof record.holder === 'string' ? record.holder : 'an unknown holder',
    since: iso(record.since, createdAt),
    expiresAt,
    createdAt,
    expired: Date.parse(expiresAt) <= now.getTime(),
  };
}
