// A declared key's lifecycle as the file means it: its rotation with defaults.key.rotation filled
// in field by field (`rotation: null` on the key turns the default off), and its relative expiry.
// Shared by the rules, the policy, the planner and status, so that all of them read the file alike.
import { parseLifecycleDuration } from '../duration.js';
import type { FileConfig, KeyDecl, RotationDecl } from './schema.js';

export type RetireMode = 'delete' | 'disable';

export interface KeyRotation {
  everyMs: number;
  overlapMs: number;
  retire: RetireMode;
  /** As written (for messages): "30d", "2d", 0. */
  every: string;
  overlap: string | number;
  /** Where each field was declared: the key's own rotation, or defaults.key.rotation. */
  from: { every: 'key' | 'defaults'; overlap: 'key' | 'defaults' };
}

/**
 * The rotation of a declared key, when it has one and it is complete (every and overlap known and
 * valid); rules.ts reports incomplete ones. undefined: the key does not rotate.
 */
export function keyRotation(k: KeyDecl, config: FileConfig): KeyRotation | undefined {
  const merged = mergedRotation(k, config);
  if (!merged) return undefined;
  const everyMs = merged.every === undefined ? undefined : parseLifecycleDuration(merged.every);
  const overlapMs = merged.overlap === undefined ? undefined : parseLifecycleDuration(merged.overlap);
  if (everyMs === undefined || overlapMs === undefined || everyMs <= 0) return undefined;
  return {
    everyMs,
    overlapMs,
    retire: merged.retire ?? 'delete',
    every: merged.every!,
    overlap: merged.overlap!,
    from: { every: k.rotation?.every !== undefined ? 'key' : 'defaults', overlap: k.rotation?.overlap !== undefined ? 'key' : 'defaults' },
  };
}

/** The rotation fields a key ends up with (its own over defaults.key.rotation), complete or not. */
export function mergedRotation(k: KeyDecl, config: FileConfig): RotationDecl | undefined {
  if (k.absent || k.rotation === null) return undefined;
  const defaults = config.defaults?.key?.rotation;
  if (!k.rotation && !defaults) return undefined;
  return { ...defaults, ...stripUndefined(k.rotation ?? {}) };
}

/** Milliseconds of the key's `expires_in`, when declared. */
export function keyExpiresInMs(k: KeyDecl): number | undefined {
  return k.expires_in === undefined ? undefined : parseLifecycleDuration(k.expires_in);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
