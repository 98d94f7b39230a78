// The live organization as read from the management API, in the API's own field names.
// Produced by api/live-state.ts, consumed by the pure planner. Unknown fields the API may add
// pass through untouched (the reader parses tolerantly), so every interface is open-ended.

export type ResetInterval = 'daily' | 'weekly' | 'monthly';
export type BudgetInterval = ResetInterval | 'lifetime';

export interface LiveWorkspace {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  default_guardrail_id: string;
  default_text_model: string | null;
  default_image_model: string | null;
  default_provider_sort: string | null;
  is_observability_io_logging_enabled: boolean;
  is_observability_broadcast_enabled: boolean;
  is_data_discount_logging_enabled: boolean;
  io_logging_sampling_rate: number;
  io_logging_api_key_ids: number[] | null;
  include_byok_in_budgets?: boolean;
  created_at: string;
  updated_at: string | null;
  created_by: string | null;
  [extra: string]: unknown;
}

export interface LiveKey {
  hash: string;
  name: string;
  label: string;
  disabled: boolean;
  limit: number | null;
  limit_remaining: number | null;
  limit_reset: string | null;
  include_byok_in_limit: boolean;
  usage: number;
  usage_daily: number;
  usage_weekly: number;
  usage_monthly: number;
  byok_usage: number;
  byok_usage_daily: number;
  byok_usage_weekly: number;
  byok_usage_monthly: number;
  created_at: string;
  updated_at: string | null;
  expires_at?: string | null;
  creator_user_id: string | null;
  workspace_id: string;
  [extra: string]: unknown;
}

export interface ContentFilter {
  pattern: string;
  action: 'redact' | 'block' | 'flag';
  label?: string | null;
}

export interface ContentFilterBuiltin {
  slug: string;
  action: 'redact' | 'block' | 'flag';
  label?: string;
  scan_scope?: 'user_only' | 'all_messages';
}

export interface LiveGuardrail {
  id: string;
  name: string;
  workspace_id: string | null;
  description?: string | null;
  limit_usd?: number | null;
  reset_interval?: ResetInterval | null;
  allowed_providers?: string[] | null;
  allowed_models?: string[] | null;
  ignored_providers?: string[] | null;
  ignored_models?: string[] | null;
  enforce_zdr?: boolean | null;
  enforce_zdr_anthropic?: boolean | null;
  enforce_zdr_openai?: boolean | null;
  enforce_zdr_google?: boolean | null;
  enforce_zdr_xai?: boolean | null;
  enforce_zdr_other?: boolean | null;
  enable_free_model_publication?: boolean | null;
  enable_free_model_training?: boolean | null;
  enable_paid_model_training?: boolean | null;
  content_filters?: ContentFilter[] | null;
  content_filter_builtins?: ContentFilterBuiltin[] | null;
  include_byok_in_budgets: boolean;
  created_at: string;
  updated_at?: string | null;
  [extra: string]: unknown;
}

export interface LiveBudget {
  id: string;
  workspace_id: string;
  limit_usd: number;
  /** null is the lifetime (one-time) budget, as the API reports it. */
  reset_interval: ResetInterval | null;
  created_at: string;
  updated_at: string;
  [extra: string]: unknown;
}

export interface LiveWorkspaceMember {
  id: string;
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'member';
  created_at: string;
  [extra: string]: unknown;
}

export interface LiveKeyAssignment {
  id: string;
  key_hash: string;
  guardrail_id: string;
  key_name: string;
  key_label: string;
  assigned_by: string | null;
  created_at: string;
  [extra: string]: unknown;
}

export interface LiveMemberAssignment {
  id: string;
  user_id: string;
  organization_id: string;
  guardrail_id: string;
  assigned_by: string | null;
  created_at: string;
  [extra: string]: unknown;
}

export interface LiveOrgMember {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: 'org:admin' | 'org:member';
  [extra: string]: unknown;
}

export interface LiveModel {
  id: string;
  canonical_slug: string;
  name?: string;
  [extra: string]: unknown;
}

export interface LiveState {
  workspaces: LiveWorkspace[];
  /** Every key of every workspace, disabled ones included. */
  keys: LiveKey[];
  /** Every guardrail of every workspace; workspace default guardrails are told apart by id. */
  guardrails: LiveGuardrail[];
  /**
   * oradmin's apply leases (reserved-names.ts), kept out of `guardrails` so that nothing plans,
   * reports, exports or counts them. Read only to tell which other runs are in flight.
   */
  leases?: LiveGuardrail[];
  /** Workspace id → its budgets (the budgets list is per workspace and not paginated). */
  budgets: LiveBudget[];
  /** Workspace id → include_byok_in_budgets as reported by the budgets list. */
  budgetSettings: Record<string, { include_byok_in_budgets: boolean }>;
  workspaceMembers: LiveWorkspaceMember[];
  keyAssignments: LiveKeyAssignment[];
  memberAssignments: LiveMemberAssignment[];
  orgMembers: LiveOrgMember[];
  /** Only read when the desired state names models; maps slugs to canonical slugs. */
  models?: LiveModel[];
}
