// /workspaces, /workspaces/{id}, and the workspace's members and budgets.
import { created, ok, type Route, type RouteContext } from '../router.js';
import { budgetsOf, deleteBudget, requireBudget, upsertBudget } from '../state/budgets.js';
import { budgetView, workspaceMemberView, workspaceView } from '../state/views.js';
import {
  addMembers,
  deleteWorkspace,
  insertWorkspace,
  membersOf,
  removeMembers,
  updateWorkspace,
} from '../state/workspaces.js';
import type { WorkspaceMemberRecord } from '../state/records.js';
import type { BudgetInterval, CreateWorkspaceBody, UpdateWorkspaceBody, UpsertBudgetBody, UserIdsBody } from '../wire/requests.js';
import { pagedList, pagingOf, workspaceParam } from './common.js';

export const workspaceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/workspaces',
    operationId: 'listWorkspaces',
    handler: (ctx) => ok(pagedList([...ctx.state.db.workspaces.values()], pagingOf(ctx), workspaceView)),
  },
  {
    method: 'POST',
    path: '/workspaces',
    operationId: 'createWorkspace',
    handler: (ctx) => created({ data: workspaceView(insertWorkspace(ctx.state, ctx.body as CreateWorkspaceBody)) }),
  },
  {
    method: 'GET',
    path: '/workspaces/:id',
    operationId: 'getWorkspace',
    handler: (ctx) => ok({ data: workspaceView(workspaceParam(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/workspaces/:id',
    operationId: 'updateWorkspace',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok({ data: workspaceView(updateWorkspace(ctx.state, ws, ctx.body as UpdateWorkspaceBody)) });
    },
  },
  {
    method: 'DELETE',
    path: '/workspaces/:id',
    operationId: 'deleteWorkspace',
    handler: (ctx) => {
      deleteWorkspace(ctx.state, workspaceParam(ctx));
      return ok({ deleted: true });
    },
  },
  {
    method: 'GET',
    path: '/workspaces/:id/members',
    operationId: 'listWorkspaceMembers',
    // Reference: "For the default workspace, returns all organization members (implicit membership)."
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok(pagedList(membersOf(ctx.state, ws), pagingOf(ctx), memberRow(ctx)));
    },
  },
  {
    method: 'POST',
    path: '/workspaces/:id/members/add',
    operationId: 'bulkAddWorkspaceMembers',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const added = addMembers(ctx.state, ws, (ctx.body as UserIdsBody).user_ids);
      return ok({ data: added.map(memberRow(ctx)), added_count: added.length });
    },
  },
  {
    method: 'POST',
    path: '/workspaces/:id/members/remove',
    operationId: 'bulkRemoveWorkspaceMembers',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const userIds = (ctx.body as UserIdsBody).user_ids;
      return ok({ removed_count: removeMembers(ctx.state, ws, userIds) });
    },
  },
  {
    method: 'GET',
    path: '/workspaces/:id/budgets',
    operationId: 'listWorkspaceBudgets',
    // Not paginated (README, "Listing").
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok({ data: budgetsOf(ctx.state, ws).map(budgetView), include_byok_in_budgets: ws.include_byok_in_budgets });
    },
  },
  {
    method: 'GET',
    path: '/workspaces/:id/budgets/:interval',
    operationId: 'getWorkspaceBudget',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const budget = requireBudget(ctx.state, ws, intervalParam(ctx));
      return ok({ data: budgetView(budget), include_byok_in_budgets: ws.include_byok_in_budgets });
    },
  },
  {
    method: 'PUT',
    path: '/workspaces/:id/budgets/:interval',
    operationId: 'upsertWorkspaceBudget',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const interval = intervalParam(ctx);
      const body = ctx.body as UpsertBudgetBody;
      const budget = upsertBudget(ctx.state, ws, interval, body.limit_usd, body.include_byok_in_budgets);
      return ok({ data: budgetView(budget), include_byok_in_budgets: ws.include_byok_in_budgets });
    },
  },
  {
    method: 'DELETE',
    path: '/workspaces/:id/budgets/:interval',
    operationId: 'deleteWorkspaceBudget',
    handler: (ctx) => {
      deleteBudget(ctx.state, workspaceParam(ctx), intervalParam(ctx));
      return ok({ deleted: true });
    },
  },
];

/** `{interval}`: one of WorkspaceBudgetInterval (the validator checked it). */
function intervalParam(ctx: RouteContext): BudgetInterval {
  return ctx.params.interval as BudgetInterval;
}

function memberRow(ctx: RouteContext) {
  return (m: WorkspaceMemberRecord) => workspaceMemberView(m, ctx.state.db.orgMembers.get(m.user_id));
}
