// What plan, apply and status share: load the file, read the organization, compute the plan.
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { FileConfig } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { createClientFromEnv, type ApiClient } from '../api/client.js';
import { readLiveState } from '../api/live-state.js';
import type { LiveState } from '../core/live.js';
import { buildPlan, type PlanResult } from '../core/plan.js';
import type { PlanOptions } from '../core/context.js';
import type { GlobalOptions, Io } from './context.js';
import { formatDiagnostic } from '../errors.js';

export interface Planned {
  loaded: LoadedConfig;
  live: LiveState;
  result: PlanResult;
  client: ApiClient;
}

export function makeClient(opts: GlobalOptions, io: Io): ApiClient {
  return createClientFromEnv({
    apiUrl: opts.apiUrl,
    env: io.env,
    ...(opts.verbose ? { verbose: (line: string) => io.stderr.write(`${line}\n`) } : {}),
  });
}

/** The live state the planner needs for this file: models only when the file names some. */
export async function readLiveFor(client: ApiClient, config: FileConfig | undefined): Promise<LiveState> {
  const guardrailLists = [...(config?.guardrails ?? []), ...(config?.workspaces ?? []).flatMap((w) => (w.default_guardrail ? [w.default_guardrail] : []))];
  const namesModels = guardrailLists.some((g) => (g.allowed_models?.length ?? 0) > 0 || (g.ignored_models?.length ?? 0) > 0);
  return readLiveState(client, {
    models: namesModels,
    defaultGuardrailsFor: (config?.workspaces ?? []).filter((w) => w.default_guardrail).map((w) => w.slug),
  });
}

export async function planOrganization(opts: GlobalOptions, io: Io, options: PlanOptions, now: Date): Promise<Planned> {
  const loaded = await loadConfig(opts.file, now);
  for (const w of loaded.warnings) io.stderr.write(`${formatDiagnostic(w)}\n`);
  const client = makeClient(opts, io);
  try {
    const live = await readLiveFor(client, loaded.config);
    const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now, options });
    if (result.errors.length > 0) throw new ConfigError(result.errors);
    for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
    return { loaded, live, result, client };
  } catch (err) {
    await client.close();
    throw err;
  }
}
