import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readPlanfile
} from "./chunk-FDRD5CKF.mjs";
import {
  describeHolder,
  formatDuration,
  leaseGuard
} from "./chunk-5UNG3LLB.mjs";
import {
  parseDuration,
  refusalsOf,
  renderPlan,
  resolveSink
} from "./chunk-CL3ES3CM.mjs";
import "./chunk-JBTK3ZN6.mjs";
import {
  AmbiguousWriteError,
  BULK_LIMIT,
  CreateKeysRequest,
  CreateKeysResponse,
  DEFAULT_LEASE_TTL_MS,
  DESTRUCTIVE,
  MAX_LEASE_TTL_MS,
  UpdateKeysRequest,
  address,
  bindKeys,
  buildPlan,
  canonicalJson,
  deleteObject,
  describeSecretsSink,
  normalizeTimestamp,
  pathOf,
  pendingName,
  planJson,
  planOrganization,
  readAllKeys,
  readLiveFor,
  redactSecrets,
  requireManagementKey,
  resourceKind
} from "./chunk-CVIU2U5I.mjs";
import "./chunk-RRS75AT4.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import {
  OradminError
} from "./chunk-5QFJAZR6.mjs";
import {
  jsonText,
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";

// src/apply/audit-log.ts
import { appendFile } from "node:fs/promises";
var AuditLog = class {
  constructor(path, now) {
    this.path = path;
    this.now = now;
  }
  path;
  now;
  queue = Promise.resolve();
  write(entry) {
    const line = jsonText(JSON.stringify({ time: this.now().toISOString(), ...entry, ...entry.error ? { error: redactSecrets(entry.error) } : {} }));
    this.queue = this.queue.then(() => appendFile(this.path, `${line}
`, { mode: 384 }));
  }
  async flush() {
    await this.queue;
  }
};

// src/apply/executor.ts
var DEFAULT_EXEC_CONCURRENCY = 8;
async function executePlan(ops, ctx, opts = {}) {
  const concurrency = opts.concurrency ?? DEFAULT_EXEC_CONCURRENCY;
  const now = opts.now ?? (() => performance.now());
  const position = new Map(ops.map((o, i) => [o, i]));
  const byAddress = new Map(ops.map((o) => [o.address, o]));
  const waitingOn = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const op of ops) {
    const deps = op.dependsOn.map((a) => byAddress.get(a)).filter((d) => d !== void 0 && d !== op);
    waitingOn.set(op, deps.length);
    for (const d of deps) dependents.set(d, [...dependents.get(d) ?? [], op]);
  }
  const constructive = ops.flatMap((o, i) => DESTRUCTIVE.has(o.action) ? [] : [i]);
  const finishedPositions = /* @__PURE__ */ new Set();
  let barrierAt = 0;
  const ready = ops.filter((o) => waitingOn.get(o) === 0);
  const report = { done: [], failed: [], notStarted: [] };
  const started = /* @__PURE__ */ new Set();
  const running = /* @__PURE__ */ new Set();
  let stopping = false;
  const groupOf = (op) => {
    const key = resourceKind(op.kind).batchKey?.(op);
    return key === void 0 ? void 0 : `${op.kind}\0${op.action}\0${key}`;
  };
  const lowestOpen = () => {
    while (barrierAt < constructive.length && finishedPositions.has(constructive[barrierAt])) barrierAt++;
    return barrierAt < constructive.length ? constructive[barrierAt] : Infinity;
  };
  const takeBatch = () => {
    const barrier = lowestOpen();
    const at = ready.findIndex((o) => !DESTRUCTIVE.has(o.action) || position.get(o) < barrier);
    if (at < 0) return void 0;
    const head = ready[at];
    const group = groupOf(head);
    const batch = [head];
    if (group !== void 0) {
      for (const o of ready) {
        if (batch.length >= BULK_LIMIT) break;
        if (o !== head && groupOf(o) === group && (!DESTRUCTIVE.has(o.action) || position.get(o) < barrier)) batch.push(o);
      }
    }
    const taken = new Set(batch);
    for (let i = ready.length - 1; i >= 0; i--) if (taken.has(ready[i])) ready.splice(i, 1);
    return batch;
  };
  const finish = (batch, error, started2) => {
    const ms = now() - started2;
    if (error) {
      stopping = true;
      for (const op of batch) report.failed.push({ op, error });
      opts.onEvent?.({ type: "failed", ops: batch, ms, error });
      return;
    }
    for (const op of batch) {
      report.done.push(op);
      finishedPositions.add(position.get(op));
      for (const next of dependents.get(op) ?? []) {
        const n = waitingOn.get(next) - 1;
        waitingOn.set(next, n);
        if (n === 0) insertByPosition(ready, next, position);
      }
    }
    opts.onEvent?.({ type: "done", ops: batch, ms });
  };
  for (; ; ) {
    while (!stopping && !opts.shouldStop?.() && running.size < concurrency) {
      const batch = takeBatch();
      if (!batch) break;
      for (const op of batch) started.add(op);
      opts.onEvent?.({ type: "start", ops: batch });
      const t0 = now();
      const p = resourceKind(batch[0].kind).execute(batch, ctx).then(
        () => finish(batch, void 0, t0),
        (err) => finish(batch, err instanceof Error ? err : new Error(String(err)), t0)
      ).finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  report.notStarted = ops.filter((o) => !started.has(o));
  return report;
}
function insertByPosition(list, op, position) {
  const p = position.get(op);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (position.get(list[mid]) < p) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, op);
}

// src/apply/ids.ts
function idRegistryFrom(live) {
  const ids = /* @__PURE__ */ new Map();
  const slugById = new Map(live.workspaces.map((w) => [w.id, w.slug]));
  const defaults = /* @__PURE__ */ new Set();
  for (const w of live.workspaces) {
    ids.set(address.workspace(w.slug), w.id);
    ids.set(address.defaultGuardrail(w.slug), w.default_guardrail_id);
    defaults.add(w.default_guardrail_id);
  }
  for (const g of live.guardrails) {
    if (defaults.has(g.id)) continue;
    ids.set(address.guardrail(slugById.get(g.workspace_id ?? "") ?? "default", g.name), g.id);
  }
  for (const k of live.keys) ids.set(address.key(slugById.get(k.workspace_id) ?? "default", k.name), k.hash);
  return {
    get: (a) => ids.get(a),
    require: (a) => {
      const id = ids.get(a);
      if (id === void 0) throw new OradminError(`${a} does not exist (it was neither read nor created by this apply)`);
      return id;
    },
    set: (a, id) => {
      ids.set(a, id);
    }
  };
}

// src/apply/key-creation.ts
import { createHash, randomBytes } from "node:crypto";
var MAX_CREATE_ATTEMPTS = 3;
var KeyCreationProtocol = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  get ctx() {
    return { client: this.deps.client, ids: this.deps.ids, keys: this };
  }
  async create(op) {
    const sink = this.deps.sink;
    if (!sink) throw new OradminError(`${op.address}: no secrets sink configured, so the new key's secret would be lost`);
    const fields = op.exec.fields;
    let finished = false;
    for (const r of op.exec.resume ?? []) {
      if (!finished && await this.canFinish(r, fields, sink)) {
        this.step(op, "resume", { hash: r.hash });
        await this.finish(op, r.hash, fields);
        finished = true;
        continue;
      }
      this.step(op, "remove-interrupted", { hash: r.hash });
      await this.deleteKey(op, r.hash);
    }
    if (finished) return;
    const { hash, secret } = await this.post(op, fields);
    try {
      await this.secure(op, hash, fields);
      await sink.deliver({
        address: op.address,
        workspace: op.exec.workspace,
        name: op.exec.name,
        secret,
        hash,
        created_at: this.deps.now().toISOString()
      });
      this.step(op, "delivered", { hash, sink: sink.description });
    } catch (err) {
      await this.deleteKey(op, hash).catch(() => void 0);
      throw err;
    }
    await this.complete(op, hash);
  }
  /** Steps 4 and 5, shared by a fresh creation and a resumed one. */
  async complete(op, hash) {
    if (op.action === "replace" && typeof op.exec.hash === "string" && op.exec.hash !== hash) {
      this.step(op, "delete-predecessor", { hash: op.exec.hash });
      await this.deleteKey(op, op.exec.hash);
    }
    await this.patch(op, hash, { name: op.exec.name });
    this.deps.ids.set(op.address, hash);
    this.step(op, "renamed", { hash });
  }
  async canFinish(r, fields, sink) {
    return normalizeTimestamp(r.expires_at) === fields.expires_at && await sink.holds(r.hash);
  }
  async finish(op, hash, fields) {
    await this.patch(op, hash, {
      limit: fields.limit,
      limit_reset: fields.limit_reset,
      include_byok_in_limit: fields.include_byok_in_limit,
      disabled: fields.disabled
    });
    await this.bind(op, hash);
    await this.complete(op, hash);
  }
  async post(op, fields) {
    const workspaceId = this.deps.ids.require(address.workspace(op.exec.workspace));
    const creator = op.exec.creator_user_id;
    for (let attempt = 1; ; attempt++) {
      const nonce = randomBytes(6).toString("hex");
      const tmpName = pendingName(nonce, op.exec.name, this.deps.run);
      const body = {
        name: tmpName,
        workspace_id: workspaceId,
        limit: fields.limit,
        limit_reset: fields.limit_reset,
        include_byok_in_limit: fields.include_byok_in_limit,
        expires_at: fields.expires_at,
        ...creator ? { creator_user_id: creator } : {}
      };
      try {
        const res = await this.deps.client.request({
          operation: "createKeys",
          method: "POST",
          path: "/keys",
          body,
          bodySchema: CreateKeysRequest,
          responseSchema: CreateKeysResponse,
          address: op.address
        });
        this.deps.client.registerSecret(res.key);
        if (createHash("sha256").update(res.key).digest("hex") !== res.data.hash) {
          this.step(op, "hash-differs-from-sha256", { hash: res.data.hash });
        }
        this.step(op, "created", { hash: res.data.hash, nonce });
        return { hash: res.data.hash, secret: res.key };
      } catch (err) {
        if (!(err instanceof AmbiguousWriteError)) throw err;
        this.step(op, "ambiguous-create", { nonce, attempt });
        const keys = await readAllKeys(this.deps.client, { workspaceId, address: op.address });
        for (const k of keys.filter((k2) => k2.name === tmpName)) {
          this.step(op, "remove-unheld", { hash: k.hash, nonce });
          await this.deleteKey(op, k.hash);
        }
        if (attempt >= MAX_CREATE_ATTEMPTS) throw err;
      }
    }
  }
  async secure(op, hash, fields) {
    if (fields.disabled) await this.patch(op, hash, { disabled: true });
    await this.bind(op, hash);
  }
  async bind(op, hash) {
    const guardrail = op.exec.guardrail;
    if (typeof guardrail !== "string") return;
    const gAddress = address.guardrail(op.exec.workspace, guardrail);
    await bindKeys(this.deps.client, { guardrailId: this.deps.ids.require(gAddress), label: gAddress, hashes: [hash], assign: true, address: op.address });
  }
  async patch(op, hash, body) {
    await this.deps.client.request({ operation: "updateKeys", method: "PATCH", path: pathOf("/keys/{hash}", { hash }), body, bodySchema: UpdateKeysRequest, address: op.address });
  }
  deleteKey(op, hash) {
    return deleteObject(this.ctx, op, "deleteKeys", pathOf("/keys/{hash}", { hash }));
  }
  step(op, step, detail) {
    this.deps.onStep?.(op.address, step, detail);
  }
};

// src/cli/run-apply.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/cli/confirm.ts
import { createInterface } from "node:readline";
async function confirm(io, question) {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    io.stderr.write(`${question} Only 'yes' will be accepted: `);
    const answer = await new Promise((resolve) => {
      rl.once("line", resolve);
      rl.once("close", () => resolve(""));
    });
    return answer.trim() === "yes";
  } finally {
    rl.close();
  }
}

// src/cli/progress.ts
function progressReporter(io, total) {
  const tty = Boolean(io.stderr.isTTY);
  let finished = 0;
  return (e) => {
    if (e.type === "start") return;
    finished += e.ops.length;
    const mark = e.type === "done" ? "ok" : "FAILED";
    const first = terminalText(e.ops[0].address);
    const what = e.ops.length === 1 ? `${e.ops[0].action} ${first}` : `${e.ops[0].action} ${e.ops.length} \xD7 ${e.ops[0].kind} (${first}, \u2026)`;
    if (tty) {
      io.stderr.write(`\r\x1B[2K[${finished}/${total}] ${mark} ${what}${finished === total || e.type === "failed" ? "\n" : ""}`);
    } else {
      io.stderr.write(`[${finished}/${total}] ${mark} ${what} (${Math.round(e.ms)} ms)
`);
    }
  };
}

// src/cli/run-apply.ts
var DEFAULT_LOCK_TIMEOUT = "60s";
async function runApply(global, io, cmd) {
  const now = /* @__PURE__ */ new Date();
  const lockTimeoutMs = durationOption("--lock-timeout", cmd.lockTimeout ?? DEFAULT_LOCK_TIMEOUT, 0);
  const lockTtlMs = durationOption("--lock-ttl", cmd.lockTtl ?? formatDuration(DEFAULT_LEASE_TTL_MS), 100);
  if (lockTtlMs > MAX_LEASE_TTL_MS) throw new OradminError(`--lock-ttl ${cmd.lockTtl} is longer than ${formatDuration(MAX_LEASE_TTL_MS)}, the longest lease other applies believe`);
  const locked = cmd.lock !== false;
  const run = randomBytes2(6).toString("hex");
  const saved = cmd.planfile ? await readPlanfile(cmd.planfile, requireManagementKey(io.env), global.file) : void 0;
  const opts = global;
  const targets = saved ? saved.targets : cmd.target ?? [];
  const json = opts.output === "json";
  const out = (result2, plan) => {
    if (json) io.stdout.write(`${jsonText(JSON.stringify({ plan: plan ? planJson(plan) : null, result: result2 }, null, 2))}
`);
  };
  const lease = locked ? leaseGuard({ run, holder: describeHolder(io.env), ttlMs: lockTtlMs, timeoutMs: lockTimeoutMs, notice: (line) => io.stderr.write(`${line}
`) }) : void 0;
  const planOptions = {
    targets,
    runId: run,
    pendingGraceMs: lockTtlMs,
    ...cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {}
  };
  const { loaded, live, result, client } = await planOrganization(opts, io, { ...planOptions, allowReplace: cmd.allowReplace === true }, now, lease);
  try {
    const plan = result.plan;
    if (saved) {
      const stale = staleness(
        saved,
        plan,
        loaded.digest,
        result.liveDigest,
        () => buildPlan({ config: loaded.config, locate: loaded.locate, live, now, options: planOptions }).plan.checksum
      );
      if (stale) {
        out({ status: "refused", reason: stale }, plan);
        throw new OradminError(`${stale}; nothing was applied. Run \`oradmin plan --out ${cmd.planfile}\` again and review it.`);
      }
    }
    const sink = await resolveSink({ file: opts.file, secretsOut: cmd.secretsOut, config: loaded.config, env: io.env });
    const refusals = plan.operations.length === 0 ? [] : await refusalsOf({ plan, config: loaded.config, sink, force: cmd.force === true, env: io.env });
    if (!json) io.stdout.write(renderPlan(plan, opts, io, refusals));
    if (plan.operations.length === 0) {
      out({ status: "no-changes", done: [], failed: [], not_started: [] }, plan);
      return 0;
    }
    if (refusals.length > 0) {
      const why = refusals.map((r) => r.replace(/\.$/, "")).join("; ");
      out({ status: "refused", reason: why }, plan);
      throw new OradminError(`apply refused: ${why}. Nothing was changed.`);
    }
    if (!cmd.autoApprove) {
      if (!io.stdin.isTTY) {
        out({ status: "refused", reason: "not confirmed" }, plan);
        throw new OradminError("apply needs confirmation, but stdin is not a terminal: review the plan and pass --auto-approve. Nothing was changed.");
      }
      const n = plan.operations.length;
      if (!await confirm(io, n === 1 ? "Apply this operation?" : `Apply these ${n} operations?`)) {
        out({ status: "refused", reason: "not confirmed" }, plan);
        throw new OradminError("apply cancelled. Nothing was changed.");
      }
    }
    const audit = cmd.logFile ? new AuditLog(cmd.logFile, () => /* @__PURE__ */ new Date()) : void 0;
    const ids = idRegistryFrom(live);
    let delivered = 0;
    const keys = new KeyCreationProtocol({
      client,
      ids,
      sink,
      now: () => /* @__PURE__ */ new Date(),
      run: { id: run, locked },
      onStep: (address2, step, detail) => {
        if (step === "delivered") delivered++;
        audit?.write({ address: address2, action: "create", result: "step", step, ids: detail });
      }
    });
    const progress = progressReporter(io, plan.operations.length);
    const report = await executePlan(plan.operations, { client, ids, keys }, {
      shouldStop: () => lease?.lost() !== void 0,
      onEvent: (e) => {
        progress(e);
        for (const op of e.ops) {
          audit?.write({
            address: op.address,
            action: op.action,
            result: e.type === "start" ? "started" : e.type,
            ids: idsOf(op),
            ...e.type === "failed" ? { error: e.error.message } : {},
            ...e.type !== "start" ? { ms: Math.round(e.ms) } : {}
          });
        }
      }
    });
    for (const op of report.notStarted) audit?.write({ address: op.address, action: op.action, result: "not-started" });
    await audit?.flush();
    if (report.failed.length > 0) {
      out(reportJson("failed", report), plan);
      io.stderr.write(failureText(report));
      return 1;
    }
    const lost = lease?.lost();
    if (lost) {
      out({ ...reportJson("lease-lost", report), reason: lost }, plan);
      io.stderr.write(`
Apply stopped: ${lost}, so it started nothing more.
${failureText(report).trimStart()}`);
      return 1;
    }
    const after = buildPlan({ config: loaded.config, locate: loaded.locate, live: await readLiveFor(client, loaded.config), now: /* @__PURE__ */ new Date(), options: planOptions });
    const remaining = after.plan.operations;
    if (remaining.length > 0) {
      out({ ...reportJson("not-converged", report), remaining: remaining.map((o) => o.address) }, plan);
      throw new OradminError(
        `apply finished, but planning again still finds ${remaining.length} change${remaining.length === 1 ? "" : "s"} (${remaining.slice(0, 5).map((o) => `${o.action} ${o.address}`).join(", ")}). A plan that does not converge is a bug \u2014 please report it with \`oradmin plan -o json\`.`
      );
    }
    out({ ...reportJson("applied", report), secrets_delivered: delivered, ...sink && delivered > 0 ? { secrets_sink: sink.description } : {} }, plan);
    if (!json) {
      const where = delivered > 0 && sink ? ` ${delivered} new secret${delivered === 1 ? "" : "s"} delivered to ${terminalText(sink.description)}.` : "";
      io.stdout.write(`Apply complete: ${report.done.length} operation${report.done.length === 1 ? "" : "s"} done; a new plan is empty.${where}
`);
    }
    return 0;
  } finally {
    await lease?.release();
    await client.close();
  }
}
function staleness(saved, plan, desiredDigest, liveDigest, checksumAsPlanned) {
  if (canonicalJson(saved.plan.secrets_sink) !== canonicalJson(plan.secrets_sink)) {
    return `the plan was reviewed with new secrets going to ${describeSecretsSink(saved.plan.secrets_sink)}, but this apply would send them to ${describeSecretsSink(plan.secrets_sink)}`;
  }
  if (saved.desired_digest !== desiredDigest) return "the plan is stale: the desired-state file changed since it was made";
  if (saved.live_digest !== liveDigest) return "the plan is stale: the organization changed since it was made";
  if (saved.plan.checksum !== checksumAsPlanned()) return "the plan is stale: planning again gives a different plan";
  return void 0;
}
function idsOf(op) {
  const out = {};
  for (const k of ["id", "hash", "user_id", "guardrail_id"]) if (typeof op.exec[k] === "string") out[k] = op.exec[k];
  return out;
}
function reportJson(status, r) {
  return {
    status,
    done: r.done.map((o) => o.address),
    failed: r.failed.map((f) => ({ address: f.op.address, action: f.op.action, error: f.error.message })),
    not_started: r.notStarted.map((o) => o.address)
  };
}
function failureText(r) {
  const lines = ["", `Apply failed: ${r.done.length} done, ${r.failed.length} failed, ${r.notStarted.length} not started.`];
  for (const f of r.failed) lines.push(`  failed: ${f.op.action} ${terminalText(f.op.address)}: ${terminalText(f.error.message)}`);
  if (r.done.length > 0) lines.push(`  done: ${terminalText(r.done.map((o) => o.address).join(", "))}`);
  if (r.notStarted.length > 0) lines.push(`  not started: ${terminalText(r.notStarted.map((o) => o.address).join(", "))}`);
  lines.push("Run `oradmin plan` to see exactly the remaining work; `oradmin apply` again finishes it.", "");
  return lines.join("\n");
}
function durationOption(flag, text, minMs) {
  const ms = parseDuration(text);
  if (ms === void 0 || ms < minMs) {
    throw new OradminError(`${flag} ${text} is not a duration of at least ${formatDuration(minMs)} (write e.g. 30s, 2m or 500ms)`);
  }
  return ms;
}
export {
  DEFAULT_LOCK_TIMEOUT,
  runApply
};
