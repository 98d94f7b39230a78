// The seed document: the initial organization, in the API's own field names, with workspaces
// named by slug, members by email or id, keys by name or hash and guardrails by name. Strict, so
// that a misspelt field is an error rather than a silently empty organization.
import * as z from 'zod';
import {
  CreateWorkspaceRequest,
  KeyLimitReset,
  OrganizationMemberRole,
  UpdateGuardrailRequest,
  UtcDateTime,
  WorkspaceBudgetInterval,
  WorkspaceSlug,
} from '../api/schemas.js';
import { isCalendarDate } from './state/activity.js';

const Usage = z.number().min(0).optional();

export const SeedOrgMember = z.strictObject({
  id: z.string().min(1),
  email: z.string().min(1),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  role: OrganizationMemberRole.optional(),
  scim_managed: z.boolean().optional(),
});

const { name: _name, slug: _slug, ...workspaceSettings } = CreateWorkspaceRequest.shape;
export const SeedWorkspace = z.strictObject({
  slug: WorkspaceSlug,
  /** Required for every workspace but `default`, whose name defaults to "Default Workspace". */
  name: z.string().min(1).max(100).optional(),
  ...workspaceSettings,
  created_at: UtcDateTime.optional(),
});

export const SeedKey = z.strictObject({
  name: z.string().min(1),
  /** Workspace slug; `default` when omitted. */
  workspace: z.string().min(1).optional(),
  limit: z.number().nullable().optional(),
  limit_reset: KeyLimitReset.optional(),
  include_byok_in_limit: z.boolean().optional(),
  disabled: z.boolean().optional(),
  /** May lie in the past: an expired key is a legitimate live state. */
  expires_at: UtcDateTime.nullable().optional(),
  /** Email or user id of an organization member; the management key's owner when omitted. */
  creator: z.string().min(1).nullable().optional(),
  created_at: UtcDateTime.optional(),
  /** SHA-256 hex of a secret nobody holds; generated from a fresh secret when omitted. */
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' })
    .optional(),
  usage: Usage,
  usage_daily: Usage,
  usage_weekly: Usage,
  usage_monthly: Usage,
  byok_usage: Usage,
  byok_usage_daily: Usage,
  byok_usage_weekly: Usage,
  byok_usage_monthly: Usage,
});

const { name: guardrailName, ...guardrailFields } = UpdateGuardrailRequest.shape;
export const SeedGuardrail = z.strictObject({
  name: guardrailName.unwrap(),
  /** Workspace slug; `default` when omitted. */
  workspace: z.string().min(1).optional(),
  ...guardrailFields,
  created_at: UtcDateTime.optional(),
});
/** Policy fields of a workspace's default guardrail (its name is derived). */
export const SeedDefaultGuardrail = z.strictObject(guardrailFields);

export const SeedKeyAssignment = z.strictObject({
  /** Key name (unique within the workspace) or hash. */
  key: z.string().min(1),
  workspace: z.string().min(1).optional(),
  /** Guardrail name in the same workspace. */
  guardrail: z.string().min(1),
});

export const SeedMemberAssignment = z.strictObject({
  /** Email or user id. */
  member: z.string().min(1),
  guardrail: z.string().min(1),
  workspace: z.string().min(1).optional(),
});

export const SeedWorkspaceMember = z.strictObject({
  workspace: z.string().min(1),
  member: z.string().min(1),
});

export const SeedBudget = z.strictObject({
  workspace: z.string().min(1),
  interval: WorkspaceBudgetInterval,
  limit_usd: z.number().gt(0),
  /** Workspace-wide, as in PUT /workspaces/{id}/budgets/{interval}. */
  include_byok_in_budgets: z.boolean().optional(),
});

const Count = z.int().min(0);

/**
 * A raw activity row (GET /activity aggregates them). Dated by `date` or by `days_ago` (counted
 * back from the sandbox's clock at start, so that a demo seed never goes stale).
 */
export const SeedActivity = z
  .strictObject({
    date: z
      .string()
      .refine(isCalendarDate, { error: 'must be a UTC date in YYYY-MM-DD format' })
      .optional(),
    days_ago: Count.optional(),
    model: z.string().min(1),
    /** Defaults to the model's canonical slug in the sandbox's catalog. */
    model_permaslug: z.string().min(1).optional(),
    provider_name: z.string().min(1),
    /** Derived from model and provider when omitted. */
    endpoint_id: z.string().min(1).optional(),
    /** A key's name in `workspace` (or its hash). */
    key: z.string().min(1).optional(),
    /** Email or user id; the key's creator when omitted. */
    member: z.string().min(1).optional(),
    /** Workspace slug; `default` when omitted. */
    workspace: z.string().min(1).optional(),
    usage: z.number().min(0),
    byok_usage_inference: z.number().min(0).optional(),
    requests: Count,
    prompt_tokens: Count.optional(),
    completion_tokens: Count.optional(),
    reasoning_tokens: Count.optional(),
  })
  .refine((row) => (row.date === undefined) !== (row.days_ago === undefined), {
    error: 'give either date or days_ago',
  });

export const SeedDocument = z.strictObject({
  organization_id: z.string().min(1).optional(),
  /** At least one org:admin: the first one owns the management key. */
  organization_members: z.array(SeedOrgMember).min(1).optional(),
  credits: z.strictObject({ total_credits: z.number(), total_usage: z.number() }).optional(),
  workspaces: z.array(SeedWorkspace).optional(),
  keys: z.array(SeedKey).optional(),
  guardrails: z.array(SeedGuardrail).optional(),
  /** Workspace slug → fields of its materialized default guardrail. */
  default_guardrails: z.record(z.string(), SeedDefaultGuardrail).optional(),
  key_assignments: z.array(SeedKeyAssignment).optional(),
  member_assignments: z.array(SeedMemberAssignment).optional(),
  workspace_members: z.array(SeedWorkspaceMember).optional(),
  budgets: z.array(SeedBudget).optional(),
  activity: z.array(SeedActivity).optional(),
});

export type SeedOrgMember = z.input<typeof SeedOrgMember>;
export type SeedWorkspace = z.input<typeof SeedWorkspace>;
export type SeedKey = z.input<typeof SeedKey>;
export type SeedGuardrail = z.input<typeof SeedGuardrail>;
export type SeedDefaultGuardrail = z.input<typeof SeedDefaultGuardrail>;
export type SeedActivity = z.input<typeof SeedActivity>;
export type SeedDocument = z.input<typeof SeedDocument>;
