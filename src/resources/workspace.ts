// workspace.<slug>: a workspace and its settings. The default workspace always exists: it is never
// created or deleted (API: deleting it is refused). Settings the API documents no default for are
// managed only when declared (PRODUCT.md section 3).
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { AmbiguousWriteError, ApiError } from '../api/errors.js';
import { CreateWorkspaceRequest, CreateWorkspaceResponse, GetWorkspaceResponse, UpdateWorkspaceRequest, UpsertWorkspaceBudgetRequest } from '../api/schemas.js';
import type { Operation } from '../core/types.js';
import { effectOfChanges, protectionWidens } from '../core/effect.js';
import { BUDGET_INTERVALS } from '../config/schema.js';
import { changedFields, deleteObject, first, pathOf } from './calls.js';
import type { ExecContext, ResourceKind } from './types.js';
import { leavesKeyInactive } from './key.js';
import { liveKeyAddress } from './key-lifecycle.js';

/** The workspace's settings oradmin manages (the MCP views show the same). */
export const WORKSPACE_FIELDS = [
  'name',
  'description',
  'default_text_model',
  'default_image_model',
  'default_provider_sort',
  'is_observability_io_logging_enabled',
  'is_observability_broadcast_enabled',
  'is_data_discount_logging_enabled',
  'io_logging_sampling_rate',
  'io_logging_api_key_ids',
  // Read-only on the workspace; written through the budget endpoints (see workspace-budget.ts).
  'include_byok_in_budgets',
] as const;

function sortedIds(ids: unknown): unknown {
  return Array.isArray(ids) ? [...(ids as number[])].sort((a, b) => a - b) : (ids ?? null);
}

export const workspace: ResourceKind = {
  kind: 'workspace',
  rank: 0,
  unmanagedClass: 'workspaces',
  addAction: 'create',
  removeAction: 'delete',
  fields: WORKSPACE_FIELDS,
  // Its settings go with it; what identifies it to a reviewer is its name and description.
  shownOnRemoval: ['name', 'description'],
  immutable: [],
  defaults: {},
  uniqueIdentity: true,

  desired(ctx) {
    return (ctx.config.workspaces ?? []).map((ws, i) => {
      if (ws.absent) {
        return { address: address.workspace(ws.slug), kind: 'workspace' as const, fields: {}, path: ['workspaces', i, 'slug'], exec: { workspace: ws.slug }, absent: true };
      }
      const fields: Record<string, unknown> = {};
      for (const f of WORKSPACE_FIELDS) {
        if (ws[f] !== undefined) fields[f] = f === 'io_logging_api_key_ids' ? sortedIds(ws[f]) : ws[f];
      }
      return {
        address: address.workspace(ws.slug),
        kind: 'workspace',
        fields,
        path: ['workspaces', i, 'slug'],
        exec: {
          workspace: ws.slug,
          name: ws.name ?? ws.slug,
          // include_byok_in_budgets is written with a PUT of a budget: the widest one declared.
          byok_budget: BUDGET_INTERVALS.filter((i) => ws.budgets?.[i] !== undefined).map((i) => ({ interval: i, limit_usd: ws.budgets![i] }))[0],
        },
      };
    });
  },

  live(ctx) {
    return ctx.live.workspaces.map((ws) => {
      const fields: Record<string, unknown> = {};
      for (const f of WORKSPACE_FIELDS) fields[f] = ws[f] ?? null;
      fields.io_logging_api_key_ids = sortedIds(ws.io_logging_api_key_ids);
      fields.include_byok_in_budgets =
        ctx.live.budgetSettings[ws.id]?.include_byok_in_budgets ?? ws.include_byok_in_budgets ?? false;
      return {
        address: address.workspace(ws.slug),
        kind: 'workspace',
        id: ws.id,
        name: ws.slug,
        workspace: ws.slug,
        fields,
        exec: { workspace: ws.slug, id: ws.id },
      };
    });
  },

  orphan(obj) {
    return obj.name === DEFAULT_WORKSPACE ? 'skip' : 'unmanaged';
  },

  dependsOn(op, index) {
    const slug = op.exec.workspace as string;
    if (op.action === 'delete') {
      // Everything inside goes first: the API refuses to delete a workspace with active keys.
      return KIND_ORDER.flatMap((k) => index.ofKind(k))
        .filter((o) => o.exec.workspace === slug && o.address !== op.address)
        .map((o) => o.address);
    }
    if (op.action === 'update' && op.changes?.some((c) => c.field === 'include_byok_in_budgets')) {
      // The flag is written with a budget PUT, after the budgets themselves have settled.
      return index
        .ofKind('workspace_budget')
        .filter((o) => o.exec.workspace === slug)
        .map((o) => o.address);
    }
    return [];
  },

  effect(op) {
    // A workspace by itself grants nothing (its keys and members are operations of their own).
    if (op.action === 'delete') return 'narrows';
    if (op.action === 'update') return effectOfChanges(op.changes, { include_byok_in_budgets: protectionWidens });
    return 'neutral';
  },

  async execute(ops, ctx) {
    const op = first(ops);
    if (op.action === 'create') return createWorkspace(op, ctx);
    if (op.action === 'update') return updateWorkspace(op, ctx);
    return deleteObject(ctx, op, 'deleteWorkspace', pathOf('/workspaces/{id}', { id: ctx.ids.require(op.address) }));
  },

  preflight(op, index, ctx) {
    if (op.action !== 'delete') return undefined;
    const ws = ctx.workspaceBySlug(op.exec.workspace as string);
    if (!ws) return undefined;
    const remaining = ctx.live.keys.filter(
      (k) => {
        const keyOp = index.get(liveKeyAddress(ctx, k));
        return k.workspace_id === ws.id && !k.disabled && !(keyOp && leavesKeyInactive(keyOp));
      },
    );
    if (remaining.length === 0) return undefined;
    const names = remaining.slice(0, 3).map((k) => `"${k.name}"`).join(', ');
    return (
      `workspace "${ws.slug}" still has ${remaining.length} active key${remaining.length === 1 ? '' : 's'} (${names}${remaining.length > 3 ? ', …' : ''}) ` +
      'that this plan does not delete, and the API refuses to delete a workspace with active keys; ' +
      'set unmanaged.keys: delete, or declare the workspace'
    );
  },
};

async function createWorkspace(op: Operation, ctx: ExecContext): Promise<void> {
  const { include_byok_in_budgets: _set_by_budgets, ...fields } = op.exec.fields as Record<string, unknown>;
  const slug = op.exec.workspace as string;
  const body = { ...fields, name: (fields.name as string | undefined) ?? (op.exec.name as string), slug };
  let data;
  try {
    data = (await ctx.client.request({ operation: 'createWorkspace', method: 'POST', path: '/workspaces', body, bodySchema: CreateWorkspaceRequest, responseSchema: CreateWorkspaceResponse, address: op.address })).data;
  } catch (err) {
    if (!(err instanceof AmbiguousWriteError)) throw err;
    // Slugs are unique: the workspace with this slug is the one the lost response was about.
    data = await getWorkspace(ctx, op, slug);
    if (!data) {
      data = (await ctx.client.request({ operation: 'createWorkspace', method: 'POST', path: '/workspaces', body, bodySchema: CreateWorkspaceRequest, responseSchema: CreateWorkspaceResponse, address: op.address })).data;
    }
  }
  ctx.ids.set(op.address, data.id);
  ctx.ids.set(address.defaultGuardrail(slug), data.default_guardrail_id);
}

async function getWorkspace(ctx: ExecContext, op: Operation, slug: string) {
  try {
    return (await ctx.client.request({ operation: 'getWorkspace', method: 'GET', path: pathOf('/workspaces/{id}', { id: slug }), responseSchema: GetWorkspaceResponse, address: op.address })).data;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

async function updateWorkspace(op: Operation, ctx: ExecContext): Promise<void> {
  const { include_byok_in_budgets: byok, ...changes } = changedFields(op);
  const id = ctx.ids.require(op.address);
  if (Object.keys(changes).length > 0) {
    await ctx.client.request({ operation: 'updateWorkspace', method: 'PATCH', path: pathOf('/workspaces/{id}', { id }), body: changes, bodySchema: UpdateWorkspaceRequest, address: op.address });
  }
  if (byok !== undefined) {
    const budget = op.exec.byok_budget as { interval: string; limit_usd: number } | undefined;
    if (!budget) throw new Error(`${op.address}: include_byok_in_budgets needs a declared budget`);
    await ctx.client.request({
      operation: 'upsertWorkspaceBudget',
      method: 'PUT',
      path: pathOf('/workspaces/{id}/budgets/{interval}', { id, interval: budget.interval }),
      body: { limit_usd: budget.limit_usd, include_byok_in_budgets: byok },
      bodySchema: UpsertWorkspaceBudgetRequest,
      address: op.address,
    });
  }
}

const KIND_ORDER = ['key_guardrail', 'key', 'guardrail_member', 'guardrail', 'workspace_member', 'workspace_budget'] as const;
