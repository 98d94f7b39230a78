// `oradmin export`: the live organization as a desired-state file on which `plan` is empty. It
// writes what each resource kind's live mapping gives (live-inventory.ts), so export and plan agree
// by construction; leaves out what the file cannot express (inexpressible.ts), so that a first
// apply changes nothing; and checks its own output with `validate`'s checks. Pure: no I/O.
import { validateSources } from '../config/load.js';
import { parseSource } from '../config/source.js';
import { address } from '../core/address.js';
import { DEFAULT_WORKSPACE, PlanContext } from '../core/context.js';
import type { LiveKeyAssignment, LiveState } from '../core/live.js';
import type { Kind } from '../core/types.js';
import type { Diagnostic } from '../errors.js';
import { resourceKind } from '../resources/registry.js';
import { displayGuardrailField } from '../resources/guardrail-settings.js';
import type { LiveObject } from '../resources/types.js';
import { DEFAULT_SCHEMA_PATH, exportYaml } from './export-yaml.js';
import { guardrailEntry, keyEntry, workspaceEntry, type Entry } from './file-entries.js';
import { terminalText } from '../untrusted.js';
import {
  duplicateIdentities,
  guardrailProblem,
  interruptedCreations,
  keyBinding,
  memberProblem,
  unknownModels,
  unknownModelsReason,
} from './inexpressible.js';
import { compare, liveInventory, type LiveInventory } from './live-inventory.js';
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
  /** The file's data as written (before YAML): what `import` picks single objects from. */
  body: Entry;
  /**
   * Live objects absent from the file because it cannot express them; `plan` lists them as
   * unmanaged — except member bindings, whose members go under `ignore.members` (a declared list is
   * the complete set, so an unlisted binding would otherwise be removed).
   */
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
  const run = new ExportRun(ctx, liveInventory(ctx, opts.workspaces));
  const workspaces = workspaceSection(run);
  const guardrails = guardrailSection(run);
  const keys = keySection(run, guardrails);
  run.notes.push(...interruptedCreations(ctx, (slug) => run.inventory.slugs.includes(slug)));

  const body: Entry = {
    version: 1,
    unmanaged: { keys: 'report', guardrails: 'report', workspaces: 'report', members: 'report' },
  };
  const ignored = live.workspaces.map((w) => w.slug).filter((s) => !run.inventory.slugs.includes(s)).sort(compare);
  // A declared members list is the complete set: a binding the file cannot name (a former member)
  // would be removed by the first apply. Ignoring that member keeps export → plan empty.
  const ignoredMembers = [...run.ignoredMembers].sort(compare);
  if (ignored.length > 0 || ignoredMembers.length > 0) {
    body.ignore = { ...(ignored.length > 0 ? { workspaces: ignored } : {}), ...(ignoredMembers.length > 0 ? { members: ignoredMembers } : {}) };
  }
  Object.assign(body, { workspaces, guardrails, keys });

  const leftOut = [...run.leftOut].map(([addr, message]) => ({ address: addr, message })).sort((a, b) => compare(a.address, b.address));
  const yaml = exportYaml(body, header(opts, ignored, leftOut));
  const invalid = validateSources([parseSource(opts.file ?? '<stdout>', yaml, [])], [], opts.now).errors;
  return {
    yaml,
    body,
    leftOut,
    notes: run.notes,
    invalid,
    counts: { workspaces: workspaces.length, guardrails: guardrails.length, keys: keys.length },
  };
}

/** What one export has gathered so far, and what it has left out. */
class ExportRun {
  readonly leftOut = new Map<string, string>();
  /** Members whose bindings are left out: listed under `ignore.members`. */
  readonly ignoredMembers = new Set<string>();
  readonly notes: ExportNote[] = [];

  constructor(
    readonly ctx: PlanContext,
    readonly inventory: LiveInventory,
  ) {}

  /** The first reason found is the one reported. */
  leaveOut(addr: string, reason: string): void {
    if (!this.leftOut.has(addr)) this.leftOut.set(addr, reason);
  }

  /** Sorted e-mails of the member bindings selected; a binding the file cannot name is left out. */
  memberEmails(kind: Extract<Kind, 'workspace_member' | 'guardrail_member'>, selected: (m: LiveObject) => boolean): string[] {
    return this.inventory
      .of(kind)
      .filter(selected)
      .flatMap((m) => {
        const problem = memberProblem(this.ctx, m);
        if (problem) {
          this.leaveOut(m.address, `${problem}; listed under ignore.members, so that plan neither removes nor reports it`);
          this.ignoredMembers.add(m.name);
        }
        return problem ? [] : [m.name];
      })
      .sort(compare);
  }
}

function workspaceSection(run: ExportRun): Entry[] {
  const { ctx, inventory } = run;
  return inventory.of('workspace').map((w) => {
    const slug = w.name;
    let dg = inventory.of('workspace_default_guardrail').find((g) => g.workspace === slug);
    const unknown = dg ? unknownModels(ctx, dg.fields) : [];
    if (dg && unknown.length > 0) {
      run.notes.push({ address: dg.address, message: `not exported, so the file does not manage it: ${unknownModelsReason(unknown)}` });
      dg = undefined;
    }
    const budgets = inventory.of('workspace_budget').filter((b) => b.workspace === slug);
    const members = run.memberEmails('workspace_member', (m) => m.workspace === slug);
    const fitted = fitWorkspace(workspaceEntry(w, budgets, members, dg && withModelSlugs(dg, ctx)));
    for (const problem of fitted.dropped) {
      run.notes.push({ address: w.address, message: `${problem} — a value the file format does not know; not exported, so the file does not manage it` });
    }
    return fitted.entry;
  });
}

function guardrailSection(run: ExportRun): Entry[] {
  const all = run.inventory.of('guardrail');
  for (const [addr, reason] of duplicateIdentities(all, 'guardrail')) run.leaveOut(addr, reason);
  return all.flatMap((g): Entry[] => {
    if (run.leftOut.has(g.address)) return [];
    const entry = guardrailEntry(withModelSlugs(g, run.ctx), []);
    const problem = guardrailProblem(run.ctx, g) ?? misfitReason('guardrails', entry);
    if (problem) {
      run.leaveOut(g.address, problem);
      return [];
    }
    // Members only once the guardrail is in: the bindings of one left out go with it.
    entry.members = run.memberEmails('guardrail_member', (m) => m.workspace === g.workspace && m.exec.guardrail === g.name);
    return [entry];
  });
}

function keySection(run: ExportRun, guardrails: readonly Entry[]): Entry[] {
  const { ctx } = run;
  const declared = new Set(guardrails.map((g) => address.guardrail((g.workspace as string | undefined) ?? DEFAULT_WORKSPACE, g.name as string)));
  const assignments = new Map<string, LiveKeyAssignment[]>();
  for (const a of ctx.live.keyAssignments) assignments.set(a.key_hash, [...(assignments.get(a.key_hash) ?? []), a]);
  const memberEmails = new Set(ctx.live.orgMembers.map((m) => m.email));
  const all = run.inventory.of('key');
  for (const [addr, reason] of duplicateIdentities(all, 'key')) run.leaveOut(addr, reason);
  return all.flatMap((k): Entry[] => {
    if (run.leftOut.has(k.address)) return [];
    const binding = keyBinding(ctx, k, assignments.get(k.id) ?? [], (a) => declared.has(a));
    if ('problem' in binding) {
      run.leaveOut(k.address, binding.problem);
      return [];
    }
    const entry = keyEntry(k, resourceKind('key').defaults, binding.guardrail, (e) => memberEmails.has(e));
    const misfit = misfitReason('keys', entry);
    if (misfit) {
      run.leaveOut(k.address, misfit);
      return [];
    }
    return [entry];
  });
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
    lines.push(
      ignored.length === 1
        ? `Workspace ${terminalText(ignored[0]!)} is under ignore:, so that plan neither reports nor changes it.`
        : `Workspaces ${terminalText(ignored.join(', '))} are under ignore:, so that plan neither reports nor changes them.`,
    );
  }
  lines.push(
    'unmanaged: report everywhere, so that a first apply deletes nothing.',
    'Before apply can create a key, say where its secret goes, for example:',
    '  secrets:',
    '    file: .oradmin/secrets.json   # keep it out of git; or command: ["./store-secret.sh"]',
  );
  if (leftOut.length > 0) {
    lines.push('Left out, as the file cannot express them (see the warnings of the export; plan lists them as unmanaged):');
    // A comment ends at a line break: a name with one must not be able to write YAML after it.
    for (const o of leftOut) lines.push(`  ${terminalText(o.address)}`);
  }
  return lines;
}

/**
 * The API stores model lists canonically; the file is written with the catalog's slugs, as a person
 * would write it (plan compares canonical forms, so it stays empty).
 */
function withModelSlugs(g: LiveObject, ctx: PlanContext): LiveObject {
  return { ...g, fields: Object.fromEntries(Object.entries(g.fields).map(([f, v]) => [f, displayGuardrailField(f, v, ctx)])) };
}
