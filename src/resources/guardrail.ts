// guardrail.<slug>/<name>: a named guardrail in a workspace. Every setting is managed: an omitted
// field means the API default (PRODUCT.md section 3). Its workspace is part of its identity, so
// moving it is a new guardrail plus an unmanaged old one. Workspace default guardrails are a kind
// of their own (workspace-default-guardrail.ts) and never appear here.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { AmbiguousWriteError } from '../api/errors.js';
import { readCountedList } from '../api/paginate.js';
import { CreateGuardrailRequest, CreateGuardrailResponse, ListGuardrailsResponse, UpdateGuardrailRequest } from '../api/schemas.js';
import type { Operation } from '../core/types.js';
import { effectOfChanges } from '../core/effect.js';
import { deleteObject, first, pathOf } from './calls.js';
import type { ExecContext, ResourceKind } from './types.js';
import { GUARDRAIL_DEFAULTS, GUARDRAIL_FIELDS, GUARDRAIL_WIDENING, changedSettingsBody, displayGuardrailField, desiredGuardrailFields, guardrailSettingsBody, liveGuardrailFields } from './guardrail-settings.js';

export const guardrail: ResourceKind = {
  kind: 'guardrail',
  rank: 2,
  unmanagedClass: 'guardrails',
  addAction: 'create',
  removeAction: 'delete',
  fields: GUARDRAIL_FIELDS,
  immutable: [],
  defaults: GUARDRAIL_DEFAULTS,
  uniqueIdentity: true,

  desired(ctx) {
    return (ctx.config.guardrails ?? []).map((g, i) => {
      const slug = g.workspace ?? DEFAULT_WORKSPACE;
      if (g.absent) {
        return { address: address.guardrail(slug, g.name), kind: 'guardrail' as const, fields: {}, path: ['guardrails', i, 'name'], exec: { workspace: slug, name: g.name }, absent: true };
      }
      return {
        address: address.guardrail(slug, g.name),
        kind: 'guardrail' as const,
        fields: desiredGuardrailFields(g, ctx, ['guardrails', i]),
        path: ['guardrails', i, 'name'],
        exec: { workspace: slug, name: g.name },
      };
    });
  },

  live(ctx) {
    return ctx.live.guardrails.flatMap((g) => {
      if (ctx.isDefaultGuardrail(g.id)) return [];
      const slug = ctx.slugOf(g.workspace_id);
      return [
        {
          address: address.guardrail(slug, g.name),
          kind: 'guardrail' as const,
          id: g.id,
          name: g.name,
          workspace: slug,
          fields: liveGuardrailFields(g),
          exec: { workspace: slug, name: g.name, id: g.id },
        },
      ];
    });
  },

  orphan() {
    return 'unmanaged';
  },

  dependsOn(op, index) {
    const slug = op.exec.workspace as string;
    if (op.action === 'create') {
      const wsOp = index.get(address.workspace(slug));
      return wsOp?.action === 'create' ? [wsOp.address] : [];
    }
    if (op.action === 'delete') {
      // Keys moving away from it are re-bound first, so that they are never left unguarded.
      return index
        .ofKind('key_guardrail')
        .filter((o) => o.exec.workspace === slug && o.changes?.some((c) => c.field === 'guardrail' && c.before === op.exec.name))
        .map((o) => o.address);
    }
    return [];
  },

  display: displayGuardrailField,

  effect(op) {
    // A new guardrail restricts nothing until something is bound to it; a deleted one frees
    // everything bound to it.
    if (op.action === 'create') return 'neutral';
    if (op.action === 'delete') return 'widens';
    return effectOfChanges(op.changes, GUARDRAIL_WIDENING);
  },

  async execute(ops, ctx) {
    const op = first(ops);
    if (op.action === 'create') return createGuardrail(op, ctx);
    const id = ctx.ids.require(op.address);
    if (op.action === 'delete') return deleteObject(ctx, op, 'deleteGuardrail', pathOf('/guardrails/{id}', { id }));
    await ctx.client.request({ operation: 'updateGuardrail', method: 'PATCH', path: pathOf('/guardrails/{id}', { id }), body: changedSettingsBody(op), bodySchema: UpdateGuardrailRequest, address: op.address });
  },
};

async function createGuardrail(op: Operation, ctx: ExecContext): Promise<void> {
  const slug = op.exec.workspace as string;
  const workspaceId = ctx.ids.require(address.workspace(slug));
  const body = { name: op.exec.name, workspace_id: workspaceId, ...guardrailSettingsBody(op.exec.fields as Record<string, unknown>) };
  const post = async () =>
    (await ctx.client.request({ operation: 'createGuardrail', method: 'POST', path: '/guardrails', body, bodySchema: CreateGuardrailRequest, responseSchema: CreateGuardrailResponse, address: op.address })).data.id;
  let id: string;
  try {
    id = await post();
  } catch (err) {
    if (!(err instanceof AmbiguousWriteError)) throw err;
    // The plan saw no guardrail of this name in the workspace; one there now is the lost create's.
    const found = (
      await readCountedList(ctx.client, { operation: 'listGuardrails', path: '/guardrails', query: { workspace_id: workspaceId }, schema: ListGuardrailsResponse, idOf: (g) => g.id })
    ).filter((g) => g.name === op.exec.name);
    if (found.length === 1) {
      id = found[0]!.id;
      // Make sure it holds every desired setting, whatever the lost request did.
      const { name: _n, workspace_id: _w, ...settings } = body;
      await ctx.client.request({ operation: 'updateGuardrail', method: 'PATCH', path: pathOf('/guardrails/{id}', { id }), body: settings, bodySchema: UpdateGuardrailRequest, address: op.address });
    } else if (found.length === 0) {
      id = await post();
    } else {
      throw err;
    }
  }
  ctx.ids.set(op.address, id);
}
