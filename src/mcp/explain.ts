// explain: everything oradmin knows about one object — where the file declares it, what the
// organization holds, what it is bound to, how much of its limit it used and what the plan would do
// to it. Pure: built from one plan's reads. The parts of a workspace (budgets, members, default
// guardrail), of a guardrail (member bindings) and of a key (its guardrail binding) are explained
// through the object they belong to.
import { closest } from '../config/suggest.js';
import { DEFAULT_WORKSPACE } from '../config/schema.js';
import { parseAddress } from '../edit/address.js';
import { isOradminKeyName } from '../resources/key-predecessor.js';
import type { Planned } from './host.js';
import { buildInventory, type Entry, type Inventory } from './inventory.js';
import { liveBudgets, liveGuardrailView, liveKeyView, liveWorkspaceView } from './views.js';

export type Explanation = Record<string, unknown>;

export function explain(addr: string, planned: Planned, now: Date): Explanation | { error: string } {
  const parsed = parseAddress(addr);
  if ('error' in parsed) return parsed;
  const inv = buildInventory(planned, now);
  const asked = (e: Entry<unknown, unknown> | undefined, list: Entry<unknown, unknown>[], what: string) => {
    if (e) return undefined;
    const byName = 'name' in parsed;
    const names = list.filter((x) => !byName || x.workspace === parsed.workspace).map((x) => x.name);
    const guess = closest(byName ? parsed.name : parsed.workspace, names);
    return {
      error:
        `${addr}: no ${what} by that name is declared in the file or exists in the organization` +
        (guess ? `; did you mean "${guess}"?` : names.length > 0 ? ` (known${byName ? ` in workspace "${parsed.workspace}"` : ''}: ${names.slice(0, 20).join(', ')})` : ''),
    };
  };
  switch (parsed.kind) {
    case 'key':
    case 'key_guardrail': {
      const e = inv.keys.find((k) => k.workspace === parsed.workspace && k.name === parsed.name);
      return asked(e, inv.keys, 'key') ?? withFocus(addr, e!.address, explainKey(e!, inv, planned));
    }
    case 'guardrail':
    case 'guardrail_member': {
      const e = inv.guardrails.find((g) => g.workspace === parsed.workspace && g.name === parsed.name);
      return asked(e, inv.guardrails, 'guardrail') ?? withFocus(addr, e!.address, explainGuardrail(e!, inv, planned));
    }
    default: {
      const e = inv.workspaces.find((w) => w.workspace === parsed.workspace);
      return asked(e, inv.workspaces, 'workspace') ?? withFocus(addr, e!.address, explainWorkspace(e!, inv, planned));
    }
  }
}

function withFocus(asked: string, explained: string, body: Explanation): Explanation {
  return asked === explained ? body : { asked, ...body };
}

function declared(e: Entry<unknown, unknown>): Record<string, unknown> | null {
  return e.declared ? { file: e.declared.at.file, line: e.declared.at.line, col: e.declared.at.col, value: e.declared.value } : null;
}

function notes(e: Entry<unknown, unknown>): string[] {
  const out: string[] = [];
  if (!e.declared) out.push('Not declared in the file: apply leaves it alone or removes it as `unmanaged:` says (the plan shows which).');
  if (e.live.length === 0) out.push('Not in the organization: apply would create it.');
  if (e.live.length > 1) out.push(`${e.live.length} live objects share this identity; plan refuses until one is renamed or removed.`);
  return out;
}

function explainKey(e: Inventory['keys'][number], inv: Inventory, planned: Planned): Explanation {
  const guardrailsById = new Map(planned.live.guardrails.map((g) => [g.id, g]));
  const bound = e.live.map((k) => {
    const a = planned.live.keyAssignments.find((x) => x.key_hash === k.hash);
    return a ? (guardrailsById.get(a.guardrail_id)?.name ?? a.guardrail_id) : null;
  });
  return {
    address: e.address,
    kind: 'key',
    declared: declared(e),
    live: e.live.length === 1 ? liveKeyView(e.live[0]!, inv) : e.live.length === 0 ? null : e.live.map((k) => liveKeyView(k, inv)),
    guardrail: { declared: e.declared?.value.guardrail ?? null, live: bound.length === 1 ? bound[0] : bound.length === 0 ? null : bound },
    usage: e.status.length === 1 ? e.status[0] : e.status.length === 0 ? null : e.status,
    pending: e.pending,
    unmanaged: e.unmanaged,
    notes: notes(e),
  };
}

function explainGuardrail(e: Inventory['guardrails'][number], inv: Inventory, planned: Planned): Explanation {
  const live = planned.live;
  const ids = new Set(e.live.map((g) => g.id));
  const keysByHash = new Map(live.keys.map((k) => [k.hash, k]));
  const liveKeys = live.keyAssignments
    .filter((a) => ids.has(a.guardrail_id))
    .map((a) => keysByHash.get(a.key_hash)?.name ?? a.key_name)
    .filter((n) => !isOradminKeyName(n))
    .sort();
  const declaredKeys = (planned.loaded.config.keys ?? [])
    .filter((k) => k.guardrail === e.name && (k.workspace ?? DEFAULT_WORKSPACE) === e.workspace)
    .map((k) => k.name)
    .sort();
  const liveMembers = live.memberAssignments.filter((a) => ids.has(a.guardrail_id)).map((a) => inv.emailOf(a.user_id)).sort();
  return {
    address: e.address,
    kind: 'guardrail',
    declared: declared(e),
    live: e.live.length === 1 ? liveGuardrailView(e.live[0]!, inv) : e.live.length === 0 ? null : e.live.map((g) => liveGuardrailView(g, inv)),
    keys: { declared: declaredKeys, live: liveKeys },
    // null: the file does not manage this guardrail's member bindings (no `members:`).
    members: { declared: e.declared?.value.members ?? null, live: liveMembers },
    pending: e.pending,
    unmanaged: e.unmanaged,
    notes: notes(e),
  };
}

function explainWorkspace(e: Inventory['workspaces'][number], inv: Inventory, planned: Planned): Explanation {
  const live = planned.live;
  const ws = e.live[0];
  const keys = ws ? live.keys.filter((k) => k.workspace_id === ws.id && !isOradminKeyName(k.name)) : [];
  const sum = (f: 'usage_daily' | 'usage_weekly' | 'usage_monthly') => Math.round(keys.reduce((s, k) => s + k[f], 0) * 1e6) / 1e6;
  const dflt = ws ? live.guardrails.find((g) => g.id === ws.default_guardrail_id) : undefined;
  const decl = e.declared?.value;
  return {
    address: e.address,
    kind: 'workspace',
    declared: declared(e),
    live: ws ? liveWorkspaceView(ws, live) : null,
    // null: not managed by the file (no `budgets:` / `members:`), so apply leaves the live ones alone.
    budgets: { declared: decl?.budgets ?? null, live: ws ? liveBudgets(ws, live) : {} },
    members: {
      declared: decl?.members ?? null,
      live: ws ? live.workspaceMembers.filter((m) => m.workspace_id === ws.id).map((m) => ({ member: inv.emailOf(m.user_id), role: m.role })) : [],
    },
    // Read only when the file declares one (it costs a request per workspace otherwise).
    default_guardrail: { declared: decl?.default_guardrail ?? null, live: dflt ? liveGuardrailView(dflt, inv) : null },
    keys: {
      declared: inv.keys.filter((k) => k.workspace === e.workspace && k.declared).length,
      live: keys.length,
      usage: { daily: sum('usage_daily'), weekly: sum('usage_weekly'), monthly: sum('usage_monthly') },
    },
    guardrails: inv.guardrails.filter((g) => g.workspace === e.workspace).map((g) => g.name),
    pending: e.pending,
    unmanaged: e.unmanaged,
    notes: notes(e),
  };
}
