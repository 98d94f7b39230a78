// A resource kind: what the planner needs (core/kind.ts) plus how to carry out its operations.
// Adding a kind is one module plus one registry line.
import type { Operation } from '../core/types.js';
import type { PlannerKind } from '../core/kind.js';
import type { Requester } from '../api/client.js';

export type { DesiredObject, LiveObject, OpIndex, OrphanPolicy, PlannerKind, UnmanagedClass } from '../core/kind.js';

export interface ResourceKind extends PlannerKind {
  /** Operations with the same key may be done by one bulk call (at most 100 per call). */
  batchKey?(op: Operation): string | undefined;
  /** Carries out one operation, or one batch of operations sharing a batch key. */
  execute(ops: readonly Operation[], ctx: ExecContext): Promise<void>;
}


/** API identifiers by address: read from the live state, completed as apply creates objects. */
export interface IdRegistry {
  get(address: string): string | undefined;
  /** The id, or an error naming the address (a dependency that was not created). */
  require(address: string): string;
  set(address: string, id: string): void;
}

/** The key-creation protocol (apply/key-creation.ts), for create, replace and rotate of keys. */
export interface KeyCreator {
  create(op: Operation): Promise<void>;
  rotate(op: Operation): Promise<void>;
}

export interface ExecContext {
  client: Requester;
  ids: IdRegistry;
  keys: KeyCreator;
}
