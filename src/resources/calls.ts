// Small helpers the resource kinds share to carry out their operations through the one client.
import { pathOf } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Operation } from '../core/types.js';
import type { ExecContext } from './types.js';

export { pathOf };

/** The desired values of the fields an update changes (as compared, not as the plan shows them). */
export function changedFields(op: Operation): Record<string, unknown> {
  const desired = (op.exec.fields ?? {}) as Record<string, unknown>;
  return Object.fromEntries((op.changes ?? []).map((c) => [c.field, c.field in desired ? desired[c.field] : c.after]));
}

/**
 * DELETE, where "already gone" is success: a retried DELETE whose first attempt committed answers
 * 404, and the object is gone either way.
 */
export async function deleteObject(ctx: ExecContext, op: Operation, operation: string, path: string): Promise<void> {
  try {
    await ctx.client.request({ operation, method: 'DELETE', path, address: op.address });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return;
    throw err;
  }
}

/** One batch's operations all share the same target (batchKey); take it from the first. */
export function first(ops: readonly Operation[]): Operation {
  const op = ops[0];
  if (!op) throw new Error('empty batch');
  return op;
}
