import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  LEASE_PREFIX,
  PENDING_PREFIX,
  closest,
  mergeSources,
  readSources
} from "./chunk-EIHYN65R.mjs";
import {
  ConfigError,
  sortDiagnostics
} from "./chunk-5QFJAZR6.mjs";
import {
  BUDGET_INTERVALS,
  DEFAULT_WORKSPACE,
  fileSchema
} from "./chunk-JEOGTWCP.mjs";

// src/config/load.ts
import { createHash } from "node:crypto";

// src/config/zod-messages.ts
function pathString(path) {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out === "" ? "the file" : out;
}
function findingsFromIssues(issues, data, schema) {
  const out = [];
  for (const issue of issues) {
    const path = issue.path.filter((p) => typeof p !== "symbol");
    const where = pathString(path);
    const value = valueAt(data, path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = allowedKeys(schema, path);
        for (const k of issue.keys) {
          const guess = closest(k, allowed);
          const inObj = path.length === 0 ? "at the top level" : `in ${where}`;
          out.push({
            path: [...path, k],
            atKey: true,
            message: guess ? `unknown field "${k}" ${inObj}; did you mean "${guess}"?` : `unknown field "${k}" ${inObj} (allowed: ${allowed.join(", ")})`
          });
        }
        break;
      }
      case "invalid_type":
        if (value === void 0) {
          out.push({ path, message: `${where} is required` });
        } else {
          out.push({ path, message: `${where} must be ${article(issue.expected)}, not ${describe(value)}` });
        }
        break;
      case "invalid_value": {
        const values = issue.values.map((v) => JSON.stringify(v));
        if (value === void 0) {
          out.push({ path, message: `${where} is required (${values.join(" or ")})` });
          break;
        }
        const guess = typeof value === "string" ? closest(value, issue.values.filter((v) => typeof v === "string")) : void 0;
        out.push({
          path,
          message: `${where} must be ${values.length === 1 ? values[0] : `one of ${values.join(", ")}`}, not ${describe(value)}` + (guess ? `; did you mean "${guess}"?` : "")
        });
        break;
      }
      case "too_small":
      case "too_big": {
        const small = issue.code === "too_small";
        const bound = small ? issue.minimum : issue.maximum;
        const inclusive = issue.inclusive !== false;
        const origin = issue.origin;
        let rule;
        if (origin === "string") rule = small ? `at least ${bound} character${bound === 1 ? "" : "s"} long` : `at most ${bound} characters long`;
        else if (origin === "array") rule = small ? `a list of at least ${bound} item${bound === 1 ? "" : "s"}` : `a list of at most ${bound} items`;
        else rule = `${small ? inclusive ? "at least" : "greater than" : inclusive ? "at most" : "less than"} ${bound}`;
        out.push({ path, message: `${where} must be ${rule}${value !== void 0 && origin !== "array" ? `, not ${describe(value)}` : ""}` });
        break;
      }
      case "invalid_format":
      case "custom":
        out.push({ path, message: `${where} ${issue.message.startsWith("Invalid") ? "has an invalid format" : issue.message}${utcSuggestion(issue.message, value)}` });
        break;
      default:
        out.push({ path, message: `${where}: ${issue.message}` });
    }
  }
  return out;
}
function utcSuggestion(message, value) {
  if (!message.includes("UTC timestamp") || typeof value !== "string") return "";
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return "";
  return ` (in UTC that is ${new Date(ms).toISOString().replace(".000Z", "Z")})`;
}
function valueAt(data, path) {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return void 0;
    cur = cur[seg];
  }
  return cur;
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return value.length > 40 ? `the text "${value.slice(0, 37)}\u2026"` : `"${value}"`;
  return `${typeof value} ${String(value)}`;
}
function article(expected) {
  const words = {
    number: "a number",
    string: "a string",
    boolean: "true or false",
    array: "a list",
    object: "a mapping",
    int: "a whole number"
  };
  return words[expected] ?? expected;
}
function allowedKeys(schema, path) {
  let cur = schema;
  for (const seg of path) {
    cur = unwrap(cur);
    if (!cur) return [];
    const def2 = cur._zod.def;
    if (def2.type === "object" && typeof seg === "string") cur = def2.shape?.[seg];
    else if (def2.type === "array" && typeof seg === "number") cur = def2.element;
    else return [];
  }
  cur = unwrap(cur);
  const def = cur?._zod.def;
  return def?.type === "object" && def.shape ? Object.keys(def.shape).filter((k) => k !== "$schema") : [];
}
function unwrap(s) {
  let cur = s;
  while (cur) {
    const def = cur._zod.def;
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) cur = def.innerType;
    else break;
  }
  return cur;
}

// src/config/rules.ts
function checkRules(config, locate, now) {
  const out = [];
  const where = (path) => {
    const p = locate(path);
    return `${p.file}:${p.line}:${p.col}`;
  };
  if (config.secrets?.file !== void 0 && config.secrets.command !== void 0) {
    out.push({ path: ["secrets", "command"], atKey: true, message: "secrets takes either file or command, not both" });
  }
  if (config.unmanaged?.members === "ignore") {
    out.push({
      path: ["unmanaged", "members"],
      severity: "warning",
      message: "unmanaged.members: ignore no longer keeps members a declared list leaves out: a declared members list is the complete set, and unlisted members are removed; list them, or match them with ignore.members"
    });
  }
  const workspaces = config.workspaces ?? [];
  const declaredSlugs = /* @__PURE__ */ new Map();
  const absentSlugs = new Set(workspaces.filter((w) => w.absent).map((w) => w.slug));
  workspaces.forEach((ws, i) => {
    out.push(...absentOnly(ws, ["workspaces", i], ["slug"], `workspace "${ws.slug}"`));
    if (ws.absent && ws.slug === DEFAULT_WORKSPACE) {
      out.push({ path: ["workspaces", i, "absent"], atKey: true, message: "the default workspace always exists and cannot be deleted; remove absent: true" });
    }
    const first = declaredSlugs.get(ws.slug);
    if (first !== void 0) {
      out.push({ path: ["workspaces", i, "slug"], message: `workspace "${ws.slug}" is already declared at ${where(["workspaces", first, "slug"])}` });
    } else {
      declaredSlugs.set(ws.slug, i);
    }
    if (ws.slug === DEFAULT_WORKSPACE && ws.members !== void 0) {
      out.push({
        path: ["workspaces", i, "members"],
        atKey: true,
        message: "members are not allowed on the default workspace: every organization member belongs to it implicitly"
      });
    }
    if (ws.members) out.push(...duplicates(ws.members, ["workspaces", i, "members"], "member", where));
    if (ws.budgets) out.push(...budgetOrder(ws.budgets, ["workspaces", i, "budgets"]));
    if (ws.include_byok_in_budgets !== void 0 && Object.keys(ws.budgets ?? {}).length === 0) {
      out.push({
        path: ["workspaces", i, "include_byok_in_budgets"],
        concerns: ["workspaces", i, "budgets"],
        atKey: true,
        message: "include_byok_in_budgets is set through the budget endpoints, so it needs at least one budget under budgets:"
      });
    }
    if (ws.default_guardrail) {
      out.push(...limitWithInterval(ws.default_guardrail, ["workspaces", i, "default_guardrail"]));
    }
  });
  const slugList = [DEFAULT_WORKSPACE, ...[...declaredSlugs.keys()].filter((s) => s !== DEFAULT_WORKSPACE)];
  const knownWorkspace = (slug) => slug === DEFAULT_WORKSPACE || declaredSlugs.has(slug);
  const undeclared = (slug) => {
    const guess = closest(slug, slugList);
    return guess ? `workspace "${slug}" is not declared under workspaces:; did you mean "${guess}"? (declared: ${slugList.join(", ")})` : `workspace "${slug}" is not declared under workspaces: (declared: ${slugList.join(", ")}); declare it or use one of these`;
  };
  const guardrailsByWs = /* @__PURE__ */ new Map();
  const absentGuardrails = new Set((config.guardrails ?? []).filter((g) => g.absent).map((g) => `${g.workspace ?? DEFAULT_WORKSPACE}/${g.name}`));
  (config.guardrails ?? []).forEach((g, i) => {
    const ws = g.workspace ?? DEFAULT_WORKSPACE;
    if (!knownWorkspace(ws)) out.push({ path: ["guardrails", i, "workspace"], message: undeclared(ws) });
    out.push(...absentOnly(g, ["guardrails", i], ["name", "workspace"], `guardrail "${g.name}"`));
    if (g.name.startsWith(RESERVED_GUARDRAIL_PREFIX)) out.push({ path: ["guardrails", i, "name"], message: reserved(g.name, RESERVED_GUARDRAIL_PREFIX) });
    if (!g.absent && absentSlugs.has(ws)) out.push({ path: ["guardrails", i, "workspace"], message: inAbsentWorkspace(ws) });
    const names = guardrailsByWs.get(ws) ?? /* @__PURE__ */ new Map();
    guardrailsByWs.set(ws, names);
    const first = names.get(g.name);
    if (first !== void 0) {
      out.push({
        path: ["guardrails", i, "name"],
        message: `guardrail "${g.name}" is already declared in workspace "${ws}" at ${where(["guardrails", first, "name"])}`
      });
    } else {
      names.set(g.name, i);
    }
    out.push(...limitWithInterval(g, ["guardrails", i]));
    if (g.members) out.push(...duplicates(g.members, ["guardrails", i, "members"], "member", where));
  });
  out.push(...memberGuardrailRules(config, where));
  const keysByWs = /* @__PURE__ */ new Map();
  (config.keys ?? []).forEach((k, i) => {
    const ws = k.workspace ?? DEFAULT_WORKSPACE;
    if (!knownWorkspace(ws)) out.push({ path: ["keys", i, "workspace"], message: undeclared(ws) });
    out.push(...absentOnly(k, ["keys", i], ["name", "workspace"], `key "${k.name}"`));
    if (k.name.startsWith(RESERVED_KEY_PREFIX)) out.push({ path: ["keys", i, "name"], message: reserved(k.name, RESERVED_KEY_PREFIX) });
    if (!k.absent && absentSlugs.has(ws)) out.push({ path: ["keys", i, "workspace"], message: inAbsentWorkspace(ws) });
    const names = keysByWs.get(ws) ?? /* @__PURE__ */ new Map();
    keysByWs.set(ws, names);
    const first = names.get(k.name);
    if (first !== void 0) {
      out.push({
        path: ["keys", i, "name"],
        message: `key "${k.name}" is already declared in workspace "${ws}" at ${where(["keys", first, "name"])}`
      });
    } else {
      names.set(k.name, i);
    }
    if (typeof k.guardrail === "string" && absentGuardrails.has(`${ws}/${k.guardrail}`)) {
      out.push({ path: ["keys", i, "guardrail"], message: `guardrail "${k.guardrail}" is declared absent: true (to be deleted); bind the key to another one or remove the guardrail line` });
    } else if (typeof k.guardrail === "string") {
      const inWs = guardrailsByWs.get(ws);
      if (!inWs?.has(k.guardrail)) {
        const elsewhere = [...guardrailsByWs.entries()].find(([, names2]) => names2.has(k.guardrail))?.[0];
        const declared = [...inWs?.keys() ?? []];
        out.push({
          path: ["keys", i, "guardrail"],
          message: elsewhere ? `guardrail "${k.guardrail}" is in workspace "${elsewhere}", but key "${k.name}" is in workspace "${ws}"; a key and its guardrail must be in the same workspace` : `guardrail "${k.guardrail}" is not declared in workspace "${ws}"` + (closest(k.guardrail, declared) ? `; did you mean "${closest(k.guardrail, declared)}"?` : "") + (declared.length ? ` (declared: ${declared.join(", ")})` : " (no guardrails are declared there)")
        });
      }
    }
    if (typeof k.expires_at === "string" && Date.parse(k.expires_at) <= now.getTime()) {
      out.push({
        path: ["keys", i, "expires_at"],
        severity: "warning",
        message: `expires_at ${k.expires_at} is in the past: the key has expired, and the API refuses to create a key with it`
      });
    }
  });
  return out;
}
function memberGuardrailRules(config, where) {
  const out = [];
  const firstByWorkspace = /* @__PURE__ */ new Map();
  const declaredMembers = new Map((config.workspaces ?? []).filter((w) => w.members && !w.absent).map((w) => [w.slug, new Set(w.members.map((m) => m.toLowerCase()))]));
  (config.guardrails ?? []).forEach((g, i) => {
    if (g.absent) return;
    const ws = g.workspace ?? DEFAULT_WORKSPACE;
    (g.members ?? []).forEach((m, j) => {
      const path = ["guardrails", i, "members", j];
      const key = `${ws}\0${m.toLowerCase()}`;
      const first = firstByWorkspace.get(key);
      if (first && first.guardrail !== g.name) {
        out.push({
          path,
          message: `member "${m}" is already bound to guardrail "${first.guardrail}" in workspace "${ws}" (${where(first.path)}); a member has one direct guardrail per workspace, and binding a second one moves them: keep one`
        });
      } else if (!first) {
        firstByWorkspace.set(key, { guardrail: g.name, path });
      }
      const members = declaredMembers.get(ws);
      if (ws !== DEFAULT_WORKSPACE && members && !members.has(m.toLowerCase())) {
        out.push({
          path,
          message: `member "${m}" is not in the members of workspace "${ws}", and the API binds only a workspace's members to its guardrails; add them to that workspace's members: or remove them here`
        });
      }
    });
  });
  return out;
}
function absentOnly(decl, path, identity, what) {
  if (!decl.absent) return [];
  return Object.keys(decl).filter((f) => f !== "absent" && !identity.includes(f)).map((f) => ({
    path: [...path, f],
    atKey: true,
    message: `${what} is declared absent: true (to be deleted), so ${f} has no effect; remove it, or remove absent: true to keep the ${what.split(" ")[0]}`
  }));
}
var RESERVED_GUARDRAIL_PREFIX = LEASE_PREFIX;
var RESERVED_KEY_PREFIX = `${PENDING_PREFIX}:`;
function reserved(name, prefix) {
  return `"${name}" starts with ${prefix}, which oradmin reserves for its own bookkeeping in the organization; choose another name`;
}
function inAbsentWorkspace(slug) {
  return `workspace "${slug}" is declared absent: true (to be deleted); move this declaration to another workspace or remove absent: true from it`;
}
function duplicates(list, path, what, where) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  list.forEach((item, j) => {
    const norm = item.toLowerCase();
    const first = seen.get(norm);
    if (first !== void 0) {
      out.push({ path: [...path, j], message: `${what} "${item}" is listed twice (first at ${where([...path, first])})` });
    } else {
      seen.set(norm, j);
    }
  });
  return out;
}
function budgetOrder(budgets, path) {
  const out = [];
  const declared = BUDGET_INTERVALS.filter((i) => budgets[i] !== void 0);
  for (let n = 1; n < declared.length; n++) {
    const narrower = declared[n];
    for (const wider of declared.slice(0, n)) {
      if (budgets[narrower] >= budgets[wider]) {
        out.push({
          path: [...path, narrower],
          message: `budgets.${narrower} (${budgets[narrower]}) must be less than budgets.${wider} (${budgets[wider]}): limits must strictly decrease as the interval narrows (lifetime > monthly > weekly > daily)`
        });
        break;
      }
    }
  }
  return out;
}
function limitWithInterval(g, path) {
  if (g.reset_interval && (g.limit_usd === void 0 || g.limit_usd === null)) {
    return [{ path: [...path, "reset_interval"], concerns: [...path, "limit_usd"], message: "reset_interval needs limit_usd: a reset interval only applies to a spending limit" }];
  }
  return [];
}

// src/config/policy.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
function checkPolicy(config, now) {
  const out = [];
  const kp = config.policy?.keys;
  const defaults = config.defaults?.key ?? {};
  if (kp) {
    const pattern = kp.name_pattern !== void 0 ? new RegExp(kp.name_pattern) : void 0;
    (config.keys ?? []).forEach((k, i) => {
      const limit = k.limit !== void 0 ? k.limit : defaults.limit;
      const at = (field) => k[field] !== void 0 ? ["keys", i, field] : ["keys", i, "name"];
      const about = (field) => ({ path: at(field), concerns: ["keys", i, field] });
      if (kp.require_limit && (limit === void 0 || limit === null)) {
        out.push({ ...about("limit"), message: `key "${k.name}" has no limit; policy.keys.require_limit requires one (add limit: <USD>)` });
      }
      if (kp.max_limit !== void 0 && typeof limit === "number" && limit > kp.max_limit) {
        out.push({
          path: k.limit !== void 0 ? ["keys", i, "limit"] : ["defaults", "key", "limit"],
          message: `key "${k.name}" has limit ${limit}${k.limit === void 0 ? " (from defaults.key.limit)" : ""}, above policy.keys.max_limit ${kp.max_limit}`
        });
      }
      const expires = typeof k.expires_at === "string" ? Date.parse(k.expires_at) : void 0;
      if (kp.require_expiry && expires === void 0) {
        out.push({ ...about("expires_at"), message: `key "${k.name}" has no expires_at; policy.keys.require_expiry requires one` });
      }
      if (kp.max_lifetime_days !== void 0 && expires !== void 0 && expires - now.getTime() > kp.max_lifetime_days * DAY_MS) {
        const latest = new Date(now.getTime() + kp.max_lifetime_days * DAY_MS).toISOString().slice(0, 10);
        out.push({
          path: ["keys", i, "expires_at"],
          message: `key "${k.name}" expires more than policy.keys.max_lifetime_days (${kp.max_lifetime_days}) days from now; use a date on or before ${latest}`
        });
      }
      if (kp.require_guardrail && (k.guardrail === void 0 || k.guardrail === null)) {
        out.push({ ...about("guardrail"), message: `key "${k.name}" has no guardrail; policy.keys.require_guardrail requires one` });
      }
      if (pattern && !pattern.test(k.name)) {
        out.push({ path: ["keys", i, "name"], message: `key name "${k.name}" does not match policy.keys.name_pattern ${kp.name_pattern}` });
      }
    });
  }
  const gp = config.policy?.guardrails;
  if (gp) {
    const check = (g, base, nameField, label) => {
      if (gp.require_limit && (g.limit_usd === void 0 || g.limit_usd === null)) {
        out.push({ path: nameField ? [...base, nameField] : base, concerns: [...base, "limit_usd"], message: `${label} has no limit_usd; policy.guardrails.require_limit requires one` });
      }
      if (gp.max_limit_usd !== void 0 && typeof g.limit_usd === "number" && g.limit_usd > gp.max_limit_usd) {
        out.push({
          path: [...base, "limit_usd"],
          message: `${label} has limit_usd ${g.limit_usd}, above policy.guardrails.max_limit_usd ${gp.max_limit_usd}`
        });
      }
    };
    (config.guardrails ?? []).forEach((g, i) => check(g, ["guardrails", i], "name", `guardrail "${g.name}"`));
    (config.workspaces ?? []).forEach((ws, i) => {
      if (ws.default_guardrail) {
        check(ws.default_guardrail, ["workspaces", i, "default_guardrail"], void 0, `the default guardrail of workspace "${ws.slug}"`);
      }
    });
  }
  return out;
}

// src/config/secret-scan.ts
var SECRET_LIKE = /sk-or-[A-Za-z0-9_-]{16,}/g;
function scanForSecrets(docs) {
  const out = [];
  for (const source of docs) {
    for (const match of source.text.matchAll(SECRET_LIKE)) {
      const pos = source.lineCounter.linePos(match.index ?? 0);
      out.push({
        severity: "error",
        file: source.file,
        line: pos.line,
        col: pos.col,
        message: "this looks like an OpenRouter secret (sk-or-\u2026); secrets must never be committed \u2014 remove it and rotate the key. New keys\u2019 secrets go to the secrets sink."
      });
    }
  }
  return out;
}

// src/config/salvage.ts
var MAX_ROUNDS = 50;
function salvage(data, schema) {
  const origins = /* @__PURE__ */ new WeakMap();
  const root = cloneTracked(data, origins);
  const holder = { root };
  const droppedPaths = [];
  const key = (path) => path.map(String).join("\0");
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = schema.safeParse(holder.root);
    if (parsed.success) {
      return {
        value: parsed.data,
        toOriginal: (p) => toOriginal(holder.root, p, origins),
        dropped: (p) => droppedPaths.some((d) => key(p) === d || key(p).startsWith(`${d}\0`))
      };
    }
    let progressed = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p) => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        const obj = valueAt2(holder.root, path);
        if (isRecord(obj)) for (const k of issue.keys) progressed = delete obj[k] || progressed;
        continue;
      }
      const before = toOriginal(holder.root, path, origins);
      if (dropAt(holder, path)) {
        droppedPaths.push(key(before));
        progressed = true;
      }
    }
    if (!progressed) return void 0;
    compactArrays(holder.root, origins);
  }
  return void 0;
}
var DROPPED = /* @__PURE__ */ Symbol("dropped");
function dropAt(holder, path) {
  if (path.length === 0) return false;
  const parent = valueAt2(holder.root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number" && last < parent.length) {
    if (parent[last] === DROPPED) return false;
    parent[last] = DROPPED;
    return true;
  }
  if (isRecord(parent)) {
    if (parent[last] === void 0) return dropAt(holder, path.slice(0, -1));
    delete parent[last];
    return true;
  }
  return dropAt(holder, path.slice(0, -1));
}
function cloneTracked(value, origins) {
  if (Array.isArray(value)) {
    const copy = value.map((v) => cloneTracked(v, origins));
    origins.set(copy, value.map((_, i) => i));
    return copy;
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneTracked(v, origins)]));
  return value;
}
function compactArrays(value, origins) {
  if (Array.isArray(value)) {
    const map = origins.get(value) ?? value.map((_, i) => i);
    const keptValues = [];
    const keptOrigins = [];
    value.forEach((v, i) => {
      if (v === DROPPED) return;
      keptValues.push(v);
      keptOrigins.push(map[i]);
    });
    value.splice(0, value.length, ...keptValues);
    origins.set(value, keptOrigins);
    for (const v of value) compactArrays(v, origins);
  } else if (isRecord(value)) {
    for (const v of Object.values(value)) compactArrays(v, origins);
  }
}
function toOriginal(root, path, origins) {
  const out = [];
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === "number") {
      out.push(origins.get(node)?.[seg] ?? seg);
      node = node[seg];
    } else {
      out.push(seg);
      node = isRecord(node) ? node[String(seg)] : void 0;
    }
  }
  return out;
}
function valueAt2(root, path) {
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === "number") node = node[seg];
    else if (isRecord(node)) node = node[String(seg)];
    else return void 0;
  }
  return node;
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/config/load.ts
async function validateFile(target, now) {
  const { docs, diagnostics } = await readSources(target);
  return validateSources(docs, diagnostics, now);
}
function validateSources(docs, readDiagnostics, now) {
  const errors = [...readDiagnostics, ...scanForSecrets(docs)];
  const warnings = [];
  if (errors.length > 0) return sorted(errors, warnings);
  const merged = mergeSources(docs, errors);
  const add = (findings) => {
    for (const f of findings) {
      const pos = merged.locate(f.path, { key: f.atKey });
      (f.severity === "warning" ? warnings : errors).push({ severity: f.severity ?? "error", ...pos, message: f.message });
    }
  };
  const parsed = fileSchema.safeParse(merged.data ?? {});
  if (!parsed.success) {
    add(findingsFromIssues(parsed.error.issues, merged.data, fileSchema));
    const rest = salvage(merged.data ?? {}, fileSchema);
    if (rest) {
      const locate = (path, opts) => merged.locate(rest.toOriginal(path), opts);
      const translate = (findings) => findings.map((f) => ({ ...f, path: rest.toOriginal(f.path), concerns: f.concerns && rest.toOriginal(f.concerns) })).filter((f) => !rest.dropped(f.concerns ?? f.path));
      add(translate(checkRules(rest.value, locate, now)));
      add(translate(checkPolicy(rest.value, now)));
    }
    return sorted(errors, warnings);
  }
  add(checkRules(parsed.data, merged.locate, now));
  add(checkPolicy(parsed.data, now));
  const digest = createHash("sha256");
  for (const d of docs) digest.update(d.file).update("\0").update(d.text).update("\0");
  const loaded = {
    config: parsed.data,
    locate: merged.locate,
    files: docs.map((d) => d.file),
    digest: `sha256:${digest.digest("hex")}`,
    warnings,
    texts: docs.map((d) => d.text)
  };
  return errors.length > 0 ? sorted(errors, warnings) : { ...sorted(errors, warnings), loaded };
}
async function loadConfig(target, now) {
  const result = await validateFile(target, now);
  if (!result.loaded) throw new ConfigError(result.errors, result.warnings);
  return result.loaded;
}
function sorted(errors, warnings) {
  return { errors: sortDiagnostics(errors), warnings: sortDiagnostics(warnings) };
}

export {
  validateFile,
  validateSources,
  loadConfig
};
