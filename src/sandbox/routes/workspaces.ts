// /workspaces, /workspaces/{id}, and the workspace's members and budgets.
import {
  BulkAddWorkspaceMembersRequest,
  BulkRemoveWorkspaceMembersRequest,
  CreateWorkspaceRequest,
  UpdateWorkspaceRequest,
  UpsertWorkspaceBudgetRequest,
  WorkspaceBudgetInterval,
} from '../../api/schemas.js';
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
import { parseBody, parseParam } from '../validate.js';
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
    handler: (ctx) => created({ data: workspaceView(insertWorkspace(ctx.state, parseBody(CreateWorkspaceRequest, ctx.body))) }),
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
      return ok({ data: workspaceView(updateWorkspace(ctx.state, ws, parseBody(UpdateWorkspaceRequest, ctx.body))) });
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
      const added = addMembers(ctx.state, ws, parseBody(BulkAddWorkspaceMembersRequest, ctx.body).user_ids);
      return ok({ data: added.map(memberRow(ctx)), added_count: added.length });
    },
  },
  {
    method: 'POST',
    path: '/workspaces/:id/members/remove',
    operationId: 'bulkRemoveWorkspaceMembers',
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const userIds = parseBody(BulkRemoveWorkspaceMembersRequest, ctx.body).user_ids;
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
      const body = parseBody(UpsertWorkspaceBudgetRequest, ctx.body);
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

function intervalParam(ctx: RouteContext) {
  return parseParam(WorkspaceBudgetInterval, 'interval', ctx.params.interval ?? '');
}

function memberRow(ctx: RouteContext) {
  return (m: WorkspaceMemberRecord) => workspaceMemberView(m, ctx.state.db.orgMembers.get(m.user_id));
}
