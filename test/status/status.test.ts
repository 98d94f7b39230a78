// `status` on an organization with a key in every flagged condition: golden text, JSON and markdown
// (the report is computed from a live state read from the sandbox, with a fixed clock), and the CLI.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client.js';
import { readLiveState } from '../../src/api/live-state.js';
import { GetCreditsResponse } from '../../src/api/schemas.js';
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
  workspaces: [{ slug: 'research', name: 'Research' }],
  guardrails: [{ name: 'cap', limit_usd: 10, reset_interval: 'daily' }],
  member_assignments: [{ member: 'alice@example.com', guardrail: 'cap' }],
  keys: [
    { name: 'at-limit', limit: 10, limit_reset: 'daily', usage: 40, usage_daily: 10 },
    { name: 'near-limit', limit: 100, limit_reset: 'monthly', usage: 300, usage_monthly: 70, byok_usage_monthly: 15, include_byok_in_limit: true },
    { name: 'expired', limit: 5, expires_at: '2026-11-01T00:00:00Z', usage: 1 },
    { name: 'expiring', expires_at: '2026-12-01T00:00:00Z', usage: 2 },
    { name: 'disabled', disabled: true, usage: 3 },
    { name: 'never-used', limit: 50 },
    { name: 'healthy', workspace: 'research', limit: 50, limit_reset: 'weekly', usage: 90, usage_weekly: 5 },
  ],
  key_assignments: [{ key: 'at-limit', guardrail: 'cap' }],
};

describe('oradmin status', () => {
  it('golden text, JSON and markdown with every flag', async () => {
    const sb = await startSandbox({ seed: SEED, now: () => NOW });
    const client = new ApiClient({ baseUrl: new URL(sb.url), managementKey: sb.managementKey });
    try {
      const live = await readLiveState(client);
      const credits = await client.request({ operation: 'getCredits', method: 'GET', path: '/credits', responseSchema: GetCreditsResponse });
      const report = buildStatus({ live, credits: credits.data, now: NOW, unmanaged: [{ address: 'key.default/never-used', kind: 'key' }] });
      // Hashes are random per run: golden files name keys, not hashes.
      const stable = JSON.parse(JSON.stringify(report).replace(/"hash":"[0-9a-f]{64}"/g, '"hash":"<hash>"'));
      const dir = path.join(import.meta.dirname, 'golden');
      expectGolden(path.join(dir, 'status.txt'), renderStatusText(report, { color: false }));
      expectGolden(path.join(dir, 'status.md'), renderStatusMarkdown(report));
      expectGolden(path.join(dir, 'status.json'), renderStatusJson(stable));
      expect(report.counts).toEqual({ 'limit-reached': 1, 'near-limit': 1, expired: 1, expiring: 1, disabled: 1, 'never-used': 1 });
    } finally {
      await client.close();
      await sb.close();
    }
  });

  it('runs from the CLI: the report on stdout, nothing on stderr, unmanaged objects from the file', async () => {
    const o = await org(SEED);
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: at-limit, limit: 10, limit_reset: daily }\n');
    const r = await o.run(['status', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.credits).toEqual({ total: 500, used: 123.456, remaining: 376.54 });
    expect(doc.unmanaged.map((u: { address: string }) => u.address)).toContain('key.research/healthy');
    const noFile = await o.run(['status', '-f', 'missing.yaml']);
    expect(noFile.code).toBe(0);
    expect(noFile.stdout).toContain('Unmanaged objects: no desired-state file was read (use -f).');
  });
});
