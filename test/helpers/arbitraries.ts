// Random desired states and live organizations for property tests (model and sandbox).
import fc from 'fast-check';
import type { LiveSpec } from './live-builder.js';

export const MEMBERS = ['ann@x.io', 'bob@x.io', 'cat@x.io'];
const PROVIDERS = ['openai', 'anthropic', 'google'];
const INTERVALS = ['lifetime', 'monthly', 'weekly', 'daily'] as const;
const EXPIRIES = [null, '2031-06-30T00:00:00Z', '2032-01-01T00:00:00Z'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

/** Strictly decreasing limits for a random subset of intervals (an API rule the file must keep). */
const budgetsArb = fc
  .tuple(subset(INTERVALS), fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 4 }))
  .map(([intervals, values]) => {
    const sorted = [...values].sort((a, b) => b - a);
    return Object.fromEntries(intervals.map((i) => [i, sorted[INTERVALS.indexOf(i)]!]));
  });

const guardrailSettingsArb = fc.record(
  {
    limit_usd: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    allowed_providers: fc.option(subset(PROVIDERS), { nil: null }),
    enforce_zdr: fc.option(fc.boolean(), { nil: null }),
    enforce_zdr_openai: fc.boolean(),
    description: fc.option(fc.constantFrom('a', 'b'), { nil: null }),
    include_byok_in_budgets: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const desiredArb = fc
  .record({
    extraWorkspaces: subset(['alpha', 'beta']),
    declareDefault: fc.boolean(),
    wsSettings: fc.array(
      fc.record({ budgets: maybe(budgetsArb), members: maybe(subset(MEMBERS)), dg: maybe(guardrailSettingsArb), byok: maybe(fc.boolean()), description: maybe(fc.constantFrom('x', 'y')) }),
      { minLength: 3, maxLength: 3 },
    ),
    guardrails: fc.array(fc.record({ name: fc.constantFrom('g1', 'g2'), ws: fc.nat(2), settings: guardrailSettingsArb, members: maybe(subset(MEMBERS)) }), { maxLength: 4 }),
    keys: fc.array(
      fc.record({
        name: fc.constantFrom('k1', 'k2', 'k3'),
        ws: fc.nat(2),
        limit: maybe(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null })),
        limit_reset: maybe(fc.constantFrom('daily', 'monthly', null)),
        disabled: maybe(fc.boolean()),
        expires_at: maybe(fc.constantFrom(...EXPIRIES)),
        guardrail: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    unmanaged: fc.record({
      keys: fc.constantFrom('report', 'ignore', 'delete', 'disable'),
      guardrails: fc.constantFrom('report', 'ignore', 'delete'),
      workspaces: fc.constantFrom('report', 'ignore', 'delete'),
      members: fc.constantFrom('report', 'ignore', 'delete'),
    }),
  })
  .map((r) => {
    const slugs = ['default', ...r.extraWorkspaces];
    const workspaces = slugs
      .filter((s) => s !== 'default' || r.declareDefault)
      .map((slug, i) => {
        const ws: Record<string, unknown> = { slug };
        const st = r.wsSettings[i]!;
        if (st.budgets && Object.keys(st.budgets).length > 0) {
          ws.budgets = st.budgets;
          if (st.byok !== undefined) ws.include_byok_in_budgets = st.byok;
        }
        if (slug !== 'default' && st.members) ws.members = st.members;
        if (st.dg) ws.default_guardrail = st.dg;
        if (st.description) ws.description = st.description;
        return ws;
      });
    const guardrails = new Map<string, Record<string, unknown>>();
    const declaredMembers = new Map(workspaces.map((w) => [w.slug as string, w.members as string[] | undefined]));
    const bound = new Set<string>();
    for (const g of r.guardrails) {
      const workspace = slugs[g.ws % slugs.length]!;
      const decl: Record<string, unknown> = { name: g.name, workspace, ...g.settings };
      if (decl.limit_usd !== null && decl.limit_usd !== undefined) decl.reset_interval = 'daily';
      // As the API allows (README): one direct guardrail per member and workspace, and outside the
      // default workspace only its (declared) members.
      if (g.members) decl.members = g.members.filter((m) => (workspace === 'default' || declaredMembers.get(workspace)?.includes(m)) && !bound.has(`${workspace}/${m}`));
      for (const m of (decl.members as string[] | undefined) ?? []) bound.add(`${workspace}/${m}`);
      guardrails.set(`${workspace}/${g.name}`, decl);
    }
    const keys = new Map<string, Record<string, unknown>>();
    for (const k of r.keys) {
      const workspace = slugs[k.ws % slugs.length]!;
      const decl: Record<string, unknown> = { name: k.name, workspace };
      for (const f of ['limit', 'limit_reset', 'disabled', 'expires_at'] as const) if (k[f] !== undefined) decl[f] = k[f];
      const g = [...guardrails.values()].find((x) => x.workspace === workspace);
      if (k.guardrail && g) decl.guardrail = g.name;
      keys.set(`${workspace}/${k.name}`, decl);
    }
    return { version: 1, unmanaged: r.unmanaged, workspaces, guardrails: [...guardrails.values()], keys: [...keys.values()] };
  });

export const liveArb: fc.Arbitrary<LiveSpec> = fc
  .record({
    workspaces: subset(['alpha', 'gamma']),
    keys: fc.array(fc.record({ name: fc.constantFrom('k1', 'k2', 'k9'), ws: fc.nat(2), limit: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), disabled: fc.boolean(), expires_at: fc.constantFrom(...EXPIRIES), guardrail: fc.boolean() }), { maxLength: 5 }),
    guardrails: fc.array(fc.record({ name: fc.constantFrom('g1', 'g3'), ws: fc.nat(2), limit_usd: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }), allowed_providers: fc.option(subset(PROVIDERS), { nil: null }), members: subset(MEMBERS) }), { maxLength: 3 }),
    budgets: fc.array(budgetsArb, { minLength: 3, maxLength: 3 }),
    wsMembers: fc.array(subset(MEMBERS), { minLength: 3, maxLength: 3 }),
    dg: fc.array(maybe(fc.record({ limit_usd: fc.integer({ min: 1, max: 9 }) })), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const slugs = ['default', ...r.workspaces];
    const guardrails = new Map<string, NonNullable<LiveSpec['guardrails']>[number]>();
    const bound = new Set<string>();
    for (const g of r.guardrails) {
      const workspace = slugs[g.ws % slugs.length]!;
      // Only states the API can be in (README): one direct guardrail per member and workspace, and
      // outside the default workspace only its members.
      const wsMembers = workspace === 'default' ? MEMBERS : (r.wsMembers[slugs.indexOf(workspace) - 1] ?? []);
      const members = g.members.filter((m) => wsMembers.includes(m) && !bound.has(`${workspace}/${m}`));
      guardrails.set(`${workspace}/${g.name}`, { name: g.name, workspace, limit_usd: g.limit_usd, reset_interval: g.limit_usd ? 'daily' : null, allowed_providers: g.allowed_providers, members });
      for (const m of members) bound.add(`${workspace}/${m}`);
    }
    const keys = new Map<string, NonNullable<LiveSpec['keys']>[number]>();
    for (const k of r.keys) {
      const workspace = slugs[k.ws % slugs.length]!;
      const g = [...guardrails.values()].find((x) => x.workspace === workspace);
      keys.set(`${workspace}/${k.name}`, { name: k.name, workspace, limit: k.limit, disabled: k.disabled, expires_at: k.expires_at, guardrail: k.guardrail && g ? g.name : undefined });
    }
    return {
      workspaces: r.workspaces.map((slug) => ({ slug })),
      members: MEMBERS,
      keys: [...keys.values()],
      guardrails: [...guardrails.values()],
      budgets: slugs.flatMap((slug, i) => Object.entries(r.budgets[i]!).map(([interval, limit_usd]) => ({ workspace: slug, interval: interval as 'daily', limit_usd }))),
      workspaceMembers: slugs.slice(1).flatMap((slug, i) => r.wsMembers[i]!.map((email) => ({ workspace: slug, email }))),
      defaultGuardrails: Object.fromEntries(slugs.flatMap((slug, i) => (r.dg[i] ? [[slug, r.dg[i]!]] : []))),
    };
  });

