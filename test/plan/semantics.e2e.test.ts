// What a Terraform user expects of a reconciler (issue 14), end to end through the CLI and the
// sandbox: rogue objects are drift, declared lists are complete, `absent: true` deletes one object,
// and plan fails exactly when apply would refuse.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org, ADMIN } from '../helpers/org.js';
import { readSecrets } from '../helpers/secrets.js';
import { expectOnlyLeaseWrites } from '../helpers/lease.js';

const MEMBERS = [
  ADMIN,
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
  { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
];

describe('drift', () => {
  it('a key created in the dashboard is drift: --detailed-exitcode exits 2 and the plan says so', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 5 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: bot, limit: 5 }\n');
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    o.sb.state.addKey({ name: 'rogue-unlimited' });
    const r = await o.run(['plan', '--detailed-exitcode']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('No changes to make, but 1 live object is not in the file.');
    expect(r.stdout).toContain('? key.default/rogue-unlimited');
    expect(r.stdout).not.toContain('The organization matches');
    // `ignore:` is how to say "known, leave it".
    o.write('openrouter.admin.yaml', 'version: 1\nignore: { keys: [rogue-*] }\nkeys:\n  - { name: bot, limit: 5 }\n');
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('declared lists are the complete set', () => {
  it('removing a member from a workspace or a guardrail list removes their access', async () => {
    const o = await org({
      organization_members: MEMBERS,
      workspaces: [{ slug: 'ml', name: 'ML' }],
      workspace_members: [
        { workspace: 'ml', member: 'alice@example.com' },
        { workspace: 'ml', member: 'bob@example.com' },
      ],
      guardrails: [{ name: 'cap', workspace: 'ml' }],
      member_assignments: [
        { member: 'alice@example.com', guardrail: 'cap', workspace: 'ml' },
        { member: 'bob@example.com', guardrail: 'cap', workspace: 'ml' },
      ],
    });
    o.write(
      'openrouter.admin.yaml',
      'version: 1\nworkspaces:\n  - { slug: ml, name: ML, members: [alice@example.com] }\nguardrails:\n  - { name: cap, workspace: ml, members: [alice@example.com] }\n',
    );
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations.map((op: { action: string; address: string; effect: string }) => `${op.action} ${op.address} (${op.effect})`)).toEqual([
      'unassign guardrail_member.ml/cap/bob@example.com (widens)',
      'delete workspace_member.ml/bob@example.com (narrows)',
    ]);
    expect(plan.unmanaged).toEqual([]);
    const applied = await o.run(['apply', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(o.sb.state.workspaceMembers('ml').map((m) => m.user_id)).toEqual(['user_alice']);
    expect(o.sb.state.memberAssignments().map((a) => a.user_id)).toEqual(['user_alice']);
    expect((await o.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('ignore.members exempts a member from removal; an omitted list is not managed', async () => {
    const o = await org({
      organization_members: MEMBERS,
      workspaces: [{ slug: 'ml', name: 'ML' }, { slug: 'ops', name: 'Ops' }],
      workspace_members: [
        { workspace: 'ml', member: 'alice@example.com' },
        { workspace: 'ml', member: 'bob@example.com' },
        { workspace: 'ops', member: 'bob@example.com' },
      ],
    });
    o.write('openrouter.admin.yaml', 'version: 1\nignore: { members: [bob@*] }\nworkspaces:\n  - { slug: ml, name: ML, members: [alice@example.com] }\n  - { slug: ops, name: Ops }\n');
    const r = await o.run(['plan', '--detailed-exitcode', '-o', 'json']);
    expect(JSON.parse(r.stdout).operations).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('absent: true', () => {
  it('deletes one key and nothing else, and is idempotent', async () => {
    const o = await org({ keys: [{ name: 'old-bot', limit: 1 }, { name: 'keep', limit: 1 }, { name: 'other', limit: 1 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nunmanaged: { keys: ignore }\nkeys:\n  - { name: old-bot, absent: true }\n  - { name: keep, limit: 1 }\n');
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations).toEqual([
      { address: 'key.default/old-bot', kind: 'key', action: 'delete', effect: 'narrows', before: { limit: 1, creator_user_id: 'admin@example.com' }, reason: 'declared absent: true in the file' },
    ]);
    const applied = await o.run(['apply', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(o.sb.state.keysIn('default').map((k) => k.name).sort()).toEqual(['keep', 'other']);
    // Gone now: nothing to do, and the declaration is not an error.
    const again = await o.run(['plan', '--detailed-exitcode']);
    expect(again.code, again.stdout).toBe(0);
  });

  it('deletes a guardrail and a workspace; counts against the safety thresholds', async () => {
    const o = await org({ workspaces: [{ slug: 'old', name: 'Old' }], guardrails: [{ name: 'g1' }, { name: 'g2' }] });
    o.write(
      'openrouter.admin.yaml',
      'version: 1\nsafety: { max_deletes: 2 }\nworkspaces:\n  - { slug: old, absent: true }\nguardrails:\n  - { name: g1, absent: true }\n  - { name: g2, absent: true }\n',
    );
    const r = await o.run(['plan', '-o', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.operations.map((op: { address: string }) => op.address)).toEqual(['guardrail.default/g1', 'guardrail.default/g2', 'workspace.old']);
    expect(doc.refusals).toEqual(['3 deletions, disables, replacements and unbindings exceed safety.max_deletes (2) (pass --force to proceed)']);
    const forced = await o.run(['apply', '--auto-approve', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(o.sb.state.workspace('old')).toBeUndefined();
    expect(o.sb.state.guardrailsIn('default')).toEqual([]);
  });

  it('takes only the identity: other fields, and references to an absent guardrail, are errors', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\nguardrails:\n  - { name: g, absent: true }\nkeys:\n  - { name: a, absent: true, limit: 5 }\n  - { name: b, guardrail: g }\n');
    const r = await o.run(['validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('openrouter.admin.yaml:5:30: key "a" is declared absent: true (to be deleted), so limit has no effect');
    expect(r.stderr).toContain('openrouter.admin.yaml:6:27: guardrail "g" is declared absent: true (to be deleted)');
  });
});

describe('plan tells the truth about apply', () => {
  const NEW_KEY = 'version: 1\nkeys:\n  - { name: new-bot, limit: 5 }\n';

  it('a key to create without a secrets sink: plan exits 1 in every format, as apply refuses', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', NEW_KEY);
    for (const format of ['text', 'markdown', 'json']) {
      const r = await o.run(['plan', '-o', format]);
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('no secrets sink is configured');
      expect(r.stderr).toContain('error: apply would refuse this plan (1 reason above)');
    }
    const apply = await o.run(['apply', '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('no secrets sink is configured');
    expectOnlyLeaseWrites(o);
    // With the flag apply will get, plan is green, and so is apply.
    expect((await o.run(['plan', '--secrets-out', 'secrets.json'])).code).toBe(0);
  });

  it('a file sink in CI is refused with the reason, unless the file says the runner persists', async () => {
    const o = await org();
    const secrets = path.join(o.dir, 'secrets.json');
    o.write('openrouter.admin.yaml', `${NEW_KEY}secrets: { file: secrets.json }\n`);
    for (const env of [{ CI: 'true' }, { GITHUB_ACTIONS: 'true' }]) {
      const plan = await o.run(['plan'], { env });
      expect(plan.code, JSON.stringify(env)).toBe(1);
      expect(plan.stdout).toContain('on a CI runner (CI=true or GITHUB_ACTIONS=true), which is usually thrown away with them');
      const apply = await o.run(['apply', '--auto-approve'], { env });
      expect(apply.code).toBe(1);
      expect(apply.stderr).toContain('secrets.file_in_ci: true');
    }
    expectOnlyLeaseWrites(o, 2);
    // Outside CI the same file sink is fine.
    expect((await o.run(['plan'])).code).toBe(0);
    o.write('openrouter.admin.yaml', `${NEW_KEY}secrets: { file: secrets.json, file_in_ci: true }\n`);
    expect((await o.run(['plan'], { env: { CI: 'true' } })).code).toBe(0);
    const applied = await o.run(['apply', '--auto-approve'], { env: { CI: 'true' } });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`Apply complete: 1 operation done; a new plan is empty. 1 new secret delivered to the secrets file ${secrets}.`);
    expect(Object.keys(readSecrets(secrets))).toEqual(['default/new-bot']);
  });

  it('apply says where new secrets went, for a command sink too', async () => {
    const o = await org();
    o.write('store.sh', '#!/bin/sh\ncat > /dev/null\n');
    o.write('openrouter.admin.yaml', `${NEW_KEY}secrets: { command: [sh, ./store.sh] }\n`);
    const r = await o.run(['apply', '--auto-approve'], { env: { CI: 'true' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 new secret delivered to the command sh ./store.sh.');
  });

  it('a policy that forces replacements says how many keys get new secrets', async () => {
    const o = await org({ keys: [{ name: 'a', limit: 1 }, { name: 'b', limit: 1 }] });
    o.write(
      'openrouter.admin.yaml',
      'version: 1\npolicy: { keys: { require_expiry: true } }\nkeys:\n  - { name: a, limit: 1, expires_at: 2031-01-01T00:00:00Z }\n  - { name: b, limit: 1, expires_at: 2031-01-01T00:00:00Z }\n',
    );
    const r = await o.run(['plan', '--secrets-out', 'secrets.json', '--allow-replace']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stderr).toContain('warning: policy keys.require_expiry forces replacing 2 keys (new secrets): key.default/a, key.default/b');
  });
});

describe('what widens access is named first', () => {
  it('in the text and the JSON plan', async () => {
    const o = await org({
      guardrails: [{ name: 'cap', limit_usd: 10, reset_interval: 'daily', allowed_models: null, enforce_zdr: true }],
      keys: [{ name: 'bot', limit: 5 }, { name: 'off', limit: 5, disabled: true }, { name: 'ro', limit: 5 }],
    });
    o.write(
      'openrouter.admin.yaml',
      [
        'version: 1',
        'guardrails:',
        '  - { name: cap, limit_usd: 20, reset_interval: daily, enforce_zdr: false }',
        'keys:',
        '  - { name: bot, limit: 2 }',
        '  - { name: off, limit: 5 }',
        '  - { name: ro, limit: 5, disabled: true }',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    const effects = Object.fromEntries(json.operations.map((op: { address: string; effect: string }) => [op.address, op.effect]));
    expect(effects).toEqual({ 'guardrail.default/cap': 'widens', 'key.default/bot': 'narrows', 'key.default/off': 'widens', 'key.default/ro': 'narrows' });
    const text = (await o.run(['plan'])).stdout;
    expect(text.startsWith('2 changes widen access or spend — review these first:\n  ~ guardrail.default/cap\n  ~ key.default/off\n')).toBe(true);
  });
});

describe('member guardrail rules the API enforces', () => {
  it('plan refuses, at file:line, binding someone outside the workspace to its guardrail', async () => {
    const o = await org({
      organization_members: MEMBERS,
      workspaces: [{ slug: 'ml', name: 'ML' }],
      workspace_members: [{ workspace: 'ml', member: 'alice@example.com' }],
      guardrails: [{ name: 'cap', workspace: 'ml' }],
    });
    o.write('openrouter.admin.yaml', 'version: 1\nworkspaces:\n  - { slug: ml, name: ML }\nguardrails:\n  - { name: cap, workspace: ml, members: [alice@example.com, bob@example.com] }\n');
    const r = await o.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('openrouter.admin.yaml:5:62: member "bob@example.com" is not a member of workspace "ml"');
    expect(r.stderr).not.toContain('alice');
  });
});

