// key_guardrail.<slug>/<key>: which guardrail a declared key is bound to. A key holds at most one
// guardrail and assigning another moves it (API README), so a change is a single `assign`.
// A key's `guardrail` omitted means none: a live binding of a declared key is removed. For keys
// created or replaced by the plan, the creation protocol binds the guardrail itself.
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE } from '../core/context.js';
import { readCountedList } from '../api/paginate.js';
import { BulkAssignKeysRequest, BulkAssignKeysResponse, BulkUnassignKeysRequest, BulkUnassignKeysResponse, ListKeyAssignmentsResponse } from '../api/schemas.js';
import { countedBulk } from '../api/bulk.js';
import { first, pathOf } from './calls.js';
import type { ResourceKind } from './types.js';
import type { Requester } from '../api/client.js';
import { isOradminKeyName } from './key-predecessor.js';

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
      if (typeof k.guardrail !== 'string' || k.absent) return [];
      const slug = k.workspace ?? DEFAULT_WORKSPACE;
      return [
        {
          address: address.keyGuardrail(slug, k.name),
          kind: 'key_guardrail' as const,
          fields: { guardrail: k.guardrail },
          path: ['keys', i, 'guardrail'],
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
      if (!k || !g || isOradminKeyName(k.name)) return [];
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

  effect(op) {
    // Binding an unguarded key narrows it; moving it to another guardrail may loosen it (the
    // planner does not compare guardrails), and unbinding frees it.
    if (op.action === 'assign') return op.changes?.some((c) => c.field === 'guardrail' && c.before !== null) ? 'widens' : 'narrows';
    return 'widens';
  },

  /** One bulk call per guardrail: assign to the new one, unassign from the live one. */
  batchKey(op) {
    return op.action === 'assign' ? `${op.exec.workspace}/${op.exec.guardrail}` : (op.exec.guardrail_id as string);
  },

  async execute(ops, ctx) {
    const op = first(ops);
    const assigning = op.action === 'assign';
    const gAddress = assigning ? address.guardrail(op.exec.workspace as string, op.exec.guardrail as string) : undefined;
    const id = gAddress ? ctx.ids.require(gAddress) : (op.exec.guardrail_id as string);
    await bindKeys(ctx.client, {
      guardrailId: id,
      label: gAddress ?? `guardrail ${id}`,
      hashes: ops.map((o) => o.exec.hash as string),
      assign: assigning,
      address: op.address,
    });
  },
};

/**
 * Binds keys to a guardrail (or unbinds them), in bulk calls of 100 whose counts are checked.
 * Also used by the key-creation protocol to secure a new key before its secret is delivered.
 */
export async function bindKeys(
  client: Requester,
  spec: { guardrailId: string; label: string; hashes: readonly string[]; assign: boolean; address: string },
): Promise<void> {
  const id = spec.guardrailId;
  await countedBulk({
    what: `${spec.assign ? 'assign keys to' : 'unassign keys from'} ${spec.label}`,
    ids: spec.hashes,
    present: spec.assign,
    call: async (key_hashes) =>
      spec.assign
        ? (await client.request({ operation: 'bulkAssignKeysToGuardrail', method: 'POST', path: pathOf('/guardrails/{id}/assignments/keys', { id }), body: { key_hashes }, bodySchema: BulkAssignKeysRequest, responseSchema: BulkAssignKeysResponse, address: spec.address })).assigned_count
        : (await client.request({ operation: 'bulkUnassignKeysFromGuardrail', method: 'POST', path: pathOf('/guardrails/{id}/assignments/keys/remove', { id }), body: { key_hashes }, bodySchema: BulkUnassignKeysRequest, responseSchema: BulkUnassignKeysResponse, address: spec.address })).unassigned_count,
    verify: async () =>
      new Set(
        (await readCountedList(client, { operation: 'listGuardrailKeyAssignments', path: pathOf('/guardrails/{id}/assignments/keys', { id }), schema: ListKeyAssignmentsResponse, idOf: (a) => a.id })).map((a) => a.key_hash),
      ),
  });
}
