// Records → the API's response objects (src/core/live.ts shapes), computing derived fields.
import type {
  LiveBudget,
  LiveGuardrail,
  LiveKey,
  LiveKeyAssignment,
  LiveMemberAssignment,
  LiveOrgMember,
  LiveWorkspace,
  LiveWorkspaceMember,
} from '../../core/live.js';
import { builtinFilterLabel } from './guardrail-policy.js';
import { usageAt } from './usage-periods.js';
import {
  ZDR_FIELDS,
  type BudgetRecord,
  type GuardrailRecord,
  type KeyAssignmentRecord,
  type KeyRecord,
  type KeyUsage,
  type MemberAssignmentRecord,
  type OrgMemberRecord,
  type WorkspaceRecord,
} from './records.js';
import type { SandboxState } from './sandbox-state.js';

/**
 * limit_remaining is the limit minus the usage of the current reset period (all-time usage when
 * the limit never resets), BYOK usage included when include_byok_in_limit; null without a limit.
 */
function limitRemaining(k: KeyRecord, u: KeyUsage): number | null {
  if (k.limit === null) return null;
  const period = k.limit_reset;
  const used = period === null ? u.usage : u[`usage_${period}`];
  const byok = period === null ? u.byok_usage : u[`byok_usage_${period}`];
  return k.limit - used - (k.include_byok_in_limit ? byok : 0);
}

/** A key as the API shows it at `now`: period usage counters reset (usage-periods.ts). */
export function keyView(k: KeyRecord, now: Date): LiveKey {
  const u = usageAt(k, k.usage_as_of, now);
  return {
    hash: k.hash,
    name: k.name,
    label: k.label,
    disabled: k.disabled,
    limit: k.limit,
    limit_remaining: limitRemaining(k, u),
    limit_reset: k.limit_reset,
    include_byok_in_limit: k.include_byok_in_limit,
    usage: u.usage,
    usage_daily: u.usage_daily,
    usage_weekly: u.usage_weekly,
    usage_monthly: u.usage_monthly,
    byok_usage: u.byok_usage,
    byok_usage_daily: u.byok_usage_daily,
    byok_usage_weekly: u.byok_usage_weekly,
    byok_usage_monthly: u.byok_usage_monthly,
    created_at: k.created_at,
    updated_at: k.updated_at,
    expires_at: k.expires_at,
    creator_user_id: k.creator_user_id,
    workspace_id: k.workspace_id,
    // Not in the reference, but required by @openrouter/sdk 1.3.x, which is newer than it
    // (shared/openrouter-api/README.md); null for keys not created for an external user.
    external_user: null,
  };
}

/** enforce_zdr (deprecated) reads as the per-provider value when all five agree, else null. */
function commonZdr(g: GuardrailRecord): boolean | null {
  const first = g[ZDR_FIELDS[0]];
  return first !== null && ZDR_FIELDS.every((f) => g[f] === first) ? first : null;
}

export function guardrailView(st: SandboxState, g: GuardrailRecord): LiveGuardrail {
  return {
    id: g.id,
    name: g.name ?? defaultGuardrailName(st, g.workspace_id),
    workspace_id: g.workspace_id,
    description: g.description,
    limit_usd: g.limit_usd,
    reset_interval: g.reset_interval,
    allowed_providers: g.allowed_providers && [...g.allowed_providers],
    allowed_models: g.allowed_models && [...g.allowed_models],
    ignored_providers: g.ignored_providers && [...g.ignored_providers],
    ignored_models: g.ignored_models && [...g.ignored_models],
    enforce_zdr: commonZdr(g),
    enforce_zdr_anthropic: g.enforce_zdr_anthropic,
    enforce_zdr_openai: g.enforce_zdr_openai,
    enforce_zdr_google: g.enforce_zdr_google,
    enforce_zdr_xai: g.enforce_zdr_xai,
    enforce_zdr_other: g.enforce_zdr_other,
    enable_free_model_publication: g.enable_free_model_publication,
    enable_free_model_training: g.enable_free_model_training,
    enable_paid_model_training: g.enable_paid_model_training,
    content_filters: g.content_filters && g.content_filters.map((f) => ({ ...f })),
    content_filter_builtins:
      g.content_filter_builtins && g.content_filter_builtins.map((b) => ({ ...b, label: builtinFilterLabel(b.slug) })),
    include_byok_in_budgets: g.include_byok_in_budgets,
    created_at: g.created_at,
    updated_at: g.updated_at,
  };
}

/** Reference: a default guardrail's name "is derived from its workspace and not editable". */
function defaultGuardrailName(st: SandboxState, workspaceId: string): string {
  return `${st.db.workspaces.get(workspaceId)?.name ?? 'Workspace'} default guardrail`;
}

export function workspaceView(w: WorkspaceRecord): LiveWorkspace {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    description: w.description,
    default_guardrail_id: w.default_guardrail_id,
    default_text_model: w.default_text_model,
    default_image_model: w.default_image_model,
    default_provider_sort: w.default_provider_sort,
    is_observability_io_logging_enabled: w.is_observability_io_logging_enabled,
    is_observability_broadcast_enabled: w.is_observability_broadcast_enabled,
    is_data_discount_logging_enabled: w.is_data_discount_logging_enabled,
    io_logging_sampling_rate: w.io_logging_sampling_rate,
    io_logging_api_key_ids: w.io_logging_api_key_ids && [...w.io_logging_api_key_ids],
    include_byok_in_budgets: w.include_byok_in_budgets,
    created_at: w.created_at,
    updated_at: w.updated_at,
    created_by: w.created_by,
  };
}

export function budgetView(b: BudgetRecord): LiveBudget {
  return {
    id: b.id,
    workspace_id: b.workspace_id,
    limit_usd: b.limit_usd,
    // The reference reports the lifetime budget as reset_interval null.
    reset_interval: b.interval === 'lifetime' ? null : b.interval,
    created_at: b.created_at,
    updated_at: b.updated_at,
  };
}

/** The member's workspace role follows their organization role (README, "Workspaces"). */
export function workspaceMemberView(
  m: { id: string; workspace_id: string; user_id: string; created_at: string },
  member: OrgMemberRecord | undefined,
): LiveWorkspaceMember {
  return {
    id: m.id,
    workspace_id: m.workspace_id,
    user_id: m.user_id,
    role: member?.role === 'org:admin' ? 'admin' : 'member',
    created_at: m.created_at,
  };
}

export function keyAssignmentView(a: KeyAssignmentRecord, key: KeyRecord): LiveKeyAssignment {
  return {
    id: a.id,
    key_hash: a.key_hash,
    guardrail_id: a.guardrail_id,
    key_name: key.name,
    key_label: key.label,
    assigned_by: a.assigned_by,
    created_at: a.created_at,
  };
}

export function memberAssignmentView(st: SandboxState, a: MemberAssignmentRecord): LiveMemberAssignment {
  return {
    id: a.id,
    user_id: a.user_id,
    organization_id: st.organizationId,
    guardrail_id: a.guardrail_id,
    assigned_by: a.assigned_by,
    created_at: a.created_at,
  };
}

export function orgMemberView(m: OrgMemberRecord): LiveOrgMember {
  return { id: m.id, email: m.email, first_name: m.first_name, last_name: m.last_name, role: m.role };
}
