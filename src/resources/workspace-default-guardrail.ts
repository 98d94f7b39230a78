// workspace_default_guardrail.<slug>: the guardrail that restricts all of a workspace's traffic.
// It is never created or deleted: its id is derived from the workspace, and the first PATCH
// "materializes" it (API reference, PATCH /guardrails/{id}). Until then it reads as API defaults.
import { address } from '../core/address.js';
import { UpdateGuardrailRequest } from '../api/schemas.js';
import { effectOfChanges } from '../core/effect.js';
import { first, pathOf } from './calls.js';
import type { ResourceKind } from './types.js';
import { GUARDRAIL_DEFAULTS, GUARDRAIL_FIELDS, GUARDRAIL_WIDENING, changedSettingsBody, displayGuardrailField, desiredGuardrailFields, liveGuardrailFields } from './guardrail-settings.js';

export const workspaceDefaultGuardrail: ResourceKind = {
  kind: 'workspace_default_guardrail',
  rank: 1,
  addAction: 'update',
  removeAction: undefined,
  fields: GUARDRAIL_FIELDS,
  immutable: [],
  defaults: GUARDRAIL_DEFAULTS,

  desired(ctx) {
    return (ctx.config.workspaces ?? []).flatMap((ws, i) =>
      ws.default_guardrail
        ? [
            {
              address: address.defaultGuardrail(ws.slug),
              kind: 'workspace_default_guardrail' as const,
              fields: desiredGuardrailFields(ws.default_guardrail, ctx, ['workspaces', i, 'default_guardrail']),
              path: ['workspaces', i, 'default_guardrail'],
              exec: { workspace: ws.slug },
            },
          ]
        : [],
    );
  },

  live(ctx) {
    return ctx.live.guardrails.flatMap((g) => {
      const ws = ctx.workspaceOfDefaultGuardrail(g.id);
      if (!ws) return [];
      return [
        {
          address: address.defaultGuardrail(ws.slug),
          kind: 'workspace_default_guardrail' as const,
          id: g.id,
          name: g.name,
          workspace: ws.slug,
          fields: liveGuardrailFields(g),
          exec: { workspace: ws.slug, id: g.id },
        },
      ];
    });
  },

  implicitLive(desired, ctx) {
    const slug = desired.exec.workspace as string;
    const ws = ctx.workspaceBySlug(slug);
    return {
      address: desired.address,
      kind: 'workspace_default_guardrail',
      id: ws?.default_guardrail_id ?? '',
      name: slug,
      workspace: slug,
      fields: { ...GUARDRAIL_DEFAULTS },
      exec: { workspace: slug, id: ws?.default_guardrail_id },
    };
  },

  orphan() {
    return 'skip';
  },

  dependsOn(op, index) {
    const wsOp = index.get(address.workspace(op.exec.workspace as string));
    return wsOp?.action === 'create' ? [wsOp.address] : [];
  },

  display: displayGuardrailField,

  effect(op) {
    return effectOfChanges(op.changes, GUARDRAIL_WIDENING);
  },

  async execute(ops, ctx) {
    const op = first(ops);
    // The first PATCH materializes it; its id is derived from the workspace (no name: it is derived too).
    const id = ctx.ids.require(op.address);
    await ctx.client.request({ operation: 'updateGuardrail', method: 'PATCH', path: pathOf('/guardrails/{id}', { id }), body: changedSettingsBody(op), bodySchema: UpdateGuardrailRequest, address: op.address });
  },
};
