import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  external_exports
} from "./chunk-543QZ3Z5.mjs";

// src/config/schema.ts
var d = (description) => ({ description });
var SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
var DEFAULT_WORKSPACE = "default";
var UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
var usd = external_exports.number().min(0);
var slug = external_exports.string().min(1).max(50).regex(SLUG_PATTERN, {
  message: 'must be lowercase letters and digits in segments separated by single hyphens (e.g. "ml-research")'
});
var resetInterval = external_exports.enum(["daily", "weekly", "monthly"]);
var memberRef = external_exports.string().min(1);
var nameList = external_exports.array(external_exports.string().min(1));
var utcTimestamp = external_exports.string().regex(UTC_TIMESTAMP, { message: "must be a UTC timestamp with seconds, like 2027-06-30T00:00:00Z" }).refine((s) => !Number.isNaN(Date.parse(s)), { message: "is not a real date and time" });
var contentFilterAction = external_exports.enum(["redact", "block", "flag"]);
var contentFilter = external_exports.strictObject({
  pattern: external_exports.string().min(1).meta(d("A regular expression matched against request messages.")),
  action: contentFilterAction.meta(d("What happens on a match: redact, block or flag.")),
  label: external_exports.string().max(100).nullable().optional().meta(d("Label used in redaction placeholders or errors."))
}).meta(d("A custom regex content filter."));
var contentFilterBuiltin = external_exports.strictObject({
  slug: external_exports.enum(["email", "phone", "ssn", "credit-card", "ip-address", "person-name", "address", "regex-prompt-injection"]).meta(d("The builtin filter.")),
  action: contentFilterAction.meta(d("What happens when it triggers: redact, block or flag.")),
  scan_scope: external_exports.enum(["user_only", "all_messages"]).optional().meta(d("Message roles scanned (regex-prompt-injection only). API default: all_messages."))
}).meta(d("A builtin content filter (PII detectors, prompt-injection detector)."));
var guardrailSettings = {
  description: external_exports.string().max(1e3).nullable().optional().meta(d("Description of the guardrail. Omitted: none.")),
  limit_usd: usd.nullable().optional().meta(d("Spending limit in USD. Omitted: no limit.")),
  reset_interval: resetInterval.nullable().optional().meta(d("When the limit resets: daily, weekly or monthly. Needs limit_usd. Omitted: never.")),
  allowed_providers: nameList.nullable().optional().meta(d("Only these providers may serve requests. Omitted: all.")),
  allowed_models: nameList.nullable().optional().meta(d("Only these models (slug or canonical slug) may be used. Omitted: all.")),
  ignored_providers: nameList.nullable().optional().meta(d("Providers excluded from routing. Omitted: none.")),
  ignored_models: nameList.nullable().optional().meta(d("Models excluded from routing. Omitted: none.")),
  enforce_zdr: external_exports.boolean().nullable().optional().meta(d("Zero data retention for every provider family; shorthand for the five enforce_zdr_* fields not given.")),
  enforce_zdr_anthropic: external_exports.boolean().nullable().optional().meta(d("Zero data retention for Anthropic models.")),
  enforce_zdr_openai: external_exports.boolean().nullable().optional().meta(d("Zero data retention for OpenAI models.")),
  enforce_zdr_google: external_exports.boolean().nullable().optional().meta(d("Zero data retention for Google models.")),
  enforce_zdr_xai: external_exports.boolean().nullable().optional().meta(d("Zero data retention for xAI models.")),
  enforce_zdr_other: external_exports.boolean().nullable().optional().meta(d("Zero data retention for all other models.")),
  enable_free_model_publication: external_exports.boolean().nullable().optional().meta(d("Allow free endpoints that publish prompts. Omitted: account setting.")),
  enable_free_model_training: external_exports.boolean().nullable().optional().meta(d("Allow free endpoints that train on request data. Omitted: account setting.")),
  enable_paid_model_training: external_exports.boolean().nullable().optional().meta(d("Allow paid endpoints that train on request data. Omitted: account setting.")),
  include_byok_in_budgets: external_exports.boolean().optional().meta(d("Count bring-your-own-key spend toward limit_usd. Omitted: false.")),
  content_filters: external_exports.array(contentFilter).nullable().optional().meta(d("Custom regex content filters. Omitted: none.")),
  content_filter_builtins: external_exports.array(contentFilterBuiltin).nullable().optional().meta(d("Builtin content filters. Omitted: none."))
};
var defaultGuardrail = external_exports.strictObject(guardrailSettings).meta(
  d(
    "The workspace's default guardrail, which restricts all of its traffic. Omitted: not managed. When present, omitted settings mean the API default."
  )
);
var guardrail = external_exports.strictObject({
  name: external_exports.string().min(1).max(200).meta(d("Name, unique within its workspace (identity).")),
  workspace: slug.optional().meta(d("Slug of the workspace it lives in. Default: default. Changing it replaces it.")),
  ...guardrailSettings,
  members: external_exports.array(memberRef).optional().meta(d("Members bound to this guardrail, by e-mail or user id. Omitted: not managed; present: the full set.")),
  absent: external_exports.boolean().optional().meta(d("true: delete this guardrail if it exists, and nothing else (give only name and workspace)."))
}).meta(d("A guardrail: spend cap, model/provider lists, zero data retention, content filters."));
var keySettings = {
  limit: usd.nullable().optional().meta(d("Spending limit in USD. Omitted: defaults.key.limit, else no limit.")),
  limit_reset: resetInterval.nullable().optional().meta(d("When the limit resets: daily, weekly or monthly (midnight UTC). Omitted: defaults.key, else never.")),
  include_byok_in_limit: external_exports.boolean().optional().meta(d("Count bring-your-own-key usage toward the limit. Omitted: defaults.key, else false."))
};
var key = external_exports.strictObject({
  name: external_exports.string().min(1).meta(d("Name, unique within its workspace (identity).")),
  workspace: slug.optional().meta(d("Slug of the workspace the key belongs to. Default: default.")),
  ...keySettings,
  expires_at: utcTimestamp.nullable().optional().meta(d("Expiry, UTC with seconds (2027-06-30T00:00:00Z). Omitted: never. Changing it replaces the key.")),
  disabled: external_exports.boolean().optional().meta(d("Disable the key. Omitted: false (enabled).")),
  guardrail: external_exports.string().min(1).nullable().optional().meta(d("Name of the guardrail bound to the key, in the same workspace. Omitted: none.")),
  creator_user_id: memberRef.optional().meta(d("Member who owns the key (e-mail or user id). Omitted: not managed. Changing it replaces the key.")),
  allow_replace: external_exports.boolean().optional().meta(d("Allow apply to replace this key (new secret) when an immutable field changes.")),
  absent: external_exports.boolean().optional().meta(d("true: delete this key if it exists, and nothing else (give only name and workspace)."))
}).meta(d("An inference API key. Its secret goes only to the secrets sink."));
var BUDGET_INTERVALS = ["lifetime", "monthly", "weekly", "daily"];
var budgets = external_exports.strictObject({
  lifetime: usd.positive().optional().meta(d("One-time budget in USD.")),
  monthly: usd.positive().optional().meta(d("Monthly budget in USD.")),
  weekly: usd.positive().optional().meta(d("Weekly budget in USD.")),
  daily: usd.positive().optional().meta(d("Daily budget in USD."))
}).meta(
  d(
    "Workspace budgets by interval; limits must strictly decrease as the interval narrows. Omitted: not managed; present: the full set (others are removed)."
  )
);
var workspace = external_exports.strictObject({
  slug: slug.meta(d('URL-friendly slug (identity). The account workspace is "default".')),
  name: external_exports.string().min(1).max(100).optional().meta(d("Display name. Omitted: not managed (the slug on creation).")),
  description: external_exports.string().max(500).nullable().optional().meta(d("Description. Omitted: not managed.")),
  default_text_model: external_exports.string().min(1).nullable().optional().meta(d("Default text model. Omitted: not managed.")),
  default_image_model: external_exports.string().min(1).nullable().optional().meta(d("Default image model. Omitted: not managed.")),
  default_provider_sort: external_exports.enum(["price", "throughput", "latency", "exacto"]).nullable().optional().meta(d("Default provider sort. Omitted: not managed.")),
  is_observability_io_logging_enabled: external_exports.boolean().optional().meta(d("Private I/O logging. Omitted: not managed.")),
  is_observability_broadcast_enabled: external_exports.boolean().optional().meta(d("Broadcast. Omitted: not managed.")),
  is_data_discount_logging_enabled: external_exports.boolean().optional().meta(d("Data discount logging. Omitted: not managed.")),
  io_logging_sampling_rate: external_exports.number().min(1e-4).max(1).optional().meta(d("Share of requests logged, 0.0001 to 1. Omitted: not managed.")),
  io_logging_api_key_ids: external_exports.array(external_exports.number().int()).nullable().optional().meta(d("Only log these API key ids (null: all). Omitted: not managed.")),
  include_byok_in_budgets: external_exports.boolean().optional().meta(d("Count bring-your-own-key spend toward the budgets. Needs budgets. Omitted: not managed.")),
  budgets: budgets.optional(),
  members: external_exports.array(memberRef).optional().meta(
    d(
      "Members by e-mail or user id. Not allowed on the default workspace (membership is implicit). Omitted: not managed; present: the full set."
    )
  ),
  default_guardrail: defaultGuardrail.optional(),
  absent: external_exports.boolean().optional().meta(d("true: delete this workspace if it exists, and nothing else (give only slug)."))
}).meta(d("A workspace with its settings, budgets, members and default guardrail."));
var secrets = external_exports.strictObject({
  file: external_exports.string().min(1).optional().meta(d('JSON file (mode 0600) that receives each new key, keyed by "<workspace>/<name>".')),
  command: external_exports.array(external_exports.string().min(1)).min(1).optional().meta(d("Command run once per new key with the secret as JSON on stdin (never argv or env).")),
  file_in_ci: external_exports.boolean().optional().meta(
    d(
      "Allow a file sink when CI=true or GITHUB_ACTIONS=true. A CI runner is usually thrown away with the file, so apply refuses there unless this says the runner (or the path) persists."
    )
  ),
  timeout: external_exports.string().regex(/^\d+(ms|s|m|h)$/, { message: "must be a duration like 60s, 5m or 500ms" }).optional().meta(
    d(
      "How long the command may run for one key (default 60s). Past it, its process group is killed, the delivery fails and the new key is deleted."
    )
  )
}).meta(d("Where the secret of each newly created key goes. Required before apply may create a key."));
var unmanagedPolicy = external_exports.enum(["report", "ignore", "delete"]);
var unmanaged = external_exports.strictObject({
  keys: external_exports.enum(["report", "ignore", "delete", "disable"]).optional().meta(d("Live keys not declared: report (default), ignore, delete or disable.")),
  guardrails: unmanagedPolicy.optional().meta(d("Live guardrails not declared: report (default), ignore or delete.")),
  workspaces: unmanagedPolicy.optional().meta(d("Live workspaces not declared: report (default), ignore or delete.")),
  members: unmanagedPolicy.optional().meta(
    d(
      "Kept for older files; no effect: a declared members list is the complete set (unlisted members are removed) and an omitted one is not managed. Leave members alone with ignore.members."
    )
  )
}).meta(d("What to do with live objects this file does not declare."));
var globs = external_exports.array(external_exports.string().min(1));
var ignore = external_exports.strictObject({
  keys: globs.optional().meta(d("Key names (glob) never touched nor reported.")),
  guardrails: globs.optional().meta(d("Guardrail names (glob) never touched nor reported.")),
  workspaces: globs.optional().meta(d("Workspace slugs (glob) never touched nor reported.")),
  members: globs.optional().meta(d("Member e-mails (glob) never touched nor reported."))
}).meta(d("Glob patterns (* and ?) on names of live objects to leave alone entirely."));
var safety = external_exports.strictObject({
  max_deletes: external_exports.number().int().min(0).optional().meta(d("More deletions, disables and replacements than this need --force. Default 10.")),
  max_change_fraction: external_exports.number().min(0).max(1).optional().meta(d("Deleting or replacing more than this share of at least 10 objects of a kind needs --force. Default 0.3."))
}).meta(d("Thresholds above which apply refuses without --force."));
var policy = external_exports.strictObject({
  keys: external_exports.strictObject({
    require_limit: external_exports.boolean().optional().meta(d("Every key must have a limit.")),
    max_limit: usd.optional().meta(d("No key limit above this many USD.")),
    require_expiry: external_exports.boolean().optional().meta(d("Every key must have expires_at.")),
    max_lifetime_days: external_exports.number().int().positive().optional().meta(d("expires_at at most this many days ahead.")),
    require_guardrail: external_exports.boolean().optional().meta(d("Every key must name a guardrail.")),
    name_pattern: external_exports.string().min(1).refine(isValidRegExp, { message: "is not a valid regular expression" }).optional().meta(d("Key names must match this regular expression."))
  }).optional().meta(d("Rules every declared key must follow.")),
  guardrails: external_exports.strictObject({
    require_limit: external_exports.boolean().optional().meta(d("Every guardrail must have limit_usd.")),
    max_limit_usd: usd.optional().meta(d("No guardrail limit_usd above this many USD."))
  }).optional().meta(d("Rules every declared guardrail (and default guardrail) must follow."))
}).meta(d("Governance rules checked by validate, plan and apply."));
var defaults = external_exports.strictObject({
  key: external_exports.strictObject(keySettings).optional().meta(d("Values for keys that omit them."))
}).meta(d("Defaults applied to declared objects that omit a field."));
var fileSchema = external_exports.strictObject({
  $schema: external_exports.string().optional().meta(d("JSON Schema reference for editors; ignored.")),
  version: external_exports.literal(1).meta(d("File format version; must be 1.")),
  secrets: secrets.optional(),
  unmanaged: unmanaged.optional(),
  ignore: ignore.optional(),
  safety: safety.optional(),
  policy: policy.optional(),
  defaults: defaults.optional(),
  workspaces: external_exports.array(workspace).optional().meta(d('Workspaces; the account workspace has slug "default".')),
  guardrails: external_exports.array(guardrail).optional().meta(d("Guardrails, each in a workspace (default: default).")),
  keys: external_exports.array(key).optional().meta(d("Inference API keys, each in a workspace (default: default)."))
}).meta({
  title: "oradmin desired state (openrouter.admin.yaml)",
  description: "An OpenRouter organization as code: keys, limits, guardrails and workspaces. See oradmin README."
});
function isValidRegExp(source) {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
function jsonSchema() {
  return external_exports.toJSONSchema(fileSchema, { target: "draft-7", unrepresentable: "any" });
}

export {
  SLUG_PATTERN,
  DEFAULT_WORKSPACE,
  UTC_TIMESTAMP,
  BUDGET_INTERVALS,
  fileSchema,
  jsonSchema
};
