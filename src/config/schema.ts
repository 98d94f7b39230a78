// The desired-state file format, version 1 (PRODUCT.md section 3). One zod schema validates the
// file, generates the JSON Schema for editors (`oradmin schema`) and the README's field reference.
// Field names and constraints follow the management API reference
// (shared/openrouter-api/management.openapi.yaml) so that its documentation explains them.
// Cross-object rules (references, uniqueness, budget order, policy) live in rules.ts and policy.ts.
import * as z from 'zod';
import { compiled } from '../zod-setup.js';
import { LIFECYCLE_DURATION_PATTERN, parseLifecycleDuration } from '../duration.js';

const d = (description: string) => ({ description });

// --- shared pieces ---------------------------------------------------------------------------

/** CreateWorkspaceRequest.slug: lowercase alphanumeric segments separated by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export { DEFAULT_WORKSPACE } from '../default-workspace.js';

/** The API accepts only UTC (`…Z`); we also require seconds so that the value is unambiguous. */
export const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

const usd = z.number().min(0);

const slug = z.string().min(1).max(50).regex(SLUG_PATTERN, {
  message: 'must be lowercase letters and digits in segments separated by single hyphens (e.g. "ml-research")',
});

const resetInterval = z.enum(['daily', 'weekly', 'monthly']);

/** Members are named by e-mail (resolved against /organization/members) or by user id. */
const memberRef = z.string().min(1);

const nameList = z.array(z.string().min(1));

const utcTimestamp = z
  .string()
  .regex(UTC_TIMESTAMP, { message: 'must be a UTC timestamp with seconds, like 2027-06-30T00:00:00Z' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a real date and time' });

/** The key lifecycle's durations (src/duration.ts): minutes to weeks. */
const DURATION_MESSAGE = 'must be a duration like 30d, 12h, 2w or 90m (<n>m, <n>h, <n>d or <n>w)';
const lifecycleDuration = z
  .string()
  .regex(LIFECYCLE_DURATION_PATTERN, { message: DURATION_MESSAGE })
  .refine((s) => !LIFECYCLE_DURATION_PATTERN.test(s) || (parseLifecycleDuration(s) ?? 0) > 0, { message: 'must be longer than 0' });

/** An overlap may be zero: YAML `overlap: 0` is the number 0. */
const OVERLAP_MESSAGE = 'must be 0 or a duration like 2d, 12h or 90m (<n>m, <n>h, <n>d or <n>w)';
const overlapDuration = z.union([z.literal(0), z.string().regex(/^(?:0|\d+[mhdw])$/, { message: OVERLAP_MESSAGE })], { error: OVERLAP_MESSAGE });

// --- guardrails ----------------------------------------------------------------------------------

const contentFilterAction = z.enum(['redact', 'block', 'flag']);

const contentFilter = z
  .strictObject({
    pattern: z.string().min(1).meta(d('A regular expression matched against request messages.')),
    action: contentFilterAction.meta(d('What happens on a match: redact, block or flag.')),
    label: z.string().max(100).nullable().optional().meta(d('Label used in redaction placeholders or errors.')),
  })
  .meta(d('A custom regex content filter.'));

const contentFilterBuiltin = z
  .strictObject({
    slug: z
      .enum(['email', 'phone', 'ssn', 'credit-card', 'ip-address', 'person-name', 'address', 'regex-prompt-injection'])
      .meta(d('The builtin filter.')),
    action: contentFilterAction.meta(d('What happens when it triggers: redact, block or flag.')),
    scan_scope: z
      .enum(['user_only', 'all_messages'])
      .optional()
      .meta(d('Message roles scanned (regex-prompt-injection only). API default: all_messages.')),
  })
  .meta(d('A builtin content filter (PII detectors, prompt-injection detector).'));

/** Guardrail settings shared by named guardrails and a workspace's default guardrail. */
const guardrailSettings = {
  description: z.string().max(1000).nullable().optional().meta(d('Description of the guardrail. Omitted: none.')),
  limit_usd: usd.nullable().optional().meta(d('Spending limit in USD. Omitted: no limit.')),
  reset_interval: resetInterval
    .nullable()
    .optional()
    .meta(d('When the limit resets: daily, weekly or monthly. Needs limit_usd. Omitted: never.')),
  allowed_providers: nameList.nullable().optional().meta(d('Only these providers may serve requests. Omitted: all.')),
  allowed_models: nameList
    .nullable()
    .optional()
    .meta(d('Only these models (slug or canonical slug) may be used. Omitted: all.')),
  ignored_providers: nameList.nullable().optional().meta(d('Providers excluded from routing. Omitted: none.')),
  ignored_models: nameList.nullable().optional().meta(d('Models excluded from routing. Omitted: none.')),
  enforce_zdr: z
    .boolean()
    .nullable()
    .optional()
    .meta(d('Zero data retention for every provider family; shorthand for the five enforce_zdr_* fields not given.')),
  enforce_zdr_anthropic: z.boolean().nullable().optional().meta(d('Zero data retention for Anthropic models.')),
  enforce_zdr_openai: z.boolean().nullable().optional().meta(d('Zero data retention for OpenAI models.')),
  enforce_zdr_google: z.boolean().nullable().optional().meta(d('Zero data retention for Google models.')),
  enforce_zdr_xai: z.boolean().nullable().optional().meta(d('Zero data retention for xAI models.')),
  enforce_zdr_other: z.boolean().nullable().optional().meta(d('Zero data retention for all other models.')),
  enable_free_model_publication: z
    .boolean()
    .nullable()
    .optional()
    .meta(d('Allow free endpoints that publish prompts. Omitted: account setting.')),
  enable_free_model_training: z
    .boolean()
    .nullable()
    .optional()
    .meta(d('Allow free endpoints that train on request data. Omitted: account setting.')),
  enable_paid_model_training: z
    .boolean()
    .nullable()
    .optional()
    .meta(d('Allow paid endpoints that train on request data. Omitted: account setting.')),
  include_byok_in_budgets: z
    .boolean()
    .optional()
    .meta(d('Count bring-your-own-key spend toward limit_usd. Omitted: false.')),
  content_filters: z.array(contentFilter).nullable().optional().meta(d('Custom regex content filters. Omitted: none.')),
  content_filter_builtins: z
    .array(contentFilterBuiltin)
    .nullable()
    .optional()
    .meta(d('Builtin content filters. Omitted: none.')),
};


const defaultGuardrail = z
  .strictObject(guardrailSettings)
  .meta(
    d(
      "The workspace's default guardrail, which restricts all of its traffic. Omitted: not managed. " +
        'When present, omitted settings mean the API default.',
    ),
  );

const guardrail = z
  .strictObject({
    name: z.string().min(1).max(200).meta(d('Name, unique within its workspace (identity).')),
    workspace: slug.optional().meta(d('Slug of the workspace it lives in. Default: default. Changing it replaces it.')),
    ...guardrailSettings,
    members: z
      .array(memberRef)
      .optional()
      .meta(d('Members bound to this guardrail, by e-mail or user id. Omitted: not managed; present: the full set.')),
    absent: z
      .boolean()
      .optional()
      .meta(d('true: delete this guardrail if it exists, and nothing else (give only name and workspace).')),
  })
  .meta(d('A guardrail: spend cap, model/provider lists, zero data retention, content filters.'));

// --- keys ------------------------------------------------------------------------------------------

const rotation = z
  .strictObject({
    every: lifecycleDuration
      .optional()
      .meta(d('A key at least this old (by its created_at) gets a successor. Required, here or in defaults.key.rotation.')),
    overlap: overlapDuration
      .optional()
      .meta(
        d(
          'How long the predecessor stays valid once its successor exists (0: retired as soon as the new secret is ' +
            'delivered). Required, here or in defaults.key.rotation; shorter than every.',
        ),
      ),
    retire: z
      .enum(['delete', 'disable'])
      .optional()
      .meta(d('What happens to the predecessor when the overlap has passed: delete (default) or disable.')),
  })
  .meta(
    d(
      'Rotate the key on a schedule: a successor with the declared settings, its secret delivered to the sink under ' +
        'the same entry, the predecessor valid for the overlap, then retired. Fields omitted here come from defaults.key.rotation.',
    ),
  );

const keySettings = {
  limit: usd.nullable().optional().meta(d('Spending limit in USD. Omitted: defaults.key.limit, else no limit.')),
  limit_reset: resetInterval
    .nullable()
    .optional()
    .meta(d('When the limit resets: daily, weekly or monthly (midnight UTC). Omitted: defaults.key, else never.')),
  include_byok_in_limit: z
    .boolean()
    .optional()
    .meta(d('Count bring-your-own-key usage toward the limit. Omitted: defaults.key, else false.')),
};

// A file declares keys by the thousand: compiled (zod-setup.ts).
const key = compiled(() =>
  z
    .strictObject({
      name: z.string().min(1).meta(d('Name, unique within its workspace (identity).')),
      workspace: slug.optional().meta(d('Slug of the workspace the key belongs to. Default: default.')),
      ...keySettings,
      expires_at: utcTimestamp
        .nullable()
        .optional()
        .meta(d('Expiry, UTC with seconds (2027-06-30T00:00:00Z). Omitted: never. Changing it replaces the key.')),
      expires_in: lifecycleDuration
        .optional()
        .meta(
          d(
            'Instead of expires_at: each key created for this declaration (and each successor of a rotation) expires this ' +
              'long after its creation, e.g. 30d. Compared with the live key\'s expires_at − created_at; changing it replaces the key.',
          ),
        ),
      rotation: rotation
        .nullable()
        .optional()
        .meta(d('Rotation of this key (see rotation in defaults.key); null: none, whatever defaults.key says.')),
      disabled: z.boolean().optional().meta(d('Disable the key. Omitted: false (enabled).')),
      guardrail: z
        .string()
        .min(1)
        .nullable()
        .optional()
        .meta(d('Name of the guardrail bound to the key, in the same workspace. Omitted: none.')),
      creator_user_id: memberRef
        .optional()
        .meta(d('Member who owns the key (e-mail or user id). Omitted: not managed. Changing it replaces the key.')),
      allow_replace: z
        .boolean()
        .optional()
        .meta(d('Allow apply to replace this key (new secret) when an immutable field changes.')),
      absent: z
        .boolean()
        .optional()
        .meta(d('true: delete this key if it exists, and nothing else (give only name and workspace).')),
    })
    .meta(d('An inference API key. Its secret goes only to the secrets sink.')),
);
/** One declared key (test/config/compiled-schemas.test.ts compares it with its jitless twin). */
export const KeyDeclSchema = key;

// --- workspaces ------------------------------------------------------------------------------------

export const BUDGET_INTERVALS = ['lifetime', 'monthly', 'weekly', 'daily'] as const;

const budgets = z
  .strictObject({
    lifetime: usd.positive().optional().meta(d('One-time budget in USD.')),
    monthly: usd.positive().optional().meta(d('Monthly budget in USD.')),
    weekly: usd.positive().optional().meta(d('Weekly budget in USD.')),
    daily: usd.positive().optional().meta(d('Daily budget in USD.')),
  })
  .meta(
    d(
      'Workspace budgets by interval; limits must strictly decrease as the interval narrows. ' +
        'Omitted: not managed; present: the full set (others are removed).',
    ),
  );

const workspace = z
  .strictObject({
    slug: slug.meta(d('URL-friendly slug (identity). The account workspace is "default".')),
    name: z.string().min(1).max(100).optional().meta(d('Display name. Omitted: not managed (the slug on creation).')),
    description: z.string().max(500).nullable().optional().meta(d('Description. Omitted: not managed.')),
    default_text_model: z.string().min(1).nullable().optional().meta(d('Default text model. Omitted: not managed.')),
    default_image_model: z.string().min(1).nullable().optional().meta(d('Default image model. Omitted: not managed.')),
    default_provider_sort: z
      .enum(['price', 'throughput', 'latency', 'exacto'])
      .nullable()
      .optional()
      .meta(d('Default provider sort. Omitted: not managed.')),
    is_observability_io_logging_enabled: z.boolean().optional().meta(d('Private I/O logging. Omitted: not managed.')),
    is_observability_broadcast_enabled: z.boolean().optional().meta(d('Broadcast. Omitted: not managed.')),
    is_data_discount_logging_enabled: z.boolean().optional().meta(d('Data discount logging. Omitted: not managed.')),
    io_logging_sampling_rate: z
      .number()
      .min(0.0001)
      .max(1)
      .optional()
      .meta(d('Share of requests logged, 0.0001 to 1. Omitted: not managed.')),
    io_logging_api_key_ids: z
      .array(z.number().int())
      .nullable()
      .optional()
      .meta(d('Only log these API key ids (null: all). Omitted: not managed.')),
    include_byok_in_budgets: z
      .boolean()
      .optional()
      .meta(d('Count bring-your-own-key spend toward the budgets. Needs budgets. Omitted: not managed.')),
    budgets: budgets.optional(),
    members: z
      .array(memberRef)
      .optional()
      .meta(
        d(
          'Members by e-mail or user id. Not allowed on the default workspace (membership is implicit). ' +
            'Omitted: not managed; present: the full set.',
        ),
      ),
    default_guardrail: defaultGuardrail.optional(),
    absent: z
      .boolean()
      .optional()
      .meta(d('true: delete this workspace if it exists, and nothing else (give only slug).')),
  })
  .meta(d('A workspace with its settings, budgets, members and default guardrail.'));

// --- top-level sections -------------------------------------------------------------------------

const secrets = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .optional()
      .meta(d('JSON file (mode 0600) that receives each new key, keyed by "<workspace>/<name>".')),
    command: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta(d('Command run once per new key with the secret as JSON on stdin (never argv or env).')),
    file_in_ci: z
      .boolean()
      .optional()
      .meta(
        d(
          'Allow a file sink when CI=true or GITHUB_ACTIONS=true. A CI runner is usually thrown away with the ' +
            'file, so apply refuses there unless this says the runner (or the path) persists.',
      ),
    ),
    timeout: z
      .string()
      .regex(/^\d+(ms|s|m|h)$/, { message: 'must be a duration like 60s, 5m or 500ms' })
      .optional()
      .meta(
        d(
          'How long the command may run for one key (default 60s). Past it, its process group is killed, ' +
            'the delivery fails and the new key is deleted.',
        ),
      ),
  })
  .meta(d('Where the secret of each newly created key goes. Required before apply may create a key.'));

const unmanagedPolicy = z.enum(['report', 'ignore', 'delete']);

const unmanaged = z
  .strictObject({
    keys: z
      .enum(['report', 'ignore', 'delete', 'disable'])
      .optional()
      .meta(d('Live keys not declared: report (default), ignore, delete or disable.')),
    guardrails: unmanagedPolicy.optional().meta(d('Live guardrails not declared: report (default), ignore or delete.')),
    workspaces: unmanagedPolicy.optional().meta(d('Live workspaces not declared: report (default), ignore or delete.')),
    members: unmanagedPolicy
      .optional()
      .meta(
        d(
          'Kept for older files; no effect: a declared members list is the complete set (unlisted members are ' +
            'removed) and an omitted one is not managed. Leave members alone with ignore.members.',
        ),
      ),
  })
  .meta(d('What to do with live objects this file does not declare.'));

const globs = z.array(z.string().min(1));

const offboarding = z
  .strictObject({
    keys: z
      .enum(['report', 'disable', 'delete'])
      .optional()
      .meta(
        d(
          'Keys not declared in this file whose creator_user_id is no longer an organization member: report (default: ' +
            'listed, and unmanaged: decides), disable or delete them (whatever unmanaged.keys says; ignore: still wins).',
        ),
      ),
  })
  .meta(d('What happens to the keys of people who left the organization.'));

const ignore = z
  .strictObject({
    keys: globs.optional().meta(d('Key names (glob) never touched nor reported.')),
    guardrails: globs.optional().meta(d('Guardrail names (glob) never touched nor reported.')),
    workspaces: globs.optional().meta(d('Workspace slugs (glob) never touched nor reported.')),
    members: globs.optional().meta(d('Member e-mails (glob) never touched nor reported.')),
  })
  .meta(d('Glob patterns (* and ?) on names of live objects to leave alone entirely.'));

const safety = z
  .strictObject({
    max_deletes: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta(d('More deletions, disables and replacements than this need --force. Default 10.')),
    max_change_fraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta(d('Deleting or replacing more than this share of at least 10 objects of a kind needs --force. Default 0.3.')),
  })
  .meta(d('Thresholds above which apply refuses without --force.'));

const policy = z
  .strictObject({
    keys: z
      .strictObject({
        require_limit: z.boolean().optional().meta(d('Every key must have a limit.')),
        max_limit: usd.optional().meta(d('No key limit above this many USD.')),
        require_expiry: z.boolean().optional().meta(d('Every key must have expires_at or expires_in.')),
        max_lifetime_days: z
          .number()
          .int()
          .positive()
          .optional()
          .meta(d('expires_at at most this many days ahead; expires_in at most this many days.')),
        require_guardrail: z.boolean().optional().meta(d('Every key must name a guardrail.')),
        require_rotation: z.boolean().optional().meta(d('Every key must rotate (rotation, on the key or in defaults.key).')),
        max_rotation_days: z
          .number()
          .int()
          .positive()
          .optional()
          .meta(d('rotation.every at most this many days.')),
        name_pattern: z
          .string()
          .min(1)
          .refine(isValidRegExp, { message: 'is not a valid regular expression' })
          .optional()
          .meta(d('Key names must match this regular expression.')),
      })
      .optional()
      .meta(d('Rules every declared key must follow.')),
    guardrails: z
      .strictObject({
        require_limit: z.boolean().optional().meta(d('Every guardrail must have limit_usd.')),
        max_limit_usd: usd.optional().meta(d('No guardrail limit_usd above this many USD.')),
      })
      .optional()
      .meta(d('Rules every declared guardrail (and default guardrail) must follow.')),
  })
  .meta(d('Governance rules checked by validate, plan and apply.'));

const defaults = z
  .strictObject({
    key: z
      .strictObject({
        ...keySettings,
        rotation: rotation.optional().meta(d('Rotation of every declared key, field by field unless the key sets it.')),
      })
      .optional()
      .meta(d('Values for keys that omit them.')),
  })
  .meta(d('Defaults applied to declared objects that omit a field.'));

export const fileSchema = z
  .strictObject({
    $schema: z.string().optional().meta(d('JSON Schema reference for editors; ignored.')),
    version: z.literal(1).meta(d('File format version; must be 1.')),
    secrets: secrets.optional(),
    unmanaged: unmanaged.optional(),
    ignore: ignore.optional(),
    offboarding: offboarding.optional(),
    safety: safety.optional(),
    policy: policy.optional(),
    defaults: defaults.optional(),
    workspaces: z.array(workspace).optional().meta(d('Workspaces; the account workspace has slug "default".')),
    guardrails: z.array(guardrail).optional().meta(d('Guardrails, each in a workspace (default: default).')),
    keys: z.array(key).optional().meta(d('Inference API keys, each in a workspace (default: default).')),
  })
  .meta({
    title: 'oradmin desired state (openrouter.admin.yaml)',
    description: 'An OpenRouter organization as code: keys, limits, guardrails and workspaces. See oradmin README.',
  });

export type FileConfig = z.infer<typeof fileSchema>;
export type WorkspaceDecl = z.infer<typeof workspace>;
export type GuardrailDecl = z.infer<typeof guardrail>;
export type DefaultGuardrailDecl = z.infer<typeof defaultGuardrail>;
export type KeyDecl = z.infer<typeof key>;
export type RotationDecl = z.infer<typeof rotation>;
export type BudgetsDecl = z.infer<typeof budgets>;
export type ContentFilterDecl = z.infer<typeof contentFilter>;
export type ContentFilterBuiltinDecl = z.infer<typeof contentFilterBuiltin>;

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The JSON Schema committed at schemas/openrouter.admin.schema.json and printed by `oradmin schema`. */
export function jsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(fileSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
}
