// key.<slug>/<name>: an inference API key. Fields the API defaults (limit, limit_reset, disabled,
// expires_at, include_byok_in_limit) are always managed; creator_user_id only when declared.
// expires_at and creator_user_id are set at creation and never change (API README), so changing
// them replaces the key — a new secret — which needs allow_replace or --allow-replace.
// Keys named by the creation protocol (key-pending.ts) and predecessors of a rotation
// (key-predecessor.ts) are oradmin's own: never unmanaged objects. Their lifecycle — rotations,
// retirements, relative expiry — is planned by key-lifecycle.ts.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { normalizeTimestamp } from '../core/normalize.js';
import { effectOfChanges, expiryWidens, limitWidens, protectionWidens, resetWidens } from '../core/effect.js';
import type { Operation } from '../core/types.js';
import { UpdateKeysRequest } from '../api/schemas.js';
import { changedFields, deleteObject, first, pathOf } from './calls.js';
import type { DesiredObject, LiveObject, ResourceKind } from './types.js';
import { parsePendingName, type PendingName } from './key-pending.js';
import { isOradminKeyName } from './key-predecessor.js';
import { declaredKey, lifecycleIndex, liveExpiresIn, planLifecycle, retiringObjects } from './key-lifecycle.js';
import { DEFAULT_LEASE_TTL_MS, leaseInfo } from '../core/reserved-names.js';
import { canonicalLifecycleDuration, parseLifecycleDuration as parseLifecycle } from '../core/duration.js';
import { keyExpiresInMs } from '../config/lifecycle.js';
import type { PlanContext } from '../core/context.js';
import type { LiveKey } from '../core/live.js';

/** After this operation the key is gone or disabled: no longer an "active key" for the API's rules. */
export function leavesKeyInactive(op: Operation): boolean {
  if (op.kind !== 'key') return false;
  if (op.action === 'delete' || op.action === 'disable' || op.action === 'retire') return true;
  return op.action === 'update' && (op.changes ?? []).some((c) => c.field === 'disabled' && c.after === true);
}

const KEY_WIDENING = {
  limit: limitWidens,
  limit_reset: resetWidens,
  include_byok_in_limit: protectionWidens,
  disabled: (before: unknown, after: unknown) => before === true && after !== true,
  expires_at: expiryWidens,
};

const desiredMemo = new WeakMap<PlanContext, DesiredObject[]>();

const DEFAULTS = { limit: null, limit_reset: null, include_byok_in_limit: false, expires_at: null, disabled: false };

export const key: ResourceKind = {
  kind: 'key',
  rank: 3,
  unmanagedClass: 'keys',
  addAction: 'create',
  removeAction: 'delete',
  fields: ['limit', 'limit_reset', 'include_byok_in_limit', 'expires_at', 'expires_in', 'disabled', 'creator_user_id'],
  immutable: ['expires_at', 'expires_in', 'creator_user_id'],
  defaults: DEFAULTS,
  uniqueIdentity: true,

  desired(ctx) {
    // Also read by finalize (the lifecycle): made once per plan, so that a reference error is reported once.
    const known = desiredMemo.get(ctx);
    if (known) return known;
    const defaults = ctx.config.defaults?.key ?? {};
    const made = (ctx.config.keys ?? []).map((k, i): DesiredObject => {
      const slug = k.workspace ?? DEFAULT_WORKSPACE;
      if (k.absent) {
        return { address: address.key(slug, k.name), kind: 'key' as const, fields: {}, path: ['keys', i, 'name'], exec: { workspace: slug, name: k.name }, absent: true };
      }
      const fields: Record<string, unknown> = {
        limit: k.limit !== undefined ? k.limit : (defaults.limit ?? null),
        limit_reset: k.limit_reset !== undefined ? k.limit_reset : (defaults.limit_reset ?? null),
        include_byok_in_limit: k.include_byok_in_limit ?? defaults.include_byok_in_limit ?? false,
        expires_at: normalizeTimestamp(k.expires_at),
        disabled: k.disabled ?? false,
      };
      // A relative expiry compares with the live key's expires_at − created_at (liveExpiresIn):
      // the creation protocol sets expires_at from the time of each creation.
      const expiresInMs = keyExpiresInMs(k);
      if (expiresInMs !== undefined) {
        delete fields.expires_at;
        fields.expires_in = canonicalLifecycleDuration(expiresInMs);
      }
      let creatorId: string | undefined;
      if (k.creator_user_id !== undefined) {
        const m = ctx.resolveMember(k.creator_user_id, ['keys', i, 'creator_user_id']);
        fields.creator_user_id = m?.email ?? k.creator_user_id;
        creatorId = m?.id;
      }
      const guardrailName = k.guardrail ?? null;
      return {
        address: address.key(slug, k.name),
        kind: 'key' as const,
        fields,
        path: ['keys', i, 'name'],
        exec: {
          workspace: slug,
          name: k.name,
          guardrail: guardrailName,
          allow_replace: k.allow_replace ?? false,
          creator_user_id: creatorId,
        },
        describe: guardrailName ? { guardrail: guardrailName } : undefined,
      };
    });
    desiredMemo.set(ctx, made);
    return made;
  },

  live(ctx) {
    const ix = lifecycleIndex(ctx);
    // A loop and plain literals: run for every live key, and a spread in a literal costs V8 its fast path.
    const out: LiveObject[] = [];
    for (const k of ctx.live.keys) {
      if (isOradminKeyName(k.name)) continue;
      const slug = ctx.slugOf(k.workspace_id);
      const decl = declaredKey(ix, slug, k.name)?.decl;
      const expiresInMs = decl && !decl.absent ? keyExpiresInMs(decl) : undefined;
      const fields: Record<string, unknown> = {
        limit: k.limit ?? null,
        limit_reset: k.limit_reset ?? null,
        include_byok_in_limit: k.include_byok_in_limit ?? false,
        expires_at: normalizeTimestamp(k.expires_at),
      };
      if (expiresInMs !== undefined) fields.expires_in = liveExpiresIn(k, expiresInMs);
      fields.disabled = k.disabled;
      fields.creator_user_id = k.creator_user_id ? ctx.memberLabel(k.creator_user_id) : null;
      out.push({
        address: address.key(slug, k.name),
        kind: 'key',
        id: k.hash,
        name: k.name,
        workspace: slug,
        disabled: k.disabled,
        fields,
        exec: { workspace: slug, name: k.name, hash: k.hash, creator_id: k.creator_user_id },
      });
    }
    return out;
  },

  orphan(obj, ctx) {
    // offboarding.keys (PRODUCT.md section 8): the keys of people who left the organization.
    const creator = obj.exec.creator_id;
    if (typeof creator !== 'string' || ctx.isOrgMember(creator)) return 'unmanaged';
    const reason = `created by ${creator}, who is no longer a member of the organization`;
    const mode = ctx.config.offboarding?.keys;
    return mode ? { mode, reason } : { reason };
  },

  ownAddresses(ctx) {
    return lifecycleIndex(ctx).predecessors.map((p) => p.address);
  },

  retiring(ops, ctx) {
    return retiringObjects(ops, ctx);
  },

  dependsOn(op, index) {
    if (op.action !== 'create' && op.action !== 'replace' && op.action !== 'rotate') return [];
    const slug = op.exec.workspace as string;
    const deps: string[] = [];
    const wsOp = index.get(address.workspace(slug));
    if (wsOp?.action === 'create') deps.push(wsOp.address);
    // The creation protocol binds the guardrail before the secret is delivered.
    if (typeof op.exec.guardrail === 'string') {
      const gOp = index.get(address.guardrail(slug, op.exec.guardrail));
      if (gOp?.action === 'create') deps.push(gOp.address);
    }
    return deps;
  },

  preflight(op, _index, ctx) {
    if (op.action !== 'create' && op.action !== 'replace' && op.action !== 'rotate') return undefined;
    const expires = op.after?.expires_at;
    if (typeof expires === 'string' && Date.parse(expires) <= ctx.now.getTime()) {
      return `expires_at ${expires} is in the past, and the API only creates keys that expire in the future`;
    }
    return undefined;
  },

  effect(op) {
    // A new key, a replacement or a rotation is a new secret: new access, whatever its limits.
    if (op.action === 'create' || op.action === 'replace' || op.action === 'rotate') return 'widens';
    // Removing oradmin's own leftover (a key whose secret nobody holds) changes nobody's access.
    if (op.exec.cleanup) return 'neutral';
    if (op.action === 'delete' || op.action === 'disable' || op.action === 'retire') return 'narrows';
    return effectOfChanges(op.changes, KEY_WIDENING);
  },

  async execute(ops, ctx) {
    const op = first(ops);
    if (op.action === 'create' || op.action === 'replace') return ctx.keys.create(op);
    if (op.action === 'rotate') return ctx.keys.rotate(op);
    const hash = op.exec.hash as string;
    const path = pathOf('/keys/{hash}', { hash });
    if (op.action === 'delete' || (op.action === 'retire' && op.exec.retire === 'delete')) return deleteObject(ctx, op, 'deleteKeys', path);
    if (op.action === 'retire') {
      await ctx.client.request({ operation: 'updateKeys', method: 'PATCH', path, body: { disabled: true }, bodySchema: UpdateKeysRequest, address: op.address });
      return;
    }
    const body = op.action === 'disable' ? { disabled: true } : changedFields(op);
    await ctx.client.request({ operation: 'updateKeys', method: 'PATCH', path, body, bodySchema: UpdateKeysRequest, address: op.address });
  },

  warnings(ops, ctx) {
    // A policy that makes keys carry an expiry makes every existing key without one a replacement
    // (expires_at is set at creation): new secrets for all of them, which a reviewer must see.
    const policy = ctx.config.policy?.keys;
    const replacing = (test: (before: unknown) => boolean) =>
      ops.filter((o) => o.action === 'replace' && o.changes?.some((c) => c.field === 'expires_at' && test(c.before))).map((o) => o.address);
    const out: string[] = [];
    const list = (a: string[]) => `${a.slice(0, 5).join(', ')}${a.length > 5 ? `, and ${a.length - 5} more` : ''}`;
    if (policy?.require_expiry) {
      const forced = replacing((before) => before === null);
      if (forced.length > 0) out.push(`policy keys.require_expiry forces replacing ${forced.length} key${forced.length === 1 ? '' : 's'} (new secrets): ${list(forced)}`);
    }
    if (policy?.max_lifetime_days !== undefined) {
      const latest = ctx.now.getTime() + policy.max_lifetime_days * 24 * 60 * 60 * 1000;
      const forced = replacing((before) => typeof before === 'string' && Date.parse(before) > latest);
      if (forced.length > 0) out.push(`policy keys.max_lifetime_days forces replacing ${forced.length} key${forced.length === 1 ? '' : 's'} (new secrets): ${list(forced)}`);
    }
    return out;
  },

  finalize(ops, ctx) {
    const out = planLifecycle(ops, ctx, key.desired(ctx), DEFAULTS);
    const byAddress = new Map(out.map((o) => [o.address, o]));
    for (const k of ctx.live.keys) {
      const pending = parsePendingName(k.name);
      if (!pending) continue;
      const slug = ctx.slugOf(k.workspace_id);
      const target = byAddress.get(address.key(slug, pending.name));
      const busy = inFlightElsewhere(pending, k, ctx);
      if (busy) {
        // Another run is creating this key right now: finishing or deleting its pending key would
        // race it (and deleting it would lose the secret it is about to deliver). Left alone.
        if (target && (target.action === 'create' || target.action === 'replace' || target.action === 'rotate')) {
          target.blocked ??= `${target.address} is being created right now by ${busy}; apply again once that run has finished`;
        }
        continue;
      }
      if (target && (target.action === 'create' || target.action === 'replace' || target.action === 'rotate')) {
        // An earlier apply was interrupted while creating this key: finish or clean that attempt up.
        // Finished only with the expiry the file asks for (expires_in: counted from the pending key's creation).
        const fields = (target.exec.fields ?? {}) as Record<string, unknown>;
        const expiresInMs = typeof fields.expires_in === 'string' ? parseLifecycle(fields.expires_in) : undefined;
        const expiresOk =
          expiresInMs !== undefined ? liveExpiresIn(k, expiresInMs) === fields.expires_in : normalizeTimestamp(k.expires_at) === (fields.expires_at ?? null);
        const resume = [...((target.exec.resume as unknown[]) ?? []), { hash: k.hash, nonce: pending.nonce, expires_at: normalizeTimestamp(k.expires_at), created_at: k.created_at, expires_ok: expiresOk }];
        target.exec = { ...target.exec, resume };
        target.reason = target.reason ? `${target.reason}; resumes an interrupted creation` : 'resumes an interrupted creation';
        continue;
      }
      const cleanup: Operation = {
        address: address.key(slug, k.name),
        kind: 'key',
        action: 'delete',
        reason: 'left over from an interrupted apply; its secret was never delivered or the key was created again',
        dependsOn: [],
        exec: { workspace: slug, name: k.name, hash: k.hash, cleanup: true },
      };
      out.push(cleanup);
      byAddress.set(cleanup.address, cleanup);
    }
    return out;
  },
};

/**
 * Who is still creating this pending key, when it is not this run: a run that holds a live apply
 * lease, or a run without the lease (`--lock=false`) whose key is younger than the grace period.
 * A pending key of a run that held the lease and no longer does was left by a crash: fair game.
 * Only hex run ids and normalized timestamps reach the message (no untrusted text).
 */
function inFlightElsewhere(pending: PendingName, k: LiveKey, ctx: PlanContext): string | undefined {
  const run = pending.run;
  if (!run || run.id === ctx.options.runId) return undefined;
  const lease = (ctx.live.leases ?? []).map((g) => leaseInfo(g, ctx.now)).find((l) => l?.run === run.id && !l.expired);
  if (lease) return `another apply (run ${run.id}, holding the lease since ${lease.since})`;
  if (run.locked) return undefined;
  const started = Date.parse(k.created_at);
  const grace = ctx.options.pendingGraceMs ?? DEFAULT_LEASE_TTL_MS;
  if (Number.isFinite(started) && ctx.now.getTime() - started < grace) {
    return `another apply run with --lock=false (run ${run.id}, started ${new Date(started).toISOString()})`;
  }
  return undefined;
}
