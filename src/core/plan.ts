// The planner: (desired state, live state, now, resource kinds) → an exact, ordered, reviewable
// Plan. Pure: no I/O. It knows resource kinds only through the PlannerKind interface (kind.ts) and
// receives them as input (resources/registry.ts binds the real ones), so core/ imports nothing above it.
import type { Diagnostic } from '../errors.js';
import type { DesiredObject, LiveObject, OpIndex, PlannerKind as ResourceKind, UnmanagedClass } from './kind.js';
import { matchesTarget } from './address.js';
import { PlanContext, type PlanInput } from './context.js';
import { fieldChanges } from './diff.js';
import { liveFingerprint } from './fingerprint.js';
import { canonicalJson, globToRegExp } from './normalize.js';
import { nearest } from '../config/suggest.js';
import { sortOperations } from './order.js';
import { planChecksum } from './plan-json.js';
import { assessSafety } from './safety.js';
import { emptySummary, LIFECYCLE, type Kind, type Operation, type Plan, type RetiringObject, type SecretsSink, type UnmanagedObject } from './types.js';

export interface PlanResult {
  plan: Plan;
  /** Digest of the live state the plan was made from (core/fingerprint.ts). */
  liveDigest: string;
  /** Problems that make the plan meaningless (unknown member, duplicate live identity): exit 1. */
  errors: Diagnostic[];
  /** `--target`s that name nothing declared or live, each with the nearest addresses: exit 1. */
  targetErrors: string[];
  warnings: string[];
}

export interface CorePlanInput extends PlanInput {
  /** Every resource kind, in dependency-rank order. */
  kinds: readonly ResourceKind[];
}

export function buildPlan(input: CorePlanInput): PlanResult {
  const ctx = new PlanContext(input);
  const kinds = input.kinds;
  const byKind = new Map<Kind, ResourceKind>(kinds.map((k) => [k.kind, k]));
  const resourceKind = (kind: Kind): ResourceKind => {
    const k = byKind.get(kind);
    if (!k) throw new Error(`unknown resource kind ${kind}`);
    return k;
  };
  const unmanagedMode: Record<UnmanagedClass, string> = {
    keys: ctx.config.unmanaged?.keys ?? 'report',
    guardrails: ctx.config.unmanaged?.guardrails ?? 'report',
    workspaces: ctx.config.unmanaged?.workspaces ?? 'report',
    members: ctx.config.unmanaged?.members ?? 'report',
  };
  const ignored = ignoreMatcher(ctx);
  const liveCounts = new Map<Kind, number>();
  const unmanaged: UnmanagedObject[] = [];
  /** Every address declared or live, for `--target` (which must name one of them); only then. */
  const targets = ctx.options.targets ?? [];
  const known = new Set<string>();
  const collectKnown = targets.length > 0;
  let ops: Operation[] = [];

  for (const rk of kinds) {
    const desired = rk.desired(ctx);
    const live = rk.live(ctx);
    liveCounts.set(rk.kind, live.length);
    // One live object per address but for duplicates: stored alone, a list only when there are more
    // (ten thousand keys would otherwise make ten thousand one-item arrays).
    const liveByAddress = new Map<string, LiveObject | LiveObject[]>();
    for (const l of live) {
      const found = liveByAddress.get(l.address);
      if (found === undefined) liveByAddress.set(l.address, l);
      else if (Array.isArray(found)) found.push(l);
      else liveByAddress.set(l.address, [found, l]);
    }
    /** The live objects some declaration names (by address): never unmanaged. */
    const declaredLive = new Set<LiveObject>();

    if (collectKnown) {
      for (const d of desired) known.add(d.address);
      for (const l of live) known.add(l.address);
      for (const a of rk.ownAddresses?.(ctx) ?? []) known.add(a);
    }

    const kindOps: Operation[] = [];
    for (const d of desired) {
      const found = liveByAddress.get(d.address);
      if (Array.isArray(found)) {
        for (const m of found) declaredLive.add(m);
        if (rk.uniqueIdentity) ctx.errors.push(duplicateError(rk, d, found, ctx));
        continue;
      }
      if (found) declaredLive.add(found);
      if (d.absent) {
        // `absent: true`: delete that one object if it exists; nothing otherwise (idempotent).
        const l = found;
        if (l && rk.removeAction) {
          kindOps.push(op(rk, d.address, rk.removeAction, { exec: l.exec, before: beforeOf(rk, l, ctx), reason: 'declared absent: true in the file' }));
        }
        continue;
      }
      const l = found ?? rk.implicitLive?.(d, ctx);
      if (!l) {
        kindOps.push(op(rk, d.address, rk.addAction, { after: afterOf(rk, d, ctx), exec: { ...d.exec, fields: d.fields } }));
        continue;
      }
      // Most pairs are equal: nothing more is made for them (ten thousand keys, ten thousand arrays).
      const differing = fieldChanges(d.fields, l.fields, rk.fields);
      if (differing.length === 0) continue;
      const changes = differing.map((c) => ({
        field: c.field,
        before: shown(rk, c.field, c.before, ctx),
        after: shown(rk, c.field, c.after, ctx),
      }));
      const exec = { ...l.exec, ...d.exec, fields: d.fields };
      const immutable = changes.filter((c) => rk.immutable.includes(c.field)).map((c) => c.field);
      if (immutable.length === 0) {
        kindOps.push(op(rk, d.address, rk.changeAction ?? 'update', { changes, exec }));
        continue;
      }
      const allowed = ctx.options.allowReplace === true || d.exec.allow_replace === true;
      kindOps.push(
        op(rk, d.address, 'replace', {
          after: afterOf(rk, d, ctx),
          changes,
          exec,
          reason: `${immutable.join(' and ')} cannot change in place; a new ${rk.kind} replaces it${rk.kind === 'key' ? ', with a new secret' : ''}`,
          blocked: allowed
            ? undefined
            : `replacing ${d.address} issues a new secret; set allow_replace: true on it or run apply --allow-replace`,
        }),
      );
    }

    for (const l of live) {
      if (declaredLive.has(l)) continue;
      const policy = rk.orphan(l, ctx);
      if (policy === 'skip') continue;
      if (policy === 'remove') {
        // The file declares the complete set (budgets, members): what it does not list goes —
        // except what `ignore:` names (e.g. a service account left out of every list on purpose).
        if (rk.unmanagedClass && ignored(rk.unmanagedClass, l)) continue;
        if (rk.removeAction) kindOps.push(op(rk, l.address, rk.removeAction, { exec: l.exec, before: beforeOf(rk, l, ctx) }));
        continue;
      }
      if (!rk.unmanagedClass || ignored(rk.unmanagedClass, l)) continue;
      // A kind may know more about an undeclared object (a key whose creator left): its reason goes
      // with the listing or the operation, and its mode, when it has one, decides.
      const decision = typeof policy === 'object' ? policy : undefined;
      const reason = decision?.reason;
      const mode = decision?.mode ?? unmanagedMode[rk.unmanagedClass];
      if (mode === 'report') unmanaged.push({ address: l.address, kind: rk.kind, ...(reason ? { reason } : {}) });
      else if (mode === 'delete' && rk.removeAction) kindOps.push(op(rk, l.address, rk.removeAction, { exec: l.exec, before: beforeOf(rk, l, ctx), ...(reason ? { reason } : {}) }));
      else if (mode === 'disable' && !l.disabled) kindOps.push(op(rk, l.address, 'disable', { exec: l.exec, ...(reason ? { reason } : {}) }));
    }
    ops.push(...(rk.finalize ? rk.finalize(kindOps, ctx) : kindOps));
  }

  // A binding done by the creation of its owner (a new key's guardrail) is not a step of its own.
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  ops = ops.filter((o) => {
    const owner = resourceKind(o.kind).supersededBy?.(o);
    const ownerOp = owner ? byAddress.get(owner) : undefined;
    return !(ownerOp && (ownerOp.action === 'create' || ownerOp.action === 'replace' || ownerOp.action === 'rotate'));
  });

  const index = makeIndex(ops);
  for (const o of ops) {
    const rk = resourceKind(o.kind);
    o.dependsOn = [...new Set(rk.dependsOn(o, index, ctx))].filter((a) => a !== o.address).sort();
    o.blocked ??= rk.preflight?.(o, index, ctx);
    o.effect = rk.effect(o);
  }

  const warnings: string[] = kinds.flatMap((rk) => rk.warnings?.(index.ofKind(rk.kind), ctx) ?? []);
  const retiring: RetiringObject[] = kinds.flatMap((rk) => rk.retiring?.(index.ofKind(rk.kind), ctx) ?? []);
  const targetErrors: string[] = [...ctx.requestErrors];
  if (ctx.options.lifecycle) ops = lifecycleOnly(ops, ctx.options.lifecycle.addresses);
  if (targets.length > 0) {
    ops = narrow(ops, targets, index);
    const addresses = [...known].sort();
    for (const t of targets) {
      if (addresses.some((a) => matchesTarget(a, t))) continue;
      const near = nearest(t, addresses);
      const shape = /^[a-z_]+\.[^/]+/.test(t) ? '' : ' (an address looks like key.<workspace>/<name>; globs with * are allowed)';
      targetErrors.push(
        `--target ${t} names nothing that is declared or live${shape}` + (near.length > 0 ? `; nearest: ${near.join(', ')}` : ''),
      );
    }
  }

  const sorted = sortOperations(ops, (o) => resourceKind(o.kind).rank);
  // `oradmin rotate` does lifecycle work only: undeclared objects are apply's and plan's business.
  const unmanagedSelected = ctx.options.lifecycle ? [] : targets.length > 0 ? unmanaged.filter((u) => targets.some((t) => matchesTarget(u.address, t))) : unmanaged;
  const unmanagedShown = unmanagedSelected.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const selectedKeys = ctx.options.lifecycle?.addresses ?? targets;
  const retiringShown = (selectedKeys.length > 0 ? retiring.filter((r) => selectedKeys.some((t) => matchesTarget(r.address, t) || matchesTarget(r.successor, t))) : retiring).sort(
    (a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0),
  );
  const summary = emptySummary();
  for (const o of sorted) summary[o.action]++;
  summary.unmanaged = unmanagedShown.length;
  const body = {
    format_version: 1 as const,
    summary,
    operations: sorted,
    unmanaged: unmanagedShown,
    retiring: retiringShown,
    safety: assessSafety(sorted, liveCounts, ctx.config.safety),
    secrets_sink: secretsSink(ctx),
  };
  // The digest is needed only to save a plan or to check a saved one (a tenth of a second for
  // 10,000 keys): computed when first read.
  let liveDigest: string | undefined;
  return {
    plan: { ...body, checksum: planChecksum(body) },
    get liveDigest() {
      return (liveDigest ??= liveFingerprint(ctx, kinds));
    },
    errors: ctx.errors,
    targetErrors,
    warnings,
  };
}

/** The sink apply would use: `--secrets-out` first, then the file's `secrets:` (file before command). */
function secretsSink(ctx: PlanContext): SecretsSink {
  if (ctx.options.secretsOut) return { type: 'file', path: ctx.options.secretsOut };
  const s = ctx.config.secrets;
  if (s?.file) return { type: 'file', path: s.file };
  if (s?.command) return { type: 'command', command: [...s.command] };
  return null;
}

function op(rk: ResourceKind, address: string, action: Operation['action'], rest: Partial<Operation>): Operation {
  const o: Operation = { address, kind: rk.kind, action, dependsOn: [], exec: rest.exec ?? {} };
  if (rest.after) o.after = rest.after;
  if (rest.before) o.before = rest.before;
  if (rest.changes) o.changes = rest.changes;
  if (rest.reason) o.reason = rest.reason;
  if (rest.blocked) o.blocked = rest.blocked;
  return o;
}

/** The desired values worth reading: defaults are left out, so `after` says what is special. */
function afterOf(rk: ResourceKind, d: DesiredObject, ctx: PlanContext): Record<string, unknown> | undefined {
  const after = notDefault(rk, d.fields, ctx, false);
  Object.assign(after, d.describe ?? {});
  return Object.keys(after).length > 0 ? after : undefined;
}

/** What a deletion removes, read the same way: the live values that are not defaults. */
function beforeOf(rk: ResourceKind, l: LiveObject, ctx: PlanContext): Record<string, unknown> | undefined {
  const shown = rk.shownOnRemoval;
  const fields = shown ? Object.fromEntries(Object.entries(l.fields).filter(([f]) => shown.includes(f))) : l.fields;
  const before = notDefault(rk, fields, ctx, true);
  return Object.keys(before).length > 0 ? before : undefined;
}

function notDefault(rk: ResourceKind, fields: Record<string, unknown>, ctx: PlanContext, skipNull: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of rk.fields) {
    if (!(f in fields)) continue;
    const v = fields[f];
    if (skipNull && (v === null || v === undefined)) continue;
    if (f in rk.defaults && canonicalJson(v) === canonicalJson(rk.defaults[f])) continue;
    out[f] = shown(rk, f, v, ctx);
  }
  return out;
}

/** A value as plans show it (the kind's display, e.g. model slugs as the file writes them). */
function shown(rk: ResourceKind, field: string, value: unknown, ctx: PlanContext): unknown {
  return rk.display ? rk.display(field, value, ctx) : value;
}

function duplicateError(rk: ResourceKind, d: DesiredObject, matches: LiveObject[], ctx: PlanContext): Diagnostic {
  const ids = matches.map((m) => m.id).join(' and ');
  return {
    severity: 'error',
    ...ctx.position(d.path),
    message:
      `${d.address} matches ${matches.length} live ${rk.kind}s (${rk.kind === 'key' ? 'hashes' : 'ids'} ${ids}); ` +
      'oradmin will not guess which one the file means — rename or delete the extra one in OpenRouter',
  };
}

function ignoreMatcher(ctx: PlanContext): (cls: UnmanagedClass, l: LiveObject) => boolean {
  const compile = (list: readonly string[] | undefined) => (list ?? []).map(globToRegExp);
  const globs: Record<UnmanagedClass, RegExp[]> = {
    keys: compile(ctx.config.ignore?.keys),
    guardrails: compile(ctx.config.ignore?.guardrails),
    workspaces: compile(ctx.config.ignore?.workspaces),
    members: compile(ctx.config.ignore?.members),
  };
  return (cls, l) =>
    globs[cls].some((re) => re.test(l.name)) || (l.workspace !== undefined && globs.workspaces.some((re) => re.test(l.workspace!)));
}

function makeIndex(ops: readonly Operation[]): OpIndex {
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  const byKind = new Map<Kind, Operation[]>();
  for (const o of ops) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  return { get: (a) => byAddress.get(a), ofKind: (k) => byKind.get(k) ?? [] };
}

/** `--target`: the selected operations and, transitively, what they depend on. */
function narrow(ops: readonly Operation[], targets: readonly string[], index: OpIndex): Operation[] {
  const keep = new Set<string>();
  const visit = (addr: string) => {
    if (keep.has(addr)) return;
    const o = index.get(addr);
    if (!o) return;
    keep.add(addr);
    o.dependsOn.forEach(visit);
  };
  for (const o of ops) if (targets.some((t) => selects(o, t))) visit(o.address);
  return ops.filter((o) => keep.has(o.address));
}

/** An operation is selected by its own address, or by the address of the object it belongs to. */
function selects(o: Operation, target: string): boolean {
  return matchesTarget(o.address, target) || (o.owner !== undefined && matchesTarget(o.owner, target));
}

/**
 * `oradmin rotate`: only the key-lifecycle operations (of the keys matching `addresses`, when
 * given). One that needs another operation first (a successor bound to a guardrail the file adds)
 * is blocked rather than run half: that other operation is apply's.
 */
function lifecycleOnly(ops: readonly Operation[], addresses: readonly string[]): Operation[] {
  const kept = ops.filter((o) => LIFECYCLE.has(o.action) && (addresses.length === 0 || addresses.some((t) => selects(o, t))));
  const keptAddresses = new Set(kept.map((o) => o.address));
  for (const o of kept) {
    const missing = o.dependsOn.filter((d) => !keptAddresses.has(d));
    if (missing.length > 0) {
      o.blocked ??= `it needs ${missing.join(', ')} first, which oradmin rotate does not do; run oradmin apply, which does both`;
    }
  }
  return kept;
}
