// An organization to run the real CLI against: a sandbox seeded for the test (closed after it),
// a temporary working directory for the desired-state file, secrets and plan files, and a runner
// with the sandbox's URL and management key in the environment.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions, type SeedDocument } from '../../src/sandbox/index.js';
import { runCli, type CliOptions, type CliResult } from './cli.js';

export interface Org {
  sb: Sandbox;
  dir: string;
  env: Record<string, string>;
  run(args: string[], opts?: CliOptions): Promise<CliResult>;
  write(name: string, text: string): string;
  read(name: string): string;
  /** Requests that changed something, by operationId (everything but GETs). */
  writes(): Record<string, number>;
}

export const ADMIN = { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const };

/**
 * Concurrent tests must pass their own context's `onTestFinished` (the global one binds to whichever
 * test vitest considers current, which would close another test's sandbox).
 */
export async function org(
  seed: SeedDocument = {},
  options: Omit<SandboxOptions, 'seed'> = {},
  finished: (fn: () => Promise<void>) => void = onTestFinished,
): Promise<Org> {
  const sb = await startSandbox({ seed: { organization_members: [ADMIN], ...seed }, ...options });
  finished(() => sb.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-e2e-'));
  const env = { OPENROUTER_API_URL: sb.url, OPENROUTER_MANAGEMENT_KEY: sb.managementKey };
  return {
    sb,
    dir,
    env,
    run: (args, opts = {}) => runCli(args, { cwd: dir, ...opts, env: { ...env, ...opts.env } }),
    write: (name, text) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    read: (name) => readFileSync(path.join(dir, name), 'utf8'),
    writes: () => {
      const out: Record<string, number> = {};
      for (const e of sb.log) {
        if (e.method !== 'GET' && e.operationId) out[e.operationId] = (out[e.operationId] ?? 0) + 1;
      }
      return out;
    },
  };
}
