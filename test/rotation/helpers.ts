// An organization whose clock can move: the sandbox's `now` and the CLI's clock (a test-only
// preload, test/helpers/shifted-clock.mjs) run `clock.offsetMs` ahead of the real time, so that a
// key becomes due and a predecessor's overlap passes without sleeping.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { SandboxOptions, SeedDocument } from '../../src/sandbox/index.js';
import { BIN } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import type { CliOptions, CliResult } from '../helpers/cli.js';

export const DAY = 24 * 60 * 60 * 1000;
const CLOCK = pathToFileURL(path.join(import.meta.dirname, '../helpers/shifted-clock.mjs')).href;

export interface ClockOrg extends Org {
  clock: { offsetMs: number };
  /** The environment a CLI process of this organization gets, with the clock as it is now. */
  cliEnv(): Record<string, string>;
}

export async function clockOrg(seed: SeedDocument, options: Omit<SandboxOptions, 'seed' | 'now'> = {}): Promise<ClockOrg> {
  const clock = { offsetMs: 0 };
  const o = await org(seed, { ...options, now: () => new Date(Date.now() + clock.offsetMs) });
  const clockEnv = () => ({ NODE_OPTIONS: `--import=${CLOCK}`, ORADMIN_TEST_CLOCK_OFFSET_MS: String(clock.offsetMs) });
  return {
    ...o,
    clock,
    // As minimal as runCli's: nothing inherited (no CI=true, no credentials) but PATH and HOME.
    cliEnv: () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...o.env, ...clockEnv() }),
    run: (args: string[], opts: CliOptions = {}): Promise<CliResult> => o.run(args, { ...opts, env: { ...clockEnv(), ...opts.env } }),
  };
}

/** A created_at this many days before the real now (the clock of a fresh organization). */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface SinkEntry {
  secret: string;
  hash: string;
  created_at: string;
  predecessor?: { hash: string; retires_at: string };
}

export function readSink(o: Org, file = 'secrets.json'): Record<string, SinkEntry> {
  return JSON.parse(readFileSync(path.join(o.dir, file), 'utf8')) as Record<string, SinkEntry>;
}

/** The apply lease's requests (a guardrail, apply/lease.ts): the tests here declare no guardrail change. */
const LEASE_OPERATIONS = new Set(['createGuardrail', 'updateGuardrail', 'deleteGuardrail']);

/** Writes by operationId, without the apply lease's requests. */
export function keyWrites(o: Org, since = 0): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of o.sb.log.slice(since)) {
    if (e.method === 'GET' || !e.operationId || LEASE_OPERATIONS.has(e.operationId)) continue;
    out[e.operationId] = (out[e.operationId] ?? 0) + 1;
  }
  return out;
}

/** The keys of a workspace by name → hashes (the sandbox's own view). */
export function keysByName(o: Org, workspace = 'default'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of o.sb.state.keysIn(workspace)) out[k.name] = [...(out[k.name] ?? []), k.hash];
  return out;
}

/**
 * The invariants after any run of a rotation of `name`, interrupted or not: exactly one current
 * key under the name, no key in the middle of the creation protocol, at most one predecessor, and
 * the sink holding the current key's secret.
 */
export function expectOneCurrentKey(o: Org, name: string): { current: string; predecessors: string[] } {
  const keys = keysByName(o);
  expect(Object.keys(keys).filter((n) => n.startsWith('oradmin-pending:')), 'no pending key is left').toEqual([]);
  expect(keys[name], `exactly one current key named ${name}`).toHaveLength(1);
  const predecessors = Object.entries(keys).filter(([n]) => n.startsWith('oradmin-predecessor:')).flatMap(([, h]) => h);
  expect(predecessors.length, 'at most one predecessor').toBeLessThanOrEqual(1);
  const entry = readSink(o)[`default/${name}`]!;
  expect(sha256(entry.secret), "the sink's secret is the current key's").toBe(keys[name]![0]);
  expect(entry.hash).toBe(keys[name]![0]);
  return { current: keys[name]![0]!, predecessors };
}

/** The sink entry's hash, when the secrets file exists and has one for `<workspace>/<name>`. */
export function sinkHash(o: Org, entry: string): string | undefined {
  try {
    return readSink(o)[entry]?.hash;
  } catch {
    return undefined; // not written yet, or being replaced (the rename is atomic, the read is not)
  }
}

/**
 * Starts the CLI and SIGKILLs it (no cleanup can run) as soon as `when` holds, polled every
 * millisecond. Resolves whether the kill landed before the run ended on its own. With the sandbox's
 * latency well above the poll interval, "after n writes" means exactly n committed: the next request
 * is still waiting out its latency when the process dies.
 */
export function killWhen(o: ClockOrg, args: string[], when: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: o.dir, env: o.cliEnv(), stdio: 'ignore' });
    const poll = setInterval(() => {
      if (when()) child.kill('SIGKILL');
    }, 1);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL');
    });
  });
}

/** How many key writes the sandbox has answered since log entry `start` (lease requests not counted). */
export const keyWriteCount = (o: Org, start: number) => Object.values(keyWrites(o, start)).reduce((a, b) => a + b, 0);

/** killWhen the sandbox has answered `after` more key writes. */
export function killAfterKeyWrites(o: ClockOrg, args: string[], after: number): Promise<boolean> {
  const start = o.sb.log.length;
  return killWhen(o, args, () => keyWriteCount(o, start) >= after);
}

/**
 * A member leaves the organization (the sandbox has no route for it: people leave in the
 * dashboard). Keys they created stay, with their creator_user_id, as in OpenRouter.
 */
export function leaveOrganization(o: Org, userId: string): void {
  o.sb.state.db.orgMembers.delete(userId);
}
