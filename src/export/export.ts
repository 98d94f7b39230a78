// `oradmin export`: the live organization as a desired-state file on which `plan` is empty. It
// writes what each resource kind's live mapping gives (live-inventory.ts), so export and plan agree
// by construction; leaves out what the file cannot express (inexpressible.ts), so that a first
// apply changes nothing; and checks its own output with `validate`'s checks. Pure: no I/O.
import { validateSources } from '../config/load.js';
import { address } from '../core/address.js';
import { parseSource } from '../config/source.js';
import { DEFAULT_WORKSPACE, PlanContext } from '../core/context.js';
import type { LiveKeyAssignment, LiveState } from '../core/live.js';
import type { Kind } from '../core/types.js';
import type { Diagnostic } from '../errors.js';
import { resourceKind } from '../resources/registry.js';
import type { LiveObject } from '../resources/types.js';
import { DEFAULT_SCHEMA_PATH, exportYaml } from './export-yaml.js';
import { guardrailEntry, keyEntry, workspaceEntry, type Entry } from './file-entries.js';
import {
  duplicateIdentities,
  guardrailProblem,
  interruptedCreations,
  keyBinding,
  memberProblem,
  unknownModels,
  unknownModelsReason,
} from './inexpressible.js';
import { compare, liveInventory } from './live-inventory.js';
import { fitWorkspace, schemaMisfit } from './schema-fit.js';

export interface ExportOptions {
  /** Only these workspace slugs and what lives in them; the others go under `ignore.workspaces`. */
  workspaces?: readonly string[];
  now: Date;
  /** Named in the header's `$schema` comment. */
  schemaPath?: string;
  /** Where the file goes, for positions in `invalid` (stdout when undefined). */
  file?: string;
}

export interface ExportNote {
  /** The live object concerned. */
  address: string;
  message: string;
}

export interface ExportResult {
  yaml: string;
  /** Live objects absent from the file because it cannot express them; `plan` lists them as unmanaged. */
  leftOut: ExportNote[];
  /** What else the file does not say: settings it cannot hold (left unmanaged), interrupted key creations. */
  notes: ExportNote[];
  /** `validate`'s errors on the exported file — none unless an API value slipped past the checks (a bug). */
  invalid: Diagnostic[];
  counts: { workspaces: number; guardrails: number; keys: number };
}

export function exportOrganization(live: LiveState, opts: ExportOptions): ExportResult {
  // The planner's own context over an empty file: every live object in the file's shape.
  const ctx = new PlanContext({ config: { version: 1 }, locate: () => ({ file: '', line: 1, col: 1 }), live, now: opts.now });
  const inventory = liveInventory(ctx, opts.workspaces);
  const leftOut = new Map<string, string>();
  const notes: ExportNote[] = [];
  const leaveOut = (addr: string, reason: string) => {
    if (!leftOut.has(addr)) leftOut.set(addr, reason);
  };
  const memberEmails = (kind: Extract<Kind, 'workspace_member' | 'guardrail_member'>, of: (m: LiveObject) => boolean) =>
    inventory
      .of(kind)
      .filter(of)
      .flatMap((m) => {
        const problem = memberProblem(ctx, m);
        if (problem) leaveOut(m.address, problem);
        return problem ? [] : [m.name];
      })
      .sort(compare);

  const workspaces = inventory.of('workspace').map((w) => {
    const slug = w.name;
    let dg = inventory.of('workspace_default_guardrail').find((g) => g.workspace === slug);
    const unknown = dg ? unknownModels(ctx, dg.fields) : [];
    if (dg && unknown.length > 0) {
      notes.push({ address: dg.address, message: `not exported, so the file does not manage it: ${unknownModelsReason(unknown)}` });
      dg = undefined;
    }
    const budgets = inventory.of('workspace_budget').filter((b) => b.workspace === slug);
    const members = memberEmails('workspace_member', (m) => m.workspace === slug);
    const fitted = fitWorkspace(workspaceEntry(w, budgets, members, dg));
    for (const problem of fitted.dropped) {
      notes.push({ address: w.address, message: `${problem} — a value the file format does not know; not exported, so the file does not manage it` });
    }
    return fitted.entry;
  });

  for (const [addr, reason] of duplicateIdentities(inventory.of('guardrail'), 'guardrail')) leaveOut(addr, reason);
  const guardrails = inventory.of('guardrail').flatMap((g): Entry[] => {
    if (leftOut.has(g.address)) return [];
    const entry = guardrailEntry(g, []);
    const problem = guardrailProblem(ctx, g) ?? misfitReason('guardrails', entry);
    if (problem) {
      leaveOut(g.address, problem);
      return [];
    }
    entry.members = memberEmails('guardrail_member', (m) => m.workspace === g.workspace && m.exec.guardrail === g.name);
    return [entry];
  });

  const declaredGuardrails = new Set(guardrails.map((g) => address.guardrail((g.workspace as string | undefined) ?? DEFAULT_WORKSPACE, g.name as string)));
  const assignments = new Map<string, LiveKeyAssignment[]>();
  for (const a of live.keyAssignments) assignments.set(a.key_hash, [...(assignments.get(a.key_hash) ?? []), a]);
  const memberEmailSet = new Set(live.orgMembers.map((m) => m.email));
  for (const [addr, reason] of duplicateIdentities(inventory.of('key'), 'key')) leaveOut(addr, reason);
  const keys = inventory.of('key').flatMap((k): Entry[] => {
    if (leftOut.has(k.address)) return [];
    const binding = keyBinding(ctx, k, assignments.get(k.id) ?? [], (a) => declaredGuardrails.has(a));
    if ('problem' in binding) {
      leaveOut(k.address, binding.problem);
      return [];
    }
    const entry = keyEntry(k, resourceKind('key').defaults, binding.guardrail, (e) => memberEmailSet.has(e));
    const misfit = misfitReason('keys', entry);
    if (misfit) {
      leaveOut(k.address, misfit);
      return [];
    }
    return [entry];
  });
  notes.push(...interruptedCreations(ctx, (slug) => inventory.slugs.includes(slug)));

  const body: Entry = {
    version: 1,
    unmanaged: { keys: 'report', guardrails: 'report', workspaces: 'report', members: 'report' },
  };
  const ignored = live.workspaces.map((w) => w.slug).filter((s) => !inventory.slugs.includes(s)).sort(compare);
  if (ignored.length > 0) body.ignore = { workspaces: ignored };
  Object.assign(body, { workspaces, guardrails, keys });

  const leftOutList = [...leftOut].map(([addr, message]) => ({ address: addr, message })).sort((a, b) => compare(a.address, b.address));
  const yaml = exportYaml(body, header(opts, ignored, leftOutList));
  const file = opts.file ?? '<stdout>';
  const invalid = validateSources([parseSource(file, yaml, [])], [], opts.now).errors;
  return {
    yaml,
    leftOut: leftOutList,
    notes,
    invalid,
    counts: { workspaces: workspaces.length, guardrails: guardrails.length, keys: keys.length },
  };
}

function misfitReason(section: 'guardrails' | 'keys', entry: Entry): string | undefined {
  const misfit = schemaMisfit(section, entry);
  return misfit && `${misfit} — a value the file format does not know; change it in OpenRouter, or upgrade oradmin`;
}

function header(opts: ExportOptions, ignored: readonly string[], leftOut: readonly ExportNote[]): string[] {
  const when = opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const lines = [
    `yaml-language-server: $schema=${opts.schemaPath ?? DEFAULT_SCHEMA_PATH}`,
    '',
    `Exported from the live organization by \`oradmin export\` on ${when}.`,
  ];
  if (ignored.length > 0) {
    lines.push(`Workspaces ${ignored.join(', ')} are under ignore:, so that plan neither reports nor changes them.`);
  }
  lines.push(
    'unmanaged: report everywhere, so that a first apply deletes nothing.',
    'Before apply can create a key, say where its secret goes, for example:',
    '  secrets:',
    '    file: .oradmin/secrets.json   # keep it out of git; or command: ["./store-secret.sh"]',
  );
  if (leftOut.length > 0) {
    lines.push('Left out, as the file cannot express them (see the warnings of the export; plan lists them as unmanaged):');
    for (const o of leftOut) lines.push(`  ${o.address}`);
  }
  return lines;
}
