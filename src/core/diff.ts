// Field-level comparison of a desired object with its live counterpart. Both sides are already
// normalized by their resource kind; deep-diff tells whether a (possibly nested) field differs and
// the change is reported for the whole top-level field, which is what a reviewer reads.
import deepDiff from 'deep-diff';
import type { FieldChange } from './types.js';

export function fieldChanges(
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
  order: readonly string[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  let seen = 0;
  for (const field of order) {
    if (!(field in desired)) continue;
    seen++;
    compare(field, desired, live, changes);
  }
  // Fields outside the kind's order (rare) follow, sorted. Counted without Object.keys: this runs
  // once per declared object, and its array would be garbage at once.
  let fields = 0;
  for (const _ in desired) fields++;
  if (seen < fields) {
    for (const field of Object.keys(desired).filter((f) => !order.includes(f)).sort()) compare(field, desired, live, changes);
  }
  return changes;
}

function compare(field: string, desired: Record<string, unknown>, live: Record<string, unknown>, changes: FieldChange[]): void {
  const before = live[field] ?? null;
  const after = desired[field] ?? null;
  // Most fields are equal scalars: deep-diff would say the same, after allocating.
  if (before === after) return;
  if (deepDiff.diff(before, after)?.length) changes.push({ field, before, after });
}
