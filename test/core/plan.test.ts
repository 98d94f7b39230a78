import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { planFor } from '../helpers/plan.js';

describe('planner', () => {
  it('creates what is missing, in dependency order', () => {
    const { plan, errors } = planFor(
      `version: 1
workspaces:
  - slug: research
    name: Research
    budgets: { monthly: 100, daily: 10 }
    members: [alice@example.com]
guardrails:
  - name: cap
    workspace: research
    limit_usd: 10
    reset_interval: daily
    members: [alice@example.com]
keys:
  - name: bot
    workspace: research
    limit: 5
    guardrail: cap
`,
      { members: ['alice@example.com'] },
    );
    expect(errors).toEqual([]);
    expect(plan.operations.map((o) => `${o.action} ${o.address}`)).toEqual([
      'create workspace.research',
      'create workspace_budget.research/monthly',
      'create workspace_budget.research/daily',
      'create workspace_member.research/alice@example.com',
      'create guardrail.research/cap',
      'assign guardrail_member.research/cap/alice@example.com',
      'create key.research/bot',
    ]);
    expect(renderText(plan, { color: false })).toContain('Plan: 6 to create, 0 to update, 0 to replace, 0 to delete, 1 to assign, 0 to unassign; 0 unmanaged.');
  });

  it('is empty when live matches', () => {
    const { plan } = planFor(
      `version: 1
guardrails:
  - name: cap
    limit_usd: 10
    reset_interval: daily
    allowed_providers: [openai, anthropic]
    enforce_zdr: true
keys:
  - name: bot
    limit: 5
    guardrail: cap
`,
      {
        guardrails: [
          {
            name: 'cap',
            limit_usd: 10,
            reset_interval: 'daily',
            allowed_providers: ['anthropic', 'openai'],
            enforce_zdr_anthropic: true,
            enforce_zdr_openai: true,
            enforce_zdr_google: true,
            enforce_zdr_xai: true,
            enforce_zdr_other: true,
          },
        ],
        keys: [{ name: 'bot', limit: 5, guardrail: 'cap' }],
      },
    );
    expect(plan.operations).toEqual([]);
  });
});
