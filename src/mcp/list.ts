// list_objects: the keys, guardrails, workspaces or organization members, one row each, from one
// plan's reads, narrowed by simple filters. Rows say where each object is declared (or that it is
// not), whether it is live and what the plan would do to it.
import { globToRegExp } from '../core/normalize.js';
import type { KeyFlag } from '../status/report.js';
import type { Planned } from './host.js';
import { buildInventory, type Entry } from './inventory.js';
import { liveBudgets, position } from './views.js';

export const LIST_KINDS = ['key', 'guardrail', 'workspace', 'member'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_STATES = ['declared', 'undeclared', 'missing', 'pending', 'unmanaged'] as const;
export type ListState = (typeof LIST_STATES)[number];

export interface ListFilters {
  kind: ListKind;
  workspace?: string;
  name?: string;
  state?: ListState;
  flag?: KeyFlag;
  maxResults: number;
}

export function listObjects(planned: Planned, f: ListFilters, now: Date): Record<string, unknown> {
  const inv = buildInventory(planned, now);
  const nameMatches = f.name ? globToRegExp(f.name) : undefined;
  const keep = (e: Entry<unknown, unknown>) =>
    (f.workspace === undefined || e.workspace === f.workspace) &&
    (!nameMatches || nameMatches.test(e.name)) &&
    (f.state === undefined || inState(e, f.state));
  const base = (e: Entry<unknown, unknown>) => ({
    address: e.address,
    workspace: e.workspace,
    name: e.name,
    declared_at: e.declared ? position(e.declared.at) : null,
    live: e.live.length > 0,
    pending: e.pending.map((o) => `${o.action} ${o.address}`),
    unmanaged: e.unmanaged,
  });
  let rows: Record<string, unknown>[];
  switch (f.kind) {
    case 'key':
      rows = inv.keys
        .filter(keep)
        .filter((k) => !f.flag || k.status.some((s) => s.flags.includes(f.flag!)))
        .map((k) => {
          const s = k.status[0];
          return {
            ...base(k),
            hash: k.live[0]?.hash ?? null,
            disabled: s?.disabled ?? k.declared?.value.disabled ?? false,
            limit: s ? s.limit : (k.declared?.value.limit ?? null),
            limit_reset: s ? s.limit_reset : (k.declared?.value.limit_reset ?? null),
            usage: s?.usage ?? null,
            used_fraction: s?.used_fraction ?? null,
            expires_at: s ? s.expires_at : (k.declared?.value.expires_at ?? null),
            guardrail: s ? s.guardrail : (k.declared?.value.guardrail ?? null),
            flags: s?.flags ?? [],
          };
        });
      break;
    case 'guardrail': {
      const live = planned.live;
      const keysOf = countBy(live.keyAssignments.map((a) => a.guardrail_id));
      const membersOf = countBy(live.memberAssignments.map((a) => a.guardrail_id));
      rows = inv.guardrails.filter(keep).map((g) => {
        const l = g.live[0];
        return {
          ...base(g),
          id: l?.id ?? null,
          limit_usd: l ? (l.limit_usd ?? null) : (g.declared?.value.limit_usd ?? null),
          reset_interval: l ? (l.reset_interval ?? null) : (g.declared?.value.reset_interval ?? null),
          keys: g.live.reduce((n, x) => n + (keysOf.get(x.id) ?? 0), 0),
          members: g.live.reduce((n, x) => n + (membersOf.get(x.id) ?? 0), 0),
        };
      });
      break;
    }
    case 'workspace': {
      const live = planned.live;
      const membersOf = countBy(live.workspaceMembers.map((m) => m.workspace_id));
      const keysOf = countBy(live.keys.map((k) => k.workspace_id));
      rows = inv.workspaces.filter(keep).map((w) => {
        const l = w.live[0];
        return {
          ...base(w),
          id: l?.id ?? null,
          display_name: l?.name ?? w.declared?.value.name ?? null,
          budgets: l ? liveBudgets(l, live) : (w.declared?.value.budgets ?? {}),
          members: l ? (membersOf.get(l.id) ?? 0) : (w.declared?.value.members?.length ?? 0),
          keys: l ? (keysOf.get(l.id) ?? 0) : 0,
        };
      });
      break;
    }
    case 'member': {
      const live = planned.live;
      const guardrailsById = new Map(live.guardrails.map((g) => [g.id, g]));
      const workspacesOf = new Map<string, string[]>();
      for (const wm of live.workspaceMembers) listOf(workspacesOf, wm.user_id).push(inv.slugOf(wm.workspace_id));
      const guardrailsOf = new Map<string, string[]>();
      for (const a of live.memberAssignments) {
        const g = guardrailsById.get(a.guardrail_id);
        listOf(guardrailsOf, a.user_id).push(g ? `guardrail.${inv.slugOf(g.workspace_id)}/${g.name}` : a.guardrail_id);
      }
      rows = live.orgMembers
        .map((m) => ({
          email: m.email,
          user_id: m.id,
          role: m.role,
          workspaces: [...(workspacesOf.get(m.id) ?? [])].sort(),
          guardrails: [...(guardrailsOf.get(m.id) ?? [])].sort(),
        }))
        .filter((m) => (f.workspace === undefined || m.workspaces.includes(f.workspace)) && (!nameMatches || nameMatches.test(m.email)))
        .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      break;
    }
  }
  return { kind: f.kind, total: rows.length, returned: Math.min(rows.length, f.maxResults), truncated: rows.length > f.maxResults, rows: rows.slice(0, f.maxResults) };
}

function listOf(map: Map<string, string[]>, key: string): string[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function countBy(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function inState(e: Entry<unknown, unknown>, state: ListState): boolean {
  switch (state) {
    case 'declared':
      return e.declared !== undefined;
    case 'undeclared':
      return e.declared === undefined;
    case 'missing':
      return e.live.length === 0;
    case 'pending':
      return e.pending.length > 0;
    case 'unmanaged':
      return e.unmanaged;
  }
}
