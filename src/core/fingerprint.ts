// A digest of the live organization as the planner sees it — normalized, managed fields only — so
// that a saved plan can tell whether the organization changed since it was made. Usage counters and
// timestamps are not among the compared fields, so their drift does not make a plan stale.
import { createHash } from 'node:crypto';
import type { PlanContext } from './context.js';
import type { PlannerKind } from './kind.js';
import { canonicalJson } from './normalize.js';

export function liveFingerprint(ctx: PlanContext, kinds: readonly PlannerKind[]): string {
  const objects = kinds.flatMap((rk) =>
    rk.live(ctx).map((l) => ({ address: l.address, id: l.id, fields: l.fields })),
  ).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.id < b.id ? -1 : 1));
  return `sha256:${createHash('sha256').update(canonicalJson(objects)).digest('hex')}`;
}
