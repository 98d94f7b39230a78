import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  kleur_default
} from "./chunk-JBTK3ZN6.mjs";
import {
  loadConfig
} from "./chunk-JYJMQFSQ.mjs";
import {
  GetCreditsResponse,
  buildPlan,
  makeClient,
  normalizeTimestamp,
  parsePendingName,
  readLiveFor
} from "./chunk-CVIU2U5I.mjs";
import {
  ConfigError,
  OradminError,
  formatDiagnostic
} from "./chunk-5QFJAZR6.mjs";
import {
  htmlText,
  jsonText,
  mdCellCode,
  mdCellText,
  mdCode,
  mdText,
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import {
  DEFAULT_WORKSPACE
} from "./chunk-JEOGTWCP.mjs";

// src/cli/run-status.ts
import { stat } from "node:fs/promises";

// src/status/report.ts
var NEAR_LIMIT = 0.8;
var EXPIRY_WARNING_DAYS = 14;
var KEY_FLAGS = ["limit-reached", "near-limit", "expired", "expiring", "disabled", "never-used"];
var DAY_MS = 24 * 60 * 60 * 1e3;
function buildStatus(input) {
  const { live, now } = input;
  const slugOf = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const guardrailsById = new Map(live.guardrails.map((g) => [g.id, g]));
  const keysByHash = new Map(live.keys.map((k) => [k.hash, k]));
  const guardrailOfKey = new Map(live.keyAssignments.map((a) => [a.key_hash, guardrailsById.get(a.guardrail_id)?.name ?? a.guardrail_id]));
  const emailOf = new Map(live.orgMembers.map((m) => [m.id, m.email]));
  const defaultGuardrails = new Set(live.workspaces.map((w) => w.default_guardrail_id));
  const counts = Object.fromEntries(KEY_FLAGS.map((f) => [f, 0]));
  const interrupted = [];
  const workspaces = [...live.workspaces].sort(byWorkspace((w) => w.slug)).map((w) => {
    const keys = live.keys.filter((k) => k.workspace_id === w.id).flatMap((k) => {
      const pending = parsePendingName(k.name);
      if (pending) {
        interrupted.push({ workspace: w.slug, name: pending.name, hash: k.hash });
        return [];
      }
      const status = keyStatus(k, guardrailOfKey.get(k.hash) ?? null, now);
      for (const f of status.flags) counts[f]++;
      return [status];
    }).sort((a, b) => compare(a.name, b.name) || compare(a.hash, b.hash));
    return { slug: w.slug, name: w.name, keys };
  });
  const guardrails = live.guardrails.filter((g) => !defaultGuardrails.has(g.id)).map((g) => ({
    workspace: g.workspace_id === null ? null : slugOf.get(g.workspace_id) ?? g.workspace_id,
    name: g.name,
    keys: live.keyAssignments.filter((a) => a.guardrail_id === g.id).map((a) => keysByHash.get(a.key_hash)?.name ?? a.key_name).filter((name) => !parsePendingName(name)).sort(compare),
    members: live.memberAssignments.filter((a) => a.guardrail_id === g.id).map((a) => emailOf.get(a.user_id) ?? a.user_id).sort(compare)
  })).sort((a, b) => byWorkspace((g) => g.workspace)(a, b) || compare(a.name, b.name));
  const { total_credits: total, total_usage: used } = input.credits;
  return {
    format_version: 1,
    generated_at: now.toISOString(),
    credits: { total, used, remaining: tidy(total - used) },
    workspaces,
    guardrails,
    interrupted: interrupted.sort((a, b) => compare(a.workspace, b.workspace) || compare(a.name, b.name)),
    unmanaged: { file: input.file.path, compared: input.file.unmanaged !== void 0, objects: [...input.file.unmanaged ?? []] },
    counts
  };
}
function keyStatus(k, guardrail, now) {
  const byok = k.include_byok_in_limit;
  const [spend, byokSpend] = k.limit_reset === "daily" ? [k.usage_daily, k.byok_usage_daily] : k.limit_reset === "weekly" ? [k.usage_weekly, k.byok_usage_weekly] : k.limit_reset === "monthly" ? [k.usage_monthly, k.byok_usage_monthly] : [k.usage, k.byok_usage];
  const usage = tidy(spend + (byok ? byokSpend : 0));
  const limit = k.limit ?? null;
  const fraction = limit === null ? null : limit === 0 ? 1 : usage / limit;
  const expiresMs = k.expires_at ? Date.parse(k.expires_at) : Number.NaN;
  const untilExpiry = Number.isNaN(expiresMs) ? null : expiresMs - now.getTime();
  const flags = [];
  if (fraction !== null && fraction >= 1) flags.push("limit-reached");
  else if (fraction !== null && fraction >= NEAR_LIMIT) flags.push("near-limit");
  if (untilExpiry !== null && untilExpiry <= 0) flags.push("expired");
  else if (untilExpiry !== null && untilExpiry <= EXPIRY_WARNING_DAYS * DAY_MS) flags.push("expiring");
  if (k.disabled) flags.push("disabled");
  if (k.usage === 0 && k.byok_usage === 0) flags.push("never-used");
  return {
    name: k.name,
    hash: k.hash,
    disabled: k.disabled,
    limit,
    limit_reset: k.limit_reset ?? null,
    usage,
    byok_included: byok,
    used_fraction: fraction === null ? null : Math.round(fraction * 1e4) / 1e4,
    expires_at: normalizeTimestamp(k.expires_at),
    expires_in_days: untilExpiry === null ? null : Math.floor(untilExpiry / DAY_MS),
    guardrail,
    flags
  };
}
function tidy(n) {
  return Math.round(n * 1e6) / 1e6;
}
function byWorkspace(slug) {
  const rank = (s) => s === DEFAULT_WORKSPACE ? 0 : s === null ? 2 : 1;
  return (a, b) => rank(slug(a)) - rank(slug(b)) || compare(slug(a) ?? "", slug(b) ?? "");
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/status/render.ts
var FLAG_TEXT = {
  "limit-reached": "AT LIMIT",
  "near-limit": `\u2265${NEAR_LIMIT * 100}% used`,
  expired: "EXPIRED",
  expiring: "expires soon",
  disabled: "disabled",
  "never-used": "never used"
};
function renderStatusJson(report) {
  return `${jsonText(JSON.stringify(report, null, 2))}
`;
}
function renderStatusText(report, opts) {
  const k = kleur_default;
  k.enabled = opts.color;
  const flagPaint = {
    "limit-reached": k.red,
    expired: k.red,
    "near-limit": k.yellow,
    expiring: k.yellow,
    disabled: k.dim,
    "never-used": k.dim
  };
  const out = [k.bold(`Organization status at ${when(report)}`), ""];
  const c = report.credits;
  out.push(`Credits: ${usd(c.total)} total, ${usd(c.used)} used, ${k.bold(usd(c.remaining))} remaining`, "");
  for (const ws of report.workspaces) {
    out.push(k.bold(`Workspace ${terminalText(ws.slug)}`) + (ws.name !== ws.slug ? ` (${terminalText(ws.name)})` : "") + `: ${count(ws.keys.length, "key")}`);
    if (ws.keys.length > 0) {
      const rows = ws.keys.map((key) => [terminalText(key.name), period(key), usd(key.usage), key.limit === null ? "\u2014" : usd(key.limit), percent(key), expiry(key), key.guardrail === null ? "\u2014" : terminalText(key.guardrail), flagList(key)]);
      const lines = table(["KEY", "PERIOD", "USAGE", "LIMIT", "USED", "EXPIRES", "GUARDRAIL", "FLAGS"], rows, /* @__PURE__ */ new Set([2, 3, 4]));
      out.push(lines[0], ...ws.keys.map((key, i) => paintFlags(lines[i + 1], key, flagPaint)));
    }
    out.push("");
  }
  out.push(k.bold("Guardrails"));
  if (report.guardrails.length === 0) out.push("  (none)");
  else out.push(...table(["GUARDRAIL", "KEYS", "MEMBERS"], report.guardrails.map((g) => [terminalText(guardrailName(g)), terminalText(g.keys.join(", ")) || "\u2014", terminalText(g.members.join(", ")) || "\u2014"])));
  out.push("");
  if (report.interrupted.length > 0) {
    out.push(k.bold("Interrupted key creations") + " (the next apply finishes or removes them)");
    for (const i of report.interrupted) out.push(`  ${terminalText(`${i.workspace}/${i.name}`)}  (key ${terminalText(i.hash.slice(0, 12))}\u2026)`);
    out.push("");
  }
  const u = report.unmanaged;
  if (!u.compared) {
    out.push(`Unmanaged objects: not compared, ${terminalText(u.file)} was not found (give the desired-state file with -f).`);
  } else if (u.objects.length === 0) {
    out.push(`Unmanaged objects: none, everything live is declared in ${terminalText(u.file)}.`);
  } else {
    out.push(k.bold(`Unmanaged objects: ${count(u.objects.length, "live object")} not declared in ${terminalText(u.file)}`));
    for (const o of u.objects) out.push(`  ${terminalText(o.address)}`);
  }
  out.push("", summary(report));
  return `${out.join("\n")}
`;
}
function renderStatusMarkdown(report) {
  const c = report.credits;
  const out = [`### Organization status at ${when(report)}`, "", `**Credits:** ${usd(c.total)} total \xB7 ${usd(c.used)} used \xB7 **${usd(c.remaining)} remaining**`, ""];
  for (const ws of report.workspaces) {
    out.push(`#### Workspace ${mdCode(ws.slug)}${ws.name !== ws.slug ? ` (${mdText(ws.name)})` : ""}: ${count(ws.keys.length, "key")}`, "");
    if (ws.keys.length === 0) continue;
    out.push("| key | period | usage | limit | used | expires | guardrail | flags |", "|---|---|--:|--:|--:|---|---|---|");
    for (const key of ws.keys) {
      const flags = key.flags.map((f) => f === "limit-reached" || f === "expired" ? `**${FLAG_TEXT[f]}**` : FLAG_TEXT[f]).join(", ");
      out.push(
        `| ${mdCellCode(key.name)} | ${period(key)} | ${usd(key.usage)} | ${key.limit === null ? "\u2014" : usd(key.limit)} | ${percent(key)} | ${expiry(key)} | ${key.guardrail ? mdCellCode(key.guardrail) : "\u2014"} | ${flags} |`
      );
    }
    out.push("");
  }
  out.push("#### Guardrails", "");
  if (report.guardrails.length === 0) out.push("None.");
  else {
    out.push("| guardrail | keys | members |", "|---|---|---|");
    for (const g of report.guardrails) out.push(`| ${mdCellCode(guardrailName(g))} | ${mdCellText(g.keys.join(", ")) || "\u2014"} | ${mdCellText(g.members.join(", ")) || "\u2014"} |`);
  }
  out.push("");
  if (report.interrupted.length > 0) {
    out.push("#### Interrupted key creations", "", "The next apply finishes or removes them.", "");
    for (const i of report.interrupted) out.push(`- ${mdCode(`${i.workspace}/${i.name}`)}`);
    out.push("");
  }
  const u = report.unmanaged;
  if (!u.compared) out.push(`**Unmanaged objects:** not compared, ${mdCode(u.file)} was not found.`, "");
  else if (u.objects.length === 0) out.push(`**Unmanaged objects:** none, everything live is declared in ${mdCode(u.file)}.`, "");
  else {
    out.push(`<details><summary>Unmanaged objects: ${count(u.objects.length, "live object")} not declared in <code>${htmlText(u.file)}</code></summary>`, "");
    for (const o of u.objects) out.push(`- ${mdCode(o.address)}`);
    out.push("", "</details>", "");
  }
  out.push(summary(report), "");
  return out.join("\n");
}
function when(r) {
  return r.generated_at.replace(/\.\d{3}Z$/, "Z");
}
function period(k) {
  return `${k.limit_reset ?? "total"}${k.byok_included ? " +BYOK" : ""}`;
}
function percent(k) {
  return k.used_fraction === null ? "\u2014" : `${Math.floor(k.used_fraction * 100)}%`;
}
function expiry(k) {
  if (k.expires_at === null || k.expires_in_days === null) return "\u2014";
  const date = k.expires_at.slice(0, 10);
  return k.flags.includes("expiring") ? `${date} (${count(k.expires_in_days, "day")})` : date;
}
function flagList(k) {
  return k.flags.map((f) => FLAG_TEXT[f]).join(", ");
}
function paintFlags(line, k, paint) {
  const text = flagList(k);
  if (text === "" || !line.endsWith(text)) return line;
  return line.slice(0, line.length - text.length) + k.flags.map((f) => paint[f](FLAG_TEXT[f])).join(", ");
}
function guardrailName(g) {
  return g.workspace === null ? `${g.name} (no workspace)` : `${g.workspace}/${g.name}`;
}
function summary(r) {
  const n = r.counts;
  return `Keys: ${n["limit-reached"]} at limit, ${n["near-limit"]} near it, ${n.expired} expired, ${n.expiring} expiring within ${EXPIRY_WARNING_DAYS} days, ${n.disabled} disabled, ${n["never-used"]} never used.`;
}
var USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
function usd(n) {
  return n > 0 && n < 5e-3 ? "<$0.01" : USD.format(n);
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function table(header, rows, right = /* @__PURE__ */ new Set()) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `  ${cells.map((c, i) => right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

// src/cli/run-status.ts
async function runStatus(opts, io, cmd, now) {
  const exists = await stat(opts.file).then(
    () => true,
    () => false
  );
  if (!exists && cmd.fileGiven) {
    throw new OradminError(`-f ${opts.file}: no such file or directory (leave -f out to skip the comparison with a desired-state file)`);
  }
  const loaded = exists ? await loadConfig(opts.file, now) : void 0;
  for (const w of loaded?.warnings ?? []) io.stderr.write(`${formatDiagnostic(w)}
`);
  const client = makeClient(opts, io);
  try {
    const [live, credits] = await Promise.all([
      readLiveFor(client, loaded?.config),
      client.request({ operation: "getCredits", method: "GET", path: "/credits", responseSchema: GetCreditsResponse })
    ]);
    let unmanaged;
    if (loaded) {
      const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now });
      if (result.errors.length > 0) throw new ConfigError(result.errors);
      unmanaged = result.plan.unmanaged;
    }
    const report = buildStatus({ live, credits: credits.data, now, file: { path: opts.file, ...unmanaged ? { unmanaged } : {} } });
    io.stdout.write(
      opts.output === "json" ? renderStatusJson(report) : opts.output === "markdown" ? renderStatusMarkdown(report) : renderStatusText(report, { color: opts.color })
    );
    return 0;
  } finally {
    await client.close();
  }
}

export {
  KEY_FLAGS,
  buildStatus,
  renderStatusMarkdown,
  runStatus
};
