// A saved plan (`plan --out`), for `apply <planfile>`: the plan as JSON plus what apply needs to
// refuse it when it is stale — the digest of the desired-state file(s) and of the live state's
// managed fields. Never a secret: the plan JSON holds none, and nothing else is added.
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { planJson, type PlanJson } from '../core/plan-json.js';
import type { Plan } from '../core/types.js';
import { OradminError } from '../errors.js';

export const PLANFILE_KIND = 'oradmin-plan';

export interface PlanfileData {
  file: string;
  desiredDigest: string;
  liveDigest: string;
  targets: readonly string[];
  plan: Plan;
  now: Date;
}

const Planfile = z.looseObject({
  kind: z.literal(PLANFILE_KIND),
  format_version: z.literal(1),
  created_at: z.string(),
  file: z.string(),
  desired_digest: z.string(),
  live_digest: z.string(),
  targets: z.array(z.string()),
  plan: z.looseObject({ checksum: z.string() }),
});
export type Planfile = z.infer<typeof Planfile> & { plan: PlanJson };

export async function writePlanfile(path: string, data: PlanfileData): Promise<void> {
  const doc = {
    kind: PLANFILE_KIND,
    format_version: 1,
    created_at: data.now.toISOString(),
    file: data.file,
    desired_digest: data.desiredDigest,
    live_digest: data.liveDigest,
    targets: [...data.targets],
    plan: planJson(data.plan),
  };
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
}

export async function readPlanfile(path: string): Promise<Planfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new OradminError(`cannot read the plan file ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OradminError(`${path} is not a plan file saved by \`oradmin plan --out\` (not JSON)`);
  }
  const result = Planfile.safeParse(parsed);
  if (!result.success) throw new OradminError(`${path} is not a plan file saved by \`oradmin plan --out\` (format_version 1)`);
  return result.data as Planfile;
}
