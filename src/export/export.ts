// `oradmin export`: the live organization as a desired-state file. It reuses each resource kind's
// own mapping of live objects to the file's shape (resources/*.live), so that what export writes is
// by construction what plan compares — `plan` on an exported file is empty. Pure: no I/O.
import { Document, isMap, isSeq, isScalar, type Node } from 'yaml';
import { PlanContext, DEFAULT_WORKSPACE } from '../core/context.js';
import type { LiveState } from '../core/live.js';
import { canonicalJson } from '../core/normalize.js';
import { RESOURCE_KINDS } from '../resources/registry.js';
import type { LiveObject } from '../resources/types.js';
import { ZDR_FIELDS } from '../resources/guardrail-settings.js';
import type { Kind } from '../core/types.js';

export interface ExportOptions {
  /** Only these workspace slugs (and what lives in them). */
  workspaces?: readonly string[];
  now: Date;
  schemaPath?: string;
}

export interface ExportResult {
  yaml: string;
  /** Live objects that cannot be expressed faithfully, with what to do; left out of the file. */
  problems: string[];
  counts: { workspaces: number; guardrails: number; keys: number };
}

type Obj = Record<string, unknown>;

export function exportOrganization(live: LiveState, opts: ExportOptions): ExportResult {
  // The planner's context over an empty file: every live object, mapped to the file's shape.
  const ctx = new PlanContext({ config: { version: 1 }, locate: () => ({ file: '', line: 1, col: 1 }), live, now: opts.now });
  const problems: string[] = [];
  const wanted = (slug: string | undefined) => !opts.workspaces || opts.workspaces.includes(slug ?? DEFAULT_WORKSPACE);
  const objects = new Map<Kind, LiveObject[]>();
  for (const rk of RESOURCE_KINDS) {
    const all = rk.live(ctx).filter((o) => wanted(o.workspace));
    // Two live objects with one identity cannot both be declared: the file names objects by identity.
    const byAddress = new Map<string, LiveObject[]>();
    for (const o of all) byAddress.set(o.address, [...(byAddress.get(o.address) ?? []), o]);
    const unique: LiveObject[] = [];
    for (const [address, list] of byAddress) {
      if (list.length === 1) unique.push(list[0]!);
      else if (rk.kind === 'key' || rk.kind === 'guardrail' || rk.kind === 'workspace') {
        problems.push(
          `${address}: ${list.length} live ${rk.kind}s share this name (ids ${list.map((o) => o.id).join(', ')}); ` +
            'left out — rename all but one in OpenRouter, then export again',
        );
      }
    }
    objects.set(rk.kind, unique.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)));
  }
  const of = (kind: Kind) => objects.get(kind) ?? [];
  const rk = (kind: Kind) => RESOURCE_KINDS.find((k) => k.kind === kind)!;
  const skipped = new Set(problems.map((p) => p.split(':')[0]));

  const workspaces = of('workspace')
    .sort((a, b) => (a.name === DEFAULT_WORKSPACE ? -1 : b.name === DEFAULT_WORKSPACE ? 1 : a.name < b.name ? -1 : 1))
    .map((w) => {
      const slug = w.name;
      const out: Obj = { slug, ...w.fields };
      const budgets: Obj = {};
      for (const interval of ['lifetime', 'monthly', 'weekly', 'daily']) {
        const b = of('workspace_budget').find((o) => o.workspace === slug && o.name === interval);
        if (b) budgets[interval] = b.fields.limit_usd;
      }
      // Budgets and members are written even when empty: the file then manages them completely.
      if (Object.keys(budgets).length === 0) delete out.include_byok_in_budgets; // set through budgets only
      out.budgets = budgets;
      if (slug !== DEFAULT_WORKSPACE) {
        out.members = of('workspace_member').filter((m) => m.workspace === slug).map((m) => m.name).sort();
      }
      const dg = of('workspace_default_guardrail').find((g) => g.workspace === slug);
      if (dg) out.default_guardrail = guardrailSettings(withoutDefaults(dg.fields, rk('workspace_default_guardrail').defaults));
      return out;
    });

  const keyGuardrails = new Map(of('key_guardrail').map((b) => [`${b.workspace}/${b.exec.key}`, b]));
  const guardrailNames = new Set(of('guardrail').map((g) => `${g.workspace}/${g.name}`));
  const guardrails = of('guardrail').map((g) => {
    const out: Obj = { name: g.name };
    if (g.workspace !== DEFAULT_WORKSPACE) out.workspace = g.workspace;
    Object.assign(out, guardrailSettings(withoutDefaults(g.fields, rk('guardrail').defaults)));
    out.members = of('guardrail_member')
      .filter((m) => m.workspace === g.workspace && m.exec.guardrail === g.name)
      .map((m) => m.name)
      .sort();
    return out;
  });

  const keys = of('key').map((k) => {
    const out: Obj = { name: k.name };
    if (k.workspace !== DEFAULT_WORKSPACE) out.workspace = k.workspace;
    Object.assign(out, withoutDefaults(k.fields, rk('key').defaults));
    if (out.creator_user_id === null) delete out.creator_user_id;
    const binding = keyGuardrails.get(`${k.workspace}/${k.name}`);
    if (binding) {
      const target = `${k.workspace}/${binding.fields.guardrail as string}`;
      if (guardrailNames.has(target) && !skipped.has(`guardrail.${target}`)) out.guardrail = binding.fields.guardrail;
      else problems.push(`${k.address}: bound to guardrail "${binding.fields.guardrail as string}", which cannot be exported; binding left out`);
    }
    return out;
  });
  // A key bound to a guardrail of another workspace (legacy data): the API forbids it today.
  for (const a of live.keyAssignments) {
    const key = ctx.keyByHash(a.key_hash);
    const g = ctx.guardrailById(a.guardrail_id);
    if (key && g && key.workspace_id !== g.workspace_id && wanted(ctx.slugOf(key.workspace_id))) {
      problems.push(
        `key.${ctx.slugOf(key.workspace_id)}/${key.name}: bound to guardrail "${g.name}" of workspace "${ctx.slugOf(g.workspace_id)}"; ` +
          'a key and its guardrail must share a workspace — binding left out; bind it to a guardrail of its own workspace',
      );
    }
  }

  const body: Obj = {
    version: 1,
    unmanaged: { keys: 'report', guardrails: 'report', workspaces: 'report', members: 'report' },
  };
  if (opts.workspaces) body.ignore = { workspaces: ignoredWorkspaces(live, opts.workspaces) };
  body.workspaces = workspaces;
  body.guardrails = guardrails;
  body.keys = keys;

  const doc = new Document(body);
  doc.commentBefore =
    ` yaml-language-server: $schema=${opts.schemaPath ?? './schemas/openrouter.admin.schema.json'}\n` +
    `\n Exported by \`oradmin export\` on ${opts.now.toISOString()}${opts.workspaces ? ` (workspaces: ${opts.workspaces.join(', ')})` : ''}.\n` +
    ' `unmanaged: report` everywhere, so a first apply deletes nothing. Before apply can create keys,\n' +
    ' say where their secrets go, e.g.:\n' +
    '   secrets:\n' +
    '     file: .oradmin/secrets.json   # git-ignored; or command: ["./store-secret.sh"]';
  flowShortLists(doc.contents as Node);
  return {
    yaml: doc.toString({ lineWidth: 0, flowCollectionPadding: false }),
    problems: [...new Set(problems)],
    counts: { workspaces: workspaces.length, guardrails: guardrails.length, keys: keys.length },
  };
}

function withoutDefaults(fields: Obj, defaults: Readonly<Obj>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k in defaults && canonicalJson(v) === canonicalJson(defaults[k])) continue;
    out[k] = v;
  }
  return out;
}

/** Five equal per-provider ZDR settings are written as the `enforce_zdr` shorthand. */
function guardrailSettings(fields: Obj): Obj {
  const values = ZDR_FIELDS.map((f) => fields[f]);
  if (values.every((v) => v !== undefined && v === values[0])) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(fields)) {
      if ((ZDR_FIELDS as readonly string[]).includes(k)) {
        if (k === ZDR_FIELDS[0]) out.enforce_zdr = v;
      } else {
        out[k] = v;
      }
    }
    return out;
  }
  return fields;
}

/**
 * A partial export manages only the chosen workspaces; the others are put under `ignore:` so that a
 * plan on the file neither reports nor touches them.
 */
function ignoredWorkspaces(live: LiveState, chosen: readonly string[]): string[] {
  return live.workspaces.map((w) => w.slug).filter((s) => !chosen.includes(s)).sort();
}

/** Lists of a few scalars (providers, members, budgets) read best on one line. */
function flowShortLists(node: Node | null): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const v = pair.value as Node | null;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isSeq(v) && v.items.length <= 8 && v.items.every((i) => isScalar(i))) v.flow = true;
      else if (isMap(v) && (key === 'budgets' || key === 'unmanaged')) v.flow = true;
      else flowShortLists(v);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) flowShortLists(item as Node);
  }
}
