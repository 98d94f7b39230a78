// workspace_member.<slug>/<email>: membership of a non-default workspace (the default workspace's
// membership is implicit). `members:` absent means not managed; present, it is the complete set, as
// budgets are (PRODUCT.md section 3): removing someone from a reviewed list removes their access.
// `ignore.members` exempts members by e-mail. The API refuses to remove a member with active keys
// in the workspace.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { readCountedList } from '../api/paginate.js';
import { BulkAddWorkspaceMembersRequest, BulkAddWorkspaceMembersResponse, BulkRemoveWorkspaceMembersRequest, BulkRemoveWorkspaceMembersResponse, ListWorkspaceMembersResponse } from '../api/schemas.js';
import { countedBulk } from '../api/bulk.js';
import { first, pathOf } from './calls.js';
import type { ResourceKind } from './types.js';
import { leavesKeyInactive } from './key.js';
import { liveKeyAddress } from './key-lifecycle.js';
import type { LiveKey } from '../core/live.js';

export const workspaceMember: ResourceKind = {
  kind: 'workspace_member',
  rank: 1,
  unmanagedClass: 'members',
  addAction: 'create',
  removeAction: 'delete',
  fields: [],
  immutable: [],
  defaults: {},

  desired(ctx) {
    return (ctx.config.workspaces ?? []).flatMap((ws, i) => {
      if (ws.slug === DEFAULT_WORKSPACE || !ws.members) return [];
      return ws.members.flatMap((ref, j) => {
        const m = ctx.resolveMember(ref, ['workspaces', i, 'members', j]);
        if (!m) return [];
        return [
          {
            address: address.workspaceMember(ws.slug, m.email),
            kind: 'workspace_member' as const,
            fields: {},
            path: ['workspaces', i, 'members', j],
            exec: { workspace: ws.slug, user_id: m.id, email: m.email },
          },
        ];
      });
    });
  },

  live(ctx) {
    return ctx.live.workspaceMembers.flatMap((wm) => {
      const slug = ctx.slugOf(wm.workspace_id);
      if (slug === DEFAULT_WORKSPACE) return [];
      const label = ctx.memberLabel(wm.user_id);
      return [
        {
          address: address.workspaceMember(slug, label),
          kind: 'workspace_member' as const,
          id: wm.user_id,
          name: label,
          workspace: slug,
          fields: {},
          exec: { workspace: slug, user_id: wm.user_id, email: label },
        },
      ];
    });
  },

  orphan(obj, ctx) {
    return ctx.declaredWorkspace(obj.workspace!)?.members !== undefined ? 'remove' : 'skip';
  },

  dependsOn(op, index, ctx) {
    const slug = op.exec.workspace as string;
    if (op.action === 'create') {
      const wsOp = index.get(address.workspace(slug));
      return wsOp?.action === 'create' ? [wsOp.address] : [];
    }
    // Removal waits for the member's keys in the workspace to be deleted or disabled.
    return activeKeysOf(op.exec.user_id as string, slug, ctx)
      .map((k) => index.get(liveKeyAddress(ctx, k)))
      .filter((o) => o !== undefined && leavesKeyInactive(o))
      .map((o) => o!.address);
  },

  effect(op) {
    return op.action === 'create' ? 'widens' : 'narrows';
  },

  batchKey(op) {
    return op.exec.workspace as string;
  },

  async execute(ops, ctx) {
    const op = first(ops);
    const slug = op.exec.workspace as string;
    const id = ctx.ids.require(address.workspace(slug));
    const adding = op.action === 'create';
    await countedBulk({
      what: `${adding ? 'add members to' : 'remove members from'} ${address.workspace(slug)}`,
      ids: ops.map((o) => o.exec.user_id as string),
      present: adding,
      call: async (user_ids) =>
        adding
          ? (await ctx.client.request({ operation: 'bulkAddWorkspaceMembers', method: 'POST', path: pathOf('/workspaces/{id}/members/add', { id }), body: { user_ids }, bodySchema: BulkAddWorkspaceMembersRequest, responseSchema: BulkAddWorkspaceMembersResponse, address: op.address })).added_count
          : (await ctx.client.request({ operation: 'bulkRemoveWorkspaceMembers', method: 'POST', path: pathOf('/workspaces/{id}/members/remove', { id }), body: { user_ids }, bodySchema: BulkRemoveWorkspaceMembersRequest, responseSchema: BulkRemoveWorkspaceMembersResponse, address: op.address })).removed_count,
      verify: async () =>
        new Set(
          (await readCountedList(ctx.client, { operation: 'listWorkspaceMembers', path: pathOf('/workspaces/{id}/members', { id }), schema: ListWorkspaceMembersResponse, idOf: (m) => m.user_id })).map((m) => m.user_id),
        ),
    });
  },

  preflight(op, index, ctx) {
    if (op.action !== 'delete') return undefined;
    const slug = op.exec.workspace as string;
    const blocking = activeKeysOf(op.exec.user_id as string, slug, ctx)
      .filter((k) => {
        const keyOp = index.get(liveKeyAddress(ctx, k));
        return !keyOp || !leavesKeyInactive(keyOp);
      })
      .map((k) => k.name);
    if (blocking.length === 0) return undefined;
    return (
      `${op.exec.email} has ${blocking.length} active key${blocking.length === 1 ? '' : 's'} in workspace "${slug}" ` +
      `(${blocking.slice(0, 3).map((n) => `"${n}"`).join(', ')}), and the API refuses to remove a member with active keys; ` +
      'delete or disable those keys first'
    );
  },
};

function activeKeysOf(userId: string, slug: string, ctx: Parameters<ResourceKind['live']>[0]): LiveKey[] {
  const ws = ctx.workspaceBySlug(slug);
  if (!ws) return [];
  return ctx.live.keys.filter((k) => k.workspace_id === ws.id && k.creator_user_id === userId && !k.disabled);
}
