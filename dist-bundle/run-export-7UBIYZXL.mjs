import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  SCHEMA_FILE
} from "./chunk-DRKNREC3.mjs";
import {
  validateSources
} from "./chunk-JYJMQFSQ.mjs";
import {
  GUARDRAIL_DEFAULTS,
  PlanContext,
  RESOURCE_KINDS,
  ZDR_FIELDS,
  address,
  canonicalJson,
  displayGuardrailField,
  makeClient,
  parsePendingName,
  readLiveState,
  resourceKind
} from "./chunk-CVIU2U5I.mjs";
import {
  VERSION
} from "./chunk-RRS75AT4.mjs";
import {
  parseSource
} from "./chunk-EIHYN65R.mjs";
import {
  require_dist
} from "./chunk-QJXVBNKU.mjs";
import {
  OradminError,
  formatDiagnostic
} from "./chunk-5QFJAZR6.mjs";
import {
  hasUnsafeText,
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import {
  BUDGET_INTERVALS,
  DEFAULT_WORKSPACE,
  fileSchema
} from "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import {
  __toESM
} from "./chunk-IVK2YKFB.mjs";

// src/cli/run-export.ts
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

// src/export/export-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var SCHEMA_URL = `https://unpkg.com/oradmin@${VERSION}/schemas/openrouter.admin.schema.json`;
var DEFAULT_SCHEMA_PATH = SCHEMA_URL;
var FLOW_MAX_CHARS = 72;
var FLOW_MAPS = /* @__PURE__ */ new Set(["budgets", "unmanaged"]);
function exportYaml(body, header2) {
  const doc = new import_yaml.Document(body);
  doc.commentBefore = header2.map((line) => line === "" ? "" : ` ${line}`).join("\n");
  const root = doc.contents;
  if ((0, import_yaml.isMap)(root)) {
    root.items.forEach((pair, i) => {
      if (i > 0 && (0, import_yaml.isScalar)(pair.key)) pair.key.spaceBefore = true;
    });
  }
  flowShortCollections(root);
  quoteUnsafeStrings(doc);
  return escapeUnsafe(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
function quoteUnsafeStrings(doc) {
  (0, import_yaml.visit)(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && hasUnsafeText(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Pair(_, pair) {
      if ((0, import_yaml.isScalar)(pair.key) && typeof pair.key.value === "string" && hasUnsafeText(pair.key.value)) pair.key.type = "QUOTE_DOUBLE";
    }
  });
}
function escapeUnsafe(text) {
  return text.replace(/[^\n]+/g, (line) => hasUnsafeText(line) ? terminalText(line) : line);
}
function flowShortCollections(node) {
  if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) {
      const key = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
      const value = pair.value;
      if ((0, import_yaml.isSeq)(value) && value.items.every(import_yaml.isScalar) && scalarChars(value.items) <= FLOW_MAX_CHARS) value.flow = true;
      else if ((0, import_yaml.isMap)(value) && FLOW_MAPS.has(key) && value.items.every((p) => (0, import_yaml.isScalar)(p.value))) value.flow = true;
      else flowShortCollections(value);
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    for (const item of node.items) flowShortCollections(item);
  }
}
function scalarChars(items) {
  return items.reduce((n, i) => n + String((0, import_yaml.isScalar)(i) ? i.value : "").length + 2, 0);
}

// src/export/live-inventory.ts
function liveInventory(ctx, only) {
  const wanted = (slug) => only === void 0 || only.includes(slug ?? DEFAULT_WORKSPACE);
  const slugs = ctx.live.workspaces.map((w) => w.slug).filter(wanted).sort((a, b) => a === DEFAULT_WORKSPACE ? -1 : b === DEFAULT_WORKSPACE ? 1 : compare(a, b));
  const rankOf = new Map(slugs.map((s, i) => [s, i]));
  const rank = (slug) => rankOf.get(slug ?? DEFAULT_WORKSPACE) ?? slugs.length;
  const byKind = /* @__PURE__ */ new Map();
  for (const rk of RESOURCE_KINDS) {
    const objects = rk.live(ctx).filter((o) => wanted(o.workspace));
    objects.sort((a, b) => rank(a.workspace) - rank(b.workspace) || compare(a.name, b.name) || compare(a.address, b.address) || compare(a.id, b.id));
    byKind.set(rk.kind, objects);
  }
  return { slugs, of: (kind) => byKind.get(kind) ?? [] };
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/export/file-entries.ts
function withoutDefaults(fields, defaults) {
  const out = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k in defaults && canonicalJson(v) === canonicalJson(defaults[k])) continue;
    out[k] = v;
  }
  return out;
}
function guardrailSettings(fields) {
  const settings = withoutDefaults(fields, GUARDRAIL_DEFAULTS);
  const zdr = ZDR_FIELDS.map((f) => settings[f]);
  const shorthand = zdr.every((v) => v !== void 0 && v === zdr[0]);
  const out = {};
  for (const [k, v] of Object.entries(settings)) {
    if (ZDR_FIELDS.includes(k) && shorthand) {
      if (k === ZDR_FIELDS[0]) out.enforce_zdr = v;
    } else if (k === "content_filters" && Array.isArray(v)) {
      out[k] = sortedBy(v, "pattern").map((f) => withoutDefaults(f, { label: null }));
    } else if (k === "content_filter_builtins" && Array.isArray(v)) {
      out[k] = sortedBy(v, "slug");
    } else {
      out[k] = v;
    }
  }
  return out;
}
function sortedBy(list, field) {
  return [...list].sort((a, b) => compare(String(a[field]), String(b[field])));
}
function workspaceEntry(ws, budgets, members, defaultGuardrail) {
  const slug = ws.name;
  const out = { slug, ...ws.fields };
  const limits = {};
  for (const interval of BUDGET_INTERVALS) {
    const b = budgets.find((o) => o.name === interval);
    if (b) limits[interval] = b.fields.limit_usd;
  }
  if (Object.keys(limits).length === 0) delete out.include_byok_in_budgets;
  out.budgets = limits;
  if (slug !== DEFAULT_WORKSPACE) out.members = [...members];
  if (defaultGuardrail) out.default_guardrail = guardrailSettings(defaultGuardrail.fields);
  return out;
}
function guardrailEntry(g, members) {
  const out = { name: g.name };
  if (g.workspace !== DEFAULT_WORKSPACE) out.workspace = g.workspace;
  return { ...out, ...guardrailSettings(g.fields), members: [...members] };
}
function keyEntry(k, defaults, guardrail, isMemberEmail) {
  const out = { name: k.name };
  if (k.workspace !== DEFAULT_WORKSPACE) out.workspace = k.workspace;
  const { creator_user_id: creator, ...fields } = withoutDefaults(k.fields, defaults);
  Object.assign(out, fields);
  if (guardrail !== null) out.guardrail = guardrail;
  if (typeof creator === "string" && isMemberEmail(creator)) out.creator_user_id = creator;
  return out;
}

// src/export/inexpressible.ts
function duplicateIdentities(objects, kind) {
  const byAddress = /* @__PURE__ */ new Map();
  for (const o of objects) byAddress.set(o.address, [...byAddress.get(o.address) ?? [], o]);
  const out = /* @__PURE__ */ new Map();
  for (const [address2, list] of byAddress) {
    if (list.length < 2) continue;
    out.set(
      address2,
      `${list.length} live ${kind}s share this name (${kind === "key" ? "hashes" : "ids"} ${list.map((o) => o.id).join(", ")}); rename all but one in OpenRouter, then export again`
    );
  }
  return out;
}
function guardrailProblem(ctx, g) {
  const live = ctx.guardrailById(g.id);
  if (live && live.workspace_id === null) {
    return "a legacy guardrail without a workspace (workspace_id null), which the file can only place in a workspace; create an equivalent guardrail in a workspace, move its keys and members to it, then export again";
  }
  const unknown = unknownModels(ctx, g.fields);
  if (unknown.length > 0) return unknownModelsReason(unknown);
  return void 0;
}
function unknownModels(ctx, fields) {
  const models = ctx.live.models;
  if (!models) return [];
  const known = new Set(models.flatMap((m) => [m.id, m.canonical_slug]));
  const listed = [...fields.allowed_models ?? [], ...fields.ignored_models ?? []];
  return listed.filter((m) => !known.has(m));
}
function unknownModelsReason(unknown) {
  return `its model lists name ${unknown.map((m) => `"${m}"`).join(", ")}, which the model catalog no longer has, and plan refuses unknown models; remove them from the guardrail in OpenRouter, then export again`;
}
function keyBinding(ctx, key, assignments, declaredGuardrail) {
  if (assignments.length === 0) return { guardrail: null };
  if (assignments.length > 1) {
    return { problem: `bound to ${assignments.length} guardrails, where the API allows one; unbind all but one in OpenRouter, then export again` };
  }
  const a = assignments[0];
  const g = ctx.guardrailById(a.guardrail_id);
  if (!g) {
    return { problem: `bound to guardrail ${a.guardrail_id}, which no workspace's guardrail list shows; bind it to a guardrail of its workspace in OpenRouter, then export again` };
  }
  const owner = ctx.workspaceOfDefaultGuardrail(g.id);
  if (owner) {
    return {
      problem: `bound to the default guardrail of workspace "${owner.slug}", which guardrail: cannot name; unbind it in OpenRouter (the default guardrail already applies to all of the workspace's traffic), then export again`
    };
  }
  if (g.workspace_id !== ctx.workspaceBySlug(key.workspace)?.id) {
    const where = g.workspace_id === null ? "a legacy guardrail without a workspace" : `a guardrail of workspace "${ctx.slugOf(g.workspace_id)}"`;
    return {
      problem: `bound to guardrail "${g.name}", ${where}, and a key and its guardrail must share a workspace; bind it to a guardrail of workspace "${key.workspace}" in OpenRouter, then export again`
    };
  }
  const gAddress = address.guardrail(key.workspace, g.name);
  if (!declaredGuardrail(gAddress)) {
    return { problem: `bound to guardrail "${g.name}", which is left out too (see ${gAddress}); fix that one first` };
  }
  return { guardrail: g.name };
}
function memberProblem(ctx, m) {
  if (ctx.live.orgMembers.some((o) => o.email === m.name)) return void 0;
  return `user ${m.exec.user_id} is not a member of the organization, so the file cannot name them (plan resolves members against /organization/members); remove the binding in OpenRouter, then export again`;
}
function interruptedCreations(ctx, wanted) {
  return ctx.live.keys.flatMap((k) => {
    const pending = parsePendingName(k.name);
    const slug = ctx.slugOf(k.workspace_id);
    if (!pending || !wanted(slug)) return [];
    return [
      {
        address: address.key(slug, k.name),
        message: `an interrupted oradmin creation of key "${pending.name}", not exported; the next apply finishes it if the file declares a new key "${pending.name}" in workspace "${slug}", and otherwise deletes it`
      }
    ];
  });
}

// src/export/schema-fit.ts
function schemaMisfit(section, entry) {
  const issues = issuesOf(section, entry);
  return issues.length === 0 ? void 0 : issues.map((i) => describeIssue(i, entry)).join("; ");
}
function fitWorkspace(entry) {
  let fitted = entry;
  const dropped = [];
  for (; ; ) {
    const issues = issuesOf("workspaces", fitted);
    const field = issues.map((i) => i.path[2]).find((f) => typeof f === "string" && f !== "slug" && f in fitted);
    if (field === void 0) return { entry: fitted, dropped };
    dropped.push(describeIssue(issues.find((i) => i.path[2] === field), fitted));
    const { [field]: _dropped, ...rest } = fitted;
    if (field === "budgets") delete rest.include_byok_in_budgets;
    fitted = rest;
  }
}
function issuesOf(section, entry) {
  const parsed = fileSchema.safeParse({ version: 1, [section]: [entry] });
  return parsed.success ? [] : parsed.error.issues;
}
function describeIssue(issue, entry) {
  const inner = issue.path.slice(2);
  let value = entry;
  let where = "";
  for (const seg of inner) {
    value = value !== null && typeof value === "object" ? value[seg] : void 0;
    where += typeof seg === "number" ? `[${seg}]` : `${where === "" ? "" : "."}${String(seg)}`;
  }
  const shown = value === void 0 || typeof value === "object" ? "" : ` ${JSON.stringify(value)}`;
  return `${where || "the entry"}${shown}: ${issue.message}`;
}

// src/export/export.ts
function exportOrganization(live, opts) {
  const ctx = new PlanContext({ config: { version: 1 }, locate: () => ({ file: "", line: 1, col: 1 }), live, now: opts.now });
  const run = new ExportRun(ctx, liveInventory(ctx, opts.workspaces));
  const workspaces = workspaceSection(run);
  const guardrails = guardrailSection(run);
  const keys = keySection(run, guardrails);
  run.notes.push(...interruptedCreations(ctx, (slug) => run.inventory.slugs.includes(slug)));
  const body = {
    version: 1,
    unmanaged: { keys: "report", guardrails: "report", workspaces: "report", members: "report" }
  };
  const ignored = live.workspaces.map((w) => w.slug).filter((s) => !run.inventory.slugs.includes(s)).sort(compare);
  const ignoredMembers = [...run.ignoredMembers].sort(compare);
  if (ignored.length > 0 || ignoredMembers.length > 0) {
    body.ignore = { ...ignored.length > 0 ? { workspaces: ignored } : {}, ...ignoredMembers.length > 0 ? { members: ignoredMembers } : {} };
  }
  Object.assign(body, { workspaces, guardrails, keys });
  const leftOut = [...run.leftOut].map(([addr, message]) => ({ address: addr, message })).sort((a, b) => compare(a.address, b.address));
  const yaml = exportYaml(body, header(opts, ignored, leftOut));
  const invalid = validateSources([parseSource(opts.file ?? "<stdout>", yaml, [])], [], opts.now).errors;
  return {
    yaml,
    leftOut,
    notes: run.notes,
    invalid,
    counts: { workspaces: workspaces.length, guardrails: guardrails.length, keys: keys.length }
  };
}
var ExportRun = class {
  constructor(ctx, inventory) {
    this.ctx = ctx;
    this.inventory = inventory;
  }
  ctx;
  inventory;
  leftOut = /* @__PURE__ */ new Map();
  /** Members whose bindings are left out: listed under `ignore.members`. */
  ignoredMembers = /* @__PURE__ */ new Set();
  notes = [];
  /** The first reason found is the one reported. */
  leaveOut(addr, reason) {
    if (!this.leftOut.has(addr)) this.leftOut.set(addr, reason);
  }
  /** Sorted e-mails of the member bindings selected; a binding the file cannot name is left out. */
  memberEmails(kind, selected) {
    return this.inventory.of(kind).filter(selected).flatMap((m) => {
      const problem = memberProblem(this.ctx, m);
      if (problem) {
        this.leaveOut(m.address, `${problem}; listed under ignore.members, so that plan neither removes nor reports it`);
        this.ignoredMembers.add(m.name);
      }
      return problem ? [] : [m.name];
    }).sort(compare);
  }
};
function workspaceSection(run) {
  const { ctx, inventory } = run;
  return inventory.of("workspace").map((w) => {
    const slug = w.name;
    let dg = inventory.of("workspace_default_guardrail").find((g) => g.workspace === slug);
    const unknown = dg ? unknownModels(ctx, dg.fields) : [];
    if (dg && unknown.length > 0) {
      run.notes.push({ address: dg.address, message: `not exported, so the file does not manage it: ${unknownModelsReason(unknown)}` });
      dg = void 0;
    }
    const budgets = inventory.of("workspace_budget").filter((b) => b.workspace === slug);
    const members = run.memberEmails("workspace_member", (m) => m.workspace === slug);
    const fitted = fitWorkspace(workspaceEntry(w, budgets, members, dg && withModelSlugs(dg, ctx)));
    for (const problem of fitted.dropped) {
      run.notes.push({ address: w.address, message: `${problem} \u2014 a value the file format does not know; not exported, so the file does not manage it` });
    }
    return fitted.entry;
  });
}
function guardrailSection(run) {
  const all = run.inventory.of("guardrail");
  for (const [addr, reason] of duplicateIdentities(all, "guardrail")) run.leaveOut(addr, reason);
  return all.flatMap((g) => {
    if (run.leftOut.has(g.address)) return [];
    const entry = guardrailEntry(withModelSlugs(g, run.ctx), []);
    const problem = guardrailProblem(run.ctx, g) ?? misfitReason("guardrails", entry);
    if (problem) {
      run.leaveOut(g.address, problem);
      return [];
    }
    entry.members = run.memberEmails("guardrail_member", (m) => m.workspace === g.workspace && m.exec.guardrail === g.name);
    return [entry];
  });
}
function keySection(run, guardrails) {
  const { ctx } = run;
  const declared = new Set(guardrails.map((g) => address.guardrail(g.workspace ?? DEFAULT_WORKSPACE, g.name)));
  const assignments = /* @__PURE__ */ new Map();
  for (const a of ctx.live.keyAssignments) assignments.set(a.key_hash, [...assignments.get(a.key_hash) ?? [], a]);
  const memberEmails = new Set(ctx.live.orgMembers.map((m) => m.email));
  const all = run.inventory.of("key");
  for (const [addr, reason] of duplicateIdentities(all, "key")) run.leaveOut(addr, reason);
  return all.flatMap((k) => {
    if (run.leftOut.has(k.address)) return [];
    const binding = keyBinding(ctx, k, assignments.get(k.id) ?? [], (a) => declared.has(a));
    if ("problem" in binding) {
      run.leaveOut(k.address, binding.problem);
      return [];
    }
    const entry = keyEntry(k, resourceKind("key").defaults, binding.guardrail, (e) => memberEmails.has(e));
    const misfit = misfitReason("keys", entry);
    if (misfit) {
      run.leaveOut(k.address, misfit);
      return [];
    }
    return [entry];
  });
}
function misfitReason(section, entry) {
  const misfit = schemaMisfit(section, entry);
  return misfit && `${misfit} \u2014 a value the file format does not know; change it in OpenRouter, or upgrade oradmin`;
}
function header(opts, ignored, leftOut) {
  const when = opts.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const lines = [
    `yaml-language-server: $schema=${opts.schemaPath ?? DEFAULT_SCHEMA_PATH}`,
    "",
    `Exported from the live organization by \`oradmin export\` on ${when}.`
  ];
  if (ignored.length > 0) {
    lines.push(
      ignored.length === 1 ? `Workspace ${terminalText(ignored[0])} is under ignore:, so that plan neither reports nor changes it.` : `Workspaces ${terminalText(ignored.join(", "))} are under ignore:, so that plan neither reports nor changes them.`
    );
  }
  lines.push(
    "unmanaged: report everywhere, so that a first apply deletes nothing.",
    "Before apply can create a key, say where its secret goes, for example:",
    "  secrets:",
    '    file: .oradmin/secrets.json   # keep it out of git; or command: ["./store-secret.sh"]'
  );
  if (leftOut.length > 0) {
    lines.push("Left out, as the file cannot express them (see the warnings of the export; plan lists them as unmanaged):");
    for (const o of leftOut) lines.push(`  ${terminalText(o.address)}`);
  }
  return lines;
}
function withModelSlugs(g, ctx) {
  return { ...g, fields: Object.fromEntries(Object.entries(g.fields).map(([f, v]) => [f, displayGuardrailField(f, v, ctx)])) };
}

// src/cli/run-export.ts
async function runExport(opts, io, cmd, now) {
  const client = makeClient(opts, io);
  let live;
  try {
    live = await readLiveState(client, { defaultGuardrailsFor: "all", models: true });
  } finally {
    await client.close();
  }
  const slugs = live.workspaces.map((w) => w.slug);
  const unknown = (cmd.workspace ?? []).filter((s) => !slugs.includes(s));
  if (unknown.length > 0) {
    throw new OradminError(`--workspace ${unknown.join(", ")}: no such workspace (the organization has: ${slugs.join(", ")})`);
  }
  const local = path.join(path.dirname(path.resolve(cmd.out ?? "openrouter.admin.yaml")), SCHEMA_FILE);
  const result = exportOrganization(live, {
    now,
    schemaPath: existsSync(local) ? `./${SCHEMA_FILE}` : SCHEMA_URL,
    ...cmd.workspace ? { workspaces: [...new Set(cmd.workspace)] } : {},
    ...cmd.out ? { file: cmd.out } : {}
  });
  for (const o of result.leftOut) io.stderr.write(`warning: ${terminalText(o.address)}: left out of the file: ${terminalText(o.message)}
`);
  for (const n of result.notes) io.stderr.write(`warning: ${terminalText(n.address)}: ${terminalText(n.message)}
`);
  if (result.leftOut.length > 0) {
    const n = result.leftOut.length;
    io.stderr.write(`${n} live object${n === 1 ? " was" : "s were"} left out; with unmanaged: report, plan lists ${n === 1 ? "it" : "them"} as unmanaged and apply leaves ${n === 1 ? "it" : "them"} alone.
`);
  }
  if (cmd.out) {
    await writeNewFile(cmd.out, result.yaml);
    const c = result.counts;
    io.stderr.write(
      `Wrote ${cmd.out}: ${plural(c.workspaces, "workspace")}, ${plural(c.guardrails, "guardrail")}, ${plural(c.keys, "key")}. Next: oradmin plan -f ${cmd.out}
`
    );
  } else {
    io.stdout.write(result.yaml);
  }
  if (result.invalid.length > 0) {
    for (const d of result.invalid) io.stderr.write(`${formatDiagnostic(d)}
`);
    throw new OradminError(
      "the exported file does not pass validate (above): the organization holds a value export did not expect. Edit those lines by hand, and please report this as an oradmin bug."
    );
  }
  return 0;
}
async function writeNewFile(path2, text) {
  try {
    await writeFile(path2, text, { flag: "wx" });
  } catch (err) {
    if (err.code === "EEXIST") {
      throw new OradminError(`${path2} already exists; export never overwrites a file (move it away, or choose another --out path)`);
    }
    throw new OradminError(`cannot write ${path2}: ${err.message}`);
  }
}
function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
export {
  runExport
};
