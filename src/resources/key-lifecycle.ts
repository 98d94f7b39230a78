// Key lifecycle planning (PRODUCT.md section 8): due rotations, retirements of predecessors whose
// overlap has passed, rotations on request (`oradmin rotate`), rotations an interrupted run left
// half-done — all from the file, the live organization and the clock alone. Pure: the time is the
// plan's. key.ts calls `planLifecycle` from its `finalize`, with the operations the generic planner
// made for keys, and carries the resulting operations out (apply/key-creation.ts).
//
// The live shape of a rotation in progress:
//  - `<name>`: the current key (the successor, once rotated);
//  - `oradmin-predecessor:<overlap>:<retire>:<name>` (key-predecessor.ts): the predecessor, valid
//    until the current key is `<overlap>` old, by the current key's `created_at`;
//  - `oradmin-pending:…:<name>`: a successor in the middle of the creation protocol.
// A predecessor without a current key is an interrupted rotation: the plan finishes it (a successor
// is created and delivered), and never retires a predecessor that has no successor.
import { address, matchesTarget } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import type { PlanContext } from '../core/context.js';
import { canonicalLifecycleDuration, describeAge } from '../core/duration.js';
import type { LiveKey } from '../core/live.js';
import { globToRegExp, normalizeTimestamp } from '../core/normalize.js';
import type { Operation, RetiringObject } from '../core/types.js';
import type { DesiredObject } from '../core/kind.js';
import { keyRotation } from '../config/lifecycle.js';
import type { KeyDecl } from '../config/schema.js';
import { isOradminKeyName, parsePredecessorName, type PredecessorName, type RetireMode } from './key-predecessor.js';

/** A manual `oradmin rotate <address>` of a key that declares no rotation keeps its predecessor this long (--now: not at all). */
export const DEFAULT_MANUAL_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A live key matches `expires_in` when its expires_at − created_at is this close (client and server clocks, latency). */
export const EXPIRES_IN_TOLERANCE_MS = 5 * 60 * 1000;

export interface Predecessor {
  key: LiveKey;
  slug: string;
  parsed: PredecessorName;
  address: string;
  /** `key.<slug>/<name>`: the current key's address. */
  successorAddress: string;
  /** The current key of that name, when there is exactly one. */
  current: LiveKey | undefined;
  /** retire: disable, and disabled: done, it stays as it is. */
  retired: boolean;
  /** current.created_at + overlap; null without a current key. */
  retiresAt: string | null;
  due: boolean;
}

export interface DeclaredKey {
  decl: KeyDecl;
  index: number;
}

export interface LifecycleIndex {
  predecessors: Predecessor[];
  bySuccessor: Map<string, Predecessor[]>;
  byHash: Map<string, Predecessor>;
  /** `<slug>/<name>` → the declaration (the last one of that name); composed on first use. */
  declared: Map<string, DeclaredKey>;
  /** The same by slug, then name: looked up once per live key, without composing a string. */
  declaredIn: Map<string, Map<string, DeclaredKey>>;
}

/** The declaration of `<slug>/<name>`, if the file has one. */
export function declaredKey(ix: LifecycleIndex, slug: string, name: string): DeclaredKey | undefined {
  return ix.declaredIn.get(slug)?.get(name);
}

const memo = new WeakMap<PlanContext, LifecycleIndex>();

/** Predecessors with their addresses and due times, and the declared keys by `<slug>/<name>` (once per plan). */
export function lifecycleIndex(ctx: PlanContext): LifecycleIndex {
  const known = memo.get(ctx);
  if (known) return known;
  const declaredIn = new Map<string, Map<string, DeclaredKey>>();
  (ctx.config.keys ?? []).forEach((decl, index) => {
    const slug = decl.workspace ?? DEFAULT_WORKSPACE;
    const entry = { decl, index };
    let names = declaredIn.get(slug);
    if (!names) declaredIn.set(slug, (names = new Map()));
    names.set(decl.name, entry);
  });

  const groups = new Map<string, { key: LiveKey; slug: string; parsed: PredecessorName }[]>();
  for (const key of ctx.live.keys) {
    const parsed = parsePredecessorName(key.name);
    if (!parsed) continue;
    const slug = ctx.slugOf(key.workspace_id);
    const id = `${slug}/${parsed.name}`;
    groups.set(id, [...(groups.get(id) ?? []), { key, slug, parsed }]);
  }
  // Every live key's address, to tell a predecessor's short address from a key of that name: only
  // when there are predecessors (10,000 addresses to build otherwise, for nothing).
  let liveAddresses: Set<string> | undefined;
  const isLiveAddress = (a: string) =>
    (liveAddresses ??= new Set(ctx.live.keys.filter((k) => !isOradminKeyName(k.name)).map((k) => address.key(ctx.slugOf(k.workspace_id), k.name)))).has(a);
  const predecessors: Predecessor[] = [];
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => compare(a.key.created_at, b.key.created_at) || compare(a.key.hash, b.key.hash));
    const isRetired = (m: (typeof sorted)[number]) => m.parsed.retire === 'disable' && m.key.disabled;
    const active = sorted.filter((m) => !isRetired(m));
    for (const m of sorted) {
      const keyAddress = address.key(m.slug, m.parsed.name);
      const plain = `${keyAddress}~predecessor`;
      // The short address for the one predecessor still on its way out (the usual case); with
      // several, or one a live key's own name would clash with, each is told apart by its hash.
      const addr = active.length === 1 && active[0] === m && !isLiveAddress(plain) ? plain : `${plain}-${m.key.hash.slice(0, 12)}`;
      const current = ctx.liveKey(m.slug, m.parsed.name);
      const retiresAtMs = current ? Date.parse(current.created_at) + m.parsed.overlapMs : Number.NaN;
      const retired = isRetired(m);
      predecessors.push({
        key: m.key,
        slug: m.slug,
        parsed: m.parsed,
        address: addr,
        successorAddress: keyAddress,
        current,
        retired,
        retiresAt: Number.isFinite(retiresAtMs) ? iso(retiresAtMs) : null,
        due: !retired && Number.isFinite(retiresAtMs) && retiresAtMs <= ctx.now.getTime(),
      });
    }
  }
  const bySuccessor = new Map<string, Predecessor[]>();
  for (const p of predecessors) bySuccessor.set(p.successorAddress, [...(bySuccessor.get(p.successorAddress) ?? []), p]);
  let declared: Map<string, DeclaredKey> | undefined;
  const index: LifecycleIndex = {
    predecessors,
    bySuccessor,
    byHash: new Map(predecessors.map((p) => [p.key.hash, p])),
    // Composed only for `oradmin rotate`'s checks of its arguments.
    get declared() {
      return (declared ??= new Map([...declaredIn].flatMap(([slug, names]) => [...names].map(([name, d]) => [`${slug}/${name}`, d] as const))));
    },
    declaredIn,
  };
  memo.set(ctx, index);
  return index;
}

/** The address a live key is planned under: its own, or its predecessor address. */
export function liveKeyAddress(ctx: PlanContext, k: LiveKey): string {
  return lifecycleIndex(ctx).byHash.get(k.hash)?.address ?? address.key(ctx.slugOf(k.workspace_id), k.name);
}

/**
 * The `expires_in` a live key has, as the file would write it: the declared one when its
 * expires_at − created_at is within the tolerance of it, otherwise what it really is (null: none).
 */
export function liveExpiresIn(k: Pick<LiveKey, 'expires_at' | 'created_at'>, declaredMs: number): string | null {
  if (!k.expires_at) return null;
  const actual = Date.parse(k.expires_at) - Date.parse(k.created_at);
  if (!Number.isFinite(actual)) return null;
  return canonicalLifecycleDuration(Math.abs(actual - declaredMs) <= EXPIRES_IN_TOLERANCE_MS ? declaredMs : actual);
}

/** The predecessors of the current key at `keyAddress` that are still on their way out. */
function activePredecessors(ix: LifecycleIndex, keyAddress: string): Predecessor[] {
  return (ix.bySuccessor.get(keyAddress) ?? []).filter((p) => !p.retired);
}

interface Request {
  due: boolean;
  addresses: readonly string[];
  now: boolean;
}

/**
 * The key kind's operations with the lifecycle planned in: due (or requested) rotations replace the
 * update or replacement of the same key (the successor gets the declared settings, so it carries
 * those changes), a creation of a key whose predecessor waits for it finishes the rotation, and
 * predecessors are retired when due (or at once: `--now`, or their key is being removed).
 */
export function planLifecycle(
  ops: Operation[],
  ctx: PlanContext,
  desired: readonly DesiredObject[],
  defaults: Readonly<Record<string, unknown>>,
): Operation[] {
  const ix = lifecycleIndex(ctx);
  let desiredByAddress: Map<string, DesiredObject> | undefined;
  const desiredAt = (a: string) => (desiredByAddress ??= new Map(desired.map((d) => [d.address, d]))).get(a);
  const request: Request | undefined = ctx.options.lifecycle;
  const forced = request && !request.due ? request : undefined;
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  const out = new Map(ops.map((o) => [o.address, o]));
  const put = (o: Operation) => out.set(o.address, o);
  const now = ctx.now.getTime();
  const ignoredKey = ignoreMatcher(ctx);
  const requested = (addr: string) => forced !== undefined && forced.addresses.some((t) => matchesTarget(addr, t));
  const matchedRequests = new Set<string>();

  // Declared keys: rotation due by time or on request; interrupted rotations finished.
  for (const names of ix.declaredIn.values()) for (const { decl } of names.values()) {
    if (decl.absent) continue;
    const rotation = keyRotation(decl, ctx.config);
    // Without a rotation, a request or any predecessor in the organization, nothing below applies:
    // the usual case, skipped before building an address per key.
    if (rotation === undefined && forced === undefined && ix.predecessors.length === 0) continue;
    const slug = decl.workspace ?? DEFAULT_WORKSPACE;
    const keyAddress = address.key(slug, decl.name);
    const d = desiredAt(keyAddress);
    if (!d) continue;
    const existing = byAddress.get(keyAddress);
    const current = ctx.liveKey(slug, decl.name);
    const preds = activePredecessors(ix, keyAddress);
    if (!current) {
      // Nothing live under the name (or two, an error reported already).
      if (preds.length > 0 && existing?.action === 'create') put(finishing(existing, preds));
      continue;
    }
    const age = now - Date.parse(current.created_at);
    const isRequested = requested(keyAddress);
    if (isRequested) matchedRequests.add(keyAddress);
    const due = rotation !== undefined && age >= rotation.everyMs;
    if (!isRequested && !(due && preds.every((p) => p.due))) continue;
    if (existing && existing.action !== 'update' && existing.action !== 'replace') continue;
    const overlapMs = isRequested && forced!.now ? 0 : (rotation?.overlapMs ?? DEFAULT_MANUAL_OVERLAP_MS);
    const why = isRequested
      ? `rotated on request (oradmin rotate); ${createdText(current, age)}`
      : `${createdText(current, age)}; rotation.every is ${rotation!.every}`;
    const op = rotateOp({
      address: keyAddress,
      slug,
      name: decl.name,
      current,
      fields: d.fields,
      guardrail: decl.guardrail ?? null,
      creatorId: (d.exec.creator_user_id as string | undefined) ?? liveCreator(current, ctx),
      overlapMs,
      retire: rotation?.retire ?? 'delete',
      reason: `${why}; ${overlapText(overlapMs, rotation?.retire ?? 'delete', !rotation && !(isRequested && forced!.now))}`,
      changes: existing?.changes,
      defaults,
    });
    const waiting = preds.filter((p) => !p.due);
    if (waiting.length > 0 && !(forced?.now && isRequested)) {
      op.blocked = `its predecessor ${waiting[0]!.address} is still valid until ${waiting[0]!.retiresAt}; rotating again now would leave two old keys valid — rotate after that, or with --now, which retires it at once`;
    }
    put(op);
  }

  // Undeclared keys: rotated on request only, copying their live settings.
  if (forced) {
    for (const k of ctx.live.keys) {
      if (isOradminKeyName(k.name)) continue;
      const slug = ctx.slugOf(k.workspace_id);
      if (declaredKey(ix, slug, k.name)) continue;
      const keyAddress = address.key(slug, k.name);
      if (!requested(keyAddress)) continue;
      matchedRequests.add(keyAddress);
      if (ctx.liveKey(slug, k.name) !== k) {
        const hashes = ctx.live.keys.filter((x) => x.workspace_id === k.workspace_id && x.name === k.name).map((x) => x.hash);
        if (hashes[0] === k.hash) ctx.requestErrors.push(`${keyAddress} names ${hashes.length} live keys (hashes ${hashes.join(' and ')}); oradmin will not guess which one to rotate — rename or delete the extra one in OpenRouter`);
        continue;
      }
      const op = rotateOp({
        address: keyAddress,
        slug,
        name: k.name,
        current: k,
        fields: liveFields(k),
        guardrail: liveGuardrail(k, ctx),
        creatorId: liveCreator(k, ctx),
        overlapMs: forced.now ? 0 : DEFAULT_MANUAL_OVERLAP_MS,
        retire: 'delete',
        reason: `rotated on request (oradmin rotate), not declared in the file: the successor copies its live settings; ${createdText(k, now - Date.parse(k.created_at))}; ${overlapText(forced.now ? 0 : DEFAULT_MANUAL_OVERLAP_MS, 'delete', !forced.now)}`,
        defaults,
      });
      if (ignoredKey(slug, k.name)) op.blocked = `${keyAddress} is matched by ignore.keys (or ignore.workspaces), which oradmin never touches`;
      const waiting = activePredecessors(ix, keyAddress).filter((p) => !p.due);
      if (waiting.length > 0 && !forced.now) {
        op.blocked ??= `its predecessor ${waiting[0]!.address} is still valid until ${waiting[0]!.retiresAt}; rotate after that, or with --now, which retires it at once`;
      }
      put(op);
    }
  }
  if (request) {
    // Every address given to `oradmin rotate` must name a key: a typo must not look like "nothing due".
    const liveKeys = ctx.live.keys.filter((k) => !isOradminKeyName(k.name)).map((k) => address.key(ctx.slugOf(k.workspace_id), k.name));
    for (const t of request.addresses) {
      if (forced ? [...matchedRequests].some((a) => matchesTarget(a, t)) : [...liveKeys, ...[...ix.declared.keys()].map((id) => address.key(...splitId(id)))].some((a) => matchesTarget(a, t))) continue;
      const declaredOnly = [...ix.declared.entries()].find(([id, d]) => !d.decl.absent && matchesTarget(address.key(...splitId(id)), t));
      ctx.requestErrors.push(
        declaredOnly
          ? `${t}: ${address.key(...splitId(declaredOnly[0]))} is declared but does not exist yet; oradmin apply creates it (with a new secret), there is nothing to rotate`
          : `${t} names no live key (rotate takes key addresses such as key.default/ci-bot, globs with * allowed)`,
      );
    }
  }

  // Undeclared names whose predecessor waits for a successor (an interrupted `rotate <address>`).
  for (const [keyAddress, preds] of ix.bySuccessor) {
    const active = preds.filter((p) => !p.retired);
    const p = active[0];
    if (!p || p.current || declaredKey(ix, p.slug, p.parsed.name) || ignoredKey(p.slug, p.parsed.name)) continue;
    const mode = ctx.config.unmanaged?.keys ?? 'report';
    if (mode === 'delete' || mode === 'disable') continue; // its key would be removed: the predecessor goes (below)
    if (out.has(keyAddress)) continue;
    put(
      rotateOp({
        address: keyAddress,
        slug: p.slug,
        name: p.parsed.name,
        current: undefined,
        fields: liveFields(p.key),
        guardrail: liveGuardrail(p.key, ctx),
        creatorId: liveCreator(p.key, ctx),
        overlapMs: p.parsed.overlapMs,
        retire: p.parsed.retire,
        reason: `finishes an interrupted rotation: its predecessor ${p.address} is still valid and has no successor yet; the successor copies its live settings`,
        defaults,
        marked: p.key.hash,
      }),
    );
  }

  // Retirements: due by time; at once with --now; with their key, when it is being removed.
  for (const p of ix.predecessors) {
    if (p.retired || ignoredKey(p.slug, p.parsed.name)) continue;
    const keyOp = out.get(p.successorAddress);
    const decl = declaredKey(ix, p.slug, p.parsed.name)?.decl;
    const removed = keyOp?.action === 'delete' || keyOp?.action === 'disable' || decl?.absent === true;
    const undeclaredRemoved = !decl && !p.current && ['delete', 'disable'].includes(ctx.config.unmanaged?.keys ?? 'report');
    const now_ = forced?.now === true && requested(p.successorAddress);
    let reason: string | undefined;
    if (p.due) reason = `its successor ${p.successorAddress} was created ${p.current!.created_at.replace(/\.\d+Z$/, 'Z')}, ${canonicalLifecycleDuration(p.parsed.overlapMs)} (the overlap) or more ago`;
    else if (now_) reason = 'oradmin rotate --now: retired at once';
    else if (removed) reason = `${p.successorAddress} is ${decl?.absent ? 'declared absent: true' : `being ${keyOp!.action === 'delete' ? 'deleted' : 'disabled'}`}, and its predecessor goes with it`;
    else if (undeclaredRemoved) reason = `${p.successorAddress} is not declared and unmanaged.keys is ${ctx.config.unmanaged!.keys}: its predecessor goes too`;
    if (!reason) continue;
    put(retireOp(p, `${reason}; retire: ${p.parsed.retire}`, defaults));
  }
  return [...out.values()];
}

/** Predecessors on their way out that no operation of this plan retires: listed as retiring. */
export function retiringObjects(ops: readonly Operation[], ctx: PlanContext): RetiringObject[] {
  const retiring = new Set(ops.filter((o) => o.action === 'retire').map((o) => o.address));
  return lifecycleIndex(ctx)
    .predecessors.filter((p) => !p.retired && !retiring.has(p.address))
    .map((p) => ({ address: p.address, kind: 'key' as const, successor: p.successorAddress, retire: p.parsed.retire, retires_at: p.retiresAt }));
}

interface RotateSpec {
  address: string;
  slug: string;
  name: string;
  /** The key that becomes the predecessor; undefined when finishing an interrupted rotation. */
  current: LiveKey | undefined;
  /** The successor's fields, as the key kind compares them. */
  fields: Record<string, unknown>;
  guardrail: string | null;
  creatorId: string | undefined;
  overlapMs: number;
  retire: RetireMode;
  reason: string;
  changes?: Operation['changes'];
  defaults: Readonly<Record<string, unknown>>;
  /** The predecessor already marked by an interrupted rotation. */
  marked?: string;
}

function rotateOp(s: RotateSpec): Operation {
  const after: Record<string, unknown> = {};
  for (const [f, v] of Object.entries(s.fields)) {
    if (f in s.defaults && JSON.stringify(v) === JSON.stringify(s.defaults[f])) continue;
    if (f === 'creator_user_id') continue;
    after[f] = v;
  }
  if (s.guardrail) after.guardrail = s.guardrail;
  const op: Operation = {
    address: s.address,
    kind: 'key',
    action: 'rotate',
    reason: s.reason,
    dependsOn: [],
    exec: {
      workspace: s.slug,
      name: s.name,
      guardrail: s.guardrail,
      creator_user_id: s.creatorId,
      fields: s.fields,
      ...(s.current ? { hash: s.current.hash } : {}),
      ...(s.marked ? { marked: s.marked } : {}),
      overlap_ms: s.overlapMs,
      retire: s.retire,
    },
  };
  if (Object.keys(after).length > 0) op.after = after;
  if (s.changes && s.changes.length > 0) op.changes = s.changes;
  return op;
}

/** A creation of a declared key whose predecessor waits for it: the rest of an interrupted rotation. */
function finishing(create: Operation, preds: readonly Predecessor[]): Operation {
  const p = preds[0]!;
  return {
    ...create,
    action: 'rotate',
    reason: `finishes an interrupted rotation: its predecessor ${p.address} is still valid and has no successor yet`,
    exec: { ...create.exec, marked: p.key.hash, overlap_ms: p.parsed.overlapMs, retire: p.parsed.retire },
  };
}

function retireOp(p: Predecessor, reason: string, defaults: Readonly<Record<string, unknown>>): Operation {
  const op: Operation = {
    address: p.address,
    kind: 'key',
    action: 'retire',
    owner: p.successorAddress,
    reason,
    dependsOn: [],
    exec: { workspace: p.slug, name: p.key.name, hash: p.key.hash, retire: p.parsed.retire },
  };
  if (p.parsed.retire === 'disable') {
    op.changes = [{ field: 'disabled', before: p.key.disabled, after: true }];
  } else {
    const before: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(liveFields(p.key))) {
      if (v === null || f === 'creator_user_id' || (f in defaults && JSON.stringify(v) === JSON.stringify(defaults[f]))) continue;
      before[f] = v;
    }
    if (Object.keys(before).length > 0) op.before = before;
  }
  return op;
}

/** A live key's settings as a successor copies them (undeclared keys). */
function liveFields(k: LiveKey): Record<string, unknown> {
  return {
    limit: k.limit ?? null,
    limit_reset: k.limit_reset ?? null,
    include_byok_in_limit: k.include_byok_in_limit ?? false,
    expires_at: normalizeTimestamp(k.expires_at),
    disabled: k.disabled,
  };
}

/** The successor keeps its predecessor's creator while that person is a member (the API refuses others). */
function liveCreator(k: LiveKey, ctx: PlanContext): string | undefined {
  return k.creator_user_id && ctx.isOrgMember(k.creator_user_id) ? k.creator_user_id : undefined;
}

function liveGuardrail(k: LiveKey, ctx: PlanContext): string | null {
  const a = ctx.live.keyAssignments.find((x) => x.key_hash === k.hash);
  const g = a ? ctx.guardrailById(a.guardrail_id) : undefined;
  return g && !ctx.isDefaultGuardrail(g.id) ? g.name : null;
}

function createdText(k: LiveKey, ageMs: number): string {
  return `created ${k.created_at.replace(/\.\d+Z$/, 'Z')}, ${describeAge(ageMs)} ago`;
}

function overlapText(overlapMs: number, retire: RetireMode, defaulted: boolean): string {
  if (overlapMs === 0) return `its predecessor is ${retire === 'delete' ? 'deleted' : 'disabled'} as soon as the new secret is delivered`;
  return `its predecessor stays valid for ${canonicalLifecycleDuration(overlapMs)}${defaulted ? ' (no rotation declared: the default overlap; --now for none)' : ''}, then is ${retire === 'delete' ? 'deleted' : 'disabled'}`;
}

function ignoreMatcher(ctx: PlanContext): (slug: string, name: string) => boolean {
  const keys = (ctx.config.ignore?.keys ?? []).map(globToRegExp);
  const workspaces = (ctx.config.ignore?.workspaces ?? []).map(globToRegExp);
  return (slug, name) => keys.some((re) => re.test(name)) || workspaces.some((re) => re.test(slug));
}

function splitId(id: string): [string, string] {
  const i = id.indexOf('/');
  return [id.slice(0, i), id.slice(i + 1)];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

