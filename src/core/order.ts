// Ordering a plan: a topological sort of the dependency edges, ties broken by a stable key, so that
// two plans of the same inputs are byte-identical (STYLE.md: sort once, inside the plan).
// Destructive operations (delete, disable, unassign) come after everything else unless an edge pulls
// them forward, and among themselves in reverse rank: bindings, then keys, … then workspaces.
import { DESTRUCTIVE, KINDS, type Operation } from './types.js';

export function sortOperations(ops: readonly Operation[], rankOf: (op: Operation) => number): Operation[] {
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  const indegree = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const op of ops) {
    const deps = op.dependsOn.filter((d) => byAddress.has(d) && d !== op.address);
    indegree.set(op.address, deps.length);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), op.address]);
  }
  const key = (op: Operation): [number, number, number, string] => {
    const destructive = DESTRUCTIVE.has(op.action);
    return [destructive ? 1 : 0, destructive ? -rankOf(op) : rankOf(op), KINDS.indexOf(op.kind), op.address];
  };
  const compare = (a: Operation, b: Operation) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
    return ka[3] < kb[3] ? -1 : ka[3] > kb[3] ? 1 : 0;
  };
  // Plans are small (thousands of operations); a sorted ready list is simple and fast enough.
  const ready = ops.filter((o) => indegree.get(o.address) === 0).sort(compare);
  const out: Operation[] = [];
  while (ready.length > 0) {
    const op = ready.shift()!;
    out.push(op);
    for (const next of dependents.get(op.address) ?? []) {
      const n = indegree.get(next)! - 1;
      indegree.set(next, n);
      if (n === 0) insertSorted(ready, byAddress.get(next)!, compare);
    }
  }
  if (out.length !== ops.length) {
    const stuck = ops.filter((o) => !out.includes(o)).map((o) => o.address);
    throw new Error(`dependency cycle among ${stuck.join(', ')}`);
  }
  return out;
}

function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
