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
      rows = inv.guardrails.filter(keep).map((g) => {
        const ids = new Set(g.live.map((x) => x.id));
        const l = g.live[0];
        return {
          ...base(g),
          id: l?.id ?? null,
          limit_usd: l ? (l.limit_usd ?? null) : (g.declared?.value.limit_usd ?? null),
          reset_interval: l ? (l.reset_interval ?? null) : (g.declared?.value.reset_interval ?? null),
          keys: live.keyAssignments.filter((a) => ids.has(a.guardrail_id)).length,
          members: live.memberAssignments.filter((a) => ids.has(a.guardrail_id)).length,
        };
      });
      break;
    }
    case 'workspace': {
      const live = planned.live;
      rows = inv.workspaces.filter(keep).map((w) => {
        const l = w.live[0];
        return {
          ...base(w),
          id: l?.id ?? null,
          display_name: l?.name ?? w.declared?.value.name ?? null,
          budgets: l ? liveBudgets(l, live) : (w.declared?.value.budgets ?? {}),
          members: l ? live.workspaceMembers.filter((m) => m.workspace_id === l.id).length : (w.declared?.value.members?.length ?? 0),
          keys: l ? live.keys.filter((k) => k.workspace_id === l.id).length : 0,
        };
      });
      break;
    }
    case 'member': {
      const live = planned.live;
      const guardrailsById = new Map(live.guardrails.map((g) => [g.id, g]));
      rows = live.orgMembers
        .map((m) => ({
          email: m.email,
          user_id: m.id,
          role: m.role,
          workspaces: live.workspaceMembers.filter((wm) => wm.user_id === m.id).map((wm) => inv.slugOf(wm.workspace_id)).sort(),
          guardrails: live.memberAssignments
            .filter((a) => a.user_id === m.id)
            .map((a) => {
              const g = guardrailsById.get(a.guardrail_id);
              return g ? `guardrail.${inv.slugOf(g.workspace_id)}/${g.name}` : a.guardrail_id;
            })
            .sort(),
        }))
        .filter((m) => (f.workspace === undefined || m.workspaces.includes(f.workspace)) && (!nameMatches || nameMatches.test(m.email)))
        .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
      break;
    }
  }
  return { kind: f.kind, total: rows.length, returned: Math.min(rows.length, f.maxResults), truncated: rows.length > f.maxResults, rows: rows.slice(0, f.maxResults) };
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
