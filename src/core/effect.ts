// Whether an operation widens access or spend, narrows it, or neither (issue 14): a reviewer looks
// first where the risk is. Each resource kind classifies its own operations (PlannerKind.effect)
// with the helpers here; what cannot be shown to narrow counts as widening when in doubt.
import type { Effect, FieldChange, Operation } from './types.js';

/** A spending limit: null is no limit at all, the widest. */
export function limitWidens(before: unknown, after: unknown): boolean {
  if (after === null || after === undefined) return before !== null && before !== undefined;
  if (before === null || before === undefined) return false;
  return typeof after === 'number' && typeof before === 'number' && after > before;
}

/**
 * How often a limit resets: more often lets more through in the same time (daily > weekly >
 * monthly > never, for the same limit).
 */
const RESETS_PER_YEAR: Record<string, number> = { daily: 365, weekly: 52, monthly: 12 };
export function resetWidens(before: unknown, after: unknown): boolean {
  const rate = (v: unknown) => (typeof v === 'string' ? (RESETS_PER_YEAR[v] ?? 0) : 0);
  return rate(after) > rate(before);
}

/**
 * An allow-list: null is "everything allowed". Widens when it becomes null or gains an entry.
 */
export function allowListWidens(before: unknown, after: unknown): boolean {
  const b = asList(before);
  const a = asList(after);
  if (a === null) return b !== null;
  if (b === null) return false;
  return a.some((x) => !b.includes(x));
}

/** A deny-list (ignored providers or models): widens when it loses an entry. */
export function denyListWidens(before: unknown, after: unknown): boolean {
  const b = asList(before) ?? [];
  const a = asList(after) ?? [];
  return b.some((x) => !a.includes(x));
}

/** A protection that is on when true (zero data retention): widens when it is turned off. */
export function protectionWidens(before: unknown, after: unknown): boolean {
  return before === true && after !== true;
}

/** A permission that is granted when true (training on data, publication): widens when granted. */
export function permissionWidens(before: unknown, after: unknown): boolean {
  return after === true && before !== true;
}

/** A date after which access ends: widens when removed or moved later. */
export function expiryWidens(before: unknown, after: unknown): boolean {
  if (after === null || after === undefined) return before !== null && before !== undefined;
  if (before === null || before === undefined) return false;
  return Date.parse(String(after)) > Date.parse(String(before));
}

/**
 * Classifies an update by its field changes: `widens` if any change widens, `narrows` if any of the
 * rest is a security- or spend-relevant field that changed, `neutral` otherwise (a description).
 */
export function effectOfChanges(
  changes: readonly FieldChange[] | undefined,
  rules: Readonly<Record<string, (before: unknown, after: unknown) => boolean>>,
): Effect {
  let relevant = false;
  for (const c of changes ?? []) {
    const widens = rules[c.field];
    if (!widens) continue;
    if (widens(c.before, c.after)) return 'widens';
    relevant = true;
  }
  return relevant ? 'narrows' : 'neutral';
}

/** The addresses of the widening operations, in plan order: what a reviewer reads first. */
export function wideningOperations(ops: readonly Operation[]): Operation[] {
  return ops.filter((o) => o.effect === 'widens');
}

function asList(v: unknown): unknown[] | null {
  return Array.isArray(v) && v.length > 0 ? v : null;
}
