import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  writePlanfile
} from "./chunk-FDRD5CKF.mjs";
import {
  describeLease
} from "./chunk-5UNG3LLB.mjs";
import {
  refusalsOf,
  renderPlan,
  resolveSink
} from "./chunk-CL3ES3CM.mjs";
import "./chunk-JBTK3ZN6.mjs";
import {
  leaseInfo,
  managementKeyFrom,
  planOrganization
} from "./chunk-CVIU2U5I.mjs";
import "./chunk-RRS75AT4.mjs";
import "./chunk-EIHYN65R.mjs";
import "./chunk-QJXVBNKU.mjs";
import "./chunk-5QFJAZR6.mjs";
import {
  terminalText
} from "./chunk-7BIV6K7H.mjs";
import "./chunk-JEOGTWCP.mjs";
import "./chunk-543QZ3Z5.mjs";
import "./chunk-IVK2YKFB.mjs";

// src/cli/run-plan.ts
async function runPlan(opts, io, cmd, now) {
  const { loaded, live, result, client } = await planOrganization(
    opts,
    io,
    { targets: cmd.target ?? [], allowReplace: cmd.allowReplace === true, ...cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {} },
    now
  );
  await client.close();
  const sink = await resolveSink({ file: opts.file, secretsOut: cmd.secretsOut, config: loaded.config, env: io.env });
  const refusals = await refusalsOf({ plan: result.plan, config: loaded.config, sink, force: cmd.force === true, env: io.env });
  io.stdout.write(renderPlan(result.plan, opts, io, refusals));
  for (const lease of (live.leases ?? []).map((g) => leaseInfo(g, now))) {
    if (lease && !lease.expired) {
      io.stderr.write(`Note: an apply is in progress \u2014 ${terminalText(describeLease(lease))}; this plan may be out of date when it finishes.
`);
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
        now
      },
      // planOrganization has made a client, so the key is there.
      managementKeyFrom(io.env)
    );
    io.stderr.write(`Saved the plan to ${terminalText(cmd.out)}; run \`oradmin apply ${terminalText(cmd.out)}\` to apply exactly this plan.
`);
  }
  if (refusals.length > 0) {
    io.stderr.write(
      `error: apply would refuse this plan (${refusals.length} reason${refusals.length === 1 ? "" : "s"} above); plan checks with the flags apply will get (--secrets-out, --force, --allow-replace)
`
    );
    return 1;
  }
  const drift = result.plan.operations.length > 0 || result.plan.unmanaged.length > 0;
  return cmd.detailedExitcode && drift ? 2 : 0;
}
export {
  runPlan
};
