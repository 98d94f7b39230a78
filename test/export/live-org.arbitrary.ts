// Random live organizations for export's properties: every kind of object with varied settings,
// plus, on request, the anomalies a real organization may hold and the file cannot express.
import fc from 'fast-check';
import type { LiveGuardrail, LiveKey, LiveModel, LiveState } from '../../src/core/live.js';
import { fakeId, liveState, type LiveSpec } from '../helpers/live-builder.js';

export const MEMBERS = ['ann@x.io', 'bob@x.io', 'cat@x.io'];
/** The catalog: guardrails hold canonical slugs (API). */
export const MODELS: LiveModel[] = [
  { id: 'openai/gpt-4o', canonical_slug: 'openai/gpt-4o-2024-05-13' },
  { id: 'anthropic/claude-sonnet-4.5', canonical_slug: 'anthropic/claude-4.5-sonnet-20250929' },
  { id: 'google/gemini-2.5-pro', canonical_slug: 'google/gemini-2.5-pro' },
];
const SLUGS = ['alpha', 'beta'];
const PROVIDERS = ['openai', 'anthropic', 'google'];
const ZDR = ['enforce_zdr_anthropic', 'enforce_zdr_openai', 'enforce_zdr_google', 'enforce_zdr_xai', 'enforce_zdr_other'] as const;
const INTERVALS = ['lifetime', 'monthly', 'weekly', 'daily'] as const;

const subset = <T>(items: readonly T[]) => fc.subarray([...items]);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const budgetsArb = fc
  .tuple(subset(INTERVALS), fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 4 }))
  .map(([intervals, values]) => {
    const widestFirst = [...values].sort((a, b) => b - a);
    return intervals.map((interval) => ({ interval, limit_usd: widestFirst[INTERVALS.indexOf(interval)]! }));
  });

const zdrArb: fc.Arbitrary<Partial<LiveGuardrail>> = fc.oneof(
  nullable(fc.boolean()).map((v) => Object.fromEntries(ZDR.map((f) => [f, v]))),
  fc.tuple(...ZDR.map(() => nullable(fc.boolean()))).map((vs) => Object.fromEntries(ZDR.map((f, i) => [f, vs[i]]))),
);

const settingsArb: fc.Arbitrary<Partial<LiveGuardrail>> = fc
  .record({
    description: nullable(fc.constantFrom('Production cap', 'pii: no "raw" data')),
    limit_usd: nullable(fc.constantFrom(5, 12.5, 100)),
    allowed_providers: nullable(subset(PROVIDERS)),
    allowed_models: nullable(subset(MODELS.map((m) => m.canonical_slug))),
    ignored_providers: nullable(subset(['deepinfra', 'together'])),
    zdr: zdrArb,
    enable_free_model_training: nullable(fc.boolean()),
    enable_paid_model_training: nullable(fc.boolean()),
    include_byok_in_budgets: fc.boolean(),
    content_filters: nullable(fc.subarray([{ pattern: '\\d{3}-\\d{2}-\\d{4}', action: 'redact' as const, label: 'SSN' }, { pattern: 'secret', action: 'block' as const, label: null }])),
    content_filter_builtins: nullable(
      fc.subarray([{ slug: 'email', action: 'redact' as const }, { slug: 'regex-prompt-injection', action: 'flag' as const, scan_scope: 'user_only' as const }]),
    ),
  })
  .map(({ zdr, ...s }) => ({ ...s, ...zdr, reset_interval: s.limit_usd === null ? null : 'daily' }));

export interface Anomalies {
  duplicateKey: boolean;
  duplicateGuardrail: boolean;
  legacyGuardrail: boolean;
  crossWorkspaceBinding: boolean;
  defaultGuardrailBinding: boolean;
  formerMember: boolean;
  unknownCreator: boolean;
  interruptedCreation: boolean;
  unknownProviderSort: boolean;
  unknownBuiltinFilter: boolean;
  retiredModel: boolean;
}

const anomaliesArb: fc.Arbitrary<Anomalies> = fc.record({
  duplicateKey: fc.boolean(),
  duplicateGuardrail: fc.boolean(),
  legacyGuardrail: fc.boolean(),
  crossWorkspaceBinding: fc.boolean(),
  defaultGuardrailBinding: fc.boolean(),
  formerMember: fc.boolean(),
  unknownCreator: fc.boolean(),
  interruptedCreation: fc.boolean(),
  unknownProviderSort: fc.boolean(),
  unknownBuiltinFilter: fc.boolean(),
  retiredModel: fc.boolean(),
});

const specArb = fc.record({
  workspaces: subset(SLUGS),
  wsSettings: fc.array(
    fc.record({
      description: nullable(fc.constantFrom('team space', 'ML: research')),
      default_provider_sort: nullable(fc.constantFrom('price', 'latency')),
      io_logging_sampling_rate: fc.constantFrom(1, 0.25),
      io_logging_api_key_ids: nullable(fc.constantFrom([7, 3], [1])),
      is_data_discount_logging_enabled: fc.boolean(),
      byok: fc.boolean(),
      budgets: budgetsArb,
      members: subset(MEMBERS),
      defaultGuardrail: fc.option(settingsArb, { nil: undefined }),
    }),
    { minLength: 3, maxLength: 3 },
  ),
  guardrails: fc.uniqueArray(fc.record({ name: fc.constantFrom('g1', 'g2', 'caps & "quotes"'), ws: fc.nat(2), settings: settingsArb, members: subset(MEMBERS) }), {
    maxLength: 4,
    selector: (g) => `${g.ws}/${g.name}`,
  }),
  keys: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('k1', 'k2', 'ci: runner', '123'),
      ws: fc.nat(2),
      limit: nullable(fc.constantFrom(0, 10, 99.5)),
      limit_reset: nullable(fc.constantFrom('daily', 'weekly', 'monthly')),
      include_byok_in_limit: fc.boolean(),
      disabled: fc.boolean(),
      expires_at: nullable(fc.constantFrom('2020-01-01T00:00:00Z', '2031-06-30T00:00:00Z', '2032-01-01T12:30:00.250Z')),
      creator: fc.option(fc.constantFrom(...MEMBERS), { nil: undefined }),
      guardrail: fc.boolean(),
    }),
    { maxLength: 6, selector: (k) => `${k.ws}/${k.name}` },
  ),
});

export interface LiveOrg {
  live: LiveState;
  anomalies: Anomalies;
}

export const liveOrgArb = (withAnomalies: boolean): fc.Arbitrary<LiveOrg> =>
  fc.tuple(specArb, withAnomalies ? anomaliesArb : fc.constant(noAnomalies())).map(([r, anomalies]) => {
    const slugs = ['default', ...r.workspaces];
    const slugAt = (i: number) => slugs[i % slugs.length]!;
    // Only states the API can hold: outside the default workspace only its members are bound to its
    // guardrails, and a member holds one direct guardrail per workspace (README, "Guardrails").
    const wsMembers = new Map(slugs.map((slug, i) => [slug, new Set(i === 0 ? MEMBERS : r.wsSettings[i]!.members)]));
    const bound = new Set<string>();
    const guardrails = r.guardrails.map((g) => {
      const workspace = slugAt(g.ws);
      const members = g.members.filter((m) => wsMembers.get(workspace)!.has(m) && !bound.has(`${workspace}/${m}`));
      return { name: g.name, workspace, members, ...g.settings };
    });
    const uniqueGuardrails = new Map(guardrails.map((g) => [`${g.workspace}/${g.name}`, g]));
    for (const g of uniqueGuardrails.values()) {
      g.members = g.members.filter((m) => !bound.has(`${g.workspace}/${m}`));
      for (const m of g.members) bound.add(`${g.workspace}/${m}`);
    }
    const spec: LiveSpec = {
      members: MEMBERS,
      workspaces: slugs.map((slug, i) => {
        const s = r.wsSettings[i]!;
        return {
          slug,
          name: slug === 'default' ? 'Default Workspace' : `Team ${slug}`,
          description: s.description,
          default_provider_sort: s.default_provider_sort,
          io_logging_sampling_rate: s.io_logging_sampling_rate,
          io_logging_api_key_ids: s.io_logging_api_key_ids,
          is_data_discount_logging_enabled: s.is_data_discount_logging_enabled,
        };
      }),
      byok: Object.fromEntries(slugs.map((slug, i) => [slug, r.wsSettings[i]!.byok])),
      budgets: slugs.flatMap((slug, i) => r.wsSettings[i]!.budgets.map((b) => ({ workspace: slug, ...b }))),
      workspaceMembers: slugs.slice(1).flatMap((slug, i) => r.wsSettings[i + 1]!.members.map((email) => ({ workspace: slug, email }))),
      defaultGuardrails: Object.fromEntries(slugs.flatMap((slug, i) => (r.wsSettings[i]!.defaultGuardrail ? [[slug, r.wsSettings[i]!.defaultGuardrail!]] : []))),
      guardrails: [...uniqueGuardrails.values()],
      // Workspace indexes wrap around: one name may land twice in one workspace; the first one stays.
      keys: r.keys.filter((k, i) => r.keys.findIndex((x) => slugAt(x.ws) === slugAt(k.ws) && x.name === k.name) === i).map((k) => {
        const workspace = slugAt(k.ws);
        const g = [...uniqueGuardrails.values()].find((x) => x.workspace === workspace);
        const key: NonNullable<LiveSpec['keys']>[number] = {
          name: k.name,
          workspace,
          limit: k.limit,
          limit_reset: k.limit_reset,
          include_byok_in_limit: k.include_byok_in_limit,
          disabled: k.disabled,
          expires_at: k.expires_at,
          creator_user_id: k.creator ? `user_${k.creator.split('@')[0]}` : null,
        };
        if (k.guardrail && g) key.guardrail = g.name;
        return key;
      }),
    };
    const live = liveState(spec);
    live.models = MODELS;
    injectAnomalies(live, anomalies);
    return { live, anomalies };
  });

export function noAnomalies(): Anomalies {
  return {
    duplicateKey: false,
    duplicateGuardrail: false,
    legacyGuardrail: false,
    crossWorkspaceBinding: false,
    defaultGuardrailBinding: false,
    formerMember: false,
    unknownCreator: false,
    interruptedCreation: false,
    unknownProviderSort: false,
    unknownBuiltinFilter: false,
    retiredModel: false,
  };
}

const TS = '2026-01-01T00:00:00.000Z';
let serial = 0;

function newKey(live: LiveState, fields: Partial<LiveKey> & { name: string; workspace_id: string }): LiveKey {
  const key: LiveKey = {
    hash: fakeId(`anomaly-key:${serial++}`).replace(/-/g, '').padEnd(64, '0'),
    label: 'sk-or-v1-abc...def',
    disabled: false,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    include_byok_in_limit: false,
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    created_at: TS,
    updated_at: null,
    expires_at: null,
    creator_user_id: null,
    ...fields,
  };
  live.keys.push(key);
  return key;
}

function bind(live: LiveState, key: LiveKey, guardrailId: string): void {
  live.keyAssignments = live.keyAssignments.filter((a) => a.key_hash !== key.hash);
  live.keyAssignments.push({ id: fakeId(`anomaly-ka:${serial++}`), key_hash: key.hash, guardrail_id: guardrailId, key_name: key.name, key_label: 'x', assigned_by: null, created_at: TS });
}

function newGuardrail(live: LiveState, g: Partial<LiveGuardrail> & { name: string; workspace_id: string | null }): LiveGuardrail {
  const guardrail: LiveGuardrail = { id: fakeId(`anomaly-g:${serial++}`), include_byok_in_budgets: false, created_at: TS, ...g };
  live.guardrails.push(guardrail);
  return guardrail;
}

/** Each anomaly is added where the organization has room for it (some need a key or a guardrail). */
export function injectAnomalies(live: LiveState, a: Anomalies): void {
  const dflt = live.workspaces.find((w) => w.slug === 'default')!;
  const named = () => live.guardrails.filter((g) => !live.workspaces.some((w) => w.default_guardrail_id === g.id));
  if (a.duplicateKey && live.keys.length > 0) {
    const k = live.keys[0]!;
    newKey(live, { name: k.name, workspace_id: k.workspace_id, limit: 1 });
  }
  if (a.duplicateGuardrail && named().length > 0) {
    const g = named()[0]!;
    newGuardrail(live, { name: g.name, workspace_id: g.workspace_id, limit_usd: 3, reset_interval: 'weekly' });
  }
  if (a.legacyGuardrail) {
    const legacy = newGuardrail(live, { name: 'legacy', workspace_id: null, allowed_providers: ['openai'] });
    bind(live, newKey(live, { name: 'legacy-bound', workspace_id: dflt.id }), legacy.id);
  }
  if (a.crossWorkspaceBinding && live.workspaces.length > 1) {
    const other = live.workspaces.find((w) => w.slug !== 'default')!;
    const g = newGuardrail(live, { name: 'elsewhere', workspace_id: other.id });
    bind(live, newKey(live, { name: 'cross-bound', workspace_id: dflt.id }), g.id);
  }
  if (a.defaultGuardrailBinding) {
    if (!live.guardrails.some((g) => g.id === dflt.default_guardrail_id)) {
      live.guardrails.push({ id: dflt.default_guardrail_id, name: 'Default Workspace default guardrail', workspace_id: dflt.id, include_byok_in_budgets: false, created_at: TS });
    }
    bind(live, newKey(live, { name: 'default-bound', workspace_id: dflt.id }), dflt.default_guardrail_id);
  }
  if (a.formerMember) {
    const g = named().find((x) => x.workspace_id !== null);
    if (g) live.memberAssignments.push({ id: fakeId(`anomaly-ma:${serial++}`), user_id: 'user_gone', organization_id: 'org_1', guardrail_id: g.id, assigned_by: null, created_at: TS });
    const ws = live.workspaces.find((w) => w.slug !== 'default');
    if (ws) live.workspaceMembers.push({ id: fakeId(`anomaly-wm:${serial++}`), workspace_id: ws.id, user_id: 'user_gone', role: 'member', created_at: TS });
  }
  if (a.unknownCreator) newKey(live, { name: 'orphaned-creator', workspace_id: dflt.id, creator_user_id: 'user_gone' });
  if (a.interruptedCreation) newKey(live, { name: 'oradmin-pending:0123abcd:new-bot', workspace_id: dflt.id });
  if (a.unknownProviderSort) dflt.default_provider_sort = 'fastest-first';
  if (a.unknownBuiltinFilter) newGuardrail(live, { name: 'dna', workspace_id: dflt.id, content_filter_builtins: [{ slug: 'dna-sequence', action: 'block' }] });
  if (a.retiredModel) newGuardrail(live, { name: 'old-models', workspace_id: dflt.id, allowed_models: ['openai/gpt-3-davinci'] });
}
