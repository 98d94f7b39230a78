// Addresses → API ids for the executor: known objects come from the live state; objects created
// during apply are added as they are created, so later operations (a key in a new workspace, a
// member bound to a new guardrail) find them.
import { address } from '../core/address.js';
import type { LiveState } from '../core/live.js';
import { OradminError } from '../errors.js';
import type { IdRegistry } from '../resources/types.js';

export function idRegistryFrom(live: LiveState): IdRegistry {
  const ids = new Map<string, string>();
  const slugById = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const defaults = new Set<string>();
  for (const w of live.workspaces) {
    ids.set(address.workspace(w.slug), w.id);
    ids.set(address.defaultGuardrail(w.slug), w.default_guardrail_id);
    defaults.add(w.default_guardrail_id);
  }
  for (const g of live.guardrails) {
    if (defaults.has(g.id)) continue;
    ids.set(address.guardrail(slugById.get(g.workspace_id ?? '') ?? 'default', g.name), g.id);
  }
  for (const k of live.keys) ids.set(address.key(slugById.get(k.workspace_id) ?? 'default', k.name), k.hash);
  return {
    get: (a) => ids.get(a),
    require: (a) => {
      const id = ids.get(a);
      if (id === undefined) throw new OradminError(`${a} does not exist (it was neither read nor created by this apply)`);
      return id;
    },
    set: (a, id) => {
      ids.set(a, id);
    },
  };
}
