// Pieces every route module uses: paginated answers and path parameter lookups.
import { PAGE_LIMIT_DEFAULT, PaginationQuery, WorkspaceRef } from '../../api/schemas.js';
import { notFound } from '../api-error.js';
import type { RouteContext } from '../router.js';
import { page } from '../state/paging.js';
import type { WorkspaceRecord } from '../state/records.js';
import { parseParam, parseQuery } from '../validate.js';

/** `{data, total_count}` of one page of a list that takes `offset` and `limit`. */
export function pagedList<T, V>(
  items: readonly T[],
  paging: { offset?: number | undefined; limit?: number | undefined },
  view: (item: T) => V,
): { data: V[]; total_count: number } {
  return {
    data: page(items, paging.offset ?? 0, paging.limit ?? PAGE_LIMIT_DEFAULT).map(view),
    total_count: items.length,
  };
}

/** The paging of a list with no other query parameter. */
export function pagingOf(ctx: RouteContext): { offset?: number | undefined; limit?: number | undefined } {
  return parseQuery(PaginationQuery, ctx.query);
}

/** `{id}` of /workspaces/{id}...: UUID or slug; 404 when no workspace has it. */
export function workspaceParam(ctx: RouteContext): WorkspaceRecord {
  const ref = parseParam(WorkspaceRef, 'id', ctx.params.id ?? '');
  const ws = ctx.state.workspaceByRef(ref);
  if (!ws) throw notFound(`Workspace "${ref}" not found`);
  return ws;
}

/** A `workspace_id` query filter (a UUID); 404 when no workspace has it, as for a path id. */
export function workspaceFilter(ctx: RouteContext, workspaceId: string | undefined): WorkspaceRecord {
  if (workspaceId === undefined) return ctx.state.defaultWorkspace;
  const ws = ctx.state.db.workspaces.get(workspaceId);
  if (!ws) throw notFound(`Workspace ${workspaceId} not found`);
  return ws;
}
