// A read that still fails after retries fails the run: no plan, exit 1, an error naming the
// operation. A missing read must never look like a missing object (which would plan a create).
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';

const SEED = {
  organization_members: [
    { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' as const },
    { id: 'user_bob', email: 'bob@example.com', role: 'org:member' as const },
  ],
  workspaces: [{ slug: 'w', name: 'W' }],
  workspace_members: [{ workspace: 'w', member: 'bob@example.com' }],
  guardrails: [{ name: 'g' }],
  keys: [{ name: 'k' }],
  budgets: [{ workspace: 'w', interval: 'daily' as const, limit_usd: 5 }],
};

const DESIRED = 'version: 1\nworkspaces:\n  - { slug: w, name: W, members: [bob@example.com], budgets: { daily: 5 } }\nguardrails:\n  - { name: g }\nkeys:\n  - { name: k }\n';

describe.concurrent('a permanently failing read produces no plan', () => {
  it.for([
    ['listWorkspaces', 'GET /workspaces'],
    ['list', 'GET /keys'],
    ['listGuardrails', 'GET /guardrails'],
    ['listWorkspaceMembers', 'GET /workspaces/'],
    ['listWorkspaceBudgets', 'GET /workspaces/'],
    ['listKeyAssignments', 'GET /guardrails/assignments/keys'],
    ['listMemberAssignments', 'GET /guardrails/assignments/members'],
    ['listOrganizationMembers', 'GET /organization/members'],
  ] as const)('%s answering 500 every time', async ([operation, request], { onTestFinished }) => {
    const o = await org(SEED, { faults: { rate500: 1, operations: [operation] } }, onTestFinished);
    o.write('openrouter.admin.yaml', DESIRED);
    const r = await o.run(['plan', '-o', 'json']);
    expect(r.code).toBe(1);
    // No plan: with -o json, one error document instead.
    expect(JSON.parse(r.stdout)).toMatchObject({ format_version: 1, error: { kind: 'api', operation, status: 500 } });
    expect(JSON.parse(r.stdout).operations).toBeUndefined();
    expect(r.stderr).toContain(request.replace('GET ', `GET ${o.sb.url}`));
    expect(r.stderr).toMatch(new RegExp(`\\(${operation}\\)( for workspace\\.\\w+)? failed: 500`));
    expect(r.stderr).not.toContain('internal error');
  });
});
