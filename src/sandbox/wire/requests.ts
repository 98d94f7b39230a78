// What a handler receives, typed: request bodies and query strings after they passed the
// document's schemas (openapi/request-validator.ts). These types only describe; the document is
// what validates. Field names and types follow the reference's request schemas.
export type ResetInterval = 'daily' | 'weekly' | 'monthly';
export type BudgetInterval = ResetInterval | 'lifetime';
export type FilterAction = 'redact' | 'block' | 'flag';

/** ContentFilterEntry. */
export interface ContentFilterInput {
  pattern: string;
  action: FilterAction;
  label?: string | null;
}

/** ContentFilterBuiltinEntryInput: `label` is deprecated, accepted and ignored. */
export interface ContentFilterBuiltinInput {
  slug: string;
  action: FilterAction;
  label?: string;
  scan_scope?: 'user_only' | 'all_messages';
}

/** POST /keys (createKeys). */
export interface CreateKeyBody {
  name: string;
  limit?: number | null;
  limit_reset?: ResetInterval | null;
  include_byok_in_limit?: boolean;
  expires_at?: string | null;
  workspace_id?: string;
  creator_user_id?: string | null;
}

/** PATCH /keys/{hash} (updateKeys). */
export interface UpdateKeyBody {
  name?: string;
  disabled?: boolean;
  limit?: number | null;
  limit_reset?: ResetInterval | null;
  include_byok_in_limit?: boolean;
}

/** The policy fields of CreateGuardrailRequest and UpdateGuardrailRequest. */
export interface GuardrailFields {
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
  content_filters?: ContentFilterInput[] | null;
  content_filter_builtins?: ContentFilterBuiltinInput[] | null;
  include_byok_in_budgets?: boolean;
}

/** CreateGuardrailRequest. */
export interface CreateGuardrailBody extends GuardrailFields {
  name: string;
  workspace_id?: string;
}

/** UpdateGuardrailRequest. */
export interface UpdateGuardrailBody extends GuardrailFields {
  name?: string;
}

/** The settings of CreateWorkspaceRequest and UpdateWorkspaceRequest. */
export interface WorkspaceSettingsInput {
  description?: string | null;
  default_text_model?: string | null;
  default_image_model?: string | null;
  default_provider_sort?: string | null;
  is_observability_io_logging_enabled?: boolean;
  is_observability_broadcast_enabled?: boolean;
  is_data_discount_logging_enabled?: boolean;
  io_logging_sampling_rate?: number;
  io_logging_api_key_ids?: number[] | null;
}

export interface CreateWorkspaceBody extends WorkspaceSettingsInput {
  name: string;
  slug: string;
}

export interface UpdateWorkspaceBody extends WorkspaceSettingsInput {
  name?: string;
  slug?: string;
}

/** UpsertWorkspaceBudgetRequest. */
export interface UpsertBudgetBody {
  limit_usd: number;
  include_byok_in_budgets?: boolean;
}

export interface KeyHashesBody {
  key_hashes: string[];
}

export interface MemberUserIdsBody {
  member_user_ids: string[];
}

export interface UserIdsBody {
  user_ids: string[];
}

/** `offset` is `integer | null` in the reference (null when sent empty). */
export interface PagingQuery {
  offset?: number | null;
  /** The reference's default (50) is filled in by the validator. */
  limit?: number;
}

/** GET /keys (list). */
export interface ListKeysQuery {
  offset?: number | null;
  workspace_id?: string;
  include_disabled?: 'true' | 'false';
}

/** GET /guardrails. */
export interface ListGuardrailsQuery extends PagingQuery {
  workspace_id?: string;
}

/** GET /activity (getUserActivity). */
export interface ActivityQuery {
  date?: string;
  api_key_hash?: string;
  user_id?: string;
  workspace_id?: string;
  group_by?: 'workspace';
}
