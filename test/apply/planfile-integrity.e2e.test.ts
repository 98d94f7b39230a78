// A planfile binds apply to exactly what was reviewed (the two repros of the apply-integrity issue):
// it cannot redirect apply to another desired-state file, e.g. one whose secrets sink steals the new
// keys' secrets, and its operations cannot be edited under a kept checksum. The plan names its sink.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { expectOnlyLeaseWrites } from '../helpers/lease.js';

/** What only a holder of the management key can do: authenticate a planfile (apply/planfile.ts). */
function resign(doc: Record<string, unknown>, managementKey: string): string {
  const { mac: _old, ...unsigned } = doc;
  const key = Buffer.from(hkdfSync('sha256', managementKey, 'oradmin', 'oradmin planfile mac v2', 32));
  return JSON.stringify({ ...unsigned, mac: `hmac-sha256:${createHmac('sha256', key).update(JSON.stringify(unsigned)).digest('hex')}` });
}

const FILE = 'version: 1\nsecrets: { file: secrets.json }\nunmanaged: { keys: disable }\nkeys:\n  - { name: bot }\n';

describe('planfile integrity', () => {
  it('repro 1: a planfile pointing at another file (with a recomputed digest) does not redirect apply', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', FILE);
    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    // The attacker's copy sends secrets to a command of theirs.
    const evil = FILE.replace('secrets: { file: secrets.json }', 'secrets: { command: ["sh", "-c", "cat > stolen.json"] }');
    o.write('evil.yaml', evil);
    const plan = JSON.parse(o.read('plan.json'));
    plan.file = 'evil.yaml';
    plan.desired_digest = `sha256:${createHash('sha256').update('evil.yaml').update('\0').update(evil).update('\0').digest('hex')}`;
    o.write('plan.json', JSON.stringify(plan, null, 2));
    o.sb.resetLog();

    const r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("plan.json was not saved by `oradmin plan --out` with this organization's management key, or it was edited since");
    expect(existsSync(path.join(o.dir, 'stolen.json'))).toBe(false);
    expect(o.writes()).toEqual({});
    // Even with -f naming the attacker's file, the authentication fails first.
    const withF = await o.run(['-f', 'evil.yaml', 'apply', 'plan.json', '--auto-approve']);
    expect(withF.code).toBe(1);
    expect(existsSync(path.join(o.dir, 'stolen.json'))).toBe(false);
  });

  it('repro 2: a planfile whose operations were emptied under the kept checksum is refused', async () => {
    const o = await org({ keys: [{ name: 'legacy' }] });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: disable }\n');
    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const plan = JSON.parse(o.read('plan.json'));
    expect(plan.plan.operations.map((op: { action: string; address: string }) => `${op.action} ${op.address}`)).toEqual(['disable key.default/legacy']);
    plan.plan.operations = [];
    plan.plan.summary.disable = 0;
    o.write('plan.json', JSON.stringify(plan, null, 2));
    o.sb.resetLog();
    const r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was not saved by `oradmin plan --out` with this organization's management key, or it was edited since; nothing was applied/);
    expect(o.writes()).toEqual({});
    expect(o.sb.state.findKeyByName('legacy')!.disabled).toBe(false);
  });

  it('behind the MAC, apply still recomputes the checksum and compares the file', async () => {
    const o = await org({ keys: [{ name: 'legacy' }] });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: disable }\n');
    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const doc = JSON.parse(o.read('plan.json'));
    o.write('emptied.json', resign({ ...doc, plan: { ...doc.plan, operations: [], summary: { ...doc.plan.summary, disable: 0 } } }, o.sb.managementKey));
    const r = await o.run(['apply', 'emptied.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('emptied.json: the saved plan does not match its checksum; nothing was applied.');
    o.write('other.yaml', 'version: 1\n');
    o.write('moved.json', resign({ ...doc, file: 'other.yaml' }, o.sb.managementKey));
    const moved = await o.run(['apply', 'moved.json', '--auto-approve']);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('moved.json is a plan of other.yaml, but apply reads openrouter.admin.yaml');
    expect(o.writes()).toEqual({});
    expect(o.sb.state.findKeyByName('legacy')!.disabled).toBe(false);
  });

  it('a planfile from another organization (another management key) is refused', async () => {
    const a = await org();
    a.write('openrouter.admin.yaml', FILE);
    expect((await a.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const b = await org();
    b.write('openrouter.admin.yaml', FILE);
    writeFileSync(path.join(b.dir, 'plan.json'), a.read('plan.json'));
    const r = await b.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("with this organization's management key");
    expect(b.writes()).toEqual({});
  });

  it('apply reads -f or the default file, never the planfile\u2019s, and a mismatch names both', async () => {
    const o = await org();
    o.write('team.yaml', FILE);
    expect((await o.run(['-f', 'team.yaml', 'plan', '--out', 'plan.json'])).code).toBe(0);
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const r = await o.run(['apply', 'plan.json', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.json is a plan of team.yaml, but apply reads openrouter.admin.yaml; nothing was applied. Pass `-f team.yaml`');
    expect(o.writes()).toEqual({});
    const ok = await o.run(['-f', 'team.yaml', 'apply', 'plan.json', '--auto-approve']);
    expect(ok.stderr).not.toContain('error');
    expect(ok.code).toBe(0);
    expect(o.sb.state.findKeyByName('bot')).toBeDefined();
  });

  it('the plan names its secrets sink, the checksum binds it, and apply refuses another sink', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', FILE);
    const json = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(json.secrets_sink).toEqual({ type: 'file', path: 'secrets.json' });
    const flag = JSON.parse((await o.run(['plan', '-o', 'json', '--secrets-out', 'elsewhere.json'])).stdout);
    expect(flag.secrets_sink).toEqual({ type: 'file', path: 'elsewhere.json' });
    expect(flag.checksum).not.toBe(json.checksum);
    o.write('cmd.yaml', FILE.replace('secrets: { file: secrets.json }', 'secrets: { command: ["./store.sh", "ci"] }'));
    expect(JSON.parse((await o.run(['-f', 'cmd.yaml', 'plan', '-o', 'json'])).stdout).secrets_sink).toEqual({ type: 'command', command: ['./store.sh', 'ci'] });
    o.write('none.yaml', 'version: 1\n');
    expect(JSON.parse((await o.run(['-f', 'none.yaml', 'plan', '-o', 'json'])).stdout).secrets_sink).toBeNull();

    expect((await o.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    o.sb.resetLog();
    const r = await o.run(['apply', 'plan.json', '--auto-approve', '--secrets-out', 'other.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the plan was reviewed with new secrets going to the file secrets.json, but this apply would send them to the file other.json');
    expectOnlyLeaseWrites(o);
    expect(existsSync(path.join(o.dir, 'other.json'))).toBe(false);
    // The planfile never holds the management key, nor anything derived from it but the MAC.
    expect(readFileSync(path.join(o.dir, 'plan.json'), 'utf8')).not.toContain(o.sb.managementKey);
    expect(JSON.parse(o.read('plan.json')).mac).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
  });
});
