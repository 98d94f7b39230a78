// Which changes widen access or spend (issue 14): the classification of every kind's operations.
import { describe, expect, it } from 'vitest';
import { allowListWidens, denyListWidens, expiryWidens, limitWidens, permissionWidens, protectionWidens, resetWidens } from '../../src/core/effect.js';
import { planFor } from '../helpers/plan.js';

describe('widening rules', () => {
  it('limits: raised or removed widens', () => {
    expect(limitWidens(5, 10)).toBe(true);
    expect(limitWidens(5, null)).toBe(true);
    expect(limitWidens(null, 5)).toBe(false);
    expect(limitWidens(10, 5)).toBe(false);
  });
  it('resets: more often widens', () => {
    expect(resetWidens('monthly', 'daily')).toBe(true);
    expect(resetWidens(null, 'weekly')).toBe(true);
    expect(resetWidens('daily', null)).toBe(false);
  });
  it('allow-lists widen when they gain an entry or become "all"; deny-lists when they lose one', () => {
    expect(allowListWidens(['a'], ['a', 'b'])).toBe(true);
    expect(allowListWidens(['a'], null)).toBe(true);
    expect(allowListWidens(null, ['a'])).toBe(false);
    expect(allowListWidens(['a', 'b'], ['a'])).toBe(false);
    expect(denyListWidens(['x'], [])).toBe(true);
    expect(denyListWidens([], ['x'])).toBe(false);
  });
  it('protections off, permissions on, expiry later or removed widen', () => {
    expect(protectionWidens(true, false)).toBe(true);
    expect(protectionWidens(false, true)).toBe(false);
    expect(permissionWidens(null, true)).toBe(true);
    expect(expiryWidens('2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z')).toBe(true);
    expect(expiryWidens('2030-01-01T00:00:00Z', null)).toBe(true);
    expect(expiryWidens(null, '2030-01-01T00:00:00Z')).toBe(false);
  });
});

describe('operations carry their effect', () => {
  it('members, budgets, bindings, keys and guardrails', () => {
    const { plan } = planFor(
      `version: 1
workspaces:
  - slug: ml
    name: ML
    budgets: { monthly: 200 }
    members: [alice@example.com]
guardrails:
  - { name: cap, workspace: ml, allowed_providers: [openai, anthropic] }
  - { name: tight, workspace: ml, limit_usd: 1, reset_interval: daily }
keys:
  - { name: k, workspace: ml, guardrail: tight }
`,
      {
        members: ['alice@example.com', 'bob@example.com'],
        workspaces: [{ slug: 'ml' }],
        workspaceMembers: [{ workspace: 'ml', email: 'bob@example.com' }],
        budgets: [{ workspace: 'ml', interval: 'monthly', limit_usd: 100 }],
        guardrails: [{ name: 'cap', workspace: 'ml', allowed_providers: ['openai'] }],
        keys: [{ name: 'k', workspace: 'ml' }],
      },
    );
    const effects = Object.fromEntries(plan.operations.map((o) => [`${o.action} ${o.address}`, o.effect]));
    expect(effects).toEqual({
      'update workspace.ml': 'neutral',
      'create workspace_member.ml/alice@example.com': 'widens',
      'delete workspace_member.ml/bob@example.com': 'narrows',
      'update workspace_budget.ml/monthly': 'widens',
      'update guardrail.ml/cap': 'widens',
      'create guardrail.ml/tight': 'neutral',
      'assign key_guardrail.ml/k': 'narrows',
    });
  });
});
