// `oradmin plan` end to end against the sandbox: what users run in pull requests and drift crons.
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';

describe('oradmin plan', () => {
  it('sees disabled keys in every workspace: no spurious creates', async () => {
    const o = await org({
      workspaces: [{ slug: 'a', name: 'A' }, { slug: 'b', name: 'B' }],
      keys: [
        { name: 'off-default', disabled: true },
        { name: 'off-a', workspace: 'a', disabled: true },
        { name: 'off-b', workspace: 'b', disabled: true, limit: 3 },
      ],
    });
    o.write(
      'openrouter.admin.yaml',
      `version: 1
workspaces:
  - { slug: a, name: A }
  - { slug: b, name: B }
keys:
  - { name: off-default, disabled: true }
  - { name: off-a, workspace: a, disabled: true }
  - { name: off-b, workspace: b, disabled: true, limit: 3 }
`,
    );
    const r = await o.run(['plan', '--detailed-exitcode']);
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);
  });

  it('finds 3 declared keys among 250 in one workspace, and reports the rest', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => ({ name: `k-${String(i).padStart(3, '0')}`, limit: 1 }));
    const o = await org({ keys });
    o.write(
      'openrouter.admin.yaml',
      `version: 1
keys:
  - { name: k-000, limit: 1 }
  - { name: k-125, limit: 2 }
  - { name: k-249, limit: 1 }
`,
    );
    const r = await o.run(['plan', '-o', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.operations).toEqual([
      { address: 'key.default/k-125', kind: 'key', action: 'update', effect: 'widens', changes: [{ field: 'limit', before: 1, after: 2 }] },
    ]);
    expect(plan.summary.unmanaged).toBe(247);
    expect(plan.unmanaged).toContainEqual({ address: 'key.default/k-001', kind: 'key' });
  });

  it('names an unknown member e-mail at its file:line and exits 1 without a plan', async () => {
    const o = await org({ workspaces: [{ slug: 'research', name: 'Research' }] });
    o.write(
      'openrouter.admin.yaml',
      `version: 1
workspaces:
  - slug: research
    name: Research
    members:
      - admin@example.com
      - nobody@example.com
`,
    );
    const r = await o.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('openrouter.admin.yaml:7:9: "nobody@example.com" is not a member of the organization');
    // A misspelt e-mail gets the member it most likely means.
    o.write('openrouter.admin.yaml', 'version: 1\nworkspaces:\n  - slug: research\n    name: Research\n    members: [amdin@example.com]\n');
    const typo = await o.run(['plan']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('openrouter.admin.yaml:5:15: "amdin@example.com" is not a member of the organization; did you mean "admin@example.com"?');
  });

  it('--detailed-exitcode: 2 with changes, 0 without; plain plan exits 0 either way', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 5 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 6 }\n');
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(2);
    expect((await o.run(['plan'])).code).toBe(0);
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 5 }\n');
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('drift of a key limit, a guardrail list and an out-of-band member binding is named field by field', async () => {
    const o = await org({
      organization_members: [
        { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' },
        { id: 'user_mallory', email: 'mallory@example.com', role: 'org:member' },
      ],
      guardrails: [{ name: 'cap', allowed_models: ['openai/gpt-4o'] }],
      keys: [{ name: 'bot', limit: 5 }],
    });
    o.write(
      'openrouter.admin.yaml',
      'version: 1\nguardrails:\n  - { name: cap, allowed_models: [openai/gpt-4o], members: [] }\nkeys:\n  - { name: bot, limit: 5 }\n',
    );
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    // Out of band: someone edits the organization in the dashboard.
    const bot = o.sb.state.findKeyByName('bot', 'default')!;
    o.sb.state.updateKey(bot.hash, { limit: 50 });
    const cap = o.sb.state.findGuardrailByName('cap', 'default')!;
    o.sb.state.updateGuardrail(cap.id, { allowed_models: ['openai/gpt-4o', 'openai/gpt-4o-mini'] });
    o.sb.state.assignMember('mallory@example.com', cap.id);
    const r = await o.run(['plan', '--detailed-exitcode', '-o', 'json']);
    expect(r.code).toBe(2);
    const plan = JSON.parse(r.stdout);
    // Putting the file back narrows all three; the out-of-band binding goes, since `members: []`
    // is the complete set.
    expect(plan.operations).toEqual([
      {
        address: 'guardrail.default/cap',
        kind: 'guardrail',
        action: 'update',
        effect: 'narrows',
        // Shown as the file spells models (compared canonically).
        changes: [{ field: 'allowed_models', before: ['openai/gpt-4o', 'openai/gpt-4o-mini'], after: ['openai/gpt-4o'] }],
      },
      { address: 'key.default/bot', kind: 'key', action: 'update', effect: 'narrows', changes: [{ field: 'limit', before: 50, after: 5 }] },
      { address: 'guardrail_member.default/cap/mallory@example.com', kind: 'guardrail_member', action: 'unassign', effect: 'widens' },
    ]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('unmanaged: ignore hides undeclared objects entirely', async () => {
    const o = await org({ workspaces: [{ slug: 'x', name: 'X' }], guardrails: [{ name: 'g' }], keys: [{ name: 'k' }] });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: ignore, guardrails: ignore, workspaces: ignore, members: ignore }\n');
    const r = await o.run(['plan', '-o', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ operations: [], unmanaged: [], summary: { unmanaged: 0 } });
  });

  it('--target narrows the plan to an object and what it depends on', async () => {
    const o = await org({ keys: [{ name: 'a', limit: 1 }, { name: 'b', limit: 1 }] });
    o.write(
      'openrouter.admin.yaml',
      `version: 1
workspaces:
  - { slug: new-ws, name: New }
guardrails:
  - { name: cap, workspace: new-ws }
keys:
  - { name: a, limit: 2 }
  - { name: b, limit: 2 }
  - { name: c, workspace: new-ws, guardrail: cap }
`,
    );
    const r = await o.run(['plan', '-o', 'json', '--target', 'key.new-ws/c', 'key.default/a', '--secrets-out', 'secrets.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).operations.map((op: { address: string }) => op.address)).toEqual([
      'workspace.new-ws',
      'guardrail.new-ws/cap',
      'key.default/a',
      'key.new-ws/c',
    ]);
    // A target that names nothing declared or live is an error, with the nearest addresses.
    const none = await o.run(['plan', '--target', 'key.default/aa']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('error: --target key.default/aa names nothing that is declared or live; nearest: key.default/a, key.default/b, key.new-ws/c\n');
    const glob = await o.run(['plan', '--target', 'key.nowhere/*']);
    expect(glob.code).toBe(1);
    expect(glob.stderr).toContain('--target key.nowhere/* names nothing that is declared or live');
    const notAddress = await o.run(['plan', '--target', 'prod-bot']);
    expect(notAddress.code).toBe(1);
    expect(notAddress.stderr).toContain('(an address looks like key.<workspace>/<name>; globs with * are allowed)');
  });

  it('refuses a missing credential with one line naming the variable', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const r = await o.run(['plan'], { env: { OPENROUTER_MANAGEMENT_KEY: undefined } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: OPENROUTER_MANAGEMENT_KEY is not set: export your organization\u2019s management key in it (alias OPENROUTER_PROVISIONING_KEY)\n'.replace('\u2019', "'"),
    );
  });

  it('reports file errors before a missing credential (the file is read while the organization is)', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limt: 5 }\n');
    const r = await o.run(['plan'], { env: { OPENROUTER_MANAGEMENT_KEY: undefined } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('openrouter.admin.yaml:3:18: unknown field "limt" in keys[0]; did you mean "limit"?\n');
  });

  it('refuses http:// to a host that is not loopback', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const r = await o.run(['plan', '--api-url', 'http://api.example.com/api/v1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/http:\/\//);
  });
});

describe('plan refuses to guess', () => {
  it('two live keys with a declared name are an error naming both hashes', async () => {
    const o = await org({ keys: [{ name: 'twin', limit: 1 }, { name: 'twin', limit: 2 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: twin, limit: 1 }\n');
    const hashes = o.sb.state.keysIn('default').map((k) => k.hash);
    const r = await o.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('openrouter.admin.yaml:3:13: key.default/twin matches 2 live keys');
    for (const h of hashes) expect(r.stderr).toContain(h);
  });

  it('blocks removing a member who still has active keys in the workspace', async () => {
    const o = await org({
      organization_members: [
        { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' },
        { id: 'user_bob', email: 'bob@example.com', role: 'org:member' },
      ],
      workspaces: [{ slug: 'w', name: 'W' }],
      workspace_members: [{ workspace: 'w', member: 'bob@example.com' }],
      keys: [{ name: 'bobs', workspace: 'w', creator: 'bob@example.com' }],
    });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { members: delete }\nworkspaces:\n  - { slug: w, name: W, members: [] }\nkeys:\n  - { name: bobs, workspace: w }\n');
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations).toEqual([
      expect.objectContaining({ address: 'workspace_member.w/bob@example.com', action: 'delete', blocked: expect.stringContaining('bob@example.com has 1 active key in workspace "w" ("bobs")') }),
    ]);
    // Disabling the key in the same plan unblocks the removal, and orders it first.
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { members: delete }\nworkspaces:\n  - { slug: w, name: W, members: [] }\nkeys:\n  - { name: bobs, workspace: w, disabled: true }\n');
    const plan2 = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan2.operations.map((op: { address: string; blocked?: string }) => [op.address, op.blocked])).toEqual([
      ['key.w/bobs', undefined],
      ['workspace_member.w/bob@example.com', undefined],
    ]);
  });
});
