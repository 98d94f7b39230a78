// An organization for the MCP tests: the commented example examples/multi-team.yaml as the
// desired-state file, and a sandbox that has drifted from it (a raised limit, a missing workspace,
// a key made in the dashboard), so that plans, explanations and lists have something to say.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';

export const MEMBERS = ['dana', 'erik', 'alice', 'bob', 'frank'].map((n) => ({ id: `user_${n}`, email: `${n}@example.com`, role: 'org:member' as const }));

export interface TeamOrg extends Org {
  /** Absolute path of the desired-state file (MCP clients start servers elsewhere). */
  file: string;
  bytes(): Buffer;
}

export async function teamOrg(): Promise<TeamOrg> {
  const o = await org({
    organization_members: [{ id: 'user_admin', email: 'admin@example.com', role: 'org:admin' }, ...MEMBERS],
    credits: { total_credits: 1000, total_usage: 250 },
    workspaces: [{ slug: 'default' }, { slug: 'platform', name: 'Platform' }, { slug: 'research', name: 'Research' }],
    guardrails: [
      { name: 'prod-cap', limit_usd: 200, reset_interval: 'daily', allowed_providers: ['openai', 'anthropic'], enforce_zdr: true },
      { name: 'frontier-only', workspace: 'research' },
    ],
    keys: [
      { name: 'checkout-service', limit: 100, limit_reset: 'monthly', usage: 500, usage_monthly: 90 },
      { name: 'search-service', limit: 80, limit_reset: 'monthly', expires_at: '2030-03-31T00:00:00Z' },
      { name: 'scratch', limit: 5, usage: 4.5 },
      { name: 'alice-notebook', workspace: 'research', limit: 300, limit_reset: 'monthly', usage_monthly: 12 },
    ],
    key_assignments: [{ key: 'checkout-service', guardrail: 'prod-cap' }],
    member_assignments: [{ member: 'dana@example.com', guardrail: 'prod-cap' }],
    workspace_members: [
      { workspace: 'research', member: 'alice@example.com' },
      { workspace: 'research', member: 'bob@example.com' },
    ],
    activity: [
      { days_ago: 1, key: 'checkout-service', model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 12.5, requests: 40 },
      { days_ago: 3, key: 'checkout-service', model: 'anthropic/claude-sonnet-4.5', provider_name: 'Anthropic', usage: 0.75, requests: 9 },
      { days_ago: 2, key: 'alice-notebook', workspace: 'research', model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 3.25, requests: 10 },
    ],
  });
  const file = path.join(o.dir, 'openrouter.admin.yaml');
  copyFileSync(path.join(REPO, 'examples/multi-team.yaml'), file);
  return { ...o, file, bytes: () => readFileSync(file) };
}

/** The 1-based line of the first line of `text` that equals `line` after `after` (a line too). */
export function lineOf(text: string, line: string, after?: string): number {
  const lines = text.split('\n');
  const from = after === undefined ? 0 : lines.indexOf(after);
  const i = lines.indexOf(line, from);
  if (from < 0 || i < 0) throw new Error(`no line ${JSON.stringify(line)}`);
  return i + 1;
}
