// guardrail.<slug>/<name>: a named guardrail in a workspace. Every setting is managed: an omitted
// field means the API default (PRODUCT.md section 3). Its workspace is part of its identity, so
// moving it is a new guardrail plus an unmanaged old one. Workspace default guardrails are a kind
// of their own (workspace-default-guardrail.ts) and never appear here.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import type { ResourceKind } from './types.js';
import { GUARDRAIL_DEFAULTS, GUARDRAIL_FIELDS, desiredGuardrailFields, liveGuardrailFields } from './guardrail-settings.js';

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
      return {
        address: address.guardrail(slug, g.name),
        kind: 'guardrail' as const,
        fields: desiredGuardrailFields(g, ctx, ['guardrails', i]),
        pos: ctx.position(['guardrails', i, 'name']),
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
};
