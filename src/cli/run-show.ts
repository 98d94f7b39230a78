// `oradmin show <planfile>`: a saved plan in text, markdown or JSON, as `plan` printed it — what a
// reviewer reads before `apply <planfile>` (like `terraform show`). Offline. With the management
// key in the environment the planfile is authenticated first, as apply would; without it, it is
// shown marked as not verified.
import { managementKeyFrom } from '../api/client.js';
import { loadPlanfile, planfileProblem } from '../apply/planfile.js';
import { planFromJson } from '../core/plan-json.js';
import { OradminError } from '../errors.js';
import { terminalText } from '../untrusted.js';
import type { GlobalOptions, Io } from './context.js';
import { renderPlan } from './render-plan.js';

export interface ShowOptions {
  /** Markdown: at most this many characters (a PR comment: 65,536; a job summary: 1 MiB). */
  maxChars?: number;
  /** Where the whole plan is, named when it does not fit. */
  wholePlanAt?: string;
}

export async function runShow(opts: GlobalOptions, io: Io, planfile: string, cmd: ShowOptions = {}): Promise<number> {
  const { raw, saved } = await loadPlanfile(planfile);
  const key = managementKeyFrom(io.env);
  const verified = key !== undefined;
  if (key !== undefined) {
    const problem = planfileProblem(planfile, raw, key);
    if (problem) throw new OradminError(`${problem}; apply would refuse it. Run \`oradmin plan --out ${planfile}\` again and review it.`);
  }
  const plan = planFromJson(saved.plan);
  io.stderr.write(
    `${terminalText(planfile)}: the plan of ${terminalText(saved.file)} saved at ${terminalText(saved.created_at)}` +
      (saved.targets.length > 0 ? ` for --target ${terminalText(saved.targets.join(' '))}` : '') +
      (verified ? ', authenticated with the management key.\n' : '; not verified (set OPENROUTER_MANAGEMENT_KEY to check it is unedited, as apply does).\n'),
  );
  io.stdout.write(renderPlan(plan, { ...opts, file: saved.file }, io, saved.refusals ?? [], cmd));
  return 0;
}
