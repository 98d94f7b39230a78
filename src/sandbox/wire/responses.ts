// The objects the sandbox answers with, in the reference's field names (its response schemas:
// the key object of /keys, Guardrail, Workspace, WorkspaceBudget, WorkspaceMember,
// GuardrailKeyAssignment, GuardrailMemberAssignment, OrganizationMember). The state helpers that
// tests use return them too. Type aliases, not interfaces, so that they are assignable wherever
// an open-ended record of the same fields is expected.
import type { FilterAction, ResetInterval } from './requests.js';

export type ApiKey = {
  hash: string;
  name: string;
  label: string;
  disabled: boolean;
  limit: number | null;
  limit_remaining: number | null;
  limit_reset: ResetInterval | null;
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
  expires_at: string | null;
  creator_user_id: string | null;
  workspace_id: string;
  /** Not in the reference; @openrouter/sdk 1.3.x requires it (openapi/sdk-extensions.ts). */
  external_user: null;
};

export type ContentFilter = { pattern: string; action: FilterAction; label?: string | null };
export type ContentFilterBuiltin = {
  slug: string;
  action: FilterAction;
  /** System-assigned, derived from the slug. */
  label: string;
  scan_scope?: 'user_only' | 'all_messages';
};

export type Guardrail = {
  id: string;
  name: string;
  workspace_id: string | null;
  description: string | null;
  limit_usd: number | null;
  reset_interval: ResetInterval | null;
  allowed_providers: string[] | null;
  allowed_models: string[] | null;
  ignored_providers: string[] | null;
  ignored_models: string[] | null;
  enforce_zdr: boolean | null;
  enforce_zdr_anthropic: boolean | null;
  enforce_zdr_openai: boolean | null;
  enforce_zdr_google: boolean | null;
  enforce_zdr_xai: boolean | null;
  enforce_zdr_other: boolean | null;
  enable_free_model_publication: boolean | null;
  enable_free_model_training: boolean | null;
  enable_paid_model_training: boolean | null;
  content_filters: ContentFilter[] | null;
  content_filter_builtins: ContentFilterBuiltin[] | null;
  include_byok_in_budgets: boolean;
  created_at: string;
  updated_at: string | null;
};

export type Workspace = {
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
  include_byok_in_budgets: boolean;
  created_at: string;
  updated_at: string | null;
  created_by: string | null;
};

export type WorkspaceBudget = {
  id: string;
  workspace_id: string;
  limit_usd: number;
  /** null for the lifetime budget. */
  reset_interval: ResetInterval | null;
  created_at: string;
  updated_at: string;
};

export type WorkspaceMember = {
  id: string;
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'member';
  created_at: string;
};

export type KeyAssignment = {
  id: string;
  key_hash: string;
  guardrail_id: string;
  key_name: string;
  key_label: string;
  assigned_by: string | null;
  created_at: string;
};

export type MemberAssignment = {
  id: string;
  user_id: string;
  organization_id: string;
  guardrail_id: string;
  assigned_by: string | null;
  created_at: string;
};

export type OrganizationMember = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: 'org:admin' | 'org:member';
};

export type Credits = { total_credits: number; total_usage: number };
