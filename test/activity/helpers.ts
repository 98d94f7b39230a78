// The real CLI against a sandbox whose clock is fixed at NOW, the CLI's "now" fixed at the same
// instant (fixed-clock.mjs), so that days, counters and forecasts are the same on every run.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { SandboxOptions, SeedDocument } from '../../src/sandbox/index.js';
import type { CliOptions, CliResult } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { NOW, SEED } from './seed.js';

const CLOCK = pathToFileURL(path.join(import.meta.dirname, 'fixed-clock.mjs')).href;

export function clockEnv(now = NOW): Record<string, string> {
  return { NODE_OPTIONS: `--import=${CLOCK}`, ORADMIN_TEST_NOW: now };
}

export async function activityOrg(
  seed: SeedDocument = SEED,
  options: Omit<SandboxOptions, 'seed'> = {},
  finished?: (fn: () => Promise<void>) => void,
): Promise<Org> {
  const o = await org(seed, { now: () => new Date(NOW), deterministicIds: true, ...options }, finished);
  const run = (args: string[], opts: CliOptions = {}): Promise<CliResult> => o.run(args, { ...opts, env: { ...clockEnv(), ...opts.env } });
  return { ...o, run };
}

/** Runs the CLI and returns the parsed JSON document, failing loudly on anything but exit 0 with a clean stderr. */
export async function json<T = any>(o: Org, args: string[]): Promise<T> {
  const r = await o.run([...args, '-o', 'json']);
  if (r.code !== 0 || r.stderr !== '') throw new Error(`oradmin ${args.join(' ')} -o json: exit ${r.code}\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Requests per operation of one CLI run, on a sandbox used by nothing else meanwhile. */
export async function costOf(o: Org, args: string[]): Promise<Record<string, number>> {
  o.sb.resetLog();
  const r = await o.run(args);
  if (r.code !== 0) throw new Error(`oradmin ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return o.sb.counts();
}

/** Runs `fn` over `items` at most `limit` at a time (two cores: more CLI processes at once only queue). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
