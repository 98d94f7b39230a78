// The response schemas of src/api/schemas.ts: every sandbox answer parses under them, unknown
// fields pass through (the live API is newer than the reference), required fields are required.
import { describe, expect, it } from 'vitest';
import * as S from '../../src/api/schemas.js';
import { sandbox } from './helpers.js';

describe('response schemas', () => {
  it('parse what the sandbox answers', async () => {
    const { sb, api } = await sandbox({
      seed: { workspaces: [{ slug: 'lab', name: 'Lab' }], budgets: [{ workspace: 'lab', interval: 'lifetime', limit_usd: 9 }] },
    });
    const created = (await api.post('/keys', { name: 'k', limit: 1 })).body;
    const guardrail = (await api.post('/guardrails', { name: 'g', content_filter_builtins: [{ slug: 'email', action: 'flag' }] })).body;
    await api.post(`/guardrails/${guardrail.data.id}/assignments/keys`, { key_hashes: [created.data.hash] });
    await api.post(`/guardrails/${guardrail.data.id}/assignments/members`, { member_user_ids: ['user_sandbox_owner'] });
    await api.post('/workspaces/lab/members/add', { user_ids: ['user_sandbox_owner'] });
    const pairs: [{ parse(v: unknown): unknown }, string][] = [
      [S.ListKeysResponse, '/keys'],
      [S.GetKeyResponse, `/keys/${created.data.hash}`],
      [S.GetCurrentKeyResponse, '/key'],
      [S.GetCreditsResponse, '/credits'],
      [S.ListOrganizationMembersResponse, '/organization/members'],
      [S.ListGuardrailsResponse, '/guardrails'],
      [S.GetGuardrailResponse, `/guardrails/${guardrail.data.id}`],
      [S.ListKeyAssignmentsResponse, '/guardrails/assignments/keys'],
      [S.ListMemberAssignmentsResponse, '/guardrails/assignments/members'],
      [S.ListWorkspacesResponse, '/workspaces'],
      [S.GetWorkspaceResponse, '/workspaces/lab'],
      [S.ListWorkspaceMembersResponse, '/workspaces/lab/members'],
      [S.ListWorkspaceBudgetsResponse, '/workspaces/lab/budgets'],
      [S.GetWorkspaceBudgetResponse, '/workspaces/lab/budgets/lifetime'],
      [S.ListModelsResponse, '/models'],
    ];
    for (const [schema, path] of pairs) {
      const body = (await api.get(path)).body;
      expect(() => schema.parse(body), path).not.toThrow();
    }
    expect(() => S.CreateKeysResponse.parse(created)).not.toThrow();
    expect(() => S.CreateGuardrailResponse.parse(guardrail)).not.toThrow();
    expect(sb.state.keysIn()).toHaveLength(1);
  });

  it('keep unknown fields and require the reference\'s required ones', () => {
    const member = { id: 'u', email: 'e', first_name: null, last_name: null, role: 'org:member', nickname: 'x' };
    expect(S.OrganizationMember.parse(member)).toEqual(member);
    const { first_name: _omitted, ...incomplete } = member;
    expect(() => S.OrganizationMember.parse(incomplete)).toThrow(/first_name/);
  });

  it('request schemas are strict', () => {
    expect(() => S.CreateGuardrailRequest.parse({ name: 'g', allowed_data_regions: ['eu'] })).toThrow(/allowed_data_regions/);
    expect(S.ListKeysQuery.parse({ offset: '200', include_disabled: 'true' })).toEqual({ offset: 200, include_disabled: 'true' });
  });
});
