// Pieces every route module uses: paginated answers and workspace lookups.
import { badRequest, notFound } from '../api-error.js';
import type { RouteContext } from '../router.js';
import { page } from '../state/paging.js';
import type { WorkspaceRecord } from '../state/records.js';
import type { PagingQuery } from '../wire/requests.js';

/** `{data, total_count}` of one page of a list that takes `offset` and `limit`. */
export function pagedList<T, V>(items: readonly T[], paging: PagingQuery, view: (item: T) => V): { data: V[]; total_count: number } {
  // The validator fills in the reference's defaults (offset 0, limit 50); an empty offset is null.
  return { data: page(items, paging.offset ?? 0, paging.limit ?? 50).map(view), total_count: items.length };
}

/** The paging of a list with no other query parameter. */
export function pagingOf(ctx: RouteContext): PagingQuery {
  return ctx.query as PagingQuery;
}

/** `{id}` of /workspaces/{id}...: UUID or slug; 404 when no workspace has it. */
export function workspaceParam(ctx: RouteContext): WorkspaceRecord {
  const ref = ctx.params.id ?? '';
  const ws = ctx.state.workspaceByRef(ref);
  if (!ws) throw notFound(`Workspace "${ref}" not found`);
  return ws;
}

/**
 * The `workspace_id` filter of GET /keys and GET /guardrails (a UUID). For an id of no workspace
 * the reference lists no 404 for either operation; of the statuses it lists, 400 ("Invalid request
 * parameters") is the one that fits, so that is the answer (a 200 with an empty list would let a
 * reconciler believe the workspace's keys are gone).
 */
export function workspaceFilter(ctx: RouteContext, workspaceId: string | undefined): WorkspaceRecord {
  if (workspaceId === undefined) return ctx.state.defaultWorkspace;
  const ws = ctx.state.db.workspaces.get(workspaceId);
  if (!ws) throw badRequest(`workspace_id: no workspace ${workspaceId} in this organization`);
  return ws;
}
