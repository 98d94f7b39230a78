// Guardrail bindings: per-guardrail lists, bulk assign and unassign, and the two global lists.
import { ok, type Route, type RouteContext } from '../router.js';
import { assignKeys, assignMembers, unassignKeys, unassignMembers } from '../state/assignments.js';
import { requireGuardrail } from '../state/guardrails.js';
import type { KeyAssignmentRecord, KeyRecord, MemberAssignmentRecord } from '../state/records.js';
import { keyAssignmentView, memberAssignmentView } from '../state/views.js';
import type { KeyHashesBody, MemberUserIdsBody } from '../wire/requests.js';
import { pagedList, pagingOf } from './common.js';
import { guardrailParam } from './guardrails.js';

export const assignmentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/guardrails/:id/assignments/keys',
    operationId: 'listGuardrailKeyAssignments',
    handler: (ctx) => {
      const guardrail = requireGuardrail(ctx.state, guardrailParam(ctx));
      const rows = [...ctx.state.db.keyAssignments.values()].filter((a) => a.guardrail_id === guardrail.id);
      return ok(pagedList(rows, pagingOf(ctx), keyRow(ctx)));
    },
  },
  {
    method: 'POST',
    path: '/guardrails/:id/assignments/keys',
    operationId: 'bulkAssignKeysToGuardrail',
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { key_hashes } = ctx.body as KeyHashesBody;
      return ok({ assigned_count: assignKeys(ctx.state, id, key_hashes) });
    },
  },
  {
    method: 'POST',
    path: '/guardrails/:id/assignments/keys/remove',
    operationId: 'bulkUnassignKeysFromGuardrail',
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { key_hashes } = ctx.body as KeyHashesBody;
      return ok({ unassigned_count: unassignKeys(ctx.state, id, key_hashes) });
    },
  },
  {
    method: 'GET',
    path: '/guardrails/:id/assignments/members',
    operationId: 'listGuardrailMemberAssignments',
    handler: (ctx) => {
      const guardrail = requireGuardrail(ctx.state, guardrailParam(ctx));
      const rows = [...ctx.state.db.memberAssignments.values()].filter((a) => a.guardrail_id === guardrail.id);
      return ok(pagedList(rows, pagingOf(ctx), memberRow(ctx)));
    },
  },
  {
    method: 'POST',
    path: '/guardrails/:id/assignments/members',
    operationId: 'bulkAssignMembersToGuardrail',
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { member_user_ids } = ctx.body as MemberUserIdsBody;
      return ok({ assigned_count: assignMembers(ctx.state, id, member_user_ids) });
    },
  },
  {
    method: 'POST',
    path: '/guardrails/:id/assignments/members/remove',
    operationId: 'bulkUnassignMembersFromGuardrail',
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { member_user_ids } = ctx.body as MemberUserIdsBody;
      return ok({ unassigned_count: unassignMembers(ctx.state, id, member_user_ids) });
    },
  },
  {
    method: 'GET',
    path: '/guardrails/assignments/keys',
    operationId: 'listKeyAssignments',
    // Every key assignment of the organization, across workspaces.
    handler: (ctx) => ok(pagedList([...ctx.state.db.keyAssignments.values()], pagingOf(ctx), keyRow(ctx))),
  },
  {
    method: 'GET',
    path: '/guardrails/assignments/members',
    operationId: 'listMemberAssignments',
    handler: (ctx) => ok(pagedList([...ctx.state.db.memberAssignments.values()], pagingOf(ctx), memberRow(ctx))),
  },
];

function keyRow(ctx: RouteContext) {
  return (a: KeyAssignmentRecord) => keyAssignmentView(a, ctx.state.db.keys.get(a.key_hash) as KeyRecord);
}

function memberRow(ctx: RouteContext) {
  return (a: MemberAssignmentRecord) => memberAssignmentView(ctx.state, a);
}
