// `status` on an organization with a key in every flagged condition: golden text, JSON and markdown
// of the report computed (with a fixed clock) from a live state read from the sandbox through the
// real client, compared with a desired-state file; and the CLI end to end.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client.js';
import { readLiveState } from '../../src/api/live-state.js';
import { GetCreditsResponse } from '../../src/api/schemas.js';
import { validateSources } from '../../src/config/load.js';
import { parseSource } from '../../src/config/source.js';
import { buildPlan } from '../../src/resources/registry.js';
import type { Diagnostic } from '../../src/errors.js';
import { startSandbox, type SeedDocument } from '../../src/sandbox/index.js';
import { buildStatus } from '../../src/status/report.js';
import { renderStatusJson, renderStatusMarkdown, renderStatusText } from '../../src/status/render.js';
import { expectGolden } from '../helpers/golden.js';
import { org } from '../helpers/org.js';

const NOW = new Date('2026-11-22T12:00:00Z');

const SEED: SeedDocument = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' },
    { id: 'user_alice', email: 'alice@example.com', role: 'org:member' },
  ],
  credits: { total_credits: 500, total_usage: 123.456 },
  workspaces: [
    { slug: 'research', name: 'Research' },
    { slug: 'quiet', name: 'Quiet' },
  ],
  guardrails: [
    { name: 'cap', limit_usd: 10, reset_interval: 'daily' },
    { name: 'unused', workspace: 'research' },
  ],
  member_assignments: [{ member: 'alice@example.com', guardrail: 'cap' }],
  keys: [
    { name: 'at-limit', limit: 10, limit_reset: 'daily', usage: 40, usage_daily: 10 },
    // 70 of its own plus 15 BYOK, which counts toward the limit: 85%.
    { name: 'near-limit', limit: 100, limit_reset: 'monthly', usage: 300, usage_monthly: 70, byok_usage: 20, byok_usage_monthly: 15, include_byok_in_limit: true },
    // BYOK spend that does not count: 70%, not flagged.
    { name: 'byok-apart', limit: 100, limit_reset: 'weekly', usage: 70, usage_weekly: 70, byok_usage_weekly: 50 },
    { name: 'expired', limit: 5, expires_at: '2026-11-01T00:00:00Z', usage: 1 },
    { name: 'expiring', expires_at: '2026-12-01T00:00:00Z', usage: 2 },
    { name: 'disabled', disabled: true, usage: 3 },
    { name: 'never-used', limit: 50 },
    { name: 'zero-limit', limit: 0, usage: 0.004 },
    { name: 'oradmin-pending:0123abcd:new-bot' },
    { name: 'healthy', workspace: 'research', limit: 50, limit_reset: 'weekly', usage: 90, usage_weekly: 5, expires_at: '2027-06-30T00:00:00Z', creator: 'alice@example.com' },
  ],
  key_assignments: [
    { key: 'at-limit', guardrail: 'cap' },
    { key: 'expired', guardrail: 'cap' },
  ],
};

/** Declares part of the organization, so that the rest is unmanaged. */
const DESIRED = `version: 1
keys:
  - { name: at-limit, limit: 10, limit_reset: daily, guardrail: cap }
guardrails:
  - { name: cap, limit_usd: 10, reset_interval: daily, members: [alice@example.com] }
`;

describe('oradmin status', () => {
  it('golden text, JSON and markdown, with a key in every flagged condition', async () => {
    const sb = await startSandbox({ seed: SEED, now: () => NOW, deterministicIds: true });
    const client = new ApiClient({ baseUrl: new URL(sb.url), managementKey: sb.managementKey });
    try {
      const [live, credits] = await Promise.all([
        readLiveState(client),
        client.request({ operation: 'getCredits', method: 'GET', path: '/credits', responseSchema: GetCreditsResponse }),
      ]);
      const diagnostics: Diagnostic[] = [];
      const loaded = validateSources([parseSource('openrouter.admin.yaml', DESIRED, diagnostics)], diagnostics, NOW).loaded!;
      const { plan } = buildPlan({ config: loaded.config, locate: loaded.locate, live, now: NOW });
      const report = buildStatus({ live, credits: credits.data, now: NOW, file: { path: 'openrouter.admin.yaml', unmanaged: plan.unmanaged } });

      const dir = path.join(import.meta.dirname, 'golden');
      expectGolden(path.join(dir, 'status.txt'), renderStatusText(report, { color: false }));
      expectGolden(path.join(dir, 'status.md'), renderStatusMarkdown(report));
      expectGolden(path.join(dir, 'status.json'), renderStatusJson(report));

      expect(report.counts).toEqual({ 'limit-reached': 2, 'near-limit': 1, expired: 1, expiring: 1, disabled: 1, 'never-used': 1 });
      const flags = Object.fromEntries(report.workspaces.flatMap((w) => w.keys).map((k) => [k.name, k.flags]));
      expect(flags).toEqual({
        'at-limit': ['limit-reached'],
        'byok-apart': [],
        disabled: ['disabled'],
        expired: ['expired'],
        expiring: ['expiring'],
        healthy: [],
        'near-limit': ['near-limit'],
        'never-used': ['never-used'],
        'zero-limit': ['limit-reached'],
      });
      // An interrupted creation is not a user key, and its name never shows as one.
      expect(report.interrupted).toEqual([{ workspace: 'default', name: 'new-bot', hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      expect(renderStatusText(report, { color: false })).not.toContain('oradmin-pending');

      // Colour only when asked, and only around flags and headings: the columns stay aligned.
      const plain = renderStatusText(report, { color: false });
      const coloured = renderStatusText(report, { color: true });
      expect(plain).not.toMatch(/\u001b\[/);
      expect(coloured).toContain('\u001b[31mAT LIMIT\u001b[39m');
      expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
    } finally {
      await client.close();
      await sb.close();
    }
  });

  it('subtracts credits without floating-point noise', () => {
    const report = buildStatus({
      live: { workspaces: [], keys: [], guardrails: [], budgets: [], budgetSettings: {}, workspaceMembers: [], keyAssignments: [], memberAssignments: [], orgMembers: [] },
      credits: { total_credits: 1, total_usage: 0.1 + 0.2 },
      now: NOW,
      file: { path: 'openrouter.admin.yaml' },
    });
    expect(report.credits).toEqual({ total: 1, used: 0.1 + 0.2, remaining: 0.7 });
  });

  it('runs end to end: only the report on stdout, nothing on stderr, exit 0', async () => {
    const o = await org(SEED);
    o.write('openrouter.admin.yaml', DESIRED);
    const text = await o.run(['status']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Organization status at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n\nCredits: \$500\.00 total, \$123\.46 used, \$376\.54 remaining\n/);
    expect(text.stdout).toContain('Unmanaged objects: 11 live objects not declared in openrouter.admin.yaml');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Keys: \d+ at limit, /);

    const json = await o.run(['status', '-o', 'json']);
    expect([json.code, json.stderr]).toEqual([0, '']);
    const doc = JSON.parse(json.stdout);
    expect(doc.format_version).toBe(1);
    expect(doc.credits).toEqual({ total: 500, used: 123.456, remaining: 376.544 });
    expect(doc.unmanaged).toMatchObject({ file: 'openrouter.admin.yaml', compared: true });
    expect(doc.unmanaged.objects.map((u: { address: string }) => u.address)).toContain('key.research/healthy');

    const md = await o.run(['status', '-o', 'markdown']);
    expect([md.code, md.stderr]).toEqual([0, '']);
    expect(md.stdout).toMatch(/^### Organization status at /);
  });

  it('without a desired-state file says it did not compare; a missing -f file or an invalid file is an error', async () => {
    const o = await org(SEED);
    const none = await o.run(['status']);
    expect([none.code, none.stderr]).toEqual([0, '']);
    expect(none.stdout).toContain('Unmanaged objects: not compared, openrouter.admin.yaml was not found (give the desired-state file with -f).');

    const missing = await o.run(['status', '-f', 'missing.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('error: -f missing.yaml: no such file or directory (leave -f out to skip the comparison with a desired-state file)\n');

    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: x, limt: 5 }\n');
    const invalid = await o.run(['status']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('openrouter.admin.yaml:3:16: unknown field "limt" in keys[0]; did you mean "limit"?');
  });
});
