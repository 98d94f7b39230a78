// Runs a plan's operations: in plan order, independent ones concurrently, bulk-capable ones grouped
// into calls of at most 100, and destructive ones (delete, disable, unassign) only once every
// constructive operation before them has finished — so a failure part-way leaves nothing deleted
// that a later step depended on. On the first failure nothing new starts; running operations
// finish; the report says exactly what was done, what failed and what was not started.
import { DESTRUCTIVE, type Operation } from '../core/types.js';
import { resourceKind } from '../resources/registry.js';
import type { ExecContext } from '../resources/types.js';
import { BULK_LIMIT } from '../api/bulk.js';

export const DEFAULT_EXEC_CONCURRENCY = 8;

export type ExecEvent =
  | { type: 'start'; ops: readonly Operation[] }
  | { type: 'done'; ops: readonly Operation[]; ms: number }
  | { type: 'failed'; ops: readonly Operation[]; ms: number; error: Error };

export interface ExecReport {
  done: Operation[];
  failed: { op: Operation; error: Error }[];
  notStarted: Operation[];
}

export async function executePlan(
  ops: readonly Operation[],
  ctx: ExecContext,
  opts: {
    concurrency?: number;
    onEvent?: (e: ExecEvent) => void;
    now?: () => number;
    /** Checked before each start: true stops starting operations, as after a failure (a lost lease). */
    shouldStop?: () => boolean;
  } = {},
): Promise<ExecReport> {
  const concurrency = opts.concurrency ?? DEFAULT_EXEC_CONCURRENCY;
  const now = opts.now ?? (() => performance.now());
  const position = new Map(ops.map((o, i) => [o, i]));
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  const waitingOn = new Map<Operation, number>();
  const dependents = new Map<Operation, Operation[]>();
  for (const op of ops) {
    const deps = op.dependsOn.map((a) => byAddress.get(a)).filter((d): d is Operation => d !== undefined && d !== op);
    waitingOn.set(op, deps.length);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), op]);
  }
  // Plan positions of constructive operations, ascending; the first unfinished one is the barrier
  // for destructive ones (amortized O(1): the pointer only moves forward).
  const constructive = ops.flatMap((o, i) => (DESTRUCTIVE.has(o.action) ? [] : [i]));
  const finishedPositions = new Set<number>();
  let barrierAt = 0;
  const ready: Operation[] = ops.filter((o) => waitingOn.get(o) === 0);
  const report: ExecReport = { done: [], failed: [], notStarted: [] };
  const started = new Set<Operation>();
  const running = new Set<Promise<void>>();
  let stopping = false;

  const groupOf = (op: Operation): string | undefined => {
    const key = resourceKind(op.kind).batchKey?.(op);
    return key === undefined ? undefined : `${op.kind}\u0000${op.action}\u0000${key}`;
  };
  const lowestOpen = () => {
    while (barrierAt < constructive.length && finishedPositions.has(constructive[barrierAt]!)) barrierAt++;
    return barrierAt < constructive.length ? constructive[barrierAt]! : Infinity;
  };

  const takeBatch = (): Operation[] | undefined => {
    const barrier = lowestOpen();
    const at = ready.findIndex((o) => !DESTRUCTIVE.has(o.action) || position.get(o)! < barrier);
    if (at < 0) return undefined;
    const head = ready[at]!;
    const group = groupOf(head);
    const batch = [head];
    if (group !== undefined) {
      for (const o of ready) {
        if (batch.length >= BULK_LIMIT) break;
        if (o !== head && groupOf(o) === group && (!DESTRUCTIVE.has(o.action) || position.get(o)! < barrier)) batch.push(o);
      }
    }
    const taken = new Set(batch);
    for (let i = ready.length - 1; i >= 0; i--) if (taken.has(ready[i]!)) ready.splice(i, 1);
    return batch;
  };

  const finish = (batch: Operation[], error: Error | undefined, started: number) => {
    const ms = now() - started;
    if (error) {
      stopping = true;
      for (const op of batch) report.failed.push({ op, error });
      opts.onEvent?.({ type: 'failed', ops: batch, ms, error });
      return;
    }
    for (const op of batch) {
      report.done.push(op);
      finishedPositions.add(position.get(op)!);
      for (const next of dependents.get(op) ?? []) {
        const n = waitingOn.get(next)! - 1;
        waitingOn.set(next, n);
        if (n === 0) insertByPosition(ready, next, position);
      }
    }
    opts.onEvent?.({ type: 'done', ops: batch, ms });
  };

  for (;;) {
    while (!stopping && !opts.shouldStop?.() && running.size < concurrency) {
      const batch = takeBatch();
      if (!batch) break;
      for (const op of batch) started.add(op);
      opts.onEvent?.({ type: 'start', ops: batch });
      const t0 = now();
      const p: Promise<void> = resourceKind(batch[0]!.kind)
        .execute(batch, ctx)
        .then(
          () => finish(batch, undefined, t0),
          (err: unknown) => finish(batch, err instanceof Error ? err : new Error(String(err)), t0),
        )
        .finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  report.notStarted = ops.filter((o) => !started.has(o));
  return report;
}

function insertByPosition(list: Operation[], op: Operation, position: Map<Operation, number>): void {
  const p = position.get(op)!;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (position.get(list[mid]!)! < p) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, op);
}
