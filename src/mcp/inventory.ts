// Every key, guardrail and workspace that the file declares or the organization holds, each with its
// declaration (value and file:line:col), its live object(s), the plan's operations that concern it
// and whether the plan reports it unmanaged. Built from what `plan` read and computed — no request
// of its own — for the explain and list tools.
import type { SourcePosition } from '../config/source.js';
import { DEFAULT_WORKSPACE, type GuardrailDecl, type KeyDecl, type WorkspaceDecl } from '../config/schema.js';
import { address } from '../core/address.js';
import type { LiveGuardrail, LiveKey, LiveWorkspace } from '../core/live.js';
import { operationJson, type OperationJson } from '../core/plan-json.js';
import { isOradminKeyName } from '../resources/key-predecessor.js';
import { buildStatus, type KeyStatus } from '../status/report.js';
import type { Planned } from './host.js';

export interface Entry<D, L> {
  address: string;
  workspace: string;
  name: string;
  declared?: { value: D; at: SourcePosition };
  /** More than one is an error the plan names (two live objects with one identity). */
  live: L[];
  pending: OperationJson[];
  unmanaged: boolean;
}

export type KeyEntry = Entry<KeyDecl, LiveKey> & { status: KeyStatus[] };
export type GuardrailEntry = Entry<GuardrailDecl, LiveGuardrail>;
export type WorkspaceEntry = Entry<WorkspaceDecl, LiveWorkspace>;

export interface Inventory {
  keys: KeyEntry[];
  guardrails: GuardrailEntry[];
  workspaces: WorkspaceEntry[];
  slugOf(workspaceId: string | null | undefined): string;
  emailOf(userId: string): string;
}

export function buildInventory(planned: Planned, now: Date): Inventory {
  const { loaded, live, plan } = planned;
  const config = loaded.config;
  const slugs = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const slugOf = (id: string | null | undefined) => (id ? (slugs.get(id) ?? `unknown-workspace-${id}`) : DEFAULT_WORKSPACE);
  const emails = new Map(live.orgMembers.map((m) => [m.id, m.email]));
  const emailOf = (id: string) => emails.get(id) ?? id;
  const unmanaged = new Set(plan.unmanaged.map((u) => u.address));
  // Indexed once: an organization of 10,000 keys has as many entries and possibly as many operations.
  const ops = plan.operations.map(operationJson);
  const byAddress = new Map<string, number[]>();
  const byParent = new Map<string, number[]>();
  ops.forEach((o, i) => {
    push(byAddress, o.address, i);
    push(byParent, o.address.slice(0, o.address.lastIndexOf('/') + 1), i);
  });
  // Operations on these addresses and on the members, budgets… directly under these prefixes, in plan order.
  const concerning = (exact: string[], prefixes: string[]) =>
    [...exact.flatMap((a) => byAddress.get(a) ?? []), ...prefixes.flatMap((p) => byParent.get(p) ?? [])].sort((a, b) => a - b).map((i) => ops[i]!);
  // Only the per-key part of the report is used; explain and list read no credits.
  const report = buildStatus({ live, credits: { total_credits: 0, total_usage: 0 }, now, file: { path: loaded.files[0] ?? '' } });
  const statusByHash = new Map(report.workspaces.flatMap((w) => w.keys.map((k) => [k.hash, k] as const)));
  const defaultGuardrails = new Set(live.workspaces.map((w) => w.default_guardrail_id));

  const keys = collect<KeyDecl, LiveKey>(
    (config.keys ?? []).map((value, i) => ({ value, workspace: value.workspace ?? DEFAULT_WORKSPACE, name: value.name, path: ['keys', i] })),
    live.keys.filter((k) => !isOradminKeyName(k.name)).map((k) => ({ live: k, workspace: slugOf(k.workspace_id), name: k.name })),
    address.key,
    loaded.locate,
  ).map((e) => ({
    ...e,
    pending: concerning([e.address, address.keyGuardrail(e.workspace, e.name)], []),
    unmanaged: unmanaged.has(e.address),
    status: e.live.flatMap((k) => statusByHash.get(k.hash) ?? []),
  }));

  const guardrails = collect<GuardrailDecl, LiveGuardrail>(
    (config.guardrails ?? []).map((value, i) => ({ value, workspace: value.workspace ?? DEFAULT_WORKSPACE, name: value.name, path: ['guardrails', i] })),
    live.guardrails.filter((g) => !defaultGuardrails.has(g.id)).map((g) => ({ live: g, workspace: slugOf(g.workspace_id), name: g.name })),
    address.guardrail,
    loaded.locate,
  ).map((e) => ({
    ...e,
    pending: concerning([e.address], [`guardrail_member.${e.workspace}/${e.name}/`]),
    unmanaged: unmanaged.has(e.address),
  }));

  const workspaces = collect<WorkspaceDecl, LiveWorkspace>(
    (config.workspaces ?? []).map((value, i) => ({ value, workspace: value.slug, name: value.slug, path: ['workspaces', i] })),
    live.workspaces.map((w) => ({ live: w, workspace: w.slug, name: w.slug })),
    (slug) => address.workspace(slug),
    loaded.locate,
  ).map((e) => ({
    ...e,
    pending: concerning([e.address, address.defaultGuardrail(e.workspace)], [`workspace_budget.${e.workspace}/`, `workspace_member.${e.workspace}/`]),
    unmanaged: unmanaged.has(e.address),
  }));

  return { keys, guardrails, workspaces, slugOf, emailOf };
}

function collect<D, L>(
  declared: { value: D; workspace: string; name: string; path: (string | number)[] }[],
  live: { live: L; workspace: string; name: string }[],
  addressOf: (workspace: string, name: string) => string,
  locate: Planned['loaded']['locate'],
): Entry<D, L>[] {
  const byAddress = new Map<string, Entry<D, L>>();
  const entry = (workspace: string, name: string) => {
    const addr = addressOf(workspace, name);
    let e = byAddress.get(addr);
    if (!e) {
      e = { address: addr, workspace, name, live: [], pending: [], unmanaged: false };
      byAddress.set(addr, e);
    }
    return e;
  };
  for (const d of declared) {
    const e = entry(d.workspace, d.name);
    // A duplicate declaration is a validation error; the first one stands here.
    e.declared ??= { value: d.value, at: locate(d.path) };
  }
  for (const l of live) entry(l.workspace, l.name).live.push(l.live);
  return [...byAddress.values()].sort((a, b) => compare(a.workspace, b.workspace) || compare(a.name, b.name));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
