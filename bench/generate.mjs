// Generated organizations for the benchmark: a sandbox seed and the desired-state file that
// declares it exactly (steady state: plan is empty), plus a drifted variant of the file.
import { stringify } from 'yaml';

const pad = (i, n = 5) => String(i).padStart(n, '0');

/**
 * @param {{ name: string, workspaces: number, keys: number, guardrails: number, members: number,
 *           keyBindings?: number, memberBindings?: number, membersPerWorkspace?: number }} spec
 */
export function generateOrg(spec) {
  const members = Array.from({ length: spec.members }, (_, i) => ({
    id: `user_${pad(i)}`,
    email: `user${i}@bench.example`,
    role: i === 0 ? 'org:admin' : 'org:member',
  }));
  const slugs = ['default', ...Array.from({ length: spec.workspaces - 1 }, (_, i) => `team-${pad(i, 3)}`)];
  const keys = Array.from({ length: spec.keys }, (_, i) => ({
    name: `key-${pad(i)}`,
    workspace: slugs[i % slugs.length],
    limit: (i % 50) + 1,
    limit_reset: i % 3 === 0 ? 'monthly' : null,
    ...(i % 17 === 0 ? { disabled: true } : {}),
  }));
  const guardrails = Array.from({ length: spec.guardrails }, (_, i) => ({
    name: `guard-${pad(i)}`,
    workspace: slugs[i % slugs.length],
    limit_usd: 10 + (i % 20),
    reset_interval: 'daily',
    allowed_providers: i % 2 ? ['openai', 'anthropic'] : null,
  }));
  // Keys bound to a guardrail of their own workspace, members bound round-robin.
  const keyAssignments = [];
  for (let i = 0; i < Math.min(spec.keyBindings ?? 0, keys.length); i++) {
    const ws = keys[i].workspace;
    const inWs = guardrails.filter((g) => g.workspace === ws);
    if (inWs.length) keyAssignments.push({ key: keys[i].name, workspace: ws, guardrail: inWs[i % inWs.length].name });
  }
  const workspaceMembers = slugs.slice(1).flatMap((slug, w) =>
    Array.from({ length: spec.membersPerWorkspace ?? 0 }, (_, j) => ({ workspace: slug, member: members[(w * 7 + j) % members.length].email })),
  );
  // Members bound round-robin over the guardrails, as the API allows it: at most one direct
  // guardrail per member and workspace, and outside the default workspace only its members.
  const memberAssignments = [];
  const boundIn = new Set();
  const candidates = (ws) => (ws === 'default' ? members.map((m) => m.email) : workspaceMembers.filter((m) => m.workspace === ws).map((m) => m.member));
  for (let i = 0; memberAssignments.length < (spec.memberBindings ?? 0) && i < guardrails.length * members.length; i++) {
    const g = guardrails[i % guardrails.length];
    const member = candidates(g.workspace).find((email) => !boundIn.has(`${g.workspace}/${email}`));
    if (member === undefined) continue;
    boundIn.add(`${g.workspace}/${member}`);
    memberAssignments.push({ member, guardrail: g.name, workspace: g.workspace });
  }
  const budgets = slugs.flatMap((slug) => [
    { workspace: slug, interval: 'monthly', limit_usd: 1000 },
    { workspace: slug, interval: 'daily', limit_usd: 100 },
  ]);
  const seed = {
    organization_members: members,
    workspaces: slugs.slice(1).map((slug) => ({ slug, name: slug })),
    keys,
    guardrails,
    key_assignments: keyAssignments,
    member_assignments: memberAssignments,
    workspace_members: workspaceMembers,
    budgets,
  };

  const boundKey = new Map(keyAssignments.map((a) => [`${a.workspace}/${a.key}`, a.guardrail]));
  const desired = (drift) => ({
    version: 1,
    secrets: { file: 'secrets.json' },
    safety: { max_deletes: 100000, max_change_fraction: 1 },
    workspaces: slugs.map((slug) => ({
      slug,
      ...(slug === 'default' ? {} : { name: slug }),
      budgets: { monthly: 1000, daily: drift && slug === 'default' ? 90 : 100 },
      ...(slug === 'default' ? {} : { members: [...new Set(workspaceMembers.filter((m) => m.workspace === slug).map((m) => m.member))] }),
    })),
    guardrails: guardrails.map((g) => ({
      ...g,
      ...(g.allowed_providers === null ? { allowed_providers: undefined } : {}),
      members: memberAssignments.filter((m) => m.guardrail === g.name && m.workspace === g.workspace).map((m) => m.member),
    })),
    keys: keys.map((k, i) => ({
      name: k.name,
      workspace: k.workspace,
      // Drift: every 100th key's limit changed out of band.
      limit: drift && i % 100 === 0 ? k.limit + 1 : k.limit,
      limit_reset: k.limit_reset,
      ...(k.disabled ? { disabled: true } : {}),
      ...(boundKey.has(`${k.workspace}/${k.name}`) ? { guardrail: boundKey.get(`${k.workspace}/${k.name}`) } : {}),
    })),
  });
  return {
    seed,
    desiredYaml: stringify(desired(false)),
    driftedYaml: stringify(desired(true)),
    shape: {
      workspaces: slugs.length,
      keysPerWorkspace: slugs.map((s) => keys.filter((k) => k.workspace === s).length),
      guardrailsPerWorkspace: slugs.map((s) => guardrails.filter((g) => g.workspace === s).length),
      membersPerWorkspace: slugs.map((s) => workspaceMembers.filter((m) => m.workspace === s).length),
      keyAssignments: keyAssignments.length,
      memberAssignments: memberAssignments.length,
      orgMembers: members.length,
    },
  };
}

/**
 * The fewest requests that read this organization completely, from the API's page sizes
 * (shared/openrouter-api/README.md, "Listing"): /keys has no total, so a workspace of n keys
 * needs floor(n/100)+1 pages to see the end; every other list needs max(1, ceil(total/100));
 * budgets one request per workspace; the default workspace's members are implicit (not read).
 */
export function minimumReads(shape) {
  const pages = (n) => Math.max(1, Math.ceil(n / 100));
  let n = pages(shape.workspaces) + pages(shape.keyAssignments) + pages(shape.memberAssignments) + pages(shape.orgMembers);
  for (let w = 0; w < shape.workspaces; w++) {
    n += Math.floor(shape.keysPerWorkspace[w] / 100) + 1;
    n += pages(shape.guardrailsPerWorkspace[w]);
    n += 1; // budgets
    if (w > 0) n += pages(shape.membersPerWorkspace[w]);
  }
  return n;
}

/**
 * The requests minimumReads counts, as paths (bench/bare-reads.mjs): `workspaces` are the live
 * ones, { id, slug }, in the generator's slug order (default first).
 */
export function minimumReadPaths(shape, workspaces) {
  const pages = (n) => Math.max(1, Math.ceil(n / 100));
  const counted = (path, n, query = '') => Array.from({ length: pages(n) }, (_, i) => `${path}?${query}offset=${i * 100}&limit=100`);
  const out = [
    ...counted('/workspaces', shape.workspaces),
    ...counted('/guardrails/assignments/keys', shape.keyAssignments),
    ...counted('/guardrails/assignments/members', shape.memberAssignments),
    ...counted('/organization/members', shape.orgMembers),
  ];
  workspaces.forEach((ws, w) => {
    for (let p = 0; p <= Math.floor(shape.keysPerWorkspace[w] / 100); p++) out.push(`/keys?workspace_id=${ws.id}&include_disabled=true&offset=${p * 100}`);
    out.push(...counted('/guardrails', shape.guardrailsPerWorkspace[w], `workspace_id=${ws.id}&`));
    out.push(`/workspaces/${encodeURIComponent(ws.slug)}/budgets`);
    if (w > 0) out.push(...counted(`/workspaces/${ws.id}/members`, shape.membersPerWorkspace[w]));
  });
  return out;
}
