// Bootstrap through the real CLI against the sandbox: `export` writes a file that `validate` accepts
// and on which `plan` is empty, for several organizations; what the file cannot express is named on
// stderr and left out, and plan then only reports it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SeedDocument } from '../../src/sandbox/index.js';
import { REPO } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';

const MEMBERS = [
  { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
  { id: 'user_alice', email: 'alice@example.com', role: 'org:member' as const },
  { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
];

/** Several workspaces, budgets with BYOK, members, default guardrails, content filters, disabled and expiring keys. */
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
      content_filters: [
        { pattern: '\\d{3}-\\d{2}-\\d{4}', action: 'redact', label: 'SSN' },
        { pattern: 'password', action: 'block' },
      ],
      content_filter_builtins: [
        { slug: 'email', action: 'redact' },
        { slug: 'regex-prompt-injection', action: 'flag', scan_scope: 'user_only' },
      ],
      enable_free_model_training: false,
    },
    { name: 'models', workspace: 'research', allowed_models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4.5'], ignored_providers: ['deepinfra'], include_byok_in_budgets: true },
    { name: 'zdr-mix', description: 'ZDR for two providers', enforce_zdr_anthropic: true, enforce_zdr_google: false, limit_usd: 12.5, reset_interval: 'weekly' },
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
    { name: '2024', workspace: 'research', expires_at: '2031-01-01T08:30:00Z', creator: 'bob@example.com' },
  ],
  key_assignments: [
    { key: 'prod', guardrail: 'pii' },
    { key: 'nb', workspace: 'research', guardrail: 'models' },
    { key: 'off', guardrail: 'zdr-mix' },
  ],
};

const DEMO = parse(readFileSync(path.join(REPO, 'examples/seeds/demo.yaml'), 'utf8')) as SeedDocument;

/** export → validate → plan, through the CLI; returns the exported document and the JSON plan. */
async function roundTrip(o: Org, args: string[] = []) {
  const exported = await o.run(['export', ...args]);
  expect(exported.code, exported.stderr).toBe(0);
  o.write('exported.yaml', exported.stdout);
  const validate = await o.run(['validate', '-f', 'exported.yaml']);
  expect(validate.code, validate.stderr).toBe(0);
  const plan = await o.run(['plan', '-f', 'exported.yaml', '-o', 'json', '--detailed-exitcode']);
  expect(plan.code, plan.stderr).toBe(0);
  expect(plan.stderr).toBe('');
  return { exported, doc: parse(exported.stdout), plan: JSON.parse(plan.stdout) };
}

const named = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name === name);

describe('oradmin export', () => {
  it.each([
    ['a rich organization', RICH],
    ['the demo organization', DEMO],
    ['an empty organization', {}],
  ])('round-trips %s: validate accepts the file and plan is empty', async (_what, seed) => {
    const { exported, plan } = await roundTrip(await org(seed));
    expect(exported.stderr).toBe('');
    expect(plan).toMatchObject({ operations: [], unmanaged: [] });
    expect(exported.stdout).not.toContain('sk-or-');
  });

  it('writes the header, every workspace setting, and only the non-default values of the rest', async () => {
    const { exported, doc } = await roundTrip(await org(RICH));
    const lines = exported.stdout.split('\n');
    // A schema reference that resolves in the user's repository: the published one of this version
    // (a local copy beside the file is preferred when there is one, see below).
    expect(lines[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/oradmin@\d+\.\d+\.\d+\/schemas\/openrouter\.admin\.schema\.json$/);
    expect(exported.stdout).toMatch(/^# Exported from the live organization by `oradmin export` on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/m);
    expect(exported.stdout).toContain('#   secrets:\n#     file: .oradmin/secrets.json');
    expect(doc.unmanaged).toEqual({ keys: 'report', guardrails: 'report', workspaces: 'report', members: 'report' });
    expect(doc.secrets).toBeUndefined();

    expect(doc.workspaces.map((w: { slug: string }) => w.slug)).toEqual(['default', 'empty', 'research']);
    expect(doc.workspaces[0]).toEqual({
      slug: 'default',
      name: 'Default Workspace',
      description: 'the account workspace',
      default_text_model: null,
      default_image_model: null,
      default_provider_sort: null,
      is_observability_io_logging_enabled: false,
      is_observability_broadcast_enabled: false,
      is_data_discount_logging_enabled: true,
      io_logging_sampling_rate: 1,
      io_logging_api_key_ids: null,
      include_byok_in_budgets: true,
      budgets: { lifetime: 9000, monthly: 900 },
      default_guardrail: { allowed_providers: ['anthropic', 'openai'], enforce_zdr_openai: true },
    });
    expect(doc.workspaces[1]).toMatchObject({ slug: 'empty', budgets: {}, members: [] });
    expect(doc.workspaces[1].default_guardrail).toBeUndefined();
    expect(doc.workspaces[2]).toMatchObject({
      budgets: { weekly: 70 },
      members: ['alice@example.com', 'bob@example.com'],
      default_guardrail: { limit_usd: 30, reset_interval: 'daily', enforce_zdr: true },
    });

    expect(doc.guardrails.map((g: { name: string }) => g.name)).toEqual(['pii', 'zdr-mix', 'models']);
    expect(named(doc.guardrails, 'pii')).toEqual({
      name: 'pii',
      enable_free_model_training: false,
      content_filters: [
        { pattern: '\\d{3}-\\d{2}-\\d{4}', action: 'redact', label: 'SSN' },
        { pattern: 'password', action: 'block' },
      ],
      content_filter_builtins: [
        { slug: 'email', action: 'redact' },
        { slug: 'regex-prompt-injection', action: 'flag', scan_scope: 'user_only' },
      ],
      members: ['alice@example.com'],
    });
    expect(named(doc.guardrails, 'zdr-mix')).toEqual({
      name: 'zdr-mix',
      description: 'ZDR for two providers',
      limit_usd: 12.5,
      reset_interval: 'weekly',
      enforce_zdr_anthropic: true,
      enforce_zdr_google: false,
      members: [],
    });

    // Default workspace first, then by workspace and name; API defaults left out.
    expect(doc.keys.map((k: { name: string; workspace?: string }) => `${k.workspace ?? 'default'}/${k.name}`)).toEqual([
      'default/off',
      'default/prod',
      'default/soon',
      'research/2024',
      'research/nb',
      'research/r-off',
    ]);
    expect(named(doc.keys, 'off')).toEqual({ name: 'off', limit: 0, disabled: true, guardrail: 'zdr-mix', creator_user_id: 'admin@example.com' });
    expect(named(doc.keys, 'soon')).toEqual({ name: 'soon', expires_at: '2031-12-01T00:00:00Z', creator_user_id: 'alice@example.com' });
    expect(named(doc.keys, '2024')).toEqual({ name: '2024', workspace: 'research', expires_at: '2031-01-01T08:30:00Z', creator_user_id: 'bob@example.com' });
    expect(exported.stdout).toContain('- name: "2024"');
    expect(exported.stdout).toContain('    members: [alice@example.com, bob@example.com]');
    expect(exported.stdout).toContain('    budgets: {lifetime: 9000, monthly: 900}');
  });

  it('--workspace exports part of the organization and puts the rest under ignore:', async () => {
    const { exported, doc, plan } = await roundTrip(await org(RICH), ['--workspace', 'research']);
    expect(doc.workspaces.map((w: { slug: string }) => w.slug)).toEqual(['research']);
    expect(doc.ignore).toEqual({ workspaces: ['default', 'empty'] });
    expect(doc.guardrails.map((g: { name: string }) => g.name)).toEqual(['models']);
    expect(doc.keys.every((k: { workspace?: string }) => k.workspace === 'research')).toBe(true);
    expect(exported.stdout).toContain('# Workspaces default, empty are under ignore:, so that plan neither reports nor changes them.');
    expect(plan).toMatchObject({ operations: [], unmanaged: [] });
    const one = await roundTrip(await org(RICH), ['--workspace', 'research', 'empty']);
    expect(one.exported.stdout).toContain('# Workspace default is under ignore:, so that plan neither reports nor changes it.');
  });

  it('refuses an unknown --workspace, naming the workspaces there are', async () => {
    const r = await (await org(RICH)).run(['export', '--workspace', 'research', 'resarch']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: --workspace resarch: no such workspace (the organization has: default, research, empty)\n');
  });

  it('names on stderr what it cannot express, leaves it out, and plan only reports it', async () => {
    const o = await org({
      organization_members: MEMBERS,
      workspaces: [{ slug: 'research', name: 'Research' }],
      guardrails: [
        { name: 'cap', limit_usd: 5, reset_interval: 'daily' },
        { name: 'cap', limit_usd: 9, reset_interval: 'daily' },
        { name: 'r-cap', workspace: 'research' },
      ],
      keys: [{ name: 'twin' }, { name: 'twin' }, { name: 'single' }, { name: 'capped' }, { name: 'crossed' }],
    });
    const state = o.sb.state;
    const [cap] = state.guardrailsIn('default');
    state.assignKey(state.findKeyByName('capped')!.hash, cap!.id);
    // A binding across workspaces, as older data may hold (the API refuses to make one today).
    const crossed = state.findKeyByName('crossed')!.hash;
    state.db.keyAssignments.set(crossed, { id: 'ka-legacy', key_hash: crossed, guardrail_id: state.findGuardrailByName('r-cap', 'research')!.id, assigned_by: null, created_at: '2026-01-01T00:00:00.000Z' });

    const r = await o.run(['export']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/^warning: guardrail\.default\/cap: left out of the file: 2 live guardrails share this name \(ids [0-9a-f-]{36}, [0-9a-f-]{36}\); rename all but one in OpenRouter, then export again$/);
    expect(warnings[1]).toBe('warning: key.default/capped: left out of the file: bound to guardrail "cap", which is left out too (see guardrail.default/cap); fix that one first');
    expect(warnings[2]).toBe(
      'warning: key.default/crossed: left out of the file: bound to guardrail "r-cap", a guardrail of workspace "research", and a key and its guardrail must share a workspace; bind it to a guardrail of workspace "default" in OpenRouter, then export again',
    );
    expect(warnings[3]).toMatch(/^warning: key\.default\/twin: left out of the file: 2 live keys share this name \(hashes [0-9a-f]{64}, [0-9a-f]{64}\); rename all but one in OpenRouter, then export again$/);
    expect(warnings[4]).toBe('4 live objects were left out; with unmanaged: report, plan lists them as unmanaged and apply leaves them alone.');

    const doc = parse(r.stdout);
    expect(doc.keys).toEqual([{ name: 'single', creator_user_id: 'admin@example.com' }]);
    expect(doc.guardrails.map((g: { name: string }) => g.name)).toEqual(['r-cap']);
    expect(r.stdout).toContain('# Left out, as the file cannot express them (see the warnings of the export; plan lists them as unmanaged):\n#   guardrail.default/cap\n');

    o.write('exported.yaml', r.stdout);
    // What was left out is reported, and reported objects are drift (exit 2) until resolved.
    const plan = await o.run(['plan', '-f', 'exported.yaml', '-o', 'json', '--detailed-exitcode']);
    expect(plan.code, plan.stderr).toBe(2);
    const p = JSON.parse(plan.stdout);
    expect(p.operations).toEqual([]);
    expect([...new Set(p.unmanaged.map((u: { address: string }) => u.address))]).toEqual(['guardrail.default/cap', 'key.default/capped', 'key.default/crossed', 'key.default/twin']);
  });

  it('names the local schema copy when there is one beside the file', async () => {
    const o = await org({ keys: [{ name: 'a' }] });
    o.write('openrouter.admin.schema.json', '{}');
    const r = await o.run(['export']);
    expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./openrouter.admin.schema.json');
  });

  it('--out writes a new file, and never overwrites one', async () => {
    const o = await org({ keys: [{ name: 'a' }] });
    const first = await o.run(['export', '--out', 'org.yaml']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('Wrote org.yaml: 1 workspace, 0 guardrails, 1 key. Next: oradmin plan -f org.yaml\n');
    const written = o.read('org.yaml');
    expect(written).toContain('  - name: a\n');
    o.write('org.yaml', `${written}# edited by hand\n`);
    const again = await o.run(['export', '--out', 'org.yaml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: org.yaml already exists; export never overwrites a file (move it away, or choose another --out path)\n');
    expect(o.read('org.yaml')).toContain('# edited by hand');
  });
});
