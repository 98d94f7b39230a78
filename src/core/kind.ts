// What a resource kind declares to the planner. The planner (plan.ts) knows kinds only through this
// interface, and receives them as input: core/ depends on nothing above it, and each kind (under
// resources/) implements this interface plus how to carry out its operations.
import type { Action, Effect, ExecData, Kind, Operation, RetiringObject } from './types.js';
import type { PlanContext } from './context.js';
import type { PathSegment } from '../config/source.js';

/** A declared object, normalized; `fields` holds only the fields the file manages. */
export interface DesiredObject {
  address: string;
  kind: Kind;
  fields: Record<string, unknown>;
  /** Where it is declared (a path in the file's data), for messages about it. */
  path: readonly PathSegment[];
  exec: ExecData;
  /** Shown in `after` beside the fields (e.g. a new key's guardrail, bound during creation). */
  describe?: Record<string, unknown>;
  /** `absent: true` in the file: the live object, if any, is deleted; nothing is created. */
  absent?: boolean;
}

/** A live object, normalized to the file's shape; `fields` holds every comparable field. */
export interface LiveObject {
  address: string;
  kind: Kind;
  /** API identifier (uuid, key hash, or user id for memberships), for duplicate-identity errors. */
  id: string;
  /** What `ignore:` globs match: key or guardrail name, workspace slug, member e-mail. */
  name: string;
  fields: Record<string, unknown>;
  exec: ExecData;
  /** Slug of the workspace it lives in (for `ignore.workspaces`). */
  workspace?: string;
  /** Keys: disabled already, so `unmanaged.keys: disable` has nothing to do. */
  disabled?: boolean;
}

/** Which `unmanaged:` / `ignore:` entry governs undeclared live objects of a kind. */
export type UnmanagedClass = 'keys' | 'guardrails' | 'workspaces' | 'members';

/**
 * What happens to a live object without a desired counterpart:
 * - `unmanaged`: follow `unmanaged.<class>` (report, ignore, delete, disable);
 * - `remove`: the file manages the complete set it belongs to (e.g. budgets) — remove it;
 * - `skip`: the file does not manage its collection — leave it alone and say nothing.
 */
export type OrphanPolicy = 'unmanaged' | 'remove' | 'skip' | OrphanDecision;

/**
 * An undeclared object the kind knows more about (a key whose creator left the organization):
 * `reason` goes with its listing or its operation; `mode`, when given, is used instead of
 * `unmanaged.<class>` (`ignore:` globs still win).
 */
export interface OrphanDecision {
  mode?: 'report' | 'disable' | 'delete';
  reason: string;
}

export interface OpIndex {
  get(address: string): Operation | undefined;
  ofKind(kind: Kind): readonly Operation[];
}

export interface PlannerKind {
  kind: Kind;
  /** Dependency rank: workspaces 0 → their budgets, members, default guardrail 1 → guardrails 2 → keys 3 → bindings 4. */
  rank: number;
  unmanagedClass?: UnmanagedClass;
  /** Actions that add and remove an object of this kind (bindings assign/unassign, others create/delete). */
  addAction: Extract<Action, 'create' | 'assign' | 'update'>;
  removeAction: Extract<Action, 'delete' | 'unassign'> | undefined;
  /** Field order for display; also the set of comparable fields. */
  fields: readonly string[];
  /** Shown under a deletion, when not every field is worth reading there (default: `fields`). */
  shownOnRemoval?: readonly string[];
  /** Changing one of these needs a replacement (new object). */
  immutable: readonly string[];
  /** Values the API gives a field when it is not set: left out of `after`, shown when removed. */
  defaults: Readonly<Record<string, unknown>>;
  /** A changed binding is re-assigned rather than updated. */
  changeAction?: Extract<Action, 'assign'>;
  desired(ctx: PlanContext): DesiredObject[];
  live(ctx: PlanContext): LiveObject[];
  /** For a live object that the file does not declare. */
  orphan(obj: LiveObject, ctx: PlanContext): OrphanPolicy;
  /**
   * A live object that does not exist yet but has API defaults (a workspace's default guardrail
   * before it is first configured): compared as if it existed with these values.
   */
  implicitLive?(desired: DesiredObject, ctx: PlanContext): LiveObject | undefined;
  /** Addresses of the operations that must finish before `op`. */
  dependsOn(op: Operation, index: OpIndex, ctx: PlanContext): string[];
  /** Drop `op` when the operation at the returned address creates or replaces what it would do. */
  supersededBy?(op: Operation): string | undefined;
  /** An API rule the plan would break; the returned reason blocks the operation. */
  preflight?(op: Operation, index: OpIndex, ctx: PlanContext): string | undefined;
  /** Two live objects with a declared identity are an error (never a guess). */
  uniqueIdentity?: boolean;
  /**
   * How a field's value is shown in plans, when that differs from how it is compared (model lists:
   * compared canonical, shown as the file spells them). Identity when omitted.
   */
  display?(field: string, value: unknown, ctx: PlanContext): unknown;
  /** Whether the operation widens access or spend, narrows it, or neither (core/effect.ts). */
  effect(op: Operation): Effect;
  /** Consequences worth a warning that no single operation says (e.g. a policy forcing replacements). */
  warnings?(ops: readonly Operation[], ctx: PlanContext): string[];
  /** A last look at this kind's operations (e.g. resuming interrupted key creations). */
  finalize?(ops: Operation[], ctx: PlanContext): Operation[];
  /**
   * Addresses of oradmin's own live objects of this kind that `live` leaves out (a key's
   * predecessor): `--target` may name them, and nothing plans, reports or counts them otherwise.
   */
  ownAddresses?(ctx: PlanContext): string[];
  /** Own objects on their way out on schedule (predecessors inside their overlap): listed, no change. */
  retiring?(ops: readonly Operation[], ctx: PlanContext): RetiringObject[];
}

