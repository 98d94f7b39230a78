// `oradmin plan`: read the organization, plan, print — and tell the truth about apply: every
// refusal apply would make for this plan here (cli/refusals.ts) is shown, and makes plan exit 1.
import type { GlobalOptions, Io } from './context.js';
import { planOrganization } from './pipeline.js';
import { renderPlan } from './render-plan.js';
import { writePlanfile } from '../apply/planfile.js';
import { resolveSink } from '../apply/sinks/resolve.js';
import { terminalText } from '../untrusted.js';
import { refusalsOf } from './refusals.js';
import { describeLease } from '../apply/lease.js';
import { managementKeyFrom } from '../api/client.js';
import type { EarlyStart } from './early-reads.js';
import { leaseInfo } from '../core/reserved-names.js';

export interface PlanCommandOptions {
  out?: string;
  detailedExitcode?: boolean;
  target?: string[];
  /** apply's overriding flags, with the same meaning, so that plan answers for that apply. */
  secretsOut?: string;
  force?: boolean;
  allowReplace?: boolean;
}

export async function runPlan(opts: GlobalOptions, io: Io, cmd: PlanCommandOptions, now: Date, early?: EarlyStart): Promise<number> {
  const { loaded, live, result, client } = await planOrganization(
    opts,
    io,
    { targets: cmd.target ?? [], allowReplace: cmd.allowReplace === true, ...(cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {}) },
    now,
    undefined,
    early,
  );
  await client.close();
  const sink = await resolveSink({ file: opts.file, secretsOut: cmd.secretsOut, config: loaded.config, env: io.env });
  const refusals = await refusalsOf({ plan: result.plan, config: loaded.config, sink, force: cmd.force === true, env: io.env });
  io.stdout.write(renderPlan(result.plan, opts, io, refusals));
  // plan takes no lease, but says when an apply holds one: what it shows may change under it.
  for (const lease of (live.leases ?? []).map((g) => leaseInfo(g, now))) {
    if (lease && !lease.expired) {
      io.stderr.write(`Note: an apply is in progress — ${terminalText(describeLease(lease))}; this plan may be out of date when it finishes.\n`);
    }
  }
  if (cmd.out) {
    await writePlanfile(
      cmd.out,
      {
        file: opts.file,
        desiredDigest: loaded.digest,
        liveDigest: result.liveDigest,
        targets: cmd.target ?? [],
        plan: result.plan,
        now,
        refusals,
      },
      // planOrganization has made a client, so the key is there.
      managementKeyFrom(io.env)!,
    );
    io.stderr.write(`Saved the plan to ${terminalText(cmd.out)}; run \`oradmin apply ${terminalText(cmd.out)}\` to apply exactly this plan.\n`);
  }
  if (refusals.length > 0) {
    io.stderr.write(
      `error: apply would refuse this plan (${refusals.length} reason${refusals.length === 1 ? '' : 's'} above); ` +
        'plan checks with the flags apply will get (--secrets-out, --force, --allow-replace)\n',
    );
    return 1;
  }
  // Unmanaged objects under `report` are drift too (PRODUCT.md section 2).
  const drift = result.plan.operations.length > 0 || result.plan.unmanaged.length > 0;
  return cmd.detailedExitcode && drift ? 2 : 0;
}
