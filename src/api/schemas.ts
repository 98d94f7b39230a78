// Zod transcription of OpenRouter's management API reference,
// shared/openrouter-api/management.openapi.yaml (components/schemas and the inline schemas of
// /key, /keys, /credits and /organization/members). One export per reference component, same name.
//
// Requests are STRICT: types, required fields, enums, length and item limits, patterns and uuid
// formats as the reference states them, and unknown fields rejected — the sandbox answers 400 with
// them and the client validates what it sends with them. Responses are LOOSE: the reference's
// required fields are checked, unknown fields pass through, because the live API (and the newer
// @openrouter/sdk) already returns fields this reference does not know (shared/openrouter-api/README.md).
//
// Update this file when the reference file is updated: re-read the changed components, never
// guess a field. Query schemas parse the string form of a query parameter, as it travels in a URL.
import * as z from 'zod';
import { compiled } from '../zod-setup.js';
import { PAGE_LIMIT_MAX } from './list-requests.js';

// Every schema here is built the first time it parses (z.lazy), not when the module loads: building
// all ~75 of them — requests, write answers, activity — cost ~25 ms of every command, and a plan
// parses only the list answers. The two objects parsed by the thousand are built eagerly, compiled.
const lazy = <T extends z.ZodType>(build: () => T): z.ZodLazy<T> => z.lazy(build);

// ---------------------------------------------------------------------------------------------
// Shared building blocks

/** Reference `format: uuid`. */
const Uuid = lazy(() => z.uuid());

/** A query-string integer (`type: integer`), parsed from its text. */
function queryInt(bounds: { min: number; max?: number }) {
  const n = bounds.max === undefined ? z.int().min(bounds.min) : z.int().min(bounds.min).max(bounds.max);
  return z
    .string()
    .regex(/^-?\d+$/, { error: 'must be an integer' })
    .transform(Number)
    .pipe(n);
}

export { KEYS_PAGE_SIZE, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from './list-requests.js';

/** `offset`: integer, minimum 0, default 0 (every paginated list). */
const OffsetParam = lazy(() => queryInt({ min: 0 }));
/** `limit`: integer 1..100, default 50 (every list but /keys). */
const LimitParam = lazy(() => queryInt({ min: 1, max: PAGE_LIMIT_MAX }));

/** Query of every paginated list except /keys and /guardrails. */
export const PaginationQuery = lazy(() => z.strictObject({
  offset: OffsetParam.optional(),
  limit: LimitParam.optional(),
}));

/** Error body of every non-2xx answer (BadRequestResponse, UnauthorizedResponse, ... share it). */
export const ErrorResponse = lazy(() => z.looseObject({
  error: z.looseObject({
    code: z.int(),
    message: z.string(),
    metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  }),
  openrouter_metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  user_id: z.string().nullable().optional(),
}));

// ---------------------------------------------------------------------------------------------
// Keys (/keys, /keys/{hash}, /key) — inline schemas in the reference, named after their operation.

/** `limit_reset` of a key: enum daily|weekly|monthly|null. */
export const KeyLimitReset = lazy(() => z.enum(['daily', 'weekly', 'monthly']).nullable());

/** Reference: "ISO 8601 UTC timestamp ... Must be UTC, other timezones will be rejected". */
export const UtcDateTime = lazy(() => z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp ending in "Z"' }));

/** GET /keys query: `offset`, `workspace_id`, `include_disabled` only — no `limit`. */
export const ListKeysQuery = lazy(() => z.strictObject({
  offset: OffsetParam.optional(),
  workspace_id: Uuid.optional(),
  // `type: string` with `x-openrouter-type: boolean`: the literal text true/false.
  include_disabled: z.enum(['true', 'false']).optional(),
}));

/** POST /keys body. `disabled` is not part of it (README, "Keys"). */
export const CreateKeysRequest = lazy(() => z.strictObject({
  name: z.string().min(1),
  limit: z.number().nullable().optional(),
  limit_reset: KeyLimitReset.optional(),
  include_byok_in_limit: z.boolean().optional(),
  expires_at: UtcDateTime.nullable().optional(),
  workspace_id: Uuid.optional(),
  creator_user_id: z.string().min(1).nullable().optional(),
}));

/** PATCH /keys/{hash} body: workspace_id, expires_at and creator_user_id are create-only. */
export const UpdateKeysRequest = lazy(() => z.strictObject({
  name: z.string().optional(),
  disabled: z.boolean().optional(),
  limit: z.number().nullable().optional(),
  limit_reset: KeyLimitReset.optional(),
  include_byok_in_limit: z.boolean().optional(),
}));

const usageFields = () => ({
  usage: z.number(),
  usage_daily: z.number(),
  usage_weekly: z.number(),
  usage_monthly: z.number(),
  byok_usage: z.number(),
  byok_usage_daily: z.number(),
  byok_usage_weekly: z.number(),
  byok_usage_monthly: z.number(),
});

/** The API key object returned by /keys and /keys/{hash}: parsed by the thousand, so compiled. */
export const KeyObject = compiled(() =>
  z.looseObject({
    hash: z.string(),
    name: z.string(),
    label: z.string(),
    disabled: z.boolean(),
    limit: z.number().nullable(),
    limit_remaining: z.number().nullable(),
    limit_reset: z.string().nullable(),
    include_byok_in_limit: z.boolean(),
    ...usageFields(),
    created_at: z.string(),
    updated_at: z.string().nullable(),
    expires_at: z.string().nullable().optional(),
    creator_user_id: z.string().nullable(),
    workspace_id: z.string(),
  }),
);

export const ListKeysResponse = lazy(() => z.looseObject({ data: z.array(KeyObject) }));
export const CreateKeysResponse = lazy(() => z.looseObject({ data: KeyObject, key: z.string() }));
export const GetKeyResponse = lazy(() => z.looseObject({ data: KeyObject }));
export const UpdateKeysResponse = lazy(() => z.looseObject({ data: KeyObject }));
export const DeleteKeysResponse = lazy(() => z.looseObject({ deleted: z.literal(true) }));

/** GET /key: the key of the current session (here, the management key). */
export const CurrentKey = lazy(() => z.looseObject({
  label: z.string(),
  limit: z.number().nullable(),
  limit_remaining: z.number().nullable(),
  limit_reset: z.string().nullable(),
  include_byok_in_limit: z.boolean(),
  ...usageFields(),
  is_free_tier: z.boolean(),
  is_management_key: z.boolean(),
  is_provisioning_key: z.boolean(),
  creator_user_id: z.string().nullable(),
  expires_at: z.string().nullable().optional(),
  rate_limit: z.looseObject({ requests: z.int(), interval: z.string(), note: z.string() }),
}));
export const GetCurrentKeyResponse = lazy(() => z.looseObject({ data: CurrentKey }));

/** GET /credits. */
export const GetCreditsResponse = lazy(() => z.looseObject({
  data: z.looseObject({ total_credits: z.number(), total_usage: z.number() }),
}));

// ---------------------------------------------------------------------------------------------
// Organization members

export const OrganizationMemberRole = lazy(() => z.enum(['org:admin', 'org:member']));

export const OrganizationMember = lazy(() => z.looseObject({
  id: z.string(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  role: OrganizationMemberRole,
}));
export const ListOrganizationMembersResponse = lazy(() => z.looseObject({
  data: z.array(OrganizationMember),
  total_count: z.int(),
}));

// ---------------------------------------------------------------------------------------------
// Guardrails

/** GuardrailInterval: daily|weekly|monthly|null. */
export const GuardrailInterval = lazy(() => z.enum(['daily', 'weekly', 'monthly']).nullable());
export const ContentFilterAction = lazy(() => z.enum(['redact', 'block', 'flag']));
export const ContentFilterBuiltinAction = lazy(() => z.enum(['redact', 'block', 'flag']));
export const ContentFilterBuiltinSlug = lazy(() => z.enum([
  'email',
  'phone',
  'ssn',
  'credit-card',
  'ip-address',
  'person-name',
  'address',
  'regex-prompt-injection',
]));
export const PromptInjectionScanScope = lazy(() => z.enum(['user_only', 'all_messages']));

const contentFilterEntryFields = () => ({
  pattern: z.string().min(1),
  action: ContentFilterAction,
  label: z.string().max(100).nullable().optional(),
});
export const ContentFilterEntry = lazy(() => z.strictObject(contentFilterEntryFields()));

/** Builtin filter as sent: `label` is deprecated, accepted and ignored. */
export const ContentFilterBuiltinEntryInput = lazy(() => z.strictObject({
  slug: ContentFilterBuiltinSlug,
  action: ContentFilterBuiltinAction,
  label: z.string().max(100).optional(),
  scan_scope: PromptInjectionScanScope.optional(),
}));

/** Builtin filter as returned: `label` is system-assigned. */
export const ContentFilterBuiltinEntry = lazy(() => z.looseObject({
  slug: ContentFilterBuiltinSlug,
  action: ContentFilterBuiltinAction,
  label: z.string().optional(),
  scan_scope: PromptInjectionScanScope.optional(),
}));

/** The list fields: `minItems: 1` or null (an empty list is written as null). */
const NonEmptyStringList = lazy(() => z.array(z.string()).min(1).nullable());

const guardrailWritableFields = () => ({
  description: z.string().max(1000).nullable().optional(),
  limit_usd: z.number().nullable().optional(),
  reset_interval: GuardrailInterval.optional(),
  allowed_providers: NonEmptyStringList.optional(),
  allowed_models: NonEmptyStringList.optional(),
  ignored_providers: NonEmptyStringList.optional(),
  ignored_models: NonEmptyStringList.optional(),
  enforce_zdr: z.boolean().nullable().optional(),
  enforce_zdr_anthropic: z.boolean().nullable().optional(),
  enforce_zdr_openai: z.boolean().nullable().optional(),
  enforce_zdr_google: z.boolean().nullable().optional(),
  enforce_zdr_xai: z.boolean().nullable().optional(),
  enforce_zdr_other: z.boolean().nullable().optional(),
  enable_free_model_publication: z.boolean().nullable().optional(),
  enable_free_model_training: z.boolean().nullable().optional(),
  enable_paid_model_training: z.boolean().nullable().optional(),
  content_filters: z.array(ContentFilterEntry).nullable().optional(),
  content_filter_builtins: z.array(ContentFilterBuiltinEntryInput).nullable().optional(),
  include_byok_in_budgets: z.boolean().optional(),
});

export const CreateGuardrailRequest = lazy(() => z.strictObject({
  name: z.string().min(1).max(200),
  workspace_id: Uuid.optional(),
  ...guardrailWritableFields(),
}));

export const UpdateGuardrailRequest = lazy(() => z.strictObject({
  name: z.string().min(1).max(200).optional(),
  ...guardrailWritableFields(),
}));

/** GET /guardrails query: pagination plus `workspace_id`. */
export const ListGuardrailsQuery = lazy(() => z.strictObject({
  offset: OffsetParam.optional(),
  limit: LimitParam.optional(),
  workspace_id: Uuid.optional(),
}));

export const Guardrail = lazy(() => z.looseObject({
  id: z.string(),
  name: z.string(),
  workspace_id: z.string().nullable(),
  description: z.string().nullable().optional(),
  limit_usd: z.number().nullable().optional(),
  reset_interval: GuardrailInterval.optional(),
  allowed_providers: z.array(z.string()).nullable().optional(),
  allowed_models: z.array(z.string()).nullable().optional(),
  ignored_providers: z.array(z.string()).nullable().optional(),
  ignored_models: z.array(z.string()).nullable().optional(),
  enforce_zdr: z.boolean().nullable().optional(),
  enforce_zdr_anthropic: z.boolean().nullable().optional(),
  enforce_zdr_openai: z.boolean().nullable().optional(),
  enforce_zdr_google: z.boolean().nullable().optional(),
  enforce_zdr_xai: z.boolean().nullable().optional(),
  enforce_zdr_other: z.boolean().nullable().optional(),
  enable_free_model_publication: z.boolean().nullable().optional(),
  enable_free_model_training: z.boolean().nullable().optional(),
  enable_paid_model_training: z.boolean().nullable().optional(),
  content_filters: z.array(z.looseObject(contentFilterEntryFields())).nullable().optional(),
  content_filter_builtins: z.array(ContentFilterBuiltinEntry).nullable().optional(),
  include_byok_in_budgets: z.boolean(),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
}));

export const ListGuardrailsResponse = lazy(() => z.looseObject({ data: z.array(Guardrail), total_count: z.int() }));
export const CreateGuardrailResponse = lazy(() => z.looseObject({ data: Guardrail }));
export const GetGuardrailResponse = lazy(() => z.looseObject({ data: Guardrail }));
export const UpdateGuardrailResponse = lazy(() => z.looseObject({ data: Guardrail }));
export const DeleteGuardrailResponse = lazy(() => z.looseObject({ deleted: z.literal(true) }));

// ---------------------------------------------------------------------------------------------
// Guardrail assignments

export const BulkAssignKeysRequest = lazy(() => z.strictObject({ key_hashes: z.array(z.string().min(1)).min(1) }));
export const BulkUnassignKeysRequest = lazy(() => z.strictObject({ key_hashes: z.array(z.string().min(1)).min(1) }));
export const BulkAssignMembersRequest = lazy(() => z.strictObject({ member_user_ids: z.array(z.string().min(1)).min(1) }));
export const BulkUnassignMembersRequest = lazy(() => z.strictObject({ member_user_ids: z.array(z.string().min(1)).min(1) }));

export const BulkAssignKeysResponse = lazy(() => z.looseObject({ assigned_count: z.int() }));
export const BulkUnassignKeysResponse = lazy(() => z.looseObject({ unassigned_count: z.int() }));
export const BulkAssignMembersResponse = lazy(() => z.looseObject({ assigned_count: z.int() }));
export const BulkUnassignMembersResponse = lazy(() => z.looseObject({ unassigned_count: z.int() }));

/** Parsed by the thousand (a binding per key), so compiled. */
export const KeyAssignment = compiled(() =>
  z.looseObject({
    id: z.string(),
    key_hash: z.string(),
    guardrail_id: z.string(),
    key_name: z.string(),
    key_label: z.string(),
    assigned_by: z.string().nullable(),
    created_at: z.string(),
  }),
);
export const MemberAssignment = lazy(() => z.looseObject({
  id: z.string(),
  user_id: z.string(),
  organization_id: z.string(),
  guardrail_id: z.string(),
  assigned_by: z.string().nullable(),
  created_at: z.string(),
}));
export const ListKeyAssignmentsResponse = lazy(() => z.looseObject({ data: z.array(KeyAssignment), total_count: z.int() }));
export const ListMemberAssignmentsResponse = lazy(() => z.looseObject({
  data: z.array(MemberAssignment),
  total_count: z.int(),
}));

// ---------------------------------------------------------------------------------------------
// Workspaces

/** Reference pattern: lowercase alphanumeric segments separated by single hyphens. */
export const WorkspaceSlug = lazy(() => z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase alphanumeric segments separated by single hyphens',
  }));

const workspaceSettingsFields = () => ({
  description: z.string().max(500).nullable().optional(),
  default_text_model: z.string().nullable().optional(),
  default_image_model: z.string().nullable().optional(),
  default_provider_sort: z.string().nullable().optional(),
  is_observability_io_logging_enabled: z.boolean().optional(),
  is_observability_broadcast_enabled: z.boolean().optional(),
  is_data_discount_logging_enabled: z.boolean().optional(),
  // The reference states the range in the description only: "Sampling rate for I/O logging (0.0001-1)".
  io_logging_sampling_rate: z.number().min(0.0001).max(1).optional(),
  io_logging_api_key_ids: z.array(z.int()).nullable().optional(),
});

export const CreateWorkspaceRequest = lazy(() => z.strictObject({
  name: z.string().min(1).max(100),
  slug: WorkspaceSlug,
  ...workspaceSettingsFields(),
}));

export const UpdateWorkspaceRequest = lazy(() => z.strictObject({
  name: z.string().min(1).max(100).optional(),
  slug: WorkspaceSlug.optional(),
  ...workspaceSettingsFields(),
}));

/** `{id}` of /workspaces/{id}...: the workspace UUID or its slug. */
export const WorkspaceRef = lazy(() => z.string().min(1));

export const Workspace = lazy(() => z.looseObject({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  default_guardrail_id: z.string(),
  default_text_model: z.string().nullable(),
  default_image_model: z.string().nullable(),
  default_provider_sort: z.string().nullable(),
  is_observability_io_logging_enabled: z.boolean(),
  is_observability_broadcast_enabled: z.boolean(),
  is_data_discount_logging_enabled: z.boolean(),
  io_logging_sampling_rate: z.number(),
  io_logging_api_key_ids: z.array(z.int()).nullable(),
  include_byok_in_budgets: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string().nullable(),
  created_by: z.string().nullable(),
}));

export const ListWorkspacesResponse = lazy(() => z.looseObject({ data: z.array(Workspace), total_count: z.int() }));
export const CreateWorkspaceResponse = lazy(() => z.looseObject({ data: Workspace }));
export const GetWorkspaceResponse = lazy(() => z.looseObject({ data: Workspace }));
export const UpdateWorkspaceResponse = lazy(() => z.looseObject({ data: Workspace }));
export const DeleteWorkspaceResponse = lazy(() => z.looseObject({ deleted: z.literal(true) }));

// ---------------------------------------------------------------------------------------------
// Workspace members

/** At most 100 user ids per call (maxItems: 100). */
export const BulkAddWorkspaceMembersRequest = lazy(() => z.strictObject({ user_ids: z.array(z.string()).min(1).max(100) }));
export const BulkRemoveWorkspaceMembersRequest = lazy(() => z.strictObject({
  user_ids: z.array(z.string()).min(1).max(100),
}));

export const WorkspaceMember = lazy(() => z.looseObject({
  id: z.string(),
  workspace_id: z.string(),
  user_id: z.string(),
  role: z.enum(['admin', 'member']),
  created_at: z.string(),
}));
export const ListWorkspaceMembersResponse = lazy(() => z.looseObject({
  data: z.array(WorkspaceMember),
  total_count: z.int(),
}));
export const BulkAddWorkspaceMembersResponse = lazy(() => z.looseObject({
  data: z.array(WorkspaceMember),
  added_count: z.int(),
}));
export const BulkRemoveWorkspaceMembersResponse = lazy(() => z.looseObject({ removed_count: z.int() }));

// ---------------------------------------------------------------------------------------------
// Workspace budgets

/** Path `{interval}`: "lifetime" is the one-time budget, reported as `reset_interval: null`. */
export const WorkspaceBudgetInterval = lazy(() => z.enum(['daily', 'weekly', 'monthly', 'lifetime']));

export const UpsertWorkspaceBudgetRequest = lazy(() => z.strictObject({
  // Reference: "Spending limit in USD. Must be greater than 0."
  limit_usd: z.number().gt(0),
  include_byok_in_budgets: z.boolean().optional(),
}));

export const WorkspaceBudget = lazy(() => z.looseObject({
  id: z.string(),
  workspace_id: z.string(),
  limit_usd: z.number(),
  reset_interval: z.enum(['daily', 'weekly', 'monthly']).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
}));

export const ListWorkspaceBudgetsResponse = lazy(() => z.looseObject({
  data: z.array(WorkspaceBudget),
  include_byok_in_budgets: z.boolean().optional(),
}));
export const GetWorkspaceBudgetResponse = lazy(() => z.looseObject({
  data: WorkspaceBudget,
  include_byok_in_budgets: z.boolean().optional(),
}));
export const UpsertWorkspaceBudgetResponse = lazy(() => z.looseObject({
  data: WorkspaceBudget,
  include_byok_in_budgets: z.boolean().optional(),
}));
export const DeleteWorkspaceBudgetResponse = lazy(() => z.looseObject({ deleted: z.literal(true) }));

// ---------------------------------------------------------------------------------------------
// Activity (GET /activity, getUserActivity)

/** ActivityItem: one day, model and endpoint; `workspace_id` only with `group_by=workspace`. */
export const ActivityItem = lazy(() => z.looseObject({
  date: z.string(),
  model: z.string(),
  model_permaslug: z.string(),
  endpoint_id: z.string(),
  provider_name: z.string(),
  usage: z.number(),
  byok_usage_inference: z.number(),
  requests: z.int(),
  prompt_tokens: z.int(),
  completion_tokens: z.int(),
  reasoning_tokens: z.int(),
  workspace_id: z.string().optional(),
}));

/** ActivityResponse. */
export const ActivityResponse = lazy(() => z.looseObject({ data: z.array(ActivityItem) }));

// ---------------------------------------------------------------------------------------------
// Models — GET /models is not in the trimmed reference; only the fields used for slug checks.

export const Model = lazy(() => z.looseObject({ id: z.string(), canonical_slug: z.string(), name: z.string().optional() }));
export const ListModelsResponse = lazy(() => z.looseObject({ data: z.array(Model) }));

// ---------------------------------------------------------------------------------------------
// Inferred types of the request schemas (what a caller sends).

export type CreateKeysRequest = z.infer<typeof CreateKeysRequest>;
export type UpdateKeysRequest = z.infer<typeof UpdateKeysRequest>;
export type CreateGuardrailRequest = z.infer<typeof CreateGuardrailRequest>;
export type UpdateGuardrailRequest = z.infer<typeof UpdateGuardrailRequest>;
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequest>;
export type UpdateWorkspaceRequest = z.infer<typeof UpdateWorkspaceRequest>;
export type UpsertWorkspaceBudgetRequest = z.infer<typeof UpsertWorkspaceBudgetRequest>;
export type WorkspaceBudgetInterval = z.infer<typeof WorkspaceBudgetInterval>;
export type ContentFilterEntry = z.infer<typeof ContentFilterEntry>;
export type ContentFilterBuiltinEntryInput = z.infer<typeof ContentFilterBuiltinEntryInput>;
