// Guards against a plan that removes too much (octoDNS's Plan.raise_if_unsafe, peribolos's removal
// delta): apply refuses without --force, and the plan says why.
import type { Kind, Operation, Safety } from './types.js';

export const DEFAULT_MAX_DELETES = 10;
export const DEFAULT_MAX_CHANGE_FRACTION = 0.3;
/** The fraction rule only applies to kinds with at least this many live objects. */
export const FRACTION_MIN_OBJECTS = 10;

/** Removals of something the user had: objects, and bindings (a member taken off a guardrail). */
const REMOVING = new Set(['delete', 'disable', 'replace', 'unassign']);

export function assessSafety(
  ops: readonly Operation[],
  liveCounts: ReadonlyMap<Kind, number>,
  settings: { max_deletes?: number; max_change_fraction?: number } | undefined,
): Safety {
  const maxDeletes = settings?.max_deletes ?? DEFAULT_MAX_DELETES;
  const maxFraction = settings?.max_change_fraction ?? DEFAULT_MAX_CHANGE_FRACTION;
  // Cleaning up oradmin's own leftovers is not a removal of anything the user had.
  const removing = ops.filter((o) => REMOVING.has(o.action) && !o.exec.cleanup);
  const reasons: string[] = [];
  if (removing.length > maxDeletes) {
    reasons.push(
      `${removing.length} deletions, disables, replacements and unbindings exceed safety.max_deletes (${maxDeletes})`,
    );
  }
  const perKind = new Map<Kind, number>();
  for (const o of removing) perKind.set(o.kind, (perKind.get(o.kind) ?? 0) + 1);
  for (const [kind, n] of [...perKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const existing = liveCounts.get(kind) ?? 0;
    if (existing >= FRACTION_MIN_OBJECTS && n / existing > maxFraction) {
      reasons.push(
        `${n} of ${existing} existing ${kind} objects (${Math.round((n / existing) * 100)}%) would be deleted, disabled, replaced or unbound, ` +
          `above safety.max_change_fraction (${maxFraction})`,
      );
    }
  }
  return { ok: reasons.length === 0, reasons };
}
