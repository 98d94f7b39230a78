// The live objects an export starts from: every resource kind's own mapping of the live state to
// the file's shape (resources/*.live), so that export writes exactly what the planner compares,
// narrowed to the exported workspaces and put in the file's order.
import { DEFAULT_WORKSPACE, type PlanContext } from '../core/context.js';
import type { Kind } from '../core/types.js';
import { RESOURCE_KINDS } from '../resources/registry.js';
import type { LiveObject } from '../resources/types.js';

export interface LiveInventory {
  /** Exported workspace slugs, in file order: the default workspace first, then by slug. */
  slugs: string[];
  of(kind: Kind): readonly LiveObject[];
}

export function liveInventory(ctx: PlanContext, only: readonly string[] | undefined): LiveInventory {
  const wanted = (slug: string | undefined) => only === undefined || only.includes(slug ?? DEFAULT_WORKSPACE);
  const slugs = ctx.live.workspaces
    .map((w) => w.slug)
    .filter(wanted)
    .sort((a, b) => (a === DEFAULT_WORKSPACE ? -1 : b === DEFAULT_WORKSPACE ? 1 : compare(a, b)));
  const rankOf = new Map(slugs.map((s, i) => [s, i]));
  const rank = (slug: string | undefined) => rankOf.get(slug ?? DEFAULT_WORKSPACE) ?? slugs.length;
  const byKind = new Map<Kind, LiveObject[]>();
  for (const rk of RESOURCE_KINDS) {
    const objects = rk.live(ctx).filter((o) => wanted(o.workspace));
    // Within a workspace by name, then by address and id so that even duplicates keep one order.
    objects.sort((a, b) => rank(a.workspace) - rank(b.workspace) || compare(a.name, b.name) || compare(a.address, b.address) || compare(a.id, b.id));
    byKind.set(rk.kind, objects);
  }
  return { slugs, of: (kind) => byKind.get(kind) ?? [] };
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
