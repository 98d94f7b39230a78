// `oradmin apply`: plan, refuse what is unsafe before any write, confirm, execute, verify. `oradmin
// rotate` is the same run with a plan of key-lifecycle work only (cli/run-rotate.ts): the same
// lease, refusals, confirmation, sink, audit log and exit codes.
import { AuditLog } from '../apply/audit-log.js';
import { executePlan, type ExecReport } from '../apply/executor.js';
import { idRegistryFrom } from '../apply/ids.js';
import { KeyCreationProtocol } from '../apply/key-creation.js';
import { readPlanfile, type Planfile } from '../apply/planfile.js';
import { resolveSink } from '../apply/sinks/resolve.js';
import { describeHolder, formatDuration, leaseGuard } from '../apply/lease.js';
import { requireManagementKey } from '../api/client.js';
import { parseDuration } from '../core/duration.js';
import { canonicalJson } from '../core/normalize.js';
import { DEFAULT_LEASE_TTL_MS, MAX_LEASE_TTL_MS } from '../core/reserved-names.js';
import type { PlanOptions } from '../core/context.js';
import { randomBytes } from 'node:crypto';
import { buildPlan } from '../resources/registry.js';
import { describeSecretsSink, planJson } from '../core/plan-json.js';
import type { Operation, Plan } from '../core/types.js';
import { OradminError } from '../errors.js';
import { confirm } from './confirm.js';
import { refusalsOf } from './refusals.js';
import type { GlobalOptions, Io } from './context.js';
import { planOrganization, readLiveFor } from './pipeline.js';
import { progressReporter } from './progress.js';
import { renderPlan } from './render-plan.js';
import { jsonText, terminalText } from '../untrusted.js';

export interface ApplyCommandOptions {
  planfile?: string;
  autoApprove?: boolean;
  secretsOut?: string;
  allowReplace?: boolean;
  force?: boolean;
  target?: string[];
  logFile?: string;
  /** `--lock` (default) / `--lock=false`, `--no-lock`: hold the organization's apply lease. */
  lock?: boolean;
  /** `--lock-timeout`: how long to wait for another apply's lease. */
  lockTimeout?: string;
  /** `--lock-ttl`: how long this run's lease stays valid without renewal. */
  lockTtl?: string;
  /** `oradmin rotate`: only key-lifecycle work (core/context.ts, PlanOptions.lifecycle). */
  lifecycle?: NonNullable<PlanOptions['lifecycle']>;
}

export const DEFAULT_LOCK_TIMEOUT = '60s';

export async function runApply(global: GlobalOptions, io: Io, cmd: ApplyCommandOptions): Promise<number> {
  const now = new Date();
  const lockTimeoutMs = durationOption('--lock-timeout', cmd.lockTimeout ?? DEFAULT_LOCK_TIMEOUT, 0);
  const lockTtlMs = durationOption('--lock-ttl', cmd.lockTtl ?? formatDuration(DEFAULT_LEASE_TTL_MS), 100);
  if (lockTtlMs > MAX_LEASE_TTL_MS) throw new OradminError(`--lock-ttl ${cmd.lockTtl} is longer than ${formatDuration(MAX_LEASE_TTL_MS)}, the longest lease other applies believe`);
  const locked = cmd.lock !== false;
  const run = randomBytes(6).toString('hex');
  // The planfile is authenticated with a key derived from the management key, and names the file
  // it was made for; apply reads -f (or the default) and only compares (apply/planfile.ts).
  const saved = cmd.planfile ? await readPlanfile(cmd.planfile, requireManagementKey(io.env), global.file) : undefined;
  const opts = global;
  const targets = saved ? saved.targets : (cmd.target ?? []);
  const json = opts.output === 'json';
  const out = (result: Record<string, unknown>, plan: Plan | undefined) => {
    if (json) io.stdout.write(`${jsonText(JSON.stringify({ plan: plan ? planJson(plan) : null, result }, null, 2))}\n`);
  };

  const lease = locked
    ? leaseGuard({ run, holder: describeHolder(io.env), ttlMs: lockTtlMs, timeoutMs: lockTimeoutMs, notice: (line) => io.stderr.write(`${line}\n`) })
    : undefined;
  const planOptions: PlanOptions = {
    targets,
    runId: run,
    pendingGraceMs: lockTtlMs,
    ...(cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {}),
    ...(cmd.lifecycle ? { lifecycle: cmd.lifecycle } : {}),
  };
  const verb = cmd.lifecycle ? 'rotate' : 'apply';
  const Verb = cmd.lifecycle ? 'Rotate' : 'Apply';
  const { loaded, live, result, client } = await planOrganization(opts, io, { ...planOptions, allowReplace: cmd.allowReplace === true }, now, lease);
  try {
    const plan = result.plan;
    if (saved) {
      const stale = staleness(saved, plan, loaded.digest, result.liveDigest, () =>
        buildPlan({ config: loaded.config, locate: loaded.locate, live, now, options: planOptions }).plan.checksum,
      );
      if (stale) {
        out({ status: 'refused', reason: stale }, plan);
        throw new OradminError(`${stale}; nothing was applied. Run \`oradmin plan --out ${cmd.planfile}\` again and review it.`);
      }
    }
    // The same decision as plan's (cli/refusals.ts), so that a green plan means a green apply.
    const sink = await resolveSink({ file: opts.file, secretsOut: cmd.secretsOut, config: loaded.config, env: io.env });
    const refusals = plan.operations.length === 0 ? [] : await refusalsOf({ plan, config: loaded.config, sink, force: cmd.force === true, env: io.env });
    if (!json) io.stdout.write(renderPlan(plan, opts, io, refusals));
    if (plan.operations.length === 0) {
      out({ status: 'no-changes', done: [], failed: [], not_started: [] }, plan);
      return 0;
    }
    if (refusals.length > 0) {
      const why = refusals.map((r) => r.replace(/\.$/, '')).join('; ');
      out({ status: 'refused', reason: why }, plan);
      throw new OradminError(`${verb} refused: ${why}. Nothing was changed.`);
    }

    if (!cmd.autoApprove) {
      if (!io.stdin.isTTY) {
        out({ status: 'refused', reason: 'not confirmed' }, plan);
        throw new OradminError(`${verb} needs confirmation, but stdin is not a terminal: review the plan and pass --auto-approve. Nothing was changed.`);
      }
      const n = plan.operations.length;
      const question = cmd.lifecycle ? (n === 1 ? 'Perform this rotation work?' : `Perform these ${n} operations?`) : n === 1 ? 'Apply this operation?' : `Apply these ${n} operations?`;
      if (!(await confirm(io, question))) {
        out({ status: 'refused', reason: 'not confirmed' }, plan);
        throw new OradminError(`${verb} cancelled. Nothing was changed.`);
      }
    }

    const audit = cmd.logFile ? new AuditLog(cmd.logFile, () => new Date()) : undefined;
    const actionOf = new Map(plan.operations.map((o) => [o.address, o.action]));
    const ids = idRegistryFrom(live);
    let delivered = 0;
    const keys = new KeyCreationProtocol({
      client,
      ids,
      sink,
      now: () => new Date(),
      run: { id: run, locked },
      onStep: (address, step, detail) => {
        if (step === 'delivered') delivered++;
        audit?.write({ address, action: actionOf.get(address) ?? 'create', result: 'step', step, ids: detail });
      },
    });
    const progress = progressReporter(io, plan.operations);
    const report = await executePlan(plan.operations, { client, ids, keys }, {
      shouldStop: () => lease?.lost() !== undefined,
      onEvent: (e) => {
        progress(e);
        for (const op of e.ops) {
          audit?.write({
            address: op.address,
            action: op.action,
            result: e.type === 'start' ? 'started' : e.type,
            ids: idsOf(op),
            ...(e.type === 'failed' ? { error: e.error.message } : {}),
            ...(e.type !== 'start' ? { ms: Math.round(e.ms) } : {}),
          });
        }
      },
    });
    progress.flush();
    for (const op of report.notStarted) audit?.write({ address: op.address, action: op.action, result: 'not-started' });
    await audit?.flush();

    if (report.failed.length > 0) {
      out(reportJson('failed', report), plan);
      io.stderr.write(failureText(report, Verb));
      return 1;
    }
    const lost = lease?.lost();
    if (lost) {
      out({ ...reportJson('lease-lost', report), reason: lost }, plan);
      io.stderr.write(`\n${Verb} stopped: ${lost}, so it started nothing more.\n${failureText(report, Verb).trimStart()}`);
      return 1;
    }

    // Verify: what was applied must read back as applied. A rotation on request is verified as
    // lifecycle work by time: nothing of those keys is due any more.
    const verifyOptions = cmd.lifecycle ? { ...planOptions, lifecycle: { ...cmd.lifecycle, due: true } } : planOptions;
    const after = buildPlan({ config: loaded.config, locate: loaded.locate, live: await readLiveFor(client, loaded.config), now: new Date(), options: verifyOptions });
    const remaining = after.plan.operations;
    if (remaining.length > 0) {
      out({ ...reportJson('not-converged', report), remaining: remaining.map((o) => o.address) }, plan);
      throw new OradminError(
        `${verb} finished, but planning again still finds ${remaining.length} change${remaining.length === 1 ? '' : 's'} ` +
          `(${remaining.slice(0, 5).map((o) => `${o.action} ${o.address}`).join(', ')}). A plan that does not converge is a bug — please report it with \`oradmin plan -o json\`.`,
      );
    }
    out({ ...reportJson('applied', report), secrets_delivered: delivered, ...(sink && delivered > 0 ? { secrets_sink: sink.description } : {}) }, plan);
    if (!json) {
      const where = delivered > 0 && sink ? ` ${delivered} new secret${delivered === 1 ? '' : 's'} delivered to ${terminalText(sink.description)}.` : '';
      io.stdout.write(`${Verb} complete: ${report.done.length} operation${report.done.length === 1 ? '' : 's'} done; a new plan is empty.${where}\n`);
    }
    return 0;
  } finally {
    await lease?.release();
    await client.close();
  }
}

function staleness(
  saved: Planfile,
  plan: Plan,
  desiredDigest: string,
  liveDigest: string,
  checksumAsPlanned: () => string,
): string | undefined {
  if (canonicalJson(saved.plan.secrets_sink) !== canonicalJson(plan.secrets_sink)) {
    return `the plan was reviewed with new secrets going to ${describeSecretsSink(saved.plan.secrets_sink)}, but this apply would send them to ${describeSecretsSink(plan.secrets_sink)}`;
  }
  if (saved.desired_digest !== desiredDigest) return 'the plan is stale: the desired-state file changed since it was made';
  if (saved.live_digest !== liveDigest) return 'the plan is stale: the organization changed since it was made';
  if (saved.plan.checksum !== checksumAsPlanned()) return 'the plan is stale: planning again gives a different plan';
  return undefined;
}

function idsOf(op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'hash', 'user_id', 'guardrail_id'] as const) if (typeof op.exec[k] === 'string') out[k] = op.exec[k];
  return out;
}

function reportJson(status: string, r: ExecReport): Record<string, unknown> {
  return {
    status,
    done: r.done.map((o) => o.address),
    failed: r.failed.map((f) => ({ address: f.op.address, action: f.op.action, error: f.error.message })),
    not_started: r.notStarted.map((o) => o.address),
  };
}

function failureText(r: ExecReport, verb = 'Apply'): string {
  const lines = ['', `${verb} failed: ${r.done.length} done, ${r.failed.length} failed, ${r.notStarted.length} not started.`];
  for (const f of r.failed) lines.push(`  failed: ${f.op.action} ${terminalText(f.op.address)}: ${terminalText(f.error.message)}`);
  if (r.done.length > 0) lines.push(`  done: ${terminalText(r.done.map((o) => o.address).join(', '))}`);
  if (r.notStarted.length > 0) lines.push(`  not started: ${terminalText(r.notStarted.map((o) => o.address).join(', '))}`);
  lines.push(
    verb === 'Apply' ? 'Run `oradmin plan` to see exactly the remaining work; `oradmin apply` again finishes it.' : 'Run `oradmin rotate` again (or `oradmin apply`) to finish it.',
    '',
  );
  return lines.join('\n');
}

function durationOption(flag: string, text: string, minMs: number): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms < minMs) {
    throw new OradminError(`${flag} ${text} is not a duration of at least ${formatDuration(minMs)} (write e.g. 30s, 2m or 500ms)`);
  }
  return ms;
}
