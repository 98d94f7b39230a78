import type { GlobalOptions, Io } from './context.js';
import { planOrganization } from './pipeline.js';
import { renderPlan } from './render-plan.js';
import { writePlanfile } from '../apply/planfile.js';
import { describeLease } from '../apply/lease.js';
import { managementKeyFrom } from '../api/client.js';
import { leaseInfo } from '../core/reserved-names.js';

export interface PlanCommandOptions {
  out?: string;
  detailedExitcode?: boolean;
  target?: string[];
  secretsOut?: string;
}

export async function runPlan(opts: GlobalOptions, io: Io, cmd: PlanCommandOptions, now: Date): Promise<number> {
  const { loaded, live, result, client } = await planOrganization(
    opts,
    io,
    { targets: cmd.target ?? [], ...(cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {}) },
    now,
  );
  await client.close();
  io.stdout.write(renderPlan(result.plan, opts, io));
  // plan takes no lease, but says when an apply holds one: what it shows may change under it.
  for (const lease of (live.leases ?? []).map((g) => leaseInfo(g, now))) {
    if (lease && !lease.expired) {
      io.stderr.write(`Note: an apply is in progress — ${describeLease(lease)}; this plan may be out of date when it finishes.\n`);
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
      },
      // planOrganization has made a client, so the key is there.
      managementKeyFrom(io.env)!,
    );
    io.stderr.write(`Saved the plan to ${cmd.out}; run \`oradmin apply ${cmd.out}\` to apply exactly this plan.\n`);
  }
  return cmd.detailedExitcode && result.plan.operations.length > 0 ? 2 : 0;
}
