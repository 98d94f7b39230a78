// Hand-made live states for pure planner tests: compact descriptions in, API-shaped objects out.
import { createHash } from 'node:crypto';
import type {
  LiveBudget,
  LiveGuardrail,
  LiveKey,
  LiveOrgMember,
  LiveState,
  LiveWorkspace,
} from '../../src/core/live.js';

let counter = 0;
export function fakeId(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A workspace as the API creates it: settings at their defaults. */
export function newWorkspace(id: string, slug: string, createdAt: string): LiveWorkspace {
  return {
    id,
    slug,
    name: slug,
    description: null,
    default_guardrail_id: fakeId(`dg:${id}`),
    default_text_model: null,
    default_image_model: null,
    default_provider_sort: null,
    is_observability_io_logging_enabled: false,
    is_observability_broadcast_enabled: false,
    is_data_discount_logging_enabled: false,
    io_logging_sampling_rate: 1,
    io_logging_api_key_ids: null,
    created_at: createdAt,
    updated_at: null,
    created_by: null,
  };
}

export interface LiveSpec {
  workspaces?: (Partial<LiveWorkspace> & { slug: string })[];
  keys?: (Partial<LiveKey> & { name: string; workspace?: string; guardrail?: string })[];
  guardrails?: (Partial<LiveGuardrail> & { name: string; workspace?: string; members?: string[] })[];
  defaultGuardrails?: Record<string, Partial<LiveGuardrail>>;
  budgets?: { workspace: string; interval: 'daily' | 'weekly' | 'monthly' | 'lifetime'; limit_usd: number }[];
  workspaceMembers?: { workspace: string; email: string }[];
  members?: string[];
  byok?: Record<string, boolean>;
}

export function liveState(spec: LiveSpec = {}): LiveState {
  const ts = '2026-01-01T00:00:00.000Z';
  const wsSpecs = spec.workspaces ?? [];
  if (!wsSpecs.some((w) => w.slug === 'default')) wsSpecs.unshift({ slug: 'default', name: 'Default Workspace' });
  const workspaces: LiveWorkspace[] = wsSpecs.map((w) => ({ ...newWorkspace(fakeId(`ws:${w.slug}`), w.slug, ts), include_byok_in_budgets: false, ...w }));
  const wsId = (slug = 'default') => workspaces.find((w) => w.slug === slug)!.id;
  const orgMembers: LiveOrgMember[] = (spec.members ?? []).map((email) => ({
    id: `user_${email.split('@')[0]}`,
    email,
    first_name: null,
    last_name: null,
    role: 'org:member',
  }));
  const memberId = (email: string) => orgMembers.find((m) => m.email === email)?.id ?? email;
  const guardrails: LiveGuardrail[] = (spec.guardrails ?? []).map(({ workspace, members: _m, ...g }) => ({
    id: fakeId(`g:${workspace ?? 'default'}:${g.name}`),
    workspace_id: wsId(workspace),
    include_byok_in_budgets: false,
    created_at: ts,
    ...g,
  }));
  for (const [slug, g] of Object.entries(spec.defaultGuardrails ?? {})) {
    const ws = workspaces.find((w) => w.slug === slug)!;
    guardrails.push({ id: ws.default_guardrail_id, name: `${ws.name} default guardrail`, workspace_id: ws.id, include_byok_in_budgets: false, created_at: ts, ...g });
  }
  const keys: LiveKey[] = (spec.keys ?? []).map(({ workspace, guardrail: _g, ...k }) => ({
    hash: createHash('sha256').update(`key:${workspace ?? 'default'}:${k.name}:${counter++}`).digest('hex'),
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
    created_at: ts,
    updated_at: null,
    expires_at: null,
    creator_user_id: null,
    workspace_id: wsId(workspace),
    ...k,
  }));
  const keyAssignments = (spec.keys ?? []).flatMap((k, i) => {
    if (!k.guardrail) return [];
    const g = guardrails.find((x) => x.name === k.guardrail && x.workspace_id === wsId(k.workspace))!;
    return [{ id: fakeId(`ka:${i}`), key_hash: keys[i]!.hash, guardrail_id: g.id, key_name: k.name, key_label: 'x', assigned_by: null, created_at: ts }];
  });
  const memberAssignments = (spec.guardrails ?? []).flatMap((g) =>
    (g.members ?? []).map((email) => ({
      id: fakeId(`ma:${g.name}:${email}`),
      user_id: memberId(email),
      organization_id: 'org_1',
      guardrail_id: guardrails.find((x) => x.name === g.name && x.workspace_id === wsId(g.workspace))!.id,
      assigned_by: null,
      created_at: ts,
    })),
  );
  const budgets: LiveBudget[] = (spec.budgets ?? []).map((b) => ({
    id: fakeId(`b:${b.workspace}:${b.interval}`),
    workspace_id: wsId(b.workspace),
    limit_usd: b.limit_usd,
    reset_interval: b.interval === 'lifetime' ? null : b.interval,
    created_at: ts,
    updated_at: ts,
  }));
  const budgetSettings: LiveState['budgetSettings'] = {};
  for (const w of workspaces) budgetSettings[w.id] = { include_byok_in_budgets: spec.byok?.[w.slug] ?? false };
  return {
    workspaces,
    keys,
    guardrails,
    budgets,
    budgetSettings,
    workspaceMembers: (spec.workspaceMembers ?? []).map((m) => ({
      id: fakeId(`wm:${m.workspace}:${m.email}`),
      workspace_id: wsId(m.workspace),
      user_id: memberId(m.email),
      role: 'member',
      created_at: ts,
    })),
    keyAssignments,
    memberAssignments,
    orgMembers,
  };
}
