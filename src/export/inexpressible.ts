// Live objects the file format cannot express faithfully. Export leaves each of them out of the
// file — then `plan` lists it as unmanaged and, with `unmanaged: report`, a first apply leaves it
// alone — rather than write something that would mean a different organization. Every reason says
// what to change in OpenRouter so that the next export can include the object.
import { address } from '../core/address.js';
import type { PlanContext } from '../core/context.js';
import type { LiveKeyAssignment } from '../core/live.js';
import type { Kind } from '../core/types.js';
import { parsePendingName } from '../resources/key-pending.js';
import type { LiveObject } from '../resources/types.js';

/**
 * The file names keys and guardrails by (workspace, name): two live objects with one identity
 * cannot both be declared, and declaring one makes plan fail on the ambiguity. Address → reason.
 */
export function duplicateIdentities(objects: readonly LiveObject[], kind: Extract<Kind, 'key' | 'guardrail'>): Map<string, string> {
  const byAddress = new Map<string, LiveObject[]>();
  for (const o of objects) byAddress.set(o.address, [...(byAddress.get(o.address) ?? []), o]);
  const out = new Map<string, string>();
  for (const [address, list] of byAddress) {
    if (list.length < 2) continue;
    out.set(
      address,
      `${list.length} live ${kind}s share this name (${kind === 'key' ? 'hashes' : 'ids'} ${list.map((o) => o.id).join(', ')}); ` +
        'rename all but one in OpenRouter, then export again',
    );
  }
  return out;
}

/** Why a (uniquely named) live guardrail cannot be declared, if it cannot. */
export function guardrailProblem(ctx: PlanContext, g: LiveObject): string | undefined {
  const live = ctx.guardrailById(g.id);
  if (live && live.workspace_id === null) {
    // Reference, Guardrail.workspace_id: null is "an unscoped legacy guardrail predating workspaces"
    // and "does not mean the default workspace"; the file can only place a guardrail in a workspace.
    return (
      'a legacy guardrail without a workspace (workspace_id null), which the file can only place in a workspace; ' +
      'create an equivalent guardrail in a workspace, move its keys and members to it, then export again'
    );
  }
  const unknown = unknownModels(ctx, g.fields);
  if (unknown.length > 0) return unknownModelsReason(unknown);
  return undefined;
}

/**
 * Models of a guardrail's lists that the model catalog does not know (a retired model): the
 * planner checks every declared model against the catalog, so a file naming one cannot be planned.
 * Without a catalog (not read) nothing is checked.
 */
export function unknownModels(ctx: PlanContext, fields: Record<string, unknown>): string[] {
  const models = ctx.live.models;
  if (!models) return [];
  const known = new Set(models.flatMap((m) => [m.id, m.canonical_slug]));
  const listed = [...((fields.allowed_models as string[] | null) ?? []), ...((fields.ignored_models as string[] | null) ?? [])];
  return listed.filter((m) => !known.has(m));
}

export function unknownModelsReason(unknown: readonly string[]): string {
  return (
    `its model lists name ${unknown.map((m) => `"${m}"`).join(', ')}, which the model catalog no longer has, ` +
    'and plan refuses unknown models; remove them from the guardrail in OpenRouter, then export again'
  );
}

export type KeyBinding = { guardrail: string | null } | { problem: string };

/**
 * The guardrail a key is bound to, by a name the file can use (`guardrail:` names a guardrail of
 * the key's own workspace that the file declares) — or why it cannot be written. A key exported
 * without its binding would have it removed by the next apply, so such a key is left out whole.
 */
export function keyBinding(
  ctx: PlanContext,
  key: LiveObject,
  assignments: readonly LiveKeyAssignment[],
  declaredGuardrail: (address: string) => boolean,
): KeyBinding {
  if (assignments.length === 0) return { guardrail: null };
  if (assignments.length > 1) {
    return { problem: `bound to ${assignments.length} guardrails, where the API allows one; unbind all but one in OpenRouter, then export again` };
  }
  const a = assignments[0]!;
  const g = ctx.guardrailById(a.guardrail_id);
  if (!g) {
    return { problem: `bound to guardrail ${a.guardrail_id}, which no workspace's guardrail list shows; bind it to a guardrail of its workspace in OpenRouter, then export again` };
  }
  const owner = ctx.workspaceOfDefaultGuardrail(g.id);
  if (owner) {
    return {
      problem:
        `bound to the default guardrail of workspace "${owner.slug}", which guardrail: cannot name; ` +
        'unbind it in OpenRouter (the default guardrail already applies to all of the workspace\'s traffic), then export again',
    };
  }
  if (g.workspace_id !== ctx.workspaceBySlug(key.workspace!)?.id) {
    const where = g.workspace_id === null ? 'a legacy guardrail without a workspace' : `a guardrail of workspace "${ctx.slugOf(g.workspace_id)}"`;
    return {
      problem:
        `bound to guardrail "${g.name}", ${where}, and a key and its guardrail must share a workspace; ` +
        `bind it to a guardrail of workspace "${key.workspace}" in OpenRouter, then export again`,
    };
  }
  const gAddress = address.guardrail(key.workspace!, g.name);
  if (!declaredGuardrail(gAddress)) {
    return { problem: `bound to guardrail "${g.name}", which is left out too (see ${gAddress}); fix that one first` };
  }
  return { guardrail: g.name };
}

/** A member binding whose user is not (or no longer) an organization member cannot be named by e-mail. */
export function memberProblem(ctx: PlanContext, m: LiveObject): string | undefined {
  if (ctx.live.orgMembers.some((o) => o.email === m.name)) return undefined;
  return (
    `user ${m.exec.user_id as string} is not a member of the organization, so the file cannot name them ` +
    '(plan resolves members against /organization/members); remove the binding in OpenRouter, then export again'
  );
}

/**
 * Keys in the middle of oradmin's creation protocol (resources/key-pending.ts): never exported.
 * What the next apply does with each follows key.ts's `finalize`.
 */
export function interruptedCreations(ctx: PlanContext, wanted: (slug: string) => boolean): { address: string; message: string }[] {
  return ctx.live.keys.flatMap((k) => {
    const pending = parsePendingName(k.name);
    const slug = ctx.slugOf(k.workspace_id);
    if (!pending || !wanted(slug)) return [];
    return [
      {
        address: address.key(slug, k.name),
        message:
          `an interrupted oradmin creation of key "${pending.name}", not exported; the next apply finishes it if the file ` +
          `declares a new key "${pending.name}" in workspace "${slug}", and otherwise deletes it`,
      },
    ];
  });
}
