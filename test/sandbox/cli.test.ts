// `oradmin sandbox` end to end: spawns the built CLI (npm test builds dist/ first), reads the two
// export lines from stdout, talks to the API, stops it with SIGINT.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function oradmin(args: string[]): Running {
  const child = spawn(process.execPath, ['bin/oradmin.js', 'sandbox', ...args], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Waits for the two `export NAME=value` lines and returns them as variables. */
async function started(run: Running): Promise<Record<string, string>> {
  const deadline = Date.now() + 15_000;
  while (run.stdout().split('\n').length < 3) {
    if (Date.now() > deadline || run.child.exitCode !== null) {
      throw new Error(`sandbox did not start: ${run.stdout()} ${run.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return Object.fromEntries(
    run
      .stdout()
      .trim()
      .split('\n')
      .map((line) => {
        const m = /^export ([A-Z_]+)=(.+)$/.exec(line);
        if (!m) throw new Error(`not an export line: ${line}`);
        return [m[1] as string, m[2] as string];
      }),
  );
}

describe('oradmin sandbox', () => {
  it('prints two export lines, serves the API, and exits 0 on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oradmin-cli-'));
    const seed = join(dir, 'org.yaml');
    writeFileSync(seed, 'keys:\n  - { name: seeded, limit: 5 }\n');
    const run = oradmin(['--port', '0', '--seed', seed, '--latency', '5']);
    const vars = await started(run);
    expect(Object.keys(vars)).toEqual(['OPENROUTER_API_URL', 'OPENROUTER_MANAGEMENT_KEY']);
    expect(vars.OPENROUTER_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(vars.OPENROUTER_MANAGEMENT_KEY).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);

    const res = await fetch(`${vars.OPENROUTER_API_URL}/keys`, {
      headers: { authorization: `Bearer ${vars.OPENROUTER_MANAGEMENT_KEY}` },
    });
    const listed = (await res.json()) as { data: { name: string }[] };
    expect(listed.data.map((k) => k.name)).toEqual(['seeded']);

    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stdout().trim().split('\n')).toHaveLength(2);
    expect(run.stderr()).toContain('stopped after 1 request');
  });

  it('accepts --management-key, --persist and --rate-limit, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oradmin-cli-'));
    const key = `sk-or-v1-${'c'.repeat(64)}`;
    const args = ['--management-key', key, '--persist', join(dir, 'state.json'), '--rate-limit', '2'];
    const first = oradmin(args);
    const vars = await started(first);
    expect(vars.OPENROUTER_MANAGEMENT_KEY).toBe(key);
    const post = (url: string) =>
      fetch(`${url}/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kept', slug: 'kept' }),
      });
    expect((await post(vars.OPENROUTER_API_URL as string)).status).toBe(201);
    const statuses = await Promise.all([1, 2, 3].map(async () => (await post(vars.OPENROUTER_API_URL as string)).status));
    expect(statuses).toContain(429);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = oradmin(args);
    const again = await started(second);
    const ws = await fetch(`${again.OPENROUTER_API_URL}/workspaces/kept`, { headers: { authorization: `Bearer ${key}` } });
    expect(ws.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('exits 1 with a one-line message for a bad flag or an invalid seed', async () => {
    const bad = oradmin(['--fault-rate', '2']);
    expect(await bad.exit).toBe(1);
    expect(bad.stderr()).toBe('error: --fault-rate: invalid value "2"\n');
    expect(bad.stdout()).toBe('');
    const unsafeKey = oradmin(['--management-key', 'a b;rm']);
    expect(await unsafeKey.exit).toBe(1);
    expect(unsafeKey.stderr()).toContain('--management-key');

    const dir = mkdtempSync(join(tmpdir(), 'oradmin-cli-'));
    writeFileSync(join(dir, 'org.yaml'), 'keys:\n  - { name: k, workspace: nowhere }\n');
    const invalid = oradmin(['--seed', join(dir, 'org.yaml')]);
    expect(await invalid.exit).toBe(1);
    expect(invalid.stderr()).toMatch(/^error: .*org\.yaml: keys\[0\]: unknown workspace "nowhere"\n$/);
  });
});
