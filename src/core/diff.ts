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
  const fields = [...order.filter((f) => f in desired), ...Object.keys(desired).filter((f) => !order.includes(f)).sort()];
  for (const field of fields) {
    const before = live[field] ?? null;
    const after = desired[field] ?? null;
    if (deepDiff.diff(before, after)?.length) changes.push({ field, before, after });
  }
  return changes;
}
