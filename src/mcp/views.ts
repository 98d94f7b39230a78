// What a tool result shows of a live object: named fields only, so that nothing the API adds later
// (or a key's `label`, which is a masked prefix of its secret) reaches a result unreviewed.
import type { LiveGuardrail, LiveKey, LiveState, LiveWorkspace } from '../core/live.js';
import { GUARDRAIL_FIELDS } from '../resources/guardrail-settings.js';
import { WORKSPACE_FIELDS } from '../resources/workspace.js';
import type { Inventory } from './inventory.js';

export function liveKeyView(k: LiveKey, inv: Inventory): Record<string, unknown> {
  return {
    hash: k.hash,
    name: k.name,
    workspace: inv.slugOf(k.workspace_id),
    disabled: k.disabled,
    limit: k.limit,
    limit_remaining: k.limit_remaining,
    limit_reset: k.limit_reset,
    include_byok_in_limit: k.include_byok_in_limit,
    usage: { total: k.usage, daily: k.usage_daily, weekly: k.usage_weekly, monthly: k.usage_monthly },
    byok_usage: { total: k.byok_usage, daily: k.byok_usage_daily, weekly: k.byok_usage_weekly, monthly: k.byok_usage_monthly },
    expires_at: k.expires_at ?? null,
    created_at: k.created_at,
    updated_at: k.updated_at,
    creator: k.creator_user_id ? inv.emailOf(k.creator_user_id) : null,
  };
}

// The managed settings (the planner's own lists, so that a field it learns is shown too), the
// legacy enforce_zdr flag the API still reports, and the timestamps.
const GUARDRAIL_VIEW_FIELDS = [...GUARDRAIL_FIELDS, 'enforce_zdr', 'created_at', 'updated_at'] as const;

export function liveGuardrailView(g: LiveGuardrail, inv: Inventory): Record<string, unknown> {
  const out: Record<string, unknown> = { id: g.id, name: g.name, workspace: inv.slugOf(g.workspace_id) };
  for (const f of GUARDRAIL_VIEW_FIELDS) if (g[f] !== undefined) out[f] = g[f];
  return out;
}

// include_byok_in_budgets is shown from the budget settings, where the API keeps it (below).
const WORKSPACE_VIEW_FIELDS = [...WORKSPACE_FIELDS.filter((f) => f !== 'include_byok_in_budgets'), 'created_at', 'updated_at'] as const;

export function liveWorkspaceView(w: LiveWorkspace, live: LiveState): Record<string, unknown> {
  const out: Record<string, unknown> = { id: w.id, slug: w.slug };
  for (const f of WORKSPACE_VIEW_FIELDS) if (w[f] !== undefined) out[f] = w[f];
  const byok = live.budgetSettings[w.id]?.include_byok_in_budgets ?? w.include_byok_in_budgets;
  if (byok !== undefined) out.include_byok_in_budgets = byok;
  return out;
}

/** A workspace's live budgets by interval (the API reports the lifetime budget's interval as null). */
export function liveBudgets(w: LiveWorkspace, live: LiveState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of live.budgets) if (b.workspace_id === w.id) out[b.reset_interval ?? 'lifetime'] = b.limit_usd;
  return out;
}

export function position(at: { file: string; line: number; col: number }): string {
  return `${at.file}:${at.line}:${at.col}`;
}
