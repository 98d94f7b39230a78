// The naive strategy the benchmark compares against: what a per-resource refresh does (one GET per
// object in its state, as a Terraform-style provider would), through the same client, the same
// rate limit and the same concurrency of 8. It reads the same organization and returns its
// request count. A refresher already knows the ids, so the lists that found them are not counted.

export async function naiveRead(client, live) {
  const before = client.stats().requests;
  const defaults = new Set(live.workspaces.map((w) => w.default_guardrail_id));
  const calls = [
    ...live.workspaces.map((w) => ({ operation: 'getWorkspace', path: `/workspaces/${w.id}` })),
    ...live.workspaces.filter((w) => w.slug !== 'default').map((w) => ({ operation: 'listWorkspaceMembers', path: `/workspaces/${w.id}/members`, query: { limit: 100 } })),
    ...live.budgets.map((b) => ({ operation: 'getWorkspaceBudget', path: `/workspaces/${b.workspace_id}/budgets/${b.reset_interval ?? 'lifetime'}` })),
    ...live.keys.map((k) => ({ operation: 'getKey', path: `/keys/${k.hash}` })),
    ...live.guardrails.map((g) => ({ operation: 'getGuardrail', path: `/guardrails/${g.id}` })),
    // Bindings have no GET of their own: one list per guardrail and kind of binding.
    ...live.guardrails
      .filter((g) => !defaults.has(g.id))
      .flatMap((g) => [
        { operation: 'listGuardrailKeyAssignments', path: `/guardrails/${g.id}/assignments/keys`, query: { limit: 100 } },
        { operation: 'listGuardrailMemberAssignments', path: `/guardrails/${g.id}/assignments/members`, query: { limit: 100 } },
      ]),
  ];
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const c = calls[next++];
      await client.request({ ...c, method: 'GET' });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return client.stats().requests - before;
}
