// workspace_budget.<slug>/<interval>: one budget of a workspace. `budgets:` absent means budgets are
// not managed; present, it is the complete set (others are removed). The API keeps limits strictly
// decreasing as the interval narrows at every moment, so the changes of one workspace are chained:
// removals first, then decreases from the narrowest interval, then increases and creations from the
// widest — each step keeps the order valid when the start and the end are valid.
import { address } from '../core/address.js';
import { limitWidens } from '../core/effect.js';
import type { BudgetInterval } from '../core/live.js';
import type { Operation } from '../core/types.js';
import { BUDGET_INTERVALS } from '../config/schema.js';
import { UpsertWorkspaceBudgetRequest } from '../api/schemas.js';
import { deleteObject, first, pathOf } from './calls.js';
import type { ResourceKind } from './types.js';

/** Widest first, as the API orders them: lifetime > monthly > weekly > daily. */
const WIDEST_FIRST: readonly BudgetInterval[] = BUDGET_INTERVALS;

export const workspaceBudget: ResourceKind = {
  kind: 'workspace_budget',
  rank: 1,
  addAction: 'create',
  removeAction: 'delete',
  fields: ['limit_usd'],
  immutable: [],
  defaults: {},

  desired(ctx) {
    return (ctx.config.workspaces ?? []).flatMap((ws, i) =>
      WIDEST_FIRST.filter((interval) => ws.budgets?.[interval] !== undefined).map((interval) => ({
        address: address.budget(ws.slug, interval),
        kind: 'workspace_budget' as const,
        fields: { limit_usd: ws.budgets![interval] },
        path: ['workspaces', i, 'budgets', interval],
        exec: {
          workspace: ws.slug,
          interval,
          limit_usd: ws.budgets![interval],
          // Workspace-wide flag that only the budget PUT can set; sent with every budget write.
          include_byok_in_budgets: ws.include_byok_in_budgets,
        },
      })),
    );
  },

  live(ctx) {
    return ctx.live.budgets.map((b) => {
      const slug = ctx.slugOf(b.workspace_id);
      const interval: BudgetInterval = b.reset_interval ?? 'lifetime';
      return {
        address: address.budget(slug, interval),
        kind: 'workspace_budget',
        id: b.id,
        name: interval,
        workspace: slug,
        fields: { limit_usd: b.limit_usd },
        exec: { workspace: slug, interval, live_limit_usd: b.limit_usd },
      };
    });
  },

  orphan(obj, ctx) {
    return ctx.declaredWorkspace(obj.workspace!)?.budgets !== undefined ? 'remove' : 'skip';
  },

  dependsOn(op, index) {
    const slug = op.exec.workspace as string;
    const deps: string[] = [];
    const wsOp = index.get(address.workspace(slug));
    if (wsOp?.action === 'create') deps.push(wsOp.address);
    const chain = index
      .ofKind('workspace_budget')
      .filter((o) => o.exec.workspace === slug)
      .sort((a, b) => stepOrder(a) - stepOrder(b));
    const at = chain.indexOf(op);
    if (at > 0) deps.push(chain[at - 1]!.address);
    return deps;
  },

  effect(op) {
    if (op.action === 'create') return 'narrows';
    if (op.action === 'delete') return 'widens';
    return op.changes?.some((c) => limitWidens(c.before, c.after)) ? 'widens' : 'narrows';
  },

  async execute(ops, ctx) {
    const op = first(ops);
    const id = ctx.ids.require(address.workspace(op.exec.workspace as string));
    const path = pathOf('/workspaces/{id}/budgets/{interval}', { id, interval: op.exec.interval as string });
    if (op.action === 'delete') return deleteObject(ctx, op, 'deleteWorkspaceBudget', path);
    const byok = op.exec.include_byok_in_budgets as boolean | undefined;
    await ctx.client.request({
      operation: 'upsertWorkspaceBudget',
      method: 'PUT',
      path,
      body: { limit_usd: op.exec.limit_usd, ...(byok === undefined ? {} : { include_byok_in_budgets: byok }) },
      bodySchema: UpsertWorkspaceBudgetRequest,
      address: op.address,
    });
  },
};

/** Position in the workspace's chain of budget changes (see the comment at the top). */
function stepOrder(op: Operation): number {
  const i = WIDEST_FIRST.indexOf(op.exec.interval as BudgetInterval); // 0 = widest
  if (op.action === 'delete') return i;
  const before = op.exec.live_limit_usd as number | undefined;
  const after = op.exec.limit_usd as number;
  const decrease = before !== undefined && after < before;
  return decrease ? 10 + (WIDEST_FIRST.length - i) : 20 + i;
}
