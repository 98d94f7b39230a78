// What plan, apply and status share: load the file, read the organization, compute the plan.
import type { LoadedConfig } from '../config/load.js';
import { loadConfigForPlan } from '../config/load-for-plan.js';
import type { FileConfig } from '../config/schema.js';
import { ConfigError, OradminError } from '../errors.js';
import { DEFAULT_WORKSPACE } from '../default-workspace.js';
import type { ApiClient } from '../api/client.js';
import type { EarlyStart } from './early-reads.js';
import { makeClient } from './make-client.js';
import { readLiveState } from '../api/live-state.js';
import type { LiveState } from '../core/live.js';
import type { PlanResult } from '../core/plan.js';
import { buildPlan } from '../resources/registry.js';
import type { PlanOptions } from '../core/context.js';
import type { GlobalOptions, Io } from './context.js';
import { formatDiagnostic } from '../errors.js';
import { terminalText } from '../untrusted.js';
import { readingProgress } from './read-progress.js';

export interface Planned {
  loaded: LoadedConfig;
  live: LiveState;
  result: PlanResult;
  client: ApiClient;
}

export { makeClient } from './make-client.js';

/**
 * What the planner needs to read beyond the lists (models only when the file names some), and how
 * many keys the file declares per workspace, for reading /keys ahead.
 */
function readNeeds(config: FileConfig | undefined): { models: boolean; defaultGuardrailsFor: string[]; expectedKeys: Record<string, number> } {
  const guardrailLists = [...(config?.guardrails ?? []), ...(config?.workspaces ?? []).flatMap((w) => (w.default_guardrail ? [w.default_guardrail] : []))];
  const expectedKeys: Record<string, number> = {};
  for (const k of config?.keys ?? []) {
    const slug = k.workspace ?? DEFAULT_WORKSPACE;
    expectedKeys[slug] = (expectedKeys[slug] ?? 0) + 1;
  }
  return {
    models: guardrailLists.some((g) => (g.allowed_models?.length ?? 0) > 0 || (g.ignored_models?.length ?? 0) > 0),
    defaultGuardrailsFor: (config?.workspaces ?? []).filter((w) => w.default_guardrail).map((w) => w.slug),
    expectedKeys,
  };
}

export async function readLiveFor(client: ApiClient, config: FileConfig | undefined): Promise<LiveState> {
  const needs = readNeeds(config);
  return readLiveState(client, { ...needs, expectedKeys: Promise.resolve(needs.expectedKeys) });
}

/**
 * Something to hold while the organization is read and changed — apply's lease (apply/lease.ts).
 * Taken before the first read, so that what is planned is what no other apply is changing; given
 * back by the caller, or here when planning fails.
 */
export interface ReadGuard {
  acquire(client: ApiClient): Promise<void>;
  release(): Promise<void>;
}

/**
 * The file is validated while the organization is read: the reads do not wait for the parse, and
 * what they need from the file (models, default guardrails) is awaited only where it is used. File
 * errors are still reported before credential or API errors. With a guard, the reads wait for it
 * (and a bad file is reported once it is held, then it is given back).
 */
export async function planOrganization(
  opts: GlobalOptions,
  io: Io,
  options: PlanOptions,
  now: Date,
  guard?: ReadGuard,
  /** What plan started before loading this (early-reads.ts); plan only, never under a guard. */
  early?: EarlyStart,
): Promise<Planned> {
  if (early && guard) throw new Error('reads sent before the lease was held would plan from a state no lease protects');
  const loading = early?.loaded ?? loadConfigForPlan(opts.file, now);
  loading.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  let client: ApiClient;
  try {
    client = early?.client ?? makeClient(opts, io);
  } catch (err) {
    await loading;
    throw err;
  }
  // The lease is taken while the file is parsed (both take a few round trips' time); the reads wait for it.
  const guarded = guard ? guard.acquire(client) : Promise.resolve();
  guarded.catch(() => undefined);
  let acquired = false;
  const needs = loading.then((l) => readNeeds(l.config), () => readNeeds(undefined));
  const reading = guarded.then(() => {
    acquired = guard !== undefined;
    return readLiveState(client, {
      models: needs.then((n) => n.models),
      defaultGuardrailsFor: needs.then((n) => n.defaultGuardrailsFor),
      expectedKeys: early?.expectedKeys ?? needs.then((n) => n.expectedKeys),
    });
  });
  reading.catch(() => undefined);
  const stopProgress = opts.verbose ? () => undefined : readingProgress(io, client);
  try {
    let loaded: LoadedConfig;
    try {
      loaded = await loading;
    } catch (err) {
      await reading.catch(() => undefined);
      stopProgress();
      throw err;
    }
    let live: LiveState;
    try {
      live = await reading;
    } finally {
      // After the progress line is gone, so that a warning gets a line of its own.
      stopProgress();
      for (const w of loaded.warnings) io.stderr.write(`${formatDiagnostic(w)}\n`);
    }
    const result = buildPlan({ config: loaded.config, locate: loaded.locate, live, now, options });
    if (result.errors.length > 0) throw new ConfigError(result.errors);
    if (result.targetErrors.length > 0) throw new OradminError(result.targetErrors.join('; '));
    for (const w of result.warnings) io.stderr.write(`warning: ${terminalText(w)}\n`);
    return { loaded, live, result, client };
  } catch (err) {
    if (acquired) await guard!.release();
    await client.close();
    throw err;
  }
}
