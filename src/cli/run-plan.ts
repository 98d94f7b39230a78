import type { GlobalOptions, Io } from './context.js';
import { planOrganization } from './pipeline.js';
import { renderPlan } from './render-plan.js';
import { writePlanfile } from '../apply/planfile.js';
import { terminalText } from '../untrusted.js';

export interface PlanCommandOptions {
  out?: string;
  detailedExitcode?: boolean;
  target?: string[];
}

export async function runPlan(opts: GlobalOptions, io: Io, cmd: PlanCommandOptions, now: Date): Promise<number> {
  const { loaded, result, client } = await planOrganization(opts, io, { targets: cmd.target ?? [] }, now);
  await client.close();
  io.stdout.write(renderPlan(result.plan, opts, io));
  if (cmd.out) {
    await writePlanfile(cmd.out, {
      file: opts.file,
      desiredDigest: loaded.digest,
      liveDigest: result.liveDigest,
      targets: cmd.target ?? [],
      plan: result.plan,
      now,
    });
    io.stderr.write(`Saved the plan to ${terminalText(cmd.out)}; run \`oradmin apply ${terminalText(cmd.out)}\` to apply exactly this plan.\n`);
  }
  return cmd.detailedExitcode && result.plan.operations.length > 0 ? 2 : 0;
}
