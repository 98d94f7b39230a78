// Apply under a hostile network: injected 429/5xx/connection resets, responses lost after the
// server committed, and the process killed at random points. Each time, running apply again
// converges with no duplicate key, no pending key left behind and no key whose secret was lost.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultsForRate } from '../../src/sandbox/index.js';
import { BIN } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { expectKeysSecured, liveKeyNames } from '../helpers/secrets.js';

const MEMBERS = [
  { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
  { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
];

const keysIn = (ws: string, n: number, guardrail?: string) =>
  Array.from({ length: n }, (_, i) => `  - { name: ${ws}-k${i}, workspace: ${ws}, limit: ${i + 1}${guardrail && i % 2 === 0 ? `, guardrail: ${guardrail}` : ''}${i % 5 === 4 ? ', disabled: true' : ''} }`).join('\n');

const DESIRED = `version: 1
secrets: { file: secrets.json }
workspaces:
  - slug: default
    budgets: { monthly: 900, weekly: 300, daily: 60 }
  - slug: team-a
    name: Team A
    budgets: { monthly: 100 }
    members: [alice@example.com, bob@example.com]
  - slug: team-b
    name: Team B
    default_guardrail: { allowed_providers: [anthropic] }
guardrails:
  - { name: cap, limit_usd: 10, reset_interval: daily, members: [alice@example.com] }
  - { name: a-cap, workspace: team-a, enforce_zdr: true, members: [bob@example.com] }
keys:
${keysIn('default', 6, 'cap')}
${keysIn('team-a', 6, 'a-cap')}
${keysIn('team-b', 4)}
`;

const CREATED = [
  ...Array.from({ length: 6 }, (_, i) => `default/default-k${i}`),
  ...Array.from({ length: 6 }, (_, i) => `team-a/team-a-k${i}`),
  ...Array.from({ length: 4 }, (_, i) => `team-b/team-b-k${i}`),
];

// A killed apply leaves its lease behind until it expires: a short lease keeps the next run's wait short.
const APPLY = ['apply', '--auto-approve', '--lock-ttl', '1s'];

async function applyUntilConverged(o: Org, maxRuns: number): Promise<number> {
  for (let run = 1; run <= maxRuns; run++) {
    const r = await o.run(APPLY);
    if (r.code === 0) return run;
    // A failed run must say what happened, never crash.
    expect(r.stderr).toMatch(/Apply failed|failed: |error: /);
    expect(r.stderr).not.toMatch(/internal error/);
  }
  throw new Error(`apply did not converge in ${maxRuns} runs`);
}

describe('apply under faults', () => {
  it('converges with 20% injected 429/5xx/resets: no duplicate key, no lost secret', async () => {
    const o = await org({ organization_members: MEMBERS, keys: [{ name: 'default-k0', limit: 99 }] }, { rngSeed: 7, faults: { ...faultsForRate(0.2), retryAfterSeconds: 0 } });
    o.write('openrouter.admin.yaml', DESIRED);
    const runs = await applyUntilConverged(o, 3);
    expect(runs).toBeLessThanOrEqual(3);
    const faulted = o.sb.log.filter((e) => e.fault !== null).length;
    expect(faulted, 'faults were actually injected').toBeGreaterThan(10);
    o.sb.setFaults({ rate429: 0, rate500: 0, rate502: 0, rate503: 0, rateReset: 0 });
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), CREATED.filter((k) => k !== 'default/default-k0'));
  });

  it('resolves creations whose response was lost after the server committed them', async () => {
    const o = await org({ organization_members: MEMBERS });
    o.sb.dropAfterCommit('createKeys', 3);
    // The first guardrail created is the apply lease (found again by its run's name), the second a declared one.
    o.sb.dropAfterCommit('createGuardrail', 2);
    o.sb.dropAfterCommit('createWorkspace', 1);
    o.write('openrouter.admin.yaml', DESIRED);
    await applyUntilConverged(o, 2);
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), CREATED);
    // Three lost responses, three keys nobody held, three deleted; no guardrail or workspace twice.
    expect(o.sb.counts().createKeys).toBe(CREATED.length + 3);
    expect(o.sb.state.guardrailsIn('team-a').filter((g) => g.name === 'a-cap')).toHaveLength(1);
  });

  it('killing apply at random points, then applying again, converges with no orphaned key', async () => {
    const o = await org({ organization_members: MEMBERS }, { latencyMs: 10 });
    o.write('openrouter.admin.yaml', DESIRED);
    // Kill points are counted in requests the sandbox has answered since the run started, so they
    // land inside the apply whatever the machine's speed; some right after a key was created.
    const kills: { after: number; op?: string }[] = [
      { after: 3 },
      { after: 1, op: 'createKeys' },
      { after: 9 },
      { after: 2, op: 'createKeys' },
      { after: 3, op: 'updateKeys' },
      { after: 14 },
      { after: 1, op: 'bulkAssignKeysToGuardrail' },
    ];
    let killed = 0;
    let leftPending = 0;
    for (const k of kills) {
      if (await killDuringApply(o, k.after, k.op)) killed++;
      if ([...liveKeyNames(o.sb).keys()].some((n) => n.includes('oradmin-pending:'))) leftPending++;
    }
    expect(killed, 'the kills landed inside applies').toBeGreaterThanOrEqual(5);
    expect(leftPending, 'some kills interrupted a key creation half-way').toBeGreaterThanOrEqual(1);
    await applyUntilConverged(o, 2);
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), CREATED);
  });
});

/**
 * Starts `oradmin apply` and SIGKILLs it (no cleanup handler can run) once the sandbox has answered
 * `after` more requests (of operation `op`, when given). Resolves whether the kill happened before
 * the apply ended on its own.
 */
function killDuringApply(o: Org, after: number, op?: string): Promise<boolean> {
  const count = () => (op ? o.sb.log.filter((e) => e.operationId === op).length : o.sb.log.length);
  const start = count();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...APPLY], {
      cwd: o.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...o.env },
      stdio: 'ignore',
    });
    const poll = setInterval(() => {
      if (count() - start >= after) child.kill('SIGKILL');
    }, 1);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL');
    });
  });
}
