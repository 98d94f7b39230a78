// Plan sends its first reads before the planner is loaded (cli/early-reads.ts, ApiClient.prefetch):
// each answer must be taken by the reader exactly once — no page read twice, none lost — and a
// prefetched request goes through the same retry layer and error reporting as any other.
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';

const FILE = `version: 1
keys:
  - { name: ci-bot, limit: 5 }
`;

function readsByOperation(log: readonly { method: string; operationId: string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of log) if (e.method === 'GET') out[e.operationId ?? '?'] = (out[e.operationId ?? '?'] ?? 0) + 1;
  return out;
}

describe('plan reads the organization in one round', () => {
  it('sends each first read once and plans from its answer', async () => {
    const o = await org({ keys: [{ name: 'ci-bot', limit: 5 }] });
    o.write('openrouter.admin.yaml', FILE);
    const r = await o.run(['plan', '--detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readsByOperation(o.sb.log)).toEqual({
      listWorkspaces: 1,
      list: 1,
      listGuardrails: 1,
      listWorkspaceBudgets: 1,
      listKeyAssignments: 1,
      listMemberAssignments: 1,
      listOrganizationMembers: 1,
    });
    expect(o.sb.log).toHaveLength(7);
  });

  it('still reads a second workspace, and the first pages only once, when there is one', async () => {
    const o = await org({ workspaces: [{ slug: 'team', name: 'Team' }], keys: [{ name: 'ci-bot', limit: 5 }, { name: 'svc', workspace: 'team' }] });
    o.write('openrouter.admin.yaml', `${FILE}  - { name: svc, workspace: team }\nworkspaces:\n  - { slug: team, name: Team }\n`);
    const r = await o.run(['plan', '--detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The default workspace's lists once (prefetched), the team's once each, and its members.
    expect(readsByOperation(o.sb.log)).toMatchObject({ listWorkspaces: 1, list: 2, listGuardrails: 2, listWorkspaceBudgets: 2, listWorkspaceMembers: 1 });
  });

  it('retries a prefetched read that lost its answer, and uses the retry', async () => {
    const o = await org({ keys: [{ name: 'ci-bot', limit: 5 }] });
    o.sb.dropAfterCommit('listOrganizationMembers', 1);
    o.write('openrouter.admin.yaml', FILE);
    const r = await o.run(['plan', '--detailed-exitcode']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(readsByOperation(o.sb.log).listOrganizationMembers).toBe(2);
  });

  it('reports a prefetched read that keeps failing like any failed read: operation, URL, attempts', async () => {
    const o = await org({ keys: [{ name: 'ci-bot', limit: 5 }] }, { faults: { rate503: 1, operations: ['listKeyAssignments'] } });
    o.write('openrouter.admin.yaml', FILE);
    const r = await o.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('listKeyAssignments');
    expect(r.stderr).toContain('/guardrails/assignments/keys');
    expect(r.stderr).toContain('503');
    const attempts = Number(/(\d+) attempts/.exec(r.stderr)?.[1]);
    expect(attempts).toBeGreaterThan(1);
    // Sent by the prefetch with its retries, never again by the reader.
    expect(readsByOperation(o.sb.log).listKeyAssignments).toBe(attempts);
  }, 30_000);

  it('reports the file first when it is invalid, even though the reads left before it was parsed', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\nkeys:\n  - { name: ci-bot, limt: 5 }\n');
    const r = await o.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/openrouter\.admin\.yaml:3:\d+: .*limt/);
  });

  it('plans a large file (parsed in slices between the reads) exactly as the same file small', async () => {
    const o = await org({ keys: [{ name: 'ci-bot', limit: 5 }, { name: 'old', limit: 1 }] });
    const body = 'version: 1\nkeys:\n  - { name: ci-bot, limit: 7 }\n  - { name: old, limit: 2 }\n';
    // The same declarations, many times the lines plan parses between two yields (config/load-for-plan.ts).
    const padding = '# padding to make the file large\n'.repeat(10_000);
    o.write('small.yaml', body);
    o.write('large.yaml', body + padding);
    const small = await o.run(['plan', '-f', 'small.yaml', '-o', 'json']);
    const large = await o.run(['plan', '-f', 'large.yaml', '-o', 'json']);
    expect(small.code).toBe(0);
    expect(large.code).toBe(0);
    const ops = (r: { stdout: string }) => JSON.parse(r.stdout).operations;
    expect(ops(large)).toEqual(ops(small));
    expect(ops(small).map((op: { address: string; action: string }) => `${op.action} ${op.address}`).sort()).toEqual(['update key.default/ci-bot', 'update key.default/old']);
  });

  it('plans a large file only the yaml library reads (an anchor) on a worker, exactly as the same file small', async () => {
    const o = await org({ keys: [{ name: 'ci-bot', limit: 5 }, { name: 'old', limit: 1 }] });
    const body = 'version: 1\nkeys:\n  - &bot { name: ci-bot, limit: 7 }\n  - { name: old, limit: 2 }\n';
    // Past the size from which such a file is parsed on a worker (config/load-for-plan.ts).
    const padding = '# padding to make the file large\n'.repeat(10_000);
    o.write('small.yaml', body);
    o.write('large.yaml', body + padding);
    const small = await o.run(['plan', '-f', 'small.yaml', '-o', 'json']);
    const large = await o.run(['plan', '-f', 'large.yaml', '-o', 'json']);
    expect(large.code, large.stderr).toBe(0);
    const ops = (r: { stdout: string }) => JSON.parse(r.stdout).operations;
    expect(ops(large)).toEqual(ops(small));
    expect(ops(large).map((op: { address: string; action: string }) => `${op.action} ${op.address}`).sort()).toEqual(['update key.default/ci-bot', 'update key.default/old']);
    o.write('large-bad.yaml', body.replace('limit: 2', 'limt: 2') + padding);
    const r = await o.run(['plan', '-f', 'large-bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/large-bad\.yaml:4:\d+: .*limt/);
  });

  it('reports a large invalid file at file:line:col', async () => {
    const o = await org();
    o.write('large.yaml', `${'# padding\n'.repeat(30_000)}version: 1\nkeys:\n  - { name: ci-bot, limt: 5 }\n`);
    const r = await o.run(['plan', '-f', 'large.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/large\.yaml:30003:\d+: .*limt/);
  });

  it('reports a mistake in a late slice of many keys at file:line:col, with nothing planned', async () => {
    const o = await org();
    const keys = Array.from({ length: 1200 }, (_, i) => `  - name: key-${i}\n    limit: ${i % 50}\n`);
    keys[1100] = '  - name: key-1100\n    limit: -3\n';
    o.write('many.yaml', `version: 1\nkeys:\n${keys.join('')}`);
    const r = await o.run(['plan', '-f', 'many.yaml', '-o', 'json']);
    expect(r.code).toBe(1);
    // Line 2 + 2 per key before it, then its second line.
    expect(r.stderr).toMatch(/many\.yaml:2204:\d+: .*limit/);
    expect(r.stdout).not.toMatch(/"operations"/);
  });
});
