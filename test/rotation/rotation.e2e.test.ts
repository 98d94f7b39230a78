// The key lifecycle end to end (PRODUCT.md section 8, issue 16's "Done when"): the built CLI
// against the sandbox over HTTP, with both clocks moved forward instead of sleeping
// (helpers.ts). Interrupted and faulted rotations are in interruptions.e2e.test.ts.
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/org.js';
import { clockOrg, DAY, daysAgo, expectOneCurrentKey, keysByName, keyWrites, leaveOrganization, readSink, sha256 } from './helpers.js';

const ROTATING = `version: 1
secrets: { file: secrets.json }
keys:
  - name: x
    limit: 5
    rotation: { every: 30d, overlap: 2d }
`;

const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const ops = (plan: Record<string, any>) => (plan.operations as { action: string; address: string }[]).map((o) => `${o.action} ${o.address}`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('rotation by time', () => {
  it('a 40-day-old key with rotation every 30d plans one rotate; apply leaves successor and predecessor; 3 days on, rotate --due retires it and the plan is empty', async () => {
    const o = await clockOrg({ keys: [{ name: 'x', limit: 5, created_at: daysAgo(40) }] });
    o.write('openrouter.admin.yaml', ROTATING);
    const [original] = keysByName(o).x!;

    const planned = await o.run(['plan', '-o', 'json', '--detailed-exitcode']);
    expect(planned.code, planned.stderr).toBe(2);
    const plan = json(planned.stdout);
    expect(ops(plan)).toEqual(['rotate key.default/x']);
    expect(plan.operations[0]).toMatchObject({ kind: 'key', after: { limit: 5 } });
    expect(plan.operations[0].reason).toMatch(/^created \S+Z, 40 days ago; rotation\.every is 30d; its predecessor stays valid for 2d, then is deleted$/);
    expect(plan.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, disable: 0, assign: 0, unassign: 0, rotate: 1, retire: 0, unmanaged: 0 });
    expect(plan.secrets_sink).toEqual({ type: 'file', path: 'secrets.json' });

    let start = o.sb.log.length;
    const applied = await o.run(['apply', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('1 new secret delivered');
    // Requests of one rotation: the successor created (secured in the same request), the
    // predecessor marked, the successor renamed; the rest are the plan's and the verification's
    // reads and the apply lease.
    expect(keyWrites(o, start)).toEqual({ createKeys: 1, updateKeys: 2 });
    expect(o.sb.log.length - start).toBeLessThanOrEqual(20);

    const { current, predecessors } = expectOneCurrentKey(o, 'x');
    expect(current).not.toBe(original);
    expect(predecessors).toEqual([original]);
    expect(o.sb.state.findKeyByName('oradmin-predecessor:2d:delete:x')!.hash).toBe(original);
    const successor = o.sb.state.key(current)!;
    expect(successor.limit).toBe(5);
    const entry = readSink(o)['default/x']!;
    expect(sha256(entry.secret)).toBe(current);
    const retiresAt = Date.parse(successor.created_at) + 2 * DAY;
    expect(entry.predecessor).toEqual({ hash: original, retires_at: new Date(retiresAt).toISOString() });

    // Inside the overlap the predecessor is expected state: retiring, not unmanaged, no change.
    const during = await o.run(['plan', '-o', 'json', '--detailed-exitcode']);
    expect(during.code, during.stderr).toBe(0);
    expect(json(during.stdout)).toMatchObject({
      operations: [],
      unmanaged: [],
      retiring: [{ address: 'key.default/x~predecessor', kind: 'key', successor: 'key.default/x', retire: 'delete', retires_at: iso(retiresAt) }],
    });

    // status: last rotated, next due, the predecessor and when it retires.
    const status = await o.run(['status', '-o', 'json']);
    expect(status.code, status.stderr).toBe(0);
    expect(json(status.stdout).rotation).toEqual({
      keys: [
        {
          workspace: 'default',
          name: 'x',
          hash: current,
          last_rotated: expect.stringMatching(/Z$/),
          every: '30d',
          next_due: expect.stringMatching(/Z$/),
          due: false,
          predecessors: [{ hash: original, retire: 'delete', retires_at: iso(retiresAt), state: 'retiring', usage: 0 }],
        },
      ],
      departed: [],
    });
    const lifecycle = json(status.stdout).rotation.keys[0];
    expect(Date.parse(lifecycle.next_due) - Date.parse(lifecycle.last_rotated)).toBe(30 * DAY);

    o.clock.offsetMs = 3 * DAY;
    start = o.sb.log.length;
    const retired = await o.run(['rotate', '--due', '--auto-approve']);
    expect(retired.code, retired.stderr).toBe(0);
    expect(retired.stdout).toContain('key.default/x~predecessor (retire)');
    expect(keyWrites(o, start)).toEqual({ deleteKeys: 1 });
    expect(keysByName(o)).toEqual({ x: [current] });
    expect(o.sb.state.guardrailsIn()).toEqual([]); // the lease is gone

    const after = await o.run(['plan', '--detailed-exitcode']);
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toContain('No changes.');
  });

  it('rotate --due with other drift in the file (a changed limit, a new key) touches only the due key', async () => {
    const o = await clockOrg({
      keys: [
        { name: 'x', limit: 5, created_at: daysAgo(40) },
        { name: 'y', limit: 5, created_at: daysAgo(40) },
      ],
    });
    o.write('openrouter.admin.yaml', `${ROTATING}  - { name: y, limit: 10 }\n  - { name: z, limit: 1, rotation: { every: 1d, overlap: 0 } }\n`);
    const [y] = keysByName(o).y!;

    const start = o.sb.log.length;
    const r = await o.run(['rotate', '--due', '--auto-approve']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 to rotate/);
    expect(r.stdout).not.toMatch(/key\.default\/[yz]\b/);
    expect(keyWrites(o, start)).toEqual({ createKeys: 1, updateKeys: 2 });
    expectOneCurrentKey(o, 'x');
    expect(o.sb.state.key(y!)!.limit).toBe(5);
    expect(o.sb.state.findKeyByName('z')).toBeUndefined();
    expect(Object.keys(readSink(o))).toEqual(['default/x']);

    // The drift is still there for apply; the rotation is done.
    const plan = await o.run(['plan', '-o', 'json']);
    expect(ops(json(plan.stdout))).toEqual(['update key.default/y', 'create key.default/z']);
  });
});

describe('rotation on request', () => {
  it('rotate <address> --now: one key left with a new hash, for a declared key and for an undeclared one (its live settings copied)', async () => {
    const o = await clockOrg({
      keys: [
        { name: 'x', limit: 5, created_at: daysAgo(1) },
        { name: 'legacy', limit: 7, limit_reset: 'weekly', created_at: daysAgo(400) },
      ],
    });
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: x, limit: 5 }\n');
    const before = keysByName(o);

    const start = o.sb.log.length;
    const r = await o.run(['rotate', 'key.default/x', 'key.default/legacy', '--now', '--auto-approve']);
    expect(r.code, r.stderr).toBe(0);
    expect(keyWrites(o, start)).toEqual({ createKeys: 2, updateKeys: 4, deleteKeys: 2 });
    const after = keysByName(o);
    expect(Object.keys(after).sort()).toEqual(['legacy', 'x']);
    for (const name of ['x', 'legacy']) {
      expect(after[name]).toHaveLength(1);
      expect(after[name]![0]).not.toBe(before[name]![0]);
      expect(sha256(readSink(o)[`default/${name}`]!.secret)).toBe(after[name]![0]);
    }
    const legacy = o.sb.state.findKeyByName('legacy')!;
    expect([legacy.limit, legacy.limit_reset]).toEqual([7, 'weekly']);
    // overlap 0: the predecessor stopped working when its successor was delivered.
    expect(readSink(o)['default/x']!.predecessor).toEqual({ hash: before.x![0], retires_at: o.sb.state.findKeyByName('x')!.created_at });

    const plan = await o.run(['plan', '-o', 'json']);
    expect(json(plan.stdout)).toMatchObject({ operations: [], retiring: [], unmanaged: [{ address: 'key.default/legacy' }] });
  });

  it('the command sink is told that a delivery is a rotation, and until when the old secret works', async () => {
    const o = await clockOrg({ keys: [{ name: 'x', limit: 5, created_at: daysAgo(40) }] });
    // The command appends each document it is given to received.jsonl, one line each.
    o.write('store.mjs', "import { appendFileSync, readFileSync } from 'node:fs';\nappendFileSync('received.jsonl', JSON.stringify(JSON.parse(readFileSync(0, 'utf8'))) + '\\n');\n");
    o.write('openrouter.admin.yaml', `version: 1\nsecrets: { command: [${JSON.stringify(process.execPath)}, store.mjs] }\nkeys:\n  - name: x\n    limit: 5\n    rotation: { every: 30d, overlap: 2d }\n`);
    const [original] = keysByName(o).x!;
    const r = await o.run(['rotate', '--due', '--auto-approve']);
    expect(r.code, r.stderr).toBe(0);
    const received = o.read('received.jsonl').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(received).toHaveLength(1);
    const keys = keysByName(o);
    expect(keys.x).toHaveLength(1);
    const current = keys.x![0]!;
    expect(o.sb.state.findKeyByName('oradmin-predecessor:2d:delete:x')!.hash).toBe(original);
    const retiresAt = new Date(Date.parse(o.sb.state.key(current)!.created_at) + 2 * DAY).toISOString();
    expect(received[0]).toMatchObject({ address: 'key.default/x', workspace: 'default', name: 'x', hash: current, rotation: true, predecessor_hash: original, predecessor_retires_at: retiresAt });
    expect(sha256(received[0]!.secret as string)).toBe(current);
    expect(r.stdout + r.stderr).not.toContain(received[0]!.secret as string);
  });
});

describe('offboarding', () => {
  it('an undeclared key whose creator left is listed by status and disabled by apply, with the reason in the plan', async () => {
    const carol = { id: 'user_carol', email: 'carol@example.com', role: 'org:member' as const };
    const o = await clockOrg({
      organization_members: [ADMIN, carol],
      keys: [
        { name: 'carols-bot', limit: 3, creator: 'carol@example.com' },
        { name: 'admins-bot', limit: 3, creator: ADMIN.email },
      ],
    });
    leaveOrganization(o, carol.id);
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: ignore }\noffboarding: { keys: disable }\n');
    const gone = o.sb.state.findKeyByName('carols-bot')!.hash;

    const status = await o.run(['status', '-o', 'json']);
    expect(json(status.stdout).rotation.departed).toEqual([{ workspace: 'default', name: 'carols-bot', hash: gone, creator_user_id: 'user_carol', declared: false }]);

    const plan = await o.run(['plan', '-o', 'json']);
    expect(json(plan.stdout).operations).toEqual([
      expect.objectContaining({ address: 'key.default/carols-bot', action: 'disable', reason: 'created by user_carol, who is no longer a member of the organization' }),
    ]);

    const applied = await o.run(['apply', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(o.sb.state.findKeyByName('carols-bot')!.disabled).toBe(true);
    expect(o.sb.state.findKeyByName('admins-bot')!.disabled).toBe(false);
  });
});
