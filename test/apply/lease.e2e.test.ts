// The apply lease, through the real CLI and two real processes where it matters: two applies of the
// same new key with their own sinks make one key and one secret; a loser waits --lock-timeout and
// then refuses naming the holder; a crashed holder's lease expires; `oradmin unlock` releases one;
// plan says when one is held; the lease guardrail is never planned, reported, exported or listed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { leasesIn } from '../helpers/lease.js';
import { expectKeysSecured, liveKeyNames, readSecrets } from '../helpers/secrets.js';

const RACE = 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: race-key, limit: 5 }\n';
const RUN = '0123456789ab';

function seedLease(o: Org, expiresInMs: number, holder = 'ci@runner pid 42'): void {
  const now = Date.now();
  o.sb.state.addGuardrail({
    name: `oradmin-lease:${RUN}`,
    description: JSON.stringify({
      oradmin_lease: 1,
      run: RUN,
      holder,
      since: new Date(now - 5_000).toISOString(),
      expires_at: new Date(now + expiresInMs).toISOString(),
    }),
  });
}

function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error('condition not reached'));
      }
    }, 2);
  });
}

/** The CLI as a child whose stderr can be watched while it runs (runCli returns it at the end). */
function startCli(o: Org, args: string[], cwd: string): { stderr: () => string; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { stderr: () => stderr, done };
}

function twoCheckouts(o: Org): [string, string] {
  const dirs = ['a', 'b'].map((d) => path.join(o.dir, d)) as [string, string];
  for (const d of dirs) {
    mkdirSync(d);
    writeFileSync(path.join(d, 'openrouter.admin.yaml'), RACE);
  }
  return dirs;
}

function expectOneRaceKey(o: Org, dirs: readonly string[]): void {
  expect(liveKeyNames(o.sb).get('default/race-key'), 'exactly one live race-key').toHaveLength(1);
  expect(o.sb.counts().createKeys).toBe(1);
  const holding = dirs.filter((d) => existsSync(path.join(d, 'secrets.json')));
  expect(holding, 'exactly one sink holds its secret').toHaveLength(1);
  expectKeysSecured(o.sb, path.join(holding[0]!, 'secrets.json'), ['default/race-key']);
  expect(leasesIn(o.sb), 'both leases were released').toEqual([]);
}

describe('the apply lease', () => {
  it('two applies of the same new key with their own sinks: the second waits for the first and has nothing to do', async () => {
    const o = await org();
    const [a, b] = twoCheckouts(o);
    const first = o.run(['apply', '--auto-approve'], { cwd: a });
    // Hold the first apply inside its lease (very slow answers) until the second says it waits for it.
    await until(() => leasesIn(o.sb).length === 1);
    o.sb.setLatency(2_000);
    const holder = leasesIn(o.sb)[0]!.name!.slice('oradmin-lease:'.length);
    const second = startCli(o, ['apply', '--auto-approve'], b);
    await until(() => second.stderr().includes('Waiting for the apply lease'), 45_000);
    o.sb.setLatency(0);
    const [ra, rb] = await Promise.all([first, second.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(ra.stderr).toContain('ok create key.default/race-key');
    expect(rb.stderr).toContain(`Waiting for the apply lease, held by run ${holder} (`);
    expect(rb.stderr).not.toContain('create key.default/race-key');
    expect(rb.stdout).toContain('No changes.');
    expectOneRaceKey(o, [a, b]);
    expect((await o.run(['plan', '--detailed-exitcode'], { cwd: a })).code).toBe(0);
  });

  it('two applies of the same new key started at the same moment make one key and one secret', async () => {
    const o = await org({}, { latencyMs: 20 });
    const [a, b] = twoCheckouts(o);
    const [ra, rb] = await Promise.all([o.run(['apply', '--auto-approve'], { cwd: a }), o.run(['apply', '--auto-approve'], { cwd: b })]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect([ra.stderr, rb.stderr].filter((s) => s.includes('ok create key.default/race-key'))).toHaveLength(1);
    expectOneRaceKey(o, [a, b]);
  });

  it('a held lease: the loser waits --lock-timeout, then refuses naming the holder; plan notes it; unlock releases it', async () => {
    const o = await org();
    seedLease(o, 10 * 60_000, 'ci\u001b[2J@runner pid 42');
    o.write('openrouter.admin.yaml', RACE);
    const started = Date.now();
    const r = await o.run(['apply', '--auto-approve', '--lock-timeout', '1s']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`apply refused: another apply holds the organization's apply lease — run ${RUN} (ci\\x1b[2J@runner pid 42) since `);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain(`Waited 1s (--lock-timeout). Nothing was changed. If that apply is no longer running, release its lease with \`oradmin unlock ${RUN}\``);
    expect(Date.now() - started).toBeLessThan(15_000);
    // Its own place in the queue was given back; the holder's lease is untouched; nothing else written.
    expect(o.writes()).toEqual({ createGuardrail: 1, deleteGuardrail: 1 });
    expect(leasesIn(o.sb).map((g) => g.name)).toEqual([`oradmin-lease:${RUN}`]);

    const plan = await o.run(['plan']);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain(`Note: an apply is in progress — run ${RUN} (ci\\x1b[2J@runner pid 42) since `);

    const wrong = await o.run(['unlock', 'fedcba987654']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`no apply lease of run fedcba987654 exists; the leases there are: run ${RUN}`);
    const unlock = await o.run(['unlock', RUN]);
    expect(unlock.code).toBe(0);
    expect(unlock.stderr).toContain(`Released the apply lease of run ${RUN}`);
    expect(leasesIn(o.sb)).toEqual([]);
    const ok = await o.run(['apply', '--auto-approve']);
    expect(ok.code).toBe(0);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), ['default/race-key']);
  });

  it('a crashed holder\u2019s lease expires: the next apply removes it and proceeds', async () => {
    const o = await org();
    seedLease(o, -1_000);
    o.write('openrouter.admin.yaml', RACE);
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Removed the expired apply lease of run ${RUN} (ci@runner pid 42)`);
    expect(leasesIn(o.sb)).toEqual([]);
  });

  it('the lease is never planned, reported as unmanaged, counted, exported or listed by status', async () => {
    const o = await org({ guardrails: [{ name: 'cap' }] });
    seedLease(o, 10 * 60_000);
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { guardrails: report }\n');
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.unmanaged).toEqual([{ address: 'guardrail.default/cap', kind: 'guardrail' }]);
    expect(JSON.stringify(plan)).not.toContain('oradmin-lease');
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { guardrails: delete }\n');
    const deleting = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(deleting.operations.map((op: { address: string }) => op.address)).toEqual(['guardrail.default/cap']);
    const status = await o.run(['status', '-o', 'json']);
    expect(status.code).toBe(0);
    expect(status.stdout).not.toContain('oradmin-lease');
    const exported = await o.run(['export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('cap');
    expect(exported.stdout).not.toContain('oradmin-lease');
  });

  it('costs three requests per apply without contention; --lock=false takes none', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }] });
    const guardrailCalls = () => Object.fromEntries(Object.entries(o.sb.counts()).filter(([op]) => /Guardrail/.test(op)));
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 2 }\n');
    o.sb.resetLog();
    expect((await o.run(['apply', '--auto-approve', '--lock=false'])).code).toBe(0);
    const without = guardrailCalls();
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 3 }\n');
    o.sb.resetLog();
    expect((await o.run(['apply', '--auto-approve'])).code).toBe(0);
    const withLease = guardrailCalls();
    expect(withLease).toEqual({
      ...without,
      createGuardrail: 1,
      listGuardrails: (without.listGuardrails ?? 0) + 1,
      deleteGuardrail: 1,
    });
    expect(o.sb.state.findKeyByName('bot')!.limit).toBe(3);
  });

  it('a key another apply is creating right now is left alone, not resumed or deleted', async () => {
    const o = await org();
    seedLease(o, 10 * 60_000);
    o.sb.state.addKey({ name: `oradmin-pending:aaaaaaaaaaaa@${RUN}:bot` });
    o.sb.state.addKey({ name: `oradmin-pending:bbbbbbbbbbbb@${RUN}:other` });
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: s.json }\nunmanaged: { keys: ignore }\nkeys:\n  - { name: bot }\n');
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations).toEqual([
      {
        address: 'key.default/bot',
        kind: 'key',
        action: 'create',
        effect: 'widens',
        blocked: `key.default/bot is being created right now by another apply (run ${RUN}, holding the lease since ${plan.operations[0].blocked.match(/since (\S+)\)/)[1]}); apply again once that run has finished`,
      },
    ]);
    // Once that run's lease is gone, its pending keys are a crash's leftovers: finished or removed.
    expect((await runCli(['unlock', RUN], { cwd: o.dir, env: o.env })).code).toBe(0);
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(0);
    expect([...liveKeyNames(o.sb).keys()]).toEqual(['default/bot']);
    expect(Object.keys(readSecrets(path.join(o.dir, 's.json')))).toEqual(['default/bot']);
  });
});
