// Bootstrap: `export` writes the live organization as a file that validates and plans empty.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SeedDocument } from '../../src/sandbox/index.js';
import { REPO } from '../helpers/cli.js';
import { org } from '../helpers/org.js';

const MEMBERS = [
  { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
  { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
];

const RICH: SeedDocument = {
  organization_members: MEMBERS,
  workspaces: [
    { slug: 'default', description: 'the account workspace', is_data_discount_logging_enabled: true },
    { slug: 'research', name: 'Research', default_text_model: 'openai/gpt-4o', default_provider_sort: 'price', io_logging_sampling_rate: 0.5 },
    { slug: 'empty', name: 'Nothing here' },
  ],
  budgets: [
    { workspace: 'default', interval: 'lifetime', limit_usd: 9000 },
    { workspace: 'default', interval: 'monthly', limit_usd: 900, include_byok_in_budgets: true },
    { workspace: 'research', interval: 'weekly', limit_usd: 70 },
  ],
  workspace_members: [
    { workspace: 'research', member: 'alice@example.com' },
    { workspace: 'research', member: 'bob@example.com' },
  ],
  default_guardrails: {
    default: { allowed_providers: ['openai', 'anthropic'], enforce_zdr_openai: true },
    research: { limit_usd: 30, reset_interval: 'daily', enforce_zdr: true },
  },
  guardrails: [
    {
      name: 'pii',
      content_filters: [{ pattern: '\\d{3}-\\d{2}-\\d{4}', action: 'redact', label: 'SSN' }],
      content_filter_builtins: [
        { slug: 'email', action: 'redact' },
        { slug: 'regex-prompt-injection', action: 'flag', scan_scope: 'user_only' },
      ],
      enable_free_model_training: false,
    },
    { name: 'models', workspace: 'research', allowed_models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4.5'], ignored_providers: ['deepinfra'], include_byok_in_budgets: true },
  ],
  member_assignments: [
    { member: 'alice@example.com', guardrail: 'pii' },
    { member: 'bob@example.com', guardrail: 'models', workspace: 'research' },
  ],
  keys: [
    { name: 'prod', limit: 100, limit_reset: 'monthly', include_byok_in_limit: true, usage: 12 },
    { name: 'off', disabled: true, limit: 0 },
    { name: 'soon', expires_at: '2031-12-01T00:00:00Z', creator: 'alice@example.com' },
    { name: 'nb', workspace: 'research', limit: 5.5, limit_reset: 'weekly' },
    { name: 'r-off', workspace: 'research', disabled: true },
  ],
  key_assignments: [
    { key: 'prod', guardrail: 'pii' },
    { key: 'nb', workspace: 'research', guardrail: 'models' },
  ],
};

async function roundTrip(seed: SeedDocument, args: string[] = []) {
  const o = await org(seed);
  const exported = await o.run(['export', ...args]);
  expect(exported.code, exported.stderr).toBe(0);
  o.write('exported.yaml', exported.stdout);
  const validate = await o.run(['validate', '-f', 'exported.yaml']);
  expect(validate.code, validate.stderr).toBe(0);
  const plan = await o.run(['plan', '-f', 'exported.yaml', '-o', 'json', '--detailed-exitcode']);
  expect(plan.stderr).toBe('');
  expect(plan.code).toBe(0);
  return { o, exported, plan: JSON.parse(plan.stdout) };
}

describe('oradmin export', () => {
  it('round-trips a rich organization: validate accepts it and plan is empty', async () => {
    const { exported, plan } = await roundTrip(RICH);
    expect(plan.operations).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    const doc = parse(exported.stdout);
    expect(exported.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/openrouter.admin.schema.json');
    expect(doc.unmanaged).toEqual({ keys: 'report', guardrails: 'report', workspaces: 'report', members: 'report' });
    expect(doc.workspaces.map((w: { slug: string }) => w.slug)).toEqual(['default', 'empty', 'research']);
    expect(doc.workspaces[2]).toMatchObject({ budgets: { weekly: 70 }, members: ['alice@example.com', 'bob@example.com'], default_guardrail: { limit_usd: 30, reset_interval: 'daily', enforce_zdr: true } });
    expect(doc.keys.find((k: { name: string }) => k.name === 'soon')).toEqual({ name: 'soon', expires_at: '2031-12-01T00:00:00Z', creator_user_id: 'alice@example.com' });
    // API defaults are left out: an omitted field means the default.
    expect(doc.keys.find((k: { name: string }) => k.name === 'r-off')).toEqual({ name: 'r-off', workspace: 'research', disabled: true, creator_user_id: 'admin@example.com' });
    expect(exported.stdout).not.toContain('sk-or-');
  });

  it('round-trips the demo organization and an empty one', async () => {
    const demo = parse(readFileSync(path.join(REPO, 'examples/seeds/demo.yaml'), 'utf8')) as SeedDocument;
    expect((await roundTrip(demo)).plan.operations).toEqual([]);
    const empty = await roundTrip({});
    expect(empty.plan).toMatchObject({ operations: [], unmanaged: [] });
  });

  it('--workspace exports part of the organization and leaves the rest alone', async () => {
    const { exported, plan } = await roundTrip(RICH, ['--workspace', 'research']);
    const doc = parse(exported.stdout);
    expect(doc.workspaces.map((w: { slug: string }) => w.slug)).toEqual(['research']);
    expect(doc.ignore).toEqual({ workspaces: ['default', 'empty'] });
    expect(plan).toMatchObject({ operations: [], unmanaged: [] });
  });

  it('reports objects it cannot express and leaves them out', async () => {
    const o = await org({ keys: [{ name: 'twin' }, { name: 'twin' }, { name: 'single' }] });
    const r = await o.run(['export']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: key\.default\/twin: 2 live keys share this name \(ids [0-9a-f]{64}, [0-9a-f]{64}\); left out — rename all but one in OpenRouter, then export again/);
    expect(parse(r.stdout).keys).toEqual([{ name: 'single', creator_user_id: 'admin@example.com' }]);
  });

  it('--out writes a new file and refuses to overwrite one', async () => {
    const o = await org({ keys: [{ name: 'a' }] });
    const first = await o.run(['export', '--out', 'org.yaml']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('Wrote org.yaml: 1 workspaces, 0 guardrails, 1 keys');
    expect(o.read('org.yaml')).toContain('- name: a');
    const again = await o.run(['export', '--out', 'org.yaml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('org.yaml already exists');
  });
});
