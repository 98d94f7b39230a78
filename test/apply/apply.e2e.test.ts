// `oradmin apply` end to end against the sandbox: convergence, secrets, refusals before any write.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { expectKeysSecured, readSecrets } from '../helpers/secrets.js';
import { expectOnlyLeaseWrites } from '../helpers/lease.js';

const MEMBERS = [
  { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
];

const FRESH = `version: 1
secrets: { file: secrets.json }
workspaces:
  - slug: default
    budgets: { monthly: 500, daily: 50 }
    default_guardrail: { allowed_providers: [openai, anthropic] }
  - slug: research
    name: Research
    budgets: { monthly: 100 }
    include_byok_in_budgets: true
    members: [alice@example.com]
guardrails:
  - { name: cap, limit_usd: 20, reset_interval: daily, enforce_zdr: true, members: [alice@example.com] }
  - { name: rcap, workspace: research, allowed_models: [openai/gpt-4o-mini] }
keys:
  - { name: bot, limit: 10, guardrail: cap }
  - { name: off, limit: 1, disabled: true }
  - { name: nb, workspace: research, limit: 5, limit_reset: weekly, guardrail: rcap, expires_at: 2030-01-01T00:00:00Z }
`;

describe('oradmin apply', () => {
  it('converges a fresh organization; each new key\u2019s secret is in the 0600 file and nowhere else', async () => {
    const o = await org({ organization_members: MEMBERS });
    o.write('openrouter.admin.yaml', FRESH);
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.stderr).not.toContain('FAILED');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Apply complete: ');
    // Progress goes to stderr, one line per operation when stderr is not a terminal.
    expect(r.stderr).toMatch(/^\[1\/\d+\] ok (create|update) \S+ \(\d+ ms\)$/m);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), ['default/bot', 'default/off', 'research/nb']);
    expect(Object.keys(readSecrets(path.join(o.dir, 'secrets.json'))).sort()).toEqual(['default/bot', 'default/off', 'research/nb']);
    for (const entry of Object.values(readSecrets(path.join(o.dir, 'secrets.json')))) {
      expect(r.stdout + r.stderr).not.toContain(entry.secret);
    }
    expect(o.sb.state.findKeyByName('off', 'default')!.disabled).toBe(true);
    const again = await o.run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
  });

  it('applies a saved plan, and refuses a stale one with no writes', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }, { name: 'other', limit: 1 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: other, limit: 1 }\n');
    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);

    // Usage moving on its own does not make a plan stale.
    o.sb.state.updateKey(o.sb.state.findKeyByName('bot', 'default')!.hash, { usage: 3, usage_monthly: 3 });
    // The file changed: refused.
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 3 }\n  - { name: other, limit: 1 }\n');
    o.sb.resetLog();
    let r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the plan is stale: the desired-state file changed since it was made');
    expectOnlyLeaseWrites(o);

    // Back to the planned file, but the organization changed: refused.
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: other, limit: 1 }\n');
    o.sb.state.updateKey(o.sb.state.findKeyByName('other', 'default')!.hash, { limit: 9 });
    r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the plan is stale: the organization changed since it was made');
    expectOnlyLeaseWrites(o, 2);

    // Fresh plan, applied as saved.
    o.sb.state.updateKey(o.sb.state.findKeyByName('other', 'default')!.hash, { limit: 1 });
    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    expect(readFileSync(path.join(o.dir, 'plan.json'), 'utf8')).not.toContain(o.sb.managementKey);
    r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(0);
    expect(o.sb.state.findKeyByName('bot', 'default')!.limit).toBe(2);
  });

  it('without a TTY and without --auto-approve it refuses before any write', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: s.json }\nkeys:\n  - { name: bot }\n');
    const r = await o.run(['apply']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stdin is not a terminal: review the plan and pass --auto-approve');
    expectOnlyLeaseWrites(o);
  });

  it('refuses a plan over the safety thresholds; --force proceeds', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => ({ name: `old-${i}` }));
    const o = await org({ keys: [...keys, { name: 'keep' }] });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: delete }\nkeys:\n  - { name: keep }\n');
    const refused = await o.run(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('exceed safety.max_deletes (10)');
    expectOnlyLeaseWrites(o);
    const forced = await o.run(['apply', '--auto-approve', '--force']);
    expect(forced.code).toBe(0);
    expect(o.sb.state.keysIn('default').map((k) => k.name)).toEqual(['keep']);
  });

  it('refuses a replacement that is not allowed; --allow-replace creates the successor first', async () => {
    const o = await org({ keys: [{ name: 'rot', limit: 1, expires_at: '2029-01-01T00:00:00Z' }] });
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: s.json }\nkeys:\n  - { name: rot, limit: 1, expires_at: 2030-01-01T00:00:00Z }\n');
    const old = o.sb.state.findKeyByName('rot', 'default')!.hash;
    const refused = await o.run(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('replacing key.default/rot issues a new secret');
    expectOnlyLeaseWrites(o);
    const allowed = await o.run(['apply', '--auto-approve', '--allow-replace']);
    expect(allowed.code).toBe(0);
    const now = o.sb.state.findKeyByName('rot', 'default')!;
    expect(now.hash).not.toBe(old);
    expect(now.expires_at).toBe('2030-01-01T00:00:00.000Z');
    expectKeysSecured(o.sb, path.join(o.dir, 's.json'), ['default/rot']);
    // The successor was created (and delivered) before the predecessor was deleted.
    const ops = o.sb.log.map((e) => e.operationId);
    expect(ops.indexOf('createKeys')).toBeLessThan(ops.indexOf('deleteKeys'));
  });

  it('refuses to create keys without a secrets sink, before any write', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\nworkspaces:\n  - { slug: w, name: W }\nkeys:\n  - { name: bot }\n');
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no secrets sink is configured');
    expectOnlyLeaseWrites(o);
    const ok = await o.run(['apply', '--auto-approve', '--secrets-out', 'out/secrets.json']);
    expect(ok.code).toBe(0);
    expectKeysSecured(o.sb, path.join(o.dir, 'out/secrets.json'), ['default/bot']);
  });

  it('refuses a secrets file inside a git work tree that git does not ignore', async () => {
    const o = await org();
    execFileSync('git', ['init', '-q'], { cwd: o.dir });
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: bot }\n');
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('inside a git work tree and git does not ignore it');
    expectOnlyLeaseWrites(o);
    o.write('.gitignore', 'secrets.json\n.secrets.json.*.tmp\n');
    expect((await o.run(['apply', '--auto-approve'])).code).toBe(0);
  });

  it('the command sink gets the secret on stdin only; a failing command leaves no key behind', async () => {
    const o = await org();
    const outDir = mkdtempSync(path.join(tmpdir(), 'oradmin-sink-'));
    const script = o.write(
      'store.sh',
      `#!/bin/sh\nprintf '%s\\n' "$*" > "${outDir}/argv"\nenv > "${outDir}/env"\ncat > "${outDir}/stdin-$$"\n[ -f "${outDir}/fail" ] && exit 3\nexit 0\n`,
    );
    execFileSync('chmod', ['+x', script]);
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { command: ["./store.sh", "--vault", "ci"] }\nkeys:\n  - { name: bot }\n');
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(0);
    const stdinFile = execFileSync('sh', ['-c', `ls ${outDir}/stdin-*`]).toString().trim();
    const delivered = JSON.parse(readFileSync(stdinFile, 'utf8'));
    expect(delivered).toMatchObject({ address: 'key.default/bot', workspace: 'default', name: 'bot' });
    expect(delivered.secret).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    expect(readFileSync(path.join(outDir, 'argv'), 'utf8')).toBe('--vault ci\n');
    const env = readFileSync(path.join(outDir, 'env'), 'utf8');
    expect(env).not.toContain(delivered.secret);
    expect(env).not.toContain(o.sb.managementKey);

    writeFileSync(path.join(outDir, 'fail'), '');
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { command: ["./store.sh"] }\nkeys:\n  - { name: bot }\n  - { name: second }\n');
    const failed = await o.run(['apply', '--auto-approve']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('secrets command for key.default/second exited with 3');
    expect(o.sb.state.keysIn('default').map((k) => k.name)).toEqual(['bot']);
  });

  it('reports what was done, what failed and what was not started; the next plan is the rest', async () => {
    const o = await org({ guardrails: [{ name: 'g' }] });
    o.sb.setFaults({ rate500: 1, operations: ['updateGuardrail'] });
    o.write(
      'openrouter.admin.yaml',
      'version: 1\nworkspaces:\n  - { slug: w, name: W }\nguardrails:\n  - { name: g, limit_usd: 5, reset_interval: daily }\n  - { name: h, workspace: w }\n',
    );
    const r = await o.run(['apply', '--auto-approve', '--log-file', 'audit.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Apply failed: \d+ done, 1 failed, \d+ not started\./);
    expect(r.stderr).toContain(`failed: update guardrail.default/g: PATCH ${o.sb.url}/guardrails/`);
    const audit = o.read('audit.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.some((e) => e.address === 'guardrail.default/g' && e.result === 'failed')).toBe(true);
    expect(statSync(path.join(o.dir, 'audit.jsonl')).mode & 0o777).toBe(0o600);
    o.sb.setFaults({ rate500: 0 });
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations.map((op: { address: string }) => op.address)).toContain('guardrail.default/g');
    expect(plan.operations.map((op: { address: string }) => op.address)).not.toContain('workspace.w');
  });
});
