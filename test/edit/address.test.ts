import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/edit/address.js';

describe('parseAddress', () => {
  it.each([
    ['workspace.research', { kind: 'workspace', workspace: 'research' }],
    ['workspace_default_guardrail.default', { kind: 'workspace_default_guardrail', workspace: 'default' }],
    ['workspace_budget.research/monthly', { kind: 'workspace_budget', workspace: 'research', interval: 'monthly' }],
    ['workspace_member.research/a@x.org', { kind: 'workspace_member', workspace: 'research', member: 'a@x.org' }],
    ['key.default/team/bot', { kind: 'key', workspace: 'default', name: 'team/bot' }],
    ['key_guardrail.default/bot', { kind: 'key_guardrail', workspace: 'default', name: 'bot' }],
    ['guardrail_member.default/a/b/c@x.org', { kind: 'guardrail_member', workspace: 'default', name: 'a/b', member: 'c@x.org' }],
  ])('reads %s', (address, parts) => {
    expect(parseAddress(address)).toEqual(parts);
  });

  it.each(['key', 'key.default', 'keys.default/bot', 'workspace.a/b', 'guardrail_member.default/g', ''])('explains what %j should look like', (address) => {
    expect(parseAddress(address)).toEqual({ error: expect.stringContaining('addresses look like workspace.<slug>') });
  });
});
