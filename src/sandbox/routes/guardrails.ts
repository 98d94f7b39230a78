// /guardrails and /guardrails/{id}.
import { created, ok, type Route, type RouteContext } from '../router.js';
import { deleteGuardrail, guardrailsOf, insertGuardrail, requireGuardrail, updateGuardrail } from '../state/guardrails.js';
import { guardrailView } from '../state/views.js';
import type { CreateGuardrailBody, ListGuardrailsQuery, UpdateGuardrailBody } from '../wire/requests.js';
import { pagedList, workspaceFilter } from './common.js';

export const guardrailRoutes: Route[] = [
  {
    method: 'GET',
    path: '/guardrails',
    operationId: 'listGuardrails',
    // Reference: "By default, guardrails in the default workspace are returned." A materialized
    // default guardrail is listed with the others of its workspace.
    handler: (ctx) => {
      const q = ctx.query as ListGuardrailsQuery;
      const ws = workspaceFilter(ctx, q.workspace_id);
      return ok(pagedList(guardrailsOf(ctx.state, ws.id), q, (g) => guardrailView(ctx.state, g)));
    },
  },
  {
    method: 'POST',
    path: '/guardrails',
    operationId: 'createGuardrail',
    handler: (ctx) => {
      const { name, workspace_id, ...fields } = ctx.body as CreateGuardrailBody;
      const record = insertGuardrail(ctx.state, workspace_id ?? ctx.state.defaultWorkspaceId, name, fields);
      return created({ data: guardrailView(ctx.state, record) });
    },
  },
  {
    method: 'GET',
    path: '/guardrails/:id',
    operationId: 'getGuardrail',
    handler: (ctx) => ok({ data: guardrailView(ctx.state, requireGuardrail(ctx.state, guardrailParam(ctx))) }),
  },
  {
    method: 'PATCH',
    path: '/guardrails/:id',
    operationId: 'updateGuardrail',
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const record = updateGuardrail(ctx.state, id, ctx.body as UpdateGuardrailBody);
      return ok({ data: guardrailView(ctx.state, record) });
    },
  },
  {
    method: 'DELETE',
    path: '/guardrails/:id',
    operationId: 'deleteGuardrail',
    handler: (ctx) => {
      deleteGuardrail(ctx.state, guardrailParam(ctx));
      return ok({ deleted: true });
    },
  },
];

/** The guardrail `{id}` (a UUID: the validator checked it). */
export function guardrailParam(ctx: RouteContext): string {
  return ctx.params.id ?? '';
}
