// guardrail_member.<slug>/<guardrail>/<email>: an organization member bound to a guardrail.
// `members:` on a guardrail absent means not managed; present, it is the complete set: bindings it
// does not list are removed (`ignore.members` exempts members by e-mail). Assignments are bulk
// calls per guardrail (the executor groups them).
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { readCountedList } from '../api/paginate.js';
import { BulkAssignMembersRequest, BulkAssignMembersResponse, BulkUnassignMembersRequest, BulkUnassignMembersResponse, ListMemberAssignmentsResponse } from '../api/schemas.js';
import { countedBulk } from '../api/bulk.js';
import { first, pathOf } from './calls.js';
import type { ResourceKind } from './types.js';

export const guardrailMember: ResourceKind = {
  kind: 'guardrail_member',
  rank: 3,
  unmanagedClass: 'members',
  addAction: 'assign',
  removeAction: 'unassign',
  fields: [],
  immutable: [],
  defaults: {},

  desired(ctx) {
    return (ctx.config.guardrails ?? []).flatMap((g, i) => {
      const slug = g.workspace ?? DEFAULT_WORKSPACE;
      const wsDecl = ctx.declaredWorkspace(slug);
      const live = ctx.workspaceBySlug(slug);
      return (g.members ?? []).flatMap((ref, j) => {
        const m = ctx.resolveMember(ref, ['guardrails', i, 'members', j]);
        if (!m) return [];
        // Outside the default workspace the API binds only the workspace's members (README). When
        // the file declares them, validate has checked it; otherwise the live members say.
        if (slug !== DEFAULT_WORKSPACE && wsDecl?.members === undefined) {
          const isMember = live !== undefined && ctx.live.workspaceMembers.some((w) => w.workspace_id === live.id && w.user_id === m.id);
          if (!isMember) {
            ctx.error(
              ['guardrails', i, 'members', j],
              `member "${m.email}" is not a member of workspace "${slug}", and the API binds only a workspace's members to its guardrails; ` +
                'add them to the workspace (its members: list) or remove them here',
            );
            return [];
          }
        }
        return [
          {
            address: address.guardrailMember(slug, g.name, m.email),
            kind: 'guardrail_member' as const,
            fields: {},
            path: ['guardrails', i, 'members', j],
            exec: { workspace: slug, guardrail: g.name, user_id: m.id, email: m.email },
          },
        ];
      });
    });
  },

  live(ctx) {
    return ctx.live.memberAssignments.flatMap((a) => {
      const g = ctx.guardrailById(a.guardrail_id);
      if (!g || ctx.isDefaultGuardrail(g.id)) return [];
      const slug = ctx.slugOf(g.workspace_id);
      const label = ctx.memberLabel(a.user_id);
      return [
        {
          address: address.guardrailMember(slug, g.name, label),
          kind: 'guardrail_member' as const,
          id: a.user_id,
          name: label,
          workspace: slug,
          fields: {},
          exec: { workspace: slug, guardrail: g.name, guardrail_id: g.id, user_id: a.user_id, email: label },
        },
      ];
    });
  },

  orphan(obj, ctx) {
    return ctx.declaredGuardrail(obj.workspace!, obj.exec.guardrail as string)?.members !== undefined ? 'remove' : 'skip';
  },

  dependsOn(op, index) {
    if (op.action !== 'assign') return [];
    const gOp = index.get(address.guardrail(op.exec.workspace as string, op.exec.guardrail as string));
    return gOp?.action === 'create' ? [gOp.address] : [];
  },

  effect(op) {
    return op.action === 'assign' ? 'narrows' : 'widens';
  },

  batchKey(op) {
    return `${op.exec.workspace}/${op.exec.guardrail}`;
  },

  async execute(ops, ctx) {
    const op = first(ops);
    const gAddress = address.guardrail(op.exec.workspace as string, op.exec.guardrail as string);
    const id = (op.exec.guardrail_id as string | undefined) ?? ctx.ids.require(gAddress);
    const assigning = op.action === 'assign';
    await countedBulk({
      what: `${assigning ? 'assign members to' : 'unassign members from'} ${gAddress}`,
      ids: ops.map((o) => o.exec.user_id as string),
      present: assigning,
      call: async (member_user_ids) =>
        assigning
          ? (await ctx.client.request({ operation: 'bulkAssignMembersToGuardrail', method: 'POST', path: pathOf('/guardrails/{id}/assignments/members', { id }), body: { member_user_ids }, bodySchema: BulkAssignMembersRequest, responseSchema: BulkAssignMembersResponse, address: op.address })).assigned_count
          : (await ctx.client.request({ operation: 'bulkUnassignMembersFromGuardrail', method: 'POST', path: pathOf('/guardrails/{id}/assignments/members/remove', { id }), body: { member_user_ids }, bodySchema: BulkUnassignMembersRequest, responseSchema: BulkUnassignMembersResponse, address: op.address })).unassigned_count,
      verify: async () =>
        new Set(
          (await readCountedList(ctx.client, { operation: 'listGuardrailMemberAssignments', path: pathOf('/guardrails/{id}/assignments/members', { id }), schema: ListMemberAssignmentsResponse, idOf: (a) => a.id })).map((a) => a.user_id),
        ),
    });
  },
};
