// What the sandbox stores: one record type per kind of object, in the API's field names.
// Derived fields (a key's limit_remaining, a guardrail's enforce_zdr, a workspace member's role,
// a default guardrail's name) are not stored; views.ts computes them when answering.
import type { ContentFilterBuiltinEntryInput, ContentFilterEntry } from '../../api/schemas.js';

export type ResetInterval = 'daily' | 'weekly' | 'monthly';
export type BudgetInterval = ResetInterval | 'lifetime';
export type OrgRole = 'org:admin' | 'org:member';

export interface OrgMemberRecord {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: OrgRole;
  /** SCIM-managed members cannot be removed from a workspace (reference, bulkRemoveWorkspaceMembers). */
  scim_managed: boolean;
}

export interface WorkspaceSettings {
  description: string | null;
  default_text_model: string | null;
  default_image_model: string | null;
  default_provider_sort: string | null;
  is_observability_io_logging_enabled: boolean;
  is_observability_broadcast_enabled: boolean;
  is_data_discount_logging_enabled: boolean;
  io_logging_sampling_rate: number;
  io_logging_api_key_ids: number[] | null;
}

export interface WorkspaceRecord extends WorkspaceSettings {
  id: string;
  slug: string;
  /** Derived from `id` (ids.ts, uuidV5); the guardrail itself exists once materialized. */
  default_guardrail_id: string;
  name: string;
  /** Read-only on the workspace; written through PUT /workspaces/{id}/budgets/{interval}. */
  include_byok_in_budgets: boolean;
  created_at: string;
  updated_at: string | null;
  created_by: string | null;
}

export interface KeyUsage {
  usage: number;
  usage_daily: number;
  usage_weekly: number;
  usage_monthly: number;
  byok_usage: number;
  byok_usage_daily: number;
  byok_usage_weekly: number;
  byok_usage_monthly: number;
}

export interface KeyRecord extends KeyUsage {
  hash: string;
  name: string;
  label: string;
  disabled: boolean;
  limit: number | null;
  limit_reset: ResetInterval | null;
  include_byok_in_limit: boolean;
  created_at: string;
  updated_at: string | null;
  expires_at: string | null;
  creator_user_id: string | null;
  workspace_id: string;
  /** When the usage counters were last recorded: the daily, weekly and monthly ones reset after it. */
  usage_as_of: string;
  /** Creation order: breaks created_at ties in the newest-first /keys listing. */
  seq: number;
}

export const ZDR_FIELDS = [
  'enforce_zdr_anthropic',
  'enforce_zdr_openai',
  'enforce_zdr_google',
  'enforce_zdr_xai',
  'enforce_zdr_other',
] as const;
export type ZdrField = (typeof ZDR_FIELDS)[number];

export interface GuardrailPolicy extends Record<ZdrField, boolean | null> {
  description: string | null;
  limit_usd: number | null;
  reset_interval: ResetInterval | null;
  allowed_providers: string[] | null;
  /** Canonical slugs. */
  allowed_models: string[] | null;
  ignored_providers: string[] | null;
  /** Canonical slugs. */
  ignored_models: string[] | null;
  enable_free_model_publication: boolean | null;
  enable_free_model_training: boolean | null;
  enable_paid_model_training: boolean | null;
  content_filters: ContentFilterEntry[] | null;
  content_filter_builtins: Omit<ContentFilterBuiltinEntryInput, 'label'>[] | null;
  include_byok_in_budgets: boolean;
}

export interface GuardrailRecord extends GuardrailPolicy {
  id: string;
  /** null for a workspace's default guardrail: its name is derived from the workspace's. */
  name: string | null;
  workspace_id: string;
  created_at: string;
  updated_at: string | null;
}

export interface BudgetRecord {
  id: string;
  workspace_id: string;
  interval: BudgetInterval;
  limit_usd: number;
  created_at: string;
  updated_at: string;
}

/** Explicit membership of a non-default workspace; the default workspace's is implicit. */
export interface WorkspaceMemberRecord {
  id: string;
  workspace_id: string;
  user_id: string;
  created_at: string;
}

export interface KeyAssignmentRecord {
  id: string;
  key_hash: string;
  guardrail_id: string;
  assigned_by: string | null;
  created_at: string;
}

export interface MemberAssignmentRecord {
  id: string;
  user_id: string;
  guardrail_id: string;
  assigned_by: string | null;
  created_at: string;
}

/**
 * One raw row of activity: what one key (or member) spent on one model endpoint on one UTC day in
 * one workspace. GET /activity filters and aggregates these (state/activity.ts).
 */
export interface ActivityRecord {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  model: string;
  model_permaslug: string;
  endpoint_id: string;
  provider_name: string;
  workspace_id: string;
  api_key_hash: string | null;
  user_id: string | null;
  usage: number;
  byok_usage_inference: number;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
}

/** The whole organization as plain data: what persist.ts writes and reads back. */
export interface OrgData {
  organization_id: string;
  credits: { total_credits: number; total_usage: number };
  orgMembers: OrgMemberRecord[];
  defaultWorkspaceId: string;
  workspaces: WorkspaceRecord[];
  keys: KeyRecord[];
  guardrails: GuardrailRecord[];
  budgets: BudgetRecord[];
  workspaceMembers: WorkspaceMemberRecord[];
  /** At most one per key (README: "A key holds at most one guardrail"). */
  keyAssignments: KeyAssignmentRecord[];
  memberAssignments: MemberAssignmentRecord[];
  /** Absent in a state saved before activity existed. */
  activity?: ActivityRecord[];
  /** Next value of the key creation counter. */
  nextSeq: number;
  /** Position of the deterministic id counter. */
  idCounter: number;
}
