// Everything apply would refuse for a plan in this environment, decided in one place so that
// `plan` and `apply` cannot disagree (issue 14): a PR check run with the flags its apply will use is
// green exactly when that apply will go through. `plan` prints these and exits 1; `apply` refuses
// with them before any write.
import type { FileConfig } from '../config/schema.js';
import { issuesSecret, type Plan } from '../core/types.js';
import { OradminError } from '../errors.js';
import { FileSink } from '../apply/sinks/file-sink.js';
import type { SecretSink } from '../apply/sinks/types.js';

export interface RefusalInput {
  plan: Plan;
  config: FileConfig;
  /** The sink `apply` would deliver new secrets to (resolveSink), if any. */
  sink: SecretSink | undefined;
  /** `--force`: the safety thresholds are overridden. */
  force: boolean;
  env: NodeJS.ProcessEnv;
}

/** CI=true is what most CI systems set; GitHub Actions also sets GITHUB_ACTIONS=true. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI === 'true' || env.GITHUB_ACTIONS === 'true';
}

/** Whether the plan creates a key (or a rotation's successor), that is, a new secret to deliver. */
export function createsKeys(plan: Plan): boolean {
  return plan.operations.some(issuesSecret);
}

export async function refusalsOf(input: RefusalInput): Promise<string[]> {
  const out: string[] = [];
  for (const o of input.plan.operations) if (o.blocked) out.push(`${o.address}: ${o.blocked}`);
  if (!input.plan.safety.ok && !input.force) for (const r of input.plan.safety.reasons) out.push(`${r} (pass --force to proceed)`);
  if (!createsKeys(input.plan)) return out;
  const sink = input.sink;
  if (!sink) {
    out.push('the plan creates keys but no secrets sink is configured: add `secrets:` to the file or pass --secrets-out <path>');
    return out;
  }
  if (sink instanceof FileSink && inCi(input.env) && input.config.secrets?.file_in_ci !== true) {
    out.push(
      `new secrets would go to ${sink.description} on a CI runner (CI=true or GITHUB_ACTIONS=true), which is usually thrown away with them: ` +
        'use secrets.command to store them in a secret store, or set secrets.file_in_ci: true if this runner or path persists',
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
