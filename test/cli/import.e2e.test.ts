// `oradmin import <address>`: one live object into the file, so that plan is empty for it.
import { describe, expect, it } from 'vitest';
import { org, ADMIN } from '../helpers/org.js';

const SEED = {
  organization_members: [ADMIN, { id: 'user_ann', email: 'ann@example.com', role: 'org:member' as const }],
  workspaces: [{ slug: 'ml', name: 'ML', description: 'research' }],
  workspace_members: [{ workspace: 'ml', member: 'ann@example.com' }],
  budgets: [{ workspace: 'ml', interval: 'monthly' as const, limit_usd: 100 }],
  guardrails: [{ name: 'cap', workspace: 'ml', limit_usd: 5, reset_interval: 'daily' as const, allowed_providers: ['openai'] }],
  member_assignments: [{ member: 'ann@example.com', guardrail: 'cap', workspace: 'ml' }],
  keys: [{ name: 'bot', workspace: 'ml', limit: 7, limit_reset: 'weekly' as const }, { name: 'solo', limit: 1 }],
  key_assignments: [{ key: 'bot', workspace: 'ml', guardrail: 'cap' }],
};

const opsFor = (plan: { operations: { address: string }[] }, prefix: string) => plan.operations.filter((o) => o.address.includes(prefix));

describe('oradmin import', () => {
  it('imports a workspace, a guardrail and a key; plan is then empty for each, and the rest of the file is untouched', async () => {
    const o = await org(SEED);
    const header = '# Our organization — comments stay.\nversion: 1\n\nsecrets: { file: secrets.json }  # keep\n';
    o.write('openrouter.admin.yaml', header);
    for (const address of ['workspace.ml', 'guardrail.ml/cap', 'key.ml/bot', 'key.default/solo']) {
      const r = await o.run(['import', address]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^--- a\/openrouter\.admin\.yaml\n\+\+\+ b\/openrouter\.admin\.yaml\n/);
      expect(r.stderr).toContain(`imported ${address} into openrouter.admin.yaml`);
    }
    const text = o.read('openrouter.admin.yaml');
    expect(text.startsWith(header)).toBe(true);
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    for (const prefix of ['.ml', 'key.default/solo']) expect(opsFor(plan, prefix), prefix).toEqual([]);
    expect(plan.operations).toEqual([]);
    // Imported again: already declared, nothing written.
    const again = await o.run(['import', 'key.ml/bot']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('key "bot" of workspace "ml" is already declared');
    expect(o.read('openrouter.admin.yaml')).toBe(text);
  });

  it('brings a binding or a membership into the object that holds it', async () => {
    const o = await org(SEED);
    o.write(
      'openrouter.admin.yaml',
      'version: 1\nworkspaces:\n  - { slug: ml, name: ML, description: research, members: [] }\nguardrails:\n  - { name: cap, workspace: ml, limit_usd: 5, reset_interval: daily, allowed_providers: [openai], members: [] }\nkeys:\n  - { name: bot, workspace: ml, limit: 7, limit_reset: weekly }\n',
    );
    for (const address of ['workspace_member.ml/ann@example.com', 'guardrail_member.ml/cap/ann@example.com', 'key_guardrail.ml/bot', 'workspace_budget.ml/monthly']) {
      const r = await o.run(['import', address]);
      expect(r.code, `${address}: ${r.stderr}`).toBe(0);
      const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
      expect(opsFor(plan, address.split('.')[1]!.split('/').slice(0, 2).join('/')).filter((op) => op.address === address), address).toEqual([]);
    }
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations.map((op: { address: string }) => op.address)).toEqual([]);
  });

  it('refuses what does not exist, a non-address, and an import that would not validate', async () => {
    const o = await org(SEED);
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const missing = await o.run(['import', 'key.default/nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('key.default/nope does not exist in the organization');
    const bad = await o.run(['import', 'prod-bot']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"prod-bot" is not an address; addresses look like');
    // The key names guardrail cap, which the file does not declare: not written.
    const dangling = await o.run(['import', 'key.ml/bot']);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toContain('Not imported: with key.ml/bot the file would not validate');
    expect(o.read('openrouter.admin.yaml')).toBe('version: 1\n');
  });
});
