// key_guardrail.<slug>/<key>: which guardrail a declared key is bound to. A key holds at most one
// guardrail and assigning another moves it (API README), so a change is a single `assign`.
// A key's `guardrail` omitted means none: a live binding of a declared key is removed. For keys
// created or replaced by the plan, the creation protocol binds the guardrail itself.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import type { ResourceKind } from './types.js';
import { parsePendingName } from './key-pending.js';

export const keyGuardrail: ResourceKind = {
  kind: 'key_guardrail',
  rank: 4,
  addAction: 'assign',
  removeAction: 'unassign',
  changeAction: 'assign',
  fields: ['guardrail'],
  immutable: [],
  defaults: {},

  desired(ctx) {
    return (ctx.config.keys ?? []).flatMap((k, i) => {
      if (typeof k.guardrail !== 'string') return [];
      const slug = k.workspace ?? DEFAULT_WORKSPACE;
      return [
        {
          address: address.keyGuardrail(slug, k.name),
          kind: 'key_guardrail' as const,
          fields: { guardrail: k.guardrail },
          pos: ctx.position(['keys', i, 'guardrail']),
          // The key's hash when it exists; a key created by this plan binds its guardrail itself.
          exec: { workspace: slug, key: k.name, guardrail: k.guardrail, hash: ctx.liveKey(slug, k.name)?.hash },
        },
      ];
    });
  },

  live(ctx) {
    return ctx.live.keyAssignments.flatMap((a) => {
      const k = ctx.keyByHash(a.key_hash);
      const g = ctx.guardrailById(a.guardrail_id);
      if (!k || !g || parsePendingName(k.name)) return [];
      const slug = ctx.slugOf(k.workspace_id);
      return [
        {
          address: address.keyGuardrail(slug, k.name),
          kind: 'key_guardrail' as const,
          id: a.key_hash,
          name: k.name,
          workspace: slug,
          fields: { guardrail: g.name },
          exec: { workspace: slug, key: k.name, hash: k.hash, guardrail_id: g.id, live_guardrail: g.name },
        },
      ];
    });
  },

  orphan(obj, ctx) {
    return ctx.isKeyDeclared(obj.workspace!, obj.exec.key as string) ? 'remove' : 'skip';
  },

  supersededBy(op) {
    return address.key(op.exec.workspace as string, op.exec.key as string);
  },

  dependsOn(op, index) {
    if (op.action !== 'assign') return [];
    const gOp = index.get(address.guardrail(op.exec.workspace as string, op.exec.guardrail as string));
    return gOp?.action === 'create' ? [gOp.address] : [];
  },
};
