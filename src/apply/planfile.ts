// A saved plan (`plan --out`), for `apply <planfile>`: the plan as JSON plus what apply needs to
// refuse it when it is stale — the digest of the desired-state file(s) and of the live state's
// managed fields. Never a secret: the plan JSON holds none, and nothing else is added.
//
// A planfile binds apply to exactly what was reviewed, and cannot be forged or edited:
//  - it is authenticated with an HMAC-SHA256 whose key is derived (HKDF) from the management key,
//    so only someone holding that key can make one that apply accepts — recomputing a plain digest
//    is not enough. The management key itself is never written, and cannot be recovered from the MAC;
//  - apply recomputes the plan's checksum over the saved body (operations, summary, sink…);
//  - apply never takes the desired-state file from the planfile: `file` is only compared with the
//    file apply reads (`-f` or the default), and a difference is an error naming both.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import '../zod-setup.js';
import { bodyChecksum, planJson, type PlanJson } from '../core/plan-json.js';
import type { Plan } from '../core/types.js';
import { OradminError } from '../errors.js';

export const PLANFILE_KIND = 'oradmin-plan';
/** 2: authenticated (`mac`), and the plan names its secrets sink. */
export const PLANFILE_VERSION = 2;

export interface PlanfileData {
  file: string;
  desiredDigest: string;
  liveDigest: string;
  targets: readonly string[];
  plan: Plan;
  now: Date;
  /** What apply would have refused when the plan was made (cli/refusals.ts): for `show`, not for apply. */
  refusals?: readonly string[];
}

const Planfile = z.looseObject({
  kind: z.literal(PLANFILE_KIND),
  format_version: z.literal(PLANFILE_VERSION),
  created_at: z.string(),
  file: z.string(),
  desired_digest: z.string(),
  live_digest: z.string(),
  targets: z.array(z.string()),
  plan: z.looseObject({ checksum: z.string() }),
  refusals: z.array(z.string()).optional(),
  mac: z.string(),
});
export type Planfile = z.infer<typeof Planfile> & { plan: PlanJson };

function macKey(managementKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', managementKey, 'oradmin', 'oradmin planfile mac v2', 32));
}

/** The MAC of a planfile document without its `mac` field, in its own key order. */
function macOf(doc: Record<string, unknown>, managementKey: string): string {
  return `hmac-sha256:${createHmac('sha256', macKey(managementKey)).update(JSON.stringify(doc)).digest('hex')}`;
}

export async function writePlanfile(file: string, data: PlanfileData, managementKey: string): Promise<void> {
  const doc: Record<string, unknown> = {
    kind: PLANFILE_KIND,
    format_version: PLANFILE_VERSION,
    created_at: data.now.toISOString(),
    file: data.file,
    desired_digest: data.desiredDigest,
    live_digest: data.liveDigest,
    targets: [...data.targets],
    plan: planJson(data.plan),
    // Apply decides its refusals again, in its own environment; these are what plan said.
    refusals: [...(data.refusals ?? [])],
  };
  doc.mac = macOf(doc, managementKey);
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}

/** A file that is a planfile by its shape (not yet proven to be unedited): for apply and show. */
export async function loadPlanfile(file: string): Promise<{ raw: Record<string, unknown>; saved: Planfile }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new OradminError(`cannot read the plan file ${file}`);
  }
  const notOurs = `${file} is not a plan file saved by \`oradmin plan --out\``;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new OradminError(`${notOurs} (not JSON)`);
  }
  if (raw && typeof raw === 'object' && (raw as { kind?: unknown }).kind === PLANFILE_KIND && (raw as { format_version?: unknown }).format_version !== PLANFILE_VERSION) {
    throw new OradminError(`${file} was saved by another version of oradmin; run \`oradmin plan --out ${file}\` again and review it`);
  }
  const result = Planfile.safeParse(raw);
  if (!result.success) throw new OradminError(`${notOurs} (format_version ${PLANFILE_VERSION})`);
  return { raw: raw as Record<string, unknown>, saved: result.data as Planfile };
}

/**
 * Why a loaded planfile cannot be trusted — not written by `oradmin plan --out` with this
 * management key, or edited since (its MAC or its plan's checksum fails) — or undefined.
 */
export function planfileProblem(file: string, raw: Record<string, unknown>, managementKey: string): string | undefined {
  const { mac, ...unsigned } = raw as Record<string, unknown> & { mac: string };
  const expected = Buffer.from(macOf(unsigned, managementKey));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return `${file} was not saved by \`oradmin plan --out\` with this organization's management key, or it was edited since`;
  }
  const { checksum, ...body } = (raw as { plan: Record<string, unknown> }).plan;
  if (bodyChecksum(body) !== checksum) return `${file}: the saved plan does not match its checksum`;
  return undefined;
}

/**
 * The saved plan, once it is proven to be one `oradmin plan --out` wrote with this management key
 * and unedited since, and to be for the desired-state file apply reads (`desiredFile`).
 */
export async function readPlanfile(file: string, managementKey: string, desiredFile: string): Promise<Planfile> {
  const { raw, saved } = await loadPlanfile(file);
  const problem = planfileProblem(file, raw, managementKey);
  if (problem) throw new OradminError(`${problem}; nothing was applied. Run \`oradmin plan --out ${file}\` again and review it.`);
  if (path.resolve(saved.file) !== path.resolve(desiredFile)) {
    throw new OradminError(
      `${file} is a plan of ${saved.file}, but apply reads ${desiredFile}; nothing was applied. ` +
        `Pass \`-f ${saved.file}\` to apply that plan (apply never takes the file from the plan file).`,
    );
  }
  return saved;
}
