import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  kleur_default
} from "./chunk-JBTK3ZN6.mjs";
import {
  KINDS,
  planJson,
  wideningOperations
} from "./chunk-CVIU2U5I.mjs";
import {
  OradminError
} from "./chunk-5QFJAZR6.mjs";
import {
  jsonText,
  mdCode,
  mdText,
  terminalText
} from "./chunk-7BIV6K7H.mjs";

// src/render/json.ts
function renderJson(plan, refusals = []) {
  const { checksum, ...body } = planJson(plan);
  return `${jsonText(JSON.stringify({ ...body, refusals, checksum }, null, 2))}
`;
}

// src/render/values.ts
function formatValue(v) {
  if (v === null || v === void 0) return "null";
  if (typeof v === "string") return terminalText(JSON.stringify(v));
  if (Array.isArray(v)) return `[${v.map(formatValue).join(", ")}]`;
  if (typeof v === "object") {
    return `{ ${Object.entries(v).filter(([, x]) => x !== void 0 && x !== null).map(([k, x]) => `${terminalText(k)}: ${formatValue(x)}`).join(", ")} }`;
  }
  return terminalText(String(v));
}
var SYMBOL = {
  create: "+",
  update: "~",
  replace: "-/+",
  delete: "-",
  disable: "~",
  assign: "\xB1",
  unassign: "\xB1"
};
function detailLines(op) {
  const lines = [];
  if (op.action === "disable") lines.push("disabled: false \u2192 true");
  if (op.action === "assign" && !op.changes && op.after?.guardrail !== void 0) {
    lines.push(`guardrail: ${formatValue(op.after.guardrail)}`);
  }
  if (op.action === "create" || op.action === "replace") {
    const changed = new Set(op.changes?.map((c) => c.field) ?? []);
    for (const [k, v] of Object.entries(op.after ?? {})) if (!changed.has(k)) lines.push(`${terminalText(k)}: ${formatValue(v)}`);
  }
  for (const [k, v] of Object.entries(op.before ?? {})) lines.push(`${terminalText(k)}: ${formatValue(v)}`);
  for (const c of op.changes ?? []) lines.push(`${terminalText(c.field)}: ${formatValue(c.before)} \u2192 ${formatValue(c.after)}`);
  return lines;
}
function headline(op) {
  const verb = op.action === "disable" ? " (disable)" : op.action === "unassign" ? " (unassign)" : op.action === "assign" ? " (assign)" : "";
  return `${SYMBOL[op.action]} ${terminalText(op.address)}${verb}`;
}
function summaryLine(s) {
  const parts = [
    `${s.create} to create`,
    `${s.update} to update`,
    `${s.replace} to replace`,
    `${s.delete} to delete`
  ];
  if (s.disable) parts.push(`${s.disable} to disable`);
  parts.push(`${s.assign} to assign`, `${s.unassign} to unassign`);
  return `Plan: ${parts.join(", ")}; ${s.unmanaged} unmanaged.`;
}

// src/render/plan-words.ts
function makesSecrets(plan) {
  return plan.operations.some((o) => o.kind === "key" && (o.action === "create" || o.action === "replace"));
}
function noChangesLine(plan, file) {
  const n = plan.unmanaged.length;
  if (n === 0) return `No changes. The organization matches ${file ?? "the file"}.`;
  return `No changes to make, but ${n} live object${n === 1 ? " is" : "s are"} not in the file.`;
}

// src/render/markdown.ts
var MARKDOWN_MARKER = "<!-- oradmin-plan -->";
function renderMarkdown(plan, opts = {}) {
  const s = plan.summary;
  const out = [MARKDOWN_MARKER, `### oradmin plan${opts.file ? ` for ${mdCode(opts.file)}` : ""}`, ""];
  if (plan.operations.length === 0) {
    out.push(`**${mdText(noChangesLine(plan, opts.file))}**`, "");
  }
  out.push(
    "| create | update | replace | delete | disable | assign | unassign | unmanaged |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    `| ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.disable} | ${s.assign} | ${s.unassign} | ${s.unmanaged} |`,
    ""
  );
  const refusals = opts.refusals ?? [];
  if (refusals.length > 0) {
    out.push("> [!WARNING]", "> **Apply will refuse this plan:**");
    for (const r of refusals) out.push(`> - ${mdText(r)}`);
    out.push("");
  }
  const widening = wideningOperations(plan.operations);
  if (widening.length > 0) {
    out.push("> [!IMPORTANT]", `> **${widening.length} change${widening.length === 1 ? " widens" : "s widen"} access or spend** \u2014 review ${widening.length === 1 ? "it" : "these"} first:`);
    for (const o of widening) out.push(`> - ${o.action} ${mdCode(o.address)}`);
    out.push("");
  }
  for (const kind of KINDS) {
    const ops = plan.operations.filter((o) => o.kind === kind);
    if (ops.length === 0) continue;
    out.push(`<details><summary><code>${kind}</code> \u2014 ${ops.length} change${ops.length === 1 ? "" : "s"}</summary>`, "", "```diff");
    for (const op of ops) {
      const lead = op.action === "create" ? "+" : op.action === "delete" || op.action === "unassign" ? "-" : "!";
      const head = headline(op);
      out.push(`${head.startsWith(`${lead} `) ? head : `${lead} ${head.replace(/^[-+] /, "")}`}${op.reason ? `  (${terminalText(op.reason)})` : ""}`);
      for (const line of detailLines(op)) out.push(`${lead}     ${line}`);
    }
    out.push("```", "", "</details>", "");
  }
  if (plan.unmanaged.length > 0) {
    out.push(`<details><summary>Unmanaged \u2014 ${plan.unmanaged.length} live object${plan.unmanaged.length === 1 ? "" : "s"} not in the file (drift; apply leaves them alone)</summary>`, "");
    for (const u of plan.unmanaged) out.push(`- ${mdCode(u.address)}`);
    out.push("", "</details>", "");
  }
  if (makesSecrets(plan)) {
    const sink = plan.secrets_sink;
    out.push(
      sink === null ? "**No secrets sink:** apply will refuse to create keys (add `secrets:` to the file or pass `--secrets-out <path>`)." : `**New secrets go to** ${sink.type === "file" ? `the file ${mdCode(sink.path)}` : `the command ${mdCode(sink.command.join(" "))}`}.`,
      ""
    );
  }
  out.push(summaryLine(s), "");
  return out.join("\n");
}

// src/render/text.ts
function renderText(plan, opts) {
  const k = kleur_default;
  k.enabled = opts.color;
  const paint = {
    create: k.green,
    update: k.yellow,
    disable: k.yellow,
    replace: k.magenta,
    delete: k.red,
    assign: k.cyan,
    unassign: k.cyan
  };
  const out = [];
  if (plan.operations.length === 0) {
    out.push(terminalText(noChangesLine(plan, opts.file)));
  } else {
    const widening = wideningOperations(plan.operations);
    if (widening.length > 0) {
      out.push(k.bold(`${widening.length} change${widening.length === 1 ? " widens" : "s widen"} access or spend \u2014 review ${widening.length === 1 ? "it" : "these"} first:`));
      for (const op of widening) out.push(`  ${paint[op.action](headline(op))}`);
      out.push("");
    }
    out.push("oradmin will perform these operations, in this order:", "");
    for (const op of plan.operations) {
      out.push(`  ${paint[op.action](headline(op))}${op.reason ? k.dim(`  (${terminalText(op.reason)})`) : ""}`);
      for (const line of detailLines(op)) out.push(`      ${line}`);
      if (op.blocked) out.push(`      ${k.red().bold("blocked:")} ${terminalText(op.blocked)}`);
    }
    out.push("");
  }
  if (plan.unmanaged.length > 0) {
    const n = plan.unmanaged.length;
    out.push(
      k.bold(
        `Unmanaged: ${n} live object${n === 1 ? "" : "s"} not in the file \u2014 apply leaves ${n === 1 ? "it" : "them"} alone; plan --detailed-exitcode reports ${n === 1 ? "it" : "them"} as drift (declare, delete with absent: true, or ignore:)`
      )
    );
    for (const u of plan.unmanaged) out.push(`  ${k.dim("?")} ${terminalText(u.address)}`);
    out.push("");
  }
  const refusals = opts.refusals ?? [];
  if (refusals.length > 0) {
    out.push(k.red().bold("Apply will refuse this plan:"));
    for (const r of refusals) out.push(`  - ${terminalText(r)}`);
    out.push("");
  }
  if (makesSecrets(plan)) {
    const s = plan.secrets_sink;
    out.push(
      s === null ? "No secrets sink: apply will refuse to create keys (add secrets: to the file or pass --secrets-out <path>)." : `New secrets go to ${s.type === "file" ? `the file ${terminalText(s.path)}` : `the command ${terminalText(s.command.join(" "))}`}.`,
      ""
    );
  }
  out.push(k.bold(summaryLine(plan.summary)));
  return `${out.join("\n")}
`;
}

// src/cli/render-plan.ts
function renderPlan(plan, opts, _io, refusals = []) {
  switch (opts.output) {
    case "json":
      return renderJson(plan, refusals);
    case "markdown":
      return renderMarkdown(plan, { file: opts.file, refusals });
    default:
      return renderText(plan, { color: opts.color, file: opts.file, refusals });
  }
}

// src/core/duration.ts
var DURATION_PATTERN = /^(\d+)(ms|s|m|h)$/;
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseDuration(text) {
  const m = DURATION_PATTERN.exec(text.trim());
  if (!m) return void 0;
  const ms = Number(m[1]) * UNIT_MS[m[2]];
  return Number.isSafeInteger(ms) ? ms : void 0;
}

// src/apply/sinks/resolve.ts
import { stat as stat2 } from "node:fs/promises";
import path4 from "node:path";

// src/apply/sinks/select.ts
import path3 from "node:path";

// src/apply/sinks/command-sink.ts
import { spawn } from "node:child_process";
var CREDENTIAL_VARIABLES = ["OPENROUTER_MANAGEMENT_KEY", "OPENROUTER_PROVISIONING_KEY"];
var DEFAULT_COMMAND_TIMEOUT_MS = 6e4;
var KILL_GRACE_MS = 2e3;
var CommandSink = class {
  constructor(argv, env, cwd, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS) {
    this.argv = argv;
    this.env = env;
    this.cwd = cwd;
    this.timeoutMs = timeoutMs;
    this.description = `the command ${argv.join(" ")}`;
  }
  argv;
  env;
  cwd;
  timeoutMs;
  description;
  async check() {
    if (this.argv.length === 0) throw new OradminError("secrets.command is empty");
  }
  async holds() {
    return false;
  }
  deliver(entry) {
    const env = { ...this.env };
    for (const v of CREDENTIAL_VARIABLES) delete env[v];
    const command = this.argv[0];
    return new Promise((resolve, reject) => {
      const child = spawn(command, this.argv.slice(1), { cwd: this.cwd, env, stdio: ["pipe", "ignore", "ignore"], detached: true });
      let timedOut = false;
      const killGroup = (signal) => {
        try {
          if (child.pid !== void 0) process.kill(-child.pid, signal);
        } catch {
        }
      };
      let hardKill;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup("SIGTERM");
        hardKill = setTimeout(() => killGroup("SIGKILL"), KILL_GRACE_MS);
      }, this.timeoutMs);
      child.on("error", (err) => {
        clearTimeout(timer);
        reject(new OradminError(`secrets command ${command} could not start for ${entry.address}: ${err.code ?? err.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (hardKill) clearTimeout(hardKill);
        killGroup("SIGKILL");
        if (timedOut) {
          return reject(
            new OradminError(
              `secrets command for ${entry.address} did not finish within ${Math.round(this.timeoutMs / 1e3)} s and was stopped (its process group was killed); raise secrets.timeout if it needs longer`
            )
          );
        }
        if (code === 0) return resolve();
        const why = signal ? `was killed by ${signal}` : `exited with ${code}`;
        reject(new OradminError(`secrets command for ${entry.address} ${why} (its output is not shown, as it could hold the secret)`));
      });
      child.stdin.on("error", () => void 0);
      child.stdin.end(`${JSON.stringify({ address: entry.address, workspace: entry.workspace, name: entry.name, secret: entry.secret, hash: entry.hash, created_at: entry.created_at })}
`);
    });
  }
};

// src/apply/sinks/file-sink.ts
import { randomBytes } from "node:crypto";
import { mkdir, open as open2, readFile as readFile2, rename, rm } from "node:fs/promises";
import path2 from "node:path";

// src/apply/sinks/file-lock.ts
import { hostname } from "node:os";
import { open, readFile, stat, unlink } from "node:fs/promises";
var STALE_LOCK_MS = 3e4;
var LOCK_WAIT_MS = 6e4;
async function withFileLock(lockPath, fn, opts = {}) {
  const waitMs = opts.waitMs ?? LOCK_WAIT_MS;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx", 384);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: (/* @__PURE__ */ new Date()).toISOString() }));
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
    if (await breakIfStale(lockPath)) continue;
    if (Date.now() - started > waitMs) {
      const owner = await readOwner(lockPath);
      throw new OradminError(
        `the secrets file is locked by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : "another process"} (${lockPath}) and stayed locked for ${Math.round(waitMs / 1e3)} s; if no oradmin is running, remove that file`
      );
    }
    await new Promise((r) => setTimeout(r, 5 + Math.min(100, attempt * 5) * Math.random()));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => void 0);
  }
}
async function readOwner(lockPath) {
  try {
    const o = JSON.parse(await readFile(lockPath, "utf8"));
    return typeof o.pid === "number" && typeof o.host === "string" ? o : void 0;
  } catch {
    return void 0;
  }
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function breakIfStale(lockPath) {
  let before;
  try {
    before = await stat(lockPath);
  } catch {
    return true;
  }
  const owner = await readOwner(lockPath);
  const dead = owner !== void 0 && owner.host === hostname() && !alive(owner.pid);
  if (!dead && Date.now() - before.mtimeMs < STALE_LOCK_MS) return false;
  const now = await stat(lockPath).catch(() => void 0);
  if (now && now.ino === before.ino && now.mtimeMs === before.mtimeMs) await unlink(lockPath).catch(() => void 0);
  return true;
}

// src/apply/sinks/git-ignore-check.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
function git(args, cwd, input) {
  return new Promise((resolve) => {
    const child = execFile("git", args, { cwd, timeout: 3e4 }, (err, stdout, stderr) => {
      const e = err;
      resolve({
        code: e ? typeof e.code === "number" ? e.code : null : 0,
        stdout: String(stdout),
        stderr: String(stderr),
        missing: e?.code === "ENOENT"
      });
    });
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(input ?? "");
  });
}
function findWorkTree(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return void 0;
  }
}
function firstLine(s) {
  return s.trim().split("\n")[0] ?? "";
}
async function refuseIfCommittable(paths, what, env = process.env) {
  const dir = path.dirname(paths[0]);
  const walked = findWorkTree(dir);
  if (!walked && !env.GIT_DIR && !env.GIT_WORK_TREE) return;
  const cannotTell = (why) => new OradminError(
    `refusing to write secrets to ${what}: cannot tell whether git would commit it (${why}). Fix git for this folder, or choose a path outside any repository.`
  );
  const r = await git(["check-ignore", "--non-matching", "--verbose", "-z", "--stdin"], dir, paths.map((p) => `${p}\0`).join(""));
  if (r.missing) throw cannotTell(`${walked ?? "GIT_DIR"} is a git work tree, but git is not on PATH`);
  if (r.code !== 0 && r.code !== 1) {
    if (/not a git repository/i.test(r.stderr) && !walked) return;
    throw cannotTell(`git check-ignore exited with ${r.code ?? "a signal"}: ${firstLine(r.stderr) || "no message"}`);
  }
  const fields = r.stdout.split("\0");
  const notIgnored = /* @__PURE__ */ new Set();
  for (let i = 0; i + 3 < fields.length; i += 4) if (fields[i] === "") notIgnored.add(fields[i + 3]);
  if (fields.length < paths.length * 4) throw cannotTell(`git check-ignore answered for ${Math.floor(fields.length / 4)} of ${paths.length} paths`);
  for (const [i, p] of paths.entries()) {
    if (!notIgnored.has(p)) continue;
    throw new OradminError(
      i === 0 ? `refusing to write secrets to ${what}: it is inside a git work tree and git does not ignore it (add it to .gitignore, or choose a path outside the repository)` : `refusing to write secrets to ${what}: git ignores it but not its temporary files such as ${path.basename(p)}, which hold the secrets for a moment before the atomic rename (ignore the folder, or add \`${path.basename(p).replace(/\.[^.]+\.tmp$/, ".*.tmp")}\` to .gitignore)`
    );
  }
}

// src/apply/sinks/file-sink.ts
var FileSink = class {
  description;
  file;
  // Deliveries of one apply run concurrently; they take turns here before contending for the lock.
  queue = Promise.resolve();
  constructor(file) {
    this.file = path2.resolve(file);
    this.description = `the secrets file ${file}`;
  }
  get dir() {
    return path2.dirname(this.file);
  }
  tempName(suffix) {
    return path2.join(this.dir, `.${path2.basename(this.file)}.${suffix}.tmp`);
  }
  get lockName() {
    return path2.join(this.dir, `.${path2.basename(this.file)}.lock`);
  }
  async check() {
    await mkdir(this.dir, { recursive: true, mode: 448 });
    await refuseIfCommittable([this.file, this.tempName("0123456789ab")], this.file);
  }
  deliver(entry) {
    const next = this.queue.then(() => withFileLock(this.lockName, () => this.write(entry)));
    this.queue = next.catch(() => void 0);
    return next;
  }
  async holds(hash) {
    await this.queue;
    const all = await this.read();
    return Object.values(all).some((e) => e.hash === hash);
  }
  async read() {
    try {
      return JSON.parse(await readFile2(this.file, "utf8"));
    } catch (err) {
      if (err.code === "ENOENT") return {};
      throw new OradminError(`cannot read the secrets file ${this.file}: ${err.message.split("\n")[0]}`);
    }
  }
  async write(entry) {
    const name = `${entry.workspace}/${entry.name}`;
    const all = await this.read();
    all[name] = { secret: entry.secret, hash: entry.hash, created_at: entry.created_at };
    await this.replaceFile(`${JSON.stringify(all, null, 2)}
`, entry.address);
    if ((await this.read())[name]?.hash !== entry.hash) {
      throw new OradminError(`the secrets file ${this.file} changed while the secret of ${entry.address} was written to it; it was not kept`);
    }
  }
  async replaceFile(text, address) {
    const tmp = this.tempName(randomBytes(6).toString("hex"));
    try {
      const handle = await open2(tmp, "wx", 384);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      const code = err.code;
      throw new OradminError(
        `cannot write the secret of ${address} to ${this.file}: ${code ?? err.message.split("\n")[0]}` + (code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT" ? " (the disk or the file size limit is full)" : "")
      );
    }
    const dirHandle = await open2(this.dir, "r");
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
};

// src/apply/sinks/select.ts
function selectSink(opts) {
  if (opts.secretsOut) return new FileSink(opts.secretsOut);
  const s = opts.config.secrets;
  if (s?.file) return new FileSink(path3.resolve(opts.configDir, s.file));
  if (s?.command) return new CommandSink(s.command, opts.env, opts.configDir, s.timeout && parseDuration(s.timeout) || DEFAULT_COMMAND_TIMEOUT_MS);
  return void 0;
}

// src/apply/sinks/resolve.ts
async function resolveSink(opts) {
  return selectSink({ secretsOut: opts.secretsOut, config: opts.config, configDir: await configDir(opts.file), env: opts.env });
}
async function configDir(file) {
  try {
    return (await stat2(file)).isDirectory() ? path4.resolve(file) : path4.dirname(path4.resolve(file));
  } catch {
    return process.cwd();
  }
}

// src/cli/refusals.ts
function inCi(env) {
  return env.CI === "true" || env.GITHUB_ACTIONS === "true";
}
function createsKeys(plan) {
  return plan.operations.some((o) => o.kind === "key" && (o.action === "create" || o.action === "replace"));
}
async function refusalsOf(input) {
  const out = [];
  for (const o of input.plan.operations) if (o.blocked) out.push(`${o.address}: ${o.blocked}`);
  if (!input.plan.safety.ok && !input.force) for (const r of input.plan.safety.reasons) out.push(`${r} (pass --force to proceed)`);
  if (!createsKeys(input.plan)) return out;
  const sink = input.sink;
  if (!sink) {
    out.push("the plan creates keys but no secrets sink is configured: add `secrets:` to the file or pass --secrets-out <path>");
    return out;
  }
  if (sink instanceof FileSink && inCi(input.env) && input.config.secrets?.file_in_ci !== true) {
    out.push(
      `new secrets would go to ${sink.description} on a CI runner (CI=true or GITHUB_ACTIONS=true), which is usually thrown away with them: use secrets.command to store them in a secret store, or set secrets.file_in_ci: true if this runner or path persists`
    );
    return out;
  }
  try {
    await sink.check();
  } catch (err) {
    if (!(err instanceof OradminError)) throw err;
    out.push(err.message);
  }
  return out;
}

export {
  renderPlan,
  parseDuration,
  resolveSink,
  refusalsOf
};
