// What export leaves out, or leaves unmanaged, and what it tells the user to do — one organization
// holding every anomaly the file cannot express (some cannot be made through the API today, so the
// live state is built by hand rather than seeded in the sandbox).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportOrganization } from '../../src/export/export.js';
import { liveState } from '../helpers/live-builder.js';
import { injectAnomalies, MEMBERS, MODELS } from './live-org.arbitrary.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function anomalousOrganization() {
  const live = liveState({
    members: MEMBERS,
    workspaces: [{ slug: 'research' }],
    // Bound to r-cap, so a member of research: the API binds only a workspace's members.
    workspaceMembers: [{ workspace: 'research', email: 'ann@x.io' }],
    guardrails: [{ name: 'cap', limit_usd: 5, reset_interval: 'daily' }, { name: 'r-cap', workspace: 'research', members: ['ann@x.io'] }],
    keys: [{ name: 'bot', guardrail: 'cap' }, { name: 'r-bot', workspace: 'research', creator_user_id: 'user_ann' }],
  });
  live.models = MODELS;
  injectAnomalies(live, {
    duplicateKey: true,
    duplicateGuardrail: true,
    legacyGuardrail: true,
    crossWorkspaceBinding: true,
    defaultGuardrailBinding: true,
    formerMember: true,
    unknownCreator: true,
    interruptedCreation: true,
    unknownProviderSort: true,
    unknownBuiltinFilter: true,
    retiredModel: true,
  });
  return live;
}

describe('export of what the file cannot express', () => {
  const result = exportOrganization(anomalousOrganization(), { now: NOW });
  const reason = (address: string) => result.leftOut.find((o) => o.address === address)?.message;

  it('leaves each such object out, with why and what to do', () => {
    expect(result.leftOut.map((o) => o.address)).toEqual([
      'guardrail.default/cap',
      'guardrail.default/dna',
      'guardrail.default/legacy',
      'guardrail.default/old-models',
      'key.default/bot',
      'key.default/cross-bound',
      'key.default/default-bound',
      'key.default/legacy-bound',
      'workspace_member.research/user_gone',
    ]);
    expect(reason('guardrail.default/cap')).toMatch(/^2 live guardrails share this name \(ids .+, .+\); rename all but one in OpenRouter, then export again$/);
    expect(reason('guardrail.default/legacy')).toBe(
      'a legacy guardrail without a workspace (workspace_id null), which the file can only place in a workspace; ' +
        'create an equivalent guardrail in a workspace, move its keys and members to it, then export again',
    );
    expect(reason('guardrail.default/dna')).toBe(
      'content_filter_builtins[0].slug "dna-sequence": Invalid option: expected one of "email"|"phone"|"ssn"|"credit-card"|"ip-address"|"person-name"|"address"|"regex-prompt-injection"' +
        ' — a value the file format does not know; change it in OpenRouter, or upgrade oradmin',
    );
    expect(reason('guardrail.default/old-models')).toBe(
      'its model lists name "openai/gpt-3-davinci", which the model catalog no longer has, and plan refuses unknown models; ' +
        'remove them from the guardrail in OpenRouter, then export again',
    );
    // A key whose binding cannot be written is left out whole: without it, apply would unbind the key.
    expect(reason('key.default/bot')).toMatch(/^2 live keys share this name/);
    expect(reason('key.default/cross-bound')).toBe(
      'bound to guardrail "elsewhere", a guardrail of workspace "research", and a key and its guardrail must share a workspace; ' +
        'bind it to a guardrail of workspace "default" in OpenRouter, then export again',
    );
    expect(reason('key.default/legacy-bound')).toMatch(/^bound to guardrail "legacy", a legacy guardrail without a workspace, and a key/);
    expect(reason('key.default/default-bound')).toBe(
      'bound to the default guardrail of workspace "default", which guardrail: cannot name; unbind it in OpenRouter ' +
        "(the default guardrail already applies to all of the workspace's traffic), then export again",
    );
    expect(reason('workspace_member.research/user_gone')).toMatch(/^user user_gone is not a member of the organization/);
  });

  it('leaves unmanaged a setting it cannot hold, and names interrupted key creations', () => {
    expect(result.notes).toEqual([
      {
        address: 'workspace.default',
        message:
          'default_provider_sort "fastest-first": Invalid option: expected one of "price"|"throughput"|"latency"|"exacto"' +
          ' — a value the file format does not know; not exported, so the file does not manage it',
      },
      {
        address: 'key.default/oradmin-pending:0123abcd:new-bot',
        message:
          'an interrupted oradmin creation of key "new-bot", not exported; the next apply finishes it if the file declares ' +
          'a new key "new-bot" in workspace "default", and otherwise deletes it',
      },
    ]);
    const doc = parse(result.yaml);
    expect(doc.workspaces[0]).not.toHaveProperty('default_provider_sort');
    expect(doc.workspaces[1].default_provider_sort).toBeNull();
  });

  it('keeps the rest: a key whose creator left is written without creator_user_id (not managed)', () => {
    const doc = parse(result.yaml);
    expect(doc.keys).toEqual([{ name: 'orphaned-creator' }, { name: 'r-bot', workspace: 'research', creator_user_id: 'ann@x.io' }]);
    expect(doc.guardrails.map((g: { name: string }) => g.name)).toEqual(['elsewhere', 'r-cap']);
    expect(result.invalid).toEqual([]);
  });
});
