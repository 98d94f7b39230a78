import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ApiError,
  badRequest,
  notFound
} from "./chunk-4NPANR2A.mjs";
import {
  require_dist
} from "./chunk-QJXVBNKU.mjs";
import {
  _enum,
  array,
  boolean,
  int,
  iso_exports,
  number,
  record,
  strictObject,
  string
} from "./chunk-543QZ3Z5.mjs";
import {
  __toESM
} from "./chunk-IVK2YKFB.mjs";

// src/sandbox/ids.ts
import { createHash, randomBytes, randomUUID } from "node:crypto";
var SECRET_PREFIX = "sk-or-v1-";
function sha256Hex(text) {
  return createHash("sha256").update(text).digest("hex");
}
function randomSecret() {
  return SECRET_PREFIX + randomBytes(32).toString("hex");
}
function maskSecret(secretOrHash) {
  const hex = secretOrHash.startsWith(SECRET_PREFIX) ? secretOrHash.slice(SECRET_PREFIX.length) : secretOrHash;
  return `${SECRET_PREFIX}${hex.slice(0, 3)}...${hex.slice(-3)}`;
}
var SANDBOX_NAMESPACE = "3f0b8c52-6a5e-4d0b-9a4e-2b7c1d9e8f10";
function uuidV5(name, namespace = SANDBOX_NAMESPACE) {
  const digest = createHash("sha1").update(Buffer.from(namespace.replace(/-/g, ""), "hex")).update(name).digest();
  const bytes = digest.subarray(0, 16);
  bytes.writeUInt8(bytes.readUInt8(6) & 15 | 80, 6);
  bytes.writeUInt8(bytes.readUInt8(8) & 63 | 128, 8);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
var IdSource = class {
  constructor(deterministic, counter = 0) {
    this.deterministic = deterministic;
    this.counter = counter;
  }
  deterministic;
  counter;
  /** The counter, saved with the state so that a restored sandbox does not reuse an id. */
  get position() {
    return this.counter;
  }
  uuid() {
    if (!this.deterministic) return randomUUID();
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, "0")}`;
  }
  secret() {
    if (!this.deterministic) return randomSecret();
    this.counter += 1;
    return SECRET_PREFIX + sha256Hex(`oradmin-sandbox-secret-${this.counter}`);
  }
};

// src/sandbox/faults.ts
var NO_FAULTS = {
  rate429: 0,
  retryAfterSeconds: 1,
  rate500: 0,
  rate502: 0,
  rate503: 0,
  rateReset: 0,
  operations: null,
  dropAfterCommit: {}
};
function faultsForRate(p) {
  return { rate429: p / 3, rate500: p / 9, rate502: p / 9, rate503: p / 9, rateReset: p / 3 };
}
var FaultInjector = class {
  constructor(rng, initial = {}) {
    this.rng = rng;
    this.set(initial);
  }
  rng;
  current = { ...NO_FAULTS };
  get config() {
    return this.current;
  }
  /** Changes some settings, keeps the others. */
  set(partial) {
    const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== void 0));
    const next = { ...this.current, ...given, dropAfterCommit: { ...this.current.dropAfterCommit } };
    for (const [op, rule] of Object.entries(partial.dropAfterCommit ?? {})) next.dropAfterCommit[op] = { ...rule };
    const rates = [next.rate429, next.rate500, next.rate502, next.rate503, next.rateReset];
    if (rates.some((r) => !(r >= 0 && r <= 1)) || rates.reduce((a, b) => a + b, 0) > 1 + 1e-9) {
      throw new RangeError("fault rates must each be within 0..1 and add up to at most 1");
    }
    if (!(next.retryAfterSeconds >= 0)) throw new RangeError("retryAfterSeconds must be >= 0");
    this.current = next;
  }
  /** Drop the next `count` successful responses of an operation, after committing them. */
  dropAfterCommit(operationId, count = 1) {
    const rule = this.current.dropAfterCommit[operationId] ?? {};
    this.current.dropAfterCommit[operationId] = { ...rule, count: (rule.count ?? 0) + count };
  }
  /** One draw per request: at most one random fault, or none. */
  pick(operationId) {
    const c = this.current;
    if (c.operations !== null && (operationId === null || !c.operations.includes(operationId))) return null;
    let r = this.rng();
    const table = [
      [c.rate429, { kind: "status", status: 429 }],
      [c.rate500, { kind: "status", status: 500 }],
      [c.rate502, { kind: "status", status: 502 }],
      [c.rate503, { kind: "status", status: 503 }],
      [c.rateReset, { kind: "reset" }]
    ];
    for (const [rate, fault] of table) {
      if (r < rate) return fault;
      r -= rate;
    }
    return null;
  }
  /** Whether this successful response, already committed, is to be dropped. */
  takeDrop(operationId) {
    const rule = operationId === null ? void 0 : this.current.dropAfterCommit[operationId];
    if (!rule) return false;
    if ((rule.count ?? 0) > 0) {
      rule.count = (rule.count ?? 0) - 1;
      return true;
    }
    return rule.probability !== void 0 && this.rng() < rule.probability;
  }
};

// src/sandbox/persist.ts
import { readFileSync, renameSync, writeFileSync } from "node:fs";
var FORMAT = "oradmin-sandbox-state";
var PersistError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PersistError";
  }
};
var VERSION = 1;
function loadPersisted(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new PersistError(`${path}: not a sandbox state file (${err.message})`);
  }
  if (doc.format !== FORMAT || doc.version !== VERSION || typeof doc.data !== "object" || doc.data === null) {
    throw new PersistError(`${path}: not a sandbox state file (expected format "${FORMAT}" version ${VERSION}); delete it to start over`);
  }
  return doc.data;
}
function savePersisted(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, version: VERSION, data }, null, 2)}
`, { mode: 384 });
  renameSync(tmp, path);
}

// src/sandbox/rate-limit.ts
var TokenBucket = class {
  constructor(config, clockMs = () => performance.now()) {
    this.config = config;
    this.clockMs = clockMs;
    if (!(config.capacity >= 1) || !(config.refillPerSecond > 0)) {
      throw new RangeError("rate limit needs capacity >= 1 and refillPerSecond > 0");
    }
    this.tokens = config.capacity;
    this.last = clockMs();
  }
  config;
  clockMs;
  tokens;
  last;
  /** Takes a token; when none is left, the whole seconds until one will be there. */
  take() {
    const now = this.clockMs();
    this.tokens = Math.min(this.config.capacity, this.tokens + (now - this.last) / 1e3 * this.config.refillPerSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.config.refillPerSecond)) };
  }
};

// src/sandbox/request-log.ts
var RequestLog = class {
  entries = [];
  perOperation = /* @__PURE__ */ new Map();
  record(entry) {
    this.entries.push(entry);
    if (entry.operationId !== null) {
      this.perOperation.set(entry.operationId, (this.perOperation.get(entry.operationId) ?? 0) + 1);
    }
  }
  counts() {
    return Object.fromEntries(this.perOperation);
  }
  reset() {
    this.entries.length = 0;
    this.perOperation.clear();
  }
};

// src/sandbox/rng.ts
import { randomInt } from "node:crypto";
function createRng(seed = randomInt(2 ** 31)) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/sandbox/seed.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync as readFileSync2 } from "node:fs";
import { extname } from "node:path";

// src/sandbox/decimal-sum.ts
function scaled(n) {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite amount: ${n}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`unexpected number spelling: ${String(n)}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = m;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
function exactSum(values) {
  const parts = [...values].map(scaled);
  const scale = Math.max(0, ...parts.map((p) => p.scale));
  const total = parts.reduce((sum, p) => sum + p.digits * 10n ** BigInt(scale - p.scale), 0n);
  const negative = total < 0n;
  const text = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const point = text.length - scale;
  return Number(`${negative ? "-" : ""}${text.slice(0, point)}${scale > 0 ? `.${text.slice(point)}` : ""}`);
}

// src/sandbox/state/activity.ts
var ACTIVITY_WINDOW_DAYS = 30;
var DAY_MS = 864e5;
function utcDate(t) {
  return t.toISOString().slice(0, 10);
}
function addDays(date, days) {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}
function isCalendarDate(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text;
}
function activityWindow(now) {
  const last = addDays(utcDate(now), -1);
  return { first: addDays(last, -(ACTIVITY_WINDOW_DAYS - 1)), last };
}
function aggregateActivity(rows, filter, window) {
  const groups = /* @__PURE__ */ new Map();
  for (const row of rows) {
    if (row.date < window.first || row.date > window.last) continue;
    if (filter.date !== void 0 && row.date !== filter.date) continue;
    if (filter.api_key_hash !== void 0 && row.api_key_hash !== filter.api_key_hash) continue;
    if (filter.user_id !== void 0 && row.user_id !== filter.user_id) continue;
    if (filter.workspace_id !== void 0 && row.workspace_id !== filter.workspace_id) continue;
    const key = [row.date, row.model, row.endpoint_id, row.provider_name, row.model_permaslug].concat(filter.byWorkspace ? [row.workspace_id] : []).join("\0");
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, group]) => summed(group, filter.byWorkspace));
}
function summed(group, withWorkspace) {
  const first = group[0];
  const total = (field) => group.reduce((sum, row) => sum + row[field], 0);
  const item = {
    date: first.date,
    model: first.model,
    model_permaslug: first.model_permaslug,
    endpoint_id: first.endpoint_id,
    provider_name: first.provider_name,
    usage: exactSum(group.map((row) => row.usage)),
    byok_usage_inference: exactSum(group.map((row) => row.byok_usage_inference)),
    requests: total("requests"),
    prompt_tokens: total("prompt_tokens"),
    completion_tokens: total("completion_tokens"),
    reasoning_tokens: total("reasoning_tokens")
  };
  if (withWorkspace) item.workspace_id = first.workspace_id;
  return item;
}

// src/sandbox/seed-schema.ts
var Usage = number().min(0).optional();
var Count = int().min(0);
var ResetInterval = _enum(["daily", "weekly", "monthly"]);
var UtcDateTime = iso_exports.datetime({ error: 'must be an ISO 8601 UTC timestamp ending in "Z"' });
var Slug = string().min(1).max(50).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be lowercase alphanumeric segments separated by single hyphens" });
var NonEmptyList = array(string()).min(1).nullable().optional();
var OptionalFlag = boolean().nullable().optional();
var FilterAction = _enum(["redact", "block", "flag"]);
var SeedOrgMember = strictObject({
  id: string().min(1),
  email: string().min(1),
  first_name: string().nullable().optional(),
  last_name: string().nullable().optional(),
  role: _enum(["org:admin", "org:member"]).optional(),
  scim_managed: boolean().optional()
});
var SeedWorkspace = strictObject({
  slug: Slug,
  /** Required for every workspace but `default`, whose name defaults to "Default Workspace". */
  name: string().min(1).max(100).optional(),
  description: string().nullable().optional(),
  default_text_model: string().nullable().optional(),
  default_image_model: string().nullable().optional(),
  default_provider_sort: string().nullable().optional(),
  is_observability_io_logging_enabled: boolean().optional(),
  is_observability_broadcast_enabled: boolean().optional(),
  is_data_discount_logging_enabled: boolean().optional(),
  io_logging_sampling_rate: number().optional(),
  io_logging_api_key_ids: array(int()).nullable().optional(),
  created_at: UtcDateTime.optional()
});
var SeedKey = strictObject({
  name: string().min(1),
  /** Workspace slug; `default` when omitted. */
  workspace: string().min(1).optional(),
  limit: number().nullable().optional(),
  limit_reset: ResetInterval.nullable().optional(),
  include_byok_in_limit: boolean().optional(),
  disabled: boolean().optional(),
  /** May lie in the past: an expired key is a legitimate live state. */
  expires_at: UtcDateTime.nullable().optional(),
  /** Email or user id of an organization member; the management key's owner when omitted. */
  creator: string().min(1).nullable().optional(),
  created_at: UtcDateTime.optional(),
  /** SHA-256 hex of a secret nobody holds; generated from a fresh secret when omitted. */
  hash: string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lowercase hex digits" }).optional(),
  usage: Usage,
  usage_daily: Usage,
  usage_weekly: Usage,
  usage_monthly: Usage,
  byok_usage: Usage,
  byok_usage_daily: Usage,
  byok_usage_weekly: Usage,
  byok_usage_monthly: Usage
});
var guardrailFields = {
  description: string().max(1e3).nullable().optional(),
  limit_usd: number().nullable().optional(),
  reset_interval: ResetInterval.nullable().optional(),
  allowed_providers: NonEmptyList,
  allowed_models: NonEmptyList,
  ignored_providers: NonEmptyList,
  ignored_models: NonEmptyList,
  enforce_zdr: OptionalFlag,
  enforce_zdr_anthropic: OptionalFlag,
  enforce_zdr_openai: OptionalFlag,
  enforce_zdr_google: OptionalFlag,
  enforce_zdr_xai: OptionalFlag,
  enforce_zdr_other: OptionalFlag,
  enable_free_model_publication: OptionalFlag,
  enable_free_model_training: OptionalFlag,
  enable_paid_model_training: OptionalFlag,
  content_filters: array(strictObject({ pattern: string().min(1), action: FilterAction, label: string().max(100).nullable().optional() })).nullable().optional(),
  content_filter_builtins: array(
    strictObject({
      slug: _enum(["email", "phone", "ssn", "credit-card", "ip-address", "person-name", "address", "regex-prompt-injection"]),
      action: FilterAction,
      label: string().max(100).optional(),
      scan_scope: _enum(["user_only", "all_messages"]).optional()
    })
  ).nullable().optional(),
  include_byok_in_budgets: boolean().optional()
};
var SeedGuardrail = strictObject({
  name: string().min(1).max(200),
  /** Workspace slug; `default` when omitted. */
  workspace: string().min(1).optional(),
  ...guardrailFields,
  created_at: UtcDateTime.optional()
});
var SeedDefaultGuardrail = strictObject(guardrailFields);
var SeedKeyAssignment = strictObject({
  /** Key name (unique within the workspace) or hash. */
  key: string().min(1),
  workspace: string().min(1).optional(),
  /** Guardrail name in the same workspace. */
  guardrail: string().min(1)
});
var SeedMemberAssignment = strictObject({
  /** Email or user id. */
  member: string().min(1),
  guardrail: string().min(1),
  workspace: string().min(1).optional()
});
var SeedWorkspaceMember = strictObject({
  workspace: string().min(1),
  member: string().min(1)
});
var SeedBudget = strictObject({
  workspace: string().min(1),
  interval: _enum(["daily", "weekly", "monthly", "lifetime"]),
  limit_usd: number().gt(0),
  /** Workspace-wide, as in PUT /workspaces/{id}/budgets/{interval}. */
  include_byok_in_budgets: boolean().optional()
});
var SeedActivity = strictObject({
  date: string().refine(isCalendarDate, { error: "must be a UTC date in YYYY-MM-DD format" }).optional(),
  days_ago: Count.optional(),
  model: string().min(1),
  /** Defaults to the model's canonical slug in the sandbox's catalog. */
  model_permaslug: string().min(1).optional(),
  provider_name: string().min(1),
  /** Derived from model and provider when omitted. */
  endpoint_id: string().min(1).optional(),
  /** A key's name in `workspace` (or its hash). */
  key: string().min(1).optional(),
  /** Email or user id; the key's creator when omitted. */
  member: string().min(1).optional(),
  /** Workspace slug; `default` when omitted. */
  workspace: string().min(1).optional(),
  usage: number().min(0),
  byok_usage_inference: number().min(0).optional(),
  requests: Count,
  prompt_tokens: Count.optional(),
  completion_tokens: Count.optional(),
  reasoning_tokens: Count.optional()
}).refine((row) => row.date === void 0 !== (row.days_ago === void 0), {
  error: "give either date or days_ago"
});
var SeedDocument = strictObject({
  organization_id: string().min(1).optional(),
  /** At least one org:admin: the first one owns the management key. */
  organization_members: array(SeedOrgMember).min(1).optional(),
  credits: strictObject({ total_credits: number(), total_usage: number() }).optional(),
  workspaces: array(SeedWorkspace).optional(),
  keys: array(SeedKey).optional(),
  guardrails: array(SeedGuardrail).optional(),
  /** Workspace slug → fields of its materialized default guardrail. */
  default_guardrails: record(string(), SeedDefaultGuardrail).optional(),
  key_assignments: array(SeedKeyAssignment).optional(),
  member_assignments: array(SeedMemberAssignment).optional(),
  workspace_members: array(SeedWorkspaceMember).optional(),
  budgets: array(SeedBudget).optional(),
  activity: array(SeedActivity).optional()
});

// src/sandbox/models.ts
var MODEL_CATALOG = [
  { id: "openai/gpt-4o", canonical_slug: "openai/gpt-4o-2024-05-13", name: "OpenAI: GPT-4o" },
  { id: "openai/gpt-4o-mini", canonical_slug: "openai/gpt-4o-mini-2024-07-18", name: "OpenAI: GPT-4o-mini" },
  { id: "openai/gpt-4.1", canonical_slug: "openai/gpt-4.1-2025-04-14", name: "OpenAI: GPT-4.1" },
  { id: "openai/gpt-5", canonical_slug: "openai/gpt-5-2025-08-07", name: "OpenAI: GPT-5" },
  { id: "openai/o3", canonical_slug: "openai/o3-2025-04-16", name: "OpenAI: o3" },
  {
    id: "anthropic/claude-sonnet-4.5",
    canonical_slug: "anthropic/claude-4.5-sonnet-20250929",
    name: "Anthropic: Claude Sonnet 4.5"
  },
  { id: "anthropic/claude-opus-4.1", canonical_slug: "anthropic/claude-4.1-opus-20250805", name: "Anthropic: Claude Opus 4.1" },
  { id: "anthropic/claude-3.5-haiku", canonical_slug: "anthropic/claude-3-5-haiku", name: "Anthropic: Claude 3.5 Haiku" },
  { id: "google/gemini-2.5-pro", canonical_slug: "google/gemini-2.5-pro", name: "Google: Gemini 2.5 Pro" },
  { id: "google/gemini-2.5-flash", canonical_slug: "google/gemini-2.5-flash", name: "Google: Gemini 2.5 Flash" },
  {
    id: "google/gemini-2.5-flash-image",
    canonical_slug: "google/gemini-2.5-flash-image",
    name: "Google: Gemini 2.5 Flash Image"
  },
  { id: "x-ai/grok-4", canonical_slug: "x-ai/grok-4-07-09", name: "xAI: Grok 4" },
  {
    id: "meta-llama/llama-3.3-70b-instruct",
    canonical_slug: "meta-llama/llama-3.3-70b-instruct",
    name: "Meta: Llama 3.3 70B Instruct"
  },
  { id: "mistralai/mistral-large", canonical_slug: "mistralai/mistral-large", name: "Mistral Large" },
  { id: "deepseek/deepseek-chat-v3.1", canonical_slug: "deepseek/deepseek-chat-v3.1", name: "DeepSeek: DeepSeek V3.1" },
  { id: "qwen/qwen3-235b-a22b", canonical_slug: "qwen/qwen3-235b-a22b-04-28", name: "Qwen: Qwen3 235B A22B" }
];
var BY_EITHER_SLUG = new Map(
  MODEL_CATALOG.flatMap((m) => [
    [m.id, m.canonical_slug],
    [m.canonical_slug, m.canonical_slug]
  ])
);
function canonicalSlug(slugOrCanonical) {
  return BY_EITHER_SLUG.get(slugOrCanonical);
}

// src/sandbox/state/records.ts
var ZDR_FIELDS = [
  "enforce_zdr_anthropic",
  "enforce_zdr_openai",
  "enforce_zdr_google",
  "enforce_zdr_xai",
  "enforce_zdr_other"
];

// src/sandbox/state/guardrail-policy.ts
var BLANK_POLICY = {
  description: null,
  limit_usd: null,
  reset_interval: null,
  allowed_providers: null,
  allowed_models: null,
  ignored_providers: null,
  ignored_models: null,
  enforce_zdr_anthropic: null,
  enforce_zdr_openai: null,
  enforce_zdr_google: null,
  enforce_zdr_xai: null,
  enforce_zdr_other: null,
  enable_free_model_publication: null,
  enable_free_model_training: null,
  enable_paid_model_training: null,
  content_filters: null,
  content_filter_builtins: null,
  // Reference, CreateGuardrailRequest.include_byok_in_budgets: "Defaults to false."
  include_byok_in_budgets: false
};
function applyGuardrailFields(current, input) {
  const next = { ...current };
  const { enforce_zdr, allowed_models, ignored_models, content_filters, content_filter_builtins, ...plain } = input;
  for (const [field, value] of Object.entries(plain)) {
    if (value !== void 0) Object.assign(next, { [field]: Array.isArray(value) ? [...value] : value });
  }
  if (allowed_models !== void 0) next.allowed_models = canonicalModels("allowed_models", allowed_models);
  if (ignored_models !== void 0) next.ignored_models = canonicalModels("ignored_models", ignored_models);
  if (content_filters !== void 0) next.content_filters = checkedContentFilters(content_filters);
  if (content_filter_builtins !== void 0) {
    next.content_filter_builtins = content_filter_builtins && content_filter_builtins.map(({ label: _label, ...b }) => b);
  }
  if (enforce_zdr !== void 0) {
    for (const field of ZDR_FIELDS) if (input[field] === void 0) next[field] = enforce_zdr;
  }
  if (next.reset_interval !== null && next.limit_usd === null) {
    throw badRequest(`reset_interval: "${next.reset_interval}" requires limit_usd (a reset interval without a spending limit)`);
  }
  return next;
}
function canonicalModels(field, models) {
  if (models === null) return null;
  const out = [];
  models.forEach((model, i) => {
    const canonical = canonicalSlug(model);
    if (canonical === void 0) throw badRequest(`${field}[${i}]: unknown model "${model}" (see GET /models)`);
    if (!out.includes(canonical)) out.push(canonical);
  });
  return out;
}
function checkedContentFilters(filters) {
  if (filters === null) return null;
  return filters.map((f, i) => {
    try {
      new RegExp(f.pattern);
    } catch (err) {
      throw badRequest(`content_filters[${i}].pattern: not a valid regular expression (${err.message})`);
    }
    return { ...f };
  });
}
function builtinFilterLabel(slug) {
  return `[${slug.toUpperCase().replace(/-/g, "_")}]`;
}

// src/sandbox/state/guardrails.ts
function insertGuardrail(st, workspaceId, name, fields, createdAt) {
  if (!st.db.workspaces.has(workspaceId)) throw badRequest(`workspace_id: workspace "${workspaceId}" does not exist`);
  const record2 = {
    id: st.ids.uuid(),
    name,
    workspace_id: workspaceId,
    ...applyGuardrailFields(BLANK_POLICY, fields),
    created_at: createdAt === void 0 ? st.timestamp() : new Date(createdAt).toISOString(),
    updated_at: null
  };
  st.db.guardrails.set(record2.id, record2);
  return record2;
}
function requireGuardrail(st, id) {
  const guardrail = st.db.guardrails.get(id);
  if (!guardrail) {
    throw notFound(`Guardrail ${id} not found, or the workspace default guardrail has not been configured yet`);
  }
  return guardrail;
}
function updateGuardrail(st, id, input) {
  const { name, ...fields } = input;
  const owner = st.workspaceOfDefaultGuardrail(id);
  if (owner && name !== void 0) {
    throw badRequest(
      `name: the name of a workspace default guardrail is derived from its workspace ("${owner.name}") and cannot be changed`
    );
  }
  const existing = st.db.guardrails.get(id);
  if (!existing) {
    if (!owner) throw notFound(`Guardrail ${id} not found`);
    const record2 = {
      id,
      name: null,
      workspace_id: owner.id,
      ...applyGuardrailFields(BLANK_POLICY, fields),
      created_at: st.timestamp(),
      updated_at: null
    };
    st.db.guardrails.set(id, record2);
    return record2;
  }
  Object.assign(existing, applyGuardrailFields(existing, fields));
  if (name !== void 0) existing.name = name;
  existing.updated_at = st.timestamp();
  return existing;
}
function deleteGuardrail(st, id) {
  const owner = st.workspaceOfDefaultGuardrail(id);
  if (owner) {
    throw new ApiError(400, `Guardrail ${id} is the default guardrail of workspace "${owner.slug}" and cannot be deleted`);
  }
  requireGuardrail(st, id);
  removeGuardrailRecord(st, id);
}
function removeGuardrailRecord(st, id) {
  st.db.guardrails.delete(id);
  for (const [hash, a] of st.db.keyAssignments) if (a.guardrail_id === id) st.db.keyAssignments.delete(hash);
  for (const [k, a] of st.db.memberAssignments) if (a.guardrail_id === id) st.db.memberAssignments.delete(k);
}
function guardrailsOf(st, workspaceId) {
  return [...st.db.guardrails.values()].filter((g) => g.workspace_id === workspaceId);
}

// src/sandbox/state/db.ts
function budgetKey(workspaceId, interval) {
  return `${workspaceId}/${interval}`;
}
function workspaceMemberKey(workspaceId, userId) {
  return `${workspaceId}\0${userId}`;
}
function memberAssignmentKey(guardrailId, userId) {
  return `${guardrailId}\0${userId}`;
}
function dbFrom(data, loadedAt) {
  return {
    orgMembers: new Map(data?.orgMembers.map((m) => [m.id, m])),
    workspaces: new Map(data?.workspaces.map((w) => [w.id, w])),
    // A state saved before usage_as_of existed: its counters count as recorded at load.
    keys: new Map(data?.keys.map((k) => [k.hash, { ...k, usage_as_of: k.usage_as_of ?? loadedAt }])),
    guardrails: new Map(data?.guardrails.map((g) => [g.id, g])),
    budgets: new Map(data?.budgets.map((b) => [budgetKey(b.workspace_id, b.interval), b])),
    workspaceMembers: new Map(data?.workspaceMembers.map((m) => [workspaceMemberKey(m.workspace_id, m.user_id), m])),
    keyAssignments: new Map(data?.keyAssignments.map((a) => [a.key_hash, a])),
    memberAssignments: new Map(data?.memberAssignments.map((a) => [memberAssignmentKey(a.guardrail_id, a.user_id), a])),
    activity: [...data?.activity ?? []]
  };
}

// src/sandbox/state/assignments.ts
function assignKeys(st, guardrailId, hashes) {
  const guardrail = requireGuardrail(st, guardrailId);
  refuseDefaultGuardrail(st, guardrail, "key_hashes");
  const keys = unique(hashes).flatMap((h) => st.db.keys.get(h) ?? []);
  for (const key of keys) {
    if (key.workspace_id !== guardrail.workspace_id) {
      throw badRequest(
        `key_hashes: key ${key.hash} ("${key.name}") is in workspace ${key.workspace_id}, guardrail ${guardrail.id} is in workspace ${guardrail.workspace_id}; they must be in the same workspace`
      );
    }
  }
  let count = 0;
  for (const key of keys) {
    if (st.db.keyAssignments.get(key.hash)?.guardrail_id === guardrail.id) continue;
    st.db.keyAssignments.delete(key.hash);
    st.db.keyAssignments.set(key.hash, {
      id: st.ids.uuid(),
      key_hash: key.hash,
      guardrail_id: guardrail.id,
      assigned_by: st.ownerId,
      created_at: st.timestamp()
    });
    count += 1;
  }
  return count;
}
function unassignKeys(st, guardrailId, hashes) {
  requireGuardrail(st, guardrailId);
  let count = 0;
  for (const hash of unique(hashes)) {
    if (st.db.keyAssignments.get(hash)?.guardrail_id !== guardrailId) continue;
    st.db.keyAssignments.delete(hash);
    count += 1;
  }
  return count;
}
function assignMembers(st, guardrailId, userIds) {
  const guardrail = requireGuardrail(st, guardrailId);
  refuseDefaultGuardrail(st, guardrail, "member_user_ids");
  const members = unique(userIds).filter((id) => st.db.orgMembers.has(id));
  if (guardrail.workspace_id !== st.defaultWorkspaceId) {
    const outsiders = members.filter((id) => !st.db.workspaceMembers.has(workspaceMemberKey(guardrail.workspace_id, id)));
    if (outsiders.length > 0) {
      const ws = st.db.workspaces.get(guardrail.workspace_id);
      throw badRequest(
        `member_user_ids: ${outsiders.join(", ")} ${outsiders.length === 1 ? "is not a member" : "are not members"} of workspace "${ws?.slug ?? guardrail.workspace_id}", the workspace of guardrail ${guardrail.id}; add them to the workspace first`
      );
    }
  }
  let count = 0;
  for (const userId of members) {
    const key = memberAssignmentKey(guardrail.id, userId);
    if (st.db.memberAssignments.has(key)) continue;
    for (const [k, a] of st.db.memberAssignments) {
      if (a.user_id === userId && st.db.guardrails.get(a.guardrail_id)?.workspace_id === guardrail.workspace_id) {
        st.db.memberAssignments.delete(k);
      }
    }
    st.db.memberAssignments.set(key, {
      id: st.ids.uuid(),
      user_id: userId,
      guardrail_id: guardrail.id,
      assigned_by: st.ownerId,
      created_at: st.timestamp()
    });
    count += 1;
  }
  return count;
}
function unassignMembers(st, guardrailId, userIds) {
  requireGuardrail(st, guardrailId);
  let count = 0;
  for (const userId of unique(userIds)) {
    if (st.db.memberAssignments.delete(memberAssignmentKey(guardrailId, userId))) count += 1;
  }
  return count;
}
function refuseDefaultGuardrail(st, guardrail, field) {
  const owner = st.workspaceOfDefaultGuardrail(guardrail.id);
  if (owner) {
    throw badRequest(
      `${field}: guardrail ${guardrail.id} is the default guardrail of workspace "${owner.slug}", which applies to all of its traffic and cannot be assigned directly`
    );
  }
}
function unique(values) {
  return [...new Set(values)];
}

// src/sandbox/state/budgets.ts
var NARROW_TO_WIDE = ["daily", "weekly", "monthly", "lifetime"];
function budgetsOf(st, ws) {
  return NARROW_TO_WIDE.flatMap((i) => st.db.budgets.get(budgetKey(ws.id, i)) ?? []);
}
function requireBudget(st, ws, interval) {
  const budget = st.db.budgets.get(budgetKey(ws.id, interval));
  if (!budget) throw notFound(`Workspace "${ws.slug}" has no ${interval} budget`);
  return budget;
}
function upsertBudget(st, ws, interval, limitUsd, includeByokInBudgets) {
  if (!(limitUsd > 0)) throw badRequest("limit_usd: must be greater than 0");
  const rank = NARROW_TO_WIDE.indexOf(interval);
  for (const other of budgetsOf(st, ws)) {
    const otherRank = NARROW_TO_WIDE.indexOf(other.interval);
    if (otherRank === rank) continue;
    const [narrow, narrowLimit, wide, wideLimit] = otherRank < rank ? [other.interval, other.limit_usd, interval, limitUsd] : [interval, limitUsd, other.interval, other.limit_usd];
    if (!(narrowLimit < wideLimit)) {
      throw badRequest(
        `limit_usd: the ${narrow} budget (${narrowLimit}) must be less than the ${wide} budget (${wideLimit}); budget limits must strictly decrease as the interval narrows (lifetime > monthly > weekly > daily)`
      );
    }
  }
  const key = budgetKey(ws.id, interval);
  const now = st.timestamp();
  const existing = st.db.budgets.get(key);
  const record2 = existing ? { ...existing, limit_usd: limitUsd, updated_at: now } : { id: st.ids.uuid(), workspace_id: ws.id, interval, limit_usd: limitUsd, created_at: now, updated_at: now };
  st.db.budgets.set(key, record2);
  if (includeByokInBudgets !== void 0) ws.include_byok_in_budgets = includeByokInBudgets;
  return record2;
}
function deleteBudget(st, ws, interval) {
  requireBudget(st, ws, interval);
  st.db.budgets.delete(budgetKey(ws.id, interval));
}

// src/sandbox/state/usage-periods.ts
var DAY_MS2 = 864e5;
function periodOf(interval, t) {
  const day = t.toISOString().slice(0, 10);
  if (interval === "daily") return day;
  if (interval === "monthly") return day.slice(0, 7);
  const midnight = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const sinceMonday = (t.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS2).toISOString().slice(0, 10);
}
function usageAt(recorded, asOf, now) {
  const then = new Date(asOf);
  const current = (interval) => periodOf(interval, then) === periodOf(interval, now);
  const daily = current("daily");
  const weekly = current("weekly");
  const monthly = current("monthly");
  return {
    usage: recorded.usage,
    usage_daily: daily ? recorded.usage_daily : 0,
    usage_weekly: weekly ? recorded.usage_weekly : 0,
    usage_monthly: monthly ? recorded.usage_monthly : 0,
    byok_usage: recorded.byok_usage,
    byok_usage_daily: daily ? recorded.byok_usage_daily : 0,
    byok_usage_weekly: weekly ? recorded.byok_usage_weekly : 0,
    byok_usage_monthly: monthly ? recorded.byok_usage_monthly : 0
  };
}

// src/sandbox/state/keys.ts
var NO_USAGE = {
  usage: 0,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0
};
function insertKey(st, input) {
  if (!st.db.workspaces.has(input.workspace_id)) {
    throw badRequest(`workspace_id: workspace "${input.workspace_id}" does not exist`);
  }
  const creator = input.creator_user_id === void 0 ? st.ownerId : input.creator_user_id;
  if (creator !== null && !st.db.orgMembers.has(creator)) {
    throw badRequest(`creator_user_id: "${creator}" is not a member of the organization`);
  }
  const secret = input.hash === void 0 ? st.ids.secret() : null;
  const hash = input.hash ?? sha256Hex(secret);
  if (st.db.keys.has(hash)) throw badRequest(`a key with hash ${hash} already exists`);
  const record2 = {
    hash,
    name: input.name,
    label: maskSecret(secret ?? hash),
    disabled: input.disabled ?? false,
    limit: input.limit ?? null,
    limit_reset: input.limit_reset ?? null,
    include_byok_in_limit: input.include_byok_in_limit ?? false,
    ...NO_USAGE,
    ...input.usage,
    created_at: input.created_at === void 0 ? st.timestamp() : new Date(input.created_at).toISOString(),
    updated_at: null,
    // Stored and returned normalized (milliseconds, Z), whatever precision was sent.
    expires_at: input.expires_at == null ? null : new Date(input.expires_at).toISOString(),
    creator_user_id: creator,
    workspace_id: input.workspace_id,
    usage_as_of: st.timestamp(),
    seq: st.nextSeq()
  };
  st.db.keys.set(hash, record2);
  st.touchKeys();
  return { record: record2, secret };
}
function requireKey(st, hash) {
  const key = st.db.keys.get(hash);
  if (!key) throw notFound(`API key ${hash} not found`);
  return key;
}
function updateKey(st, hash, patch) {
  const key = requireKey(st, hash);
  if (Object.keys(patch).some((field) => field in NO_USAGE)) {
    Object.assign(key, usageAt(key, key.usage_as_of, st.now()));
    key.usage_as_of = st.timestamp();
  }
  for (const [field, value] of Object.entries(patch)) {
    if (value !== void 0) Object.assign(key, { [field]: value });
  }
  key.updated_at = st.timestamp();
  return key;
}
function deleteKey(st, hash) {
  requireKey(st, hash);
  st.db.keys.delete(hash);
  st.db.keyAssignments.delete(hash);
  st.touchKeys();
}
function keysOf(st, workspaceId) {
  return st.sortedKeys().filter((k) => k.workspace_id === workspaceId);
}

// src/sandbox/state/store.ts
var Store = class {
  now;
  ids;
  organizationId;
  credits;
  db;
  defaultId;
  seq;
  sortedKeysCache = null;
  /** The saved organization, or an empty one whose default workspace the caller then creates. */
  constructor(options = {}, data) {
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.ids = new IdSource(options.deterministicIds ?? false, data?.idCounter ?? 0);
    this.db = dbFrom(data, this.timestamp());
    this.seq = data?.nextSeq ?? 1;
    this.organizationId = data?.organization_id ?? options.organizationId ?? "org_sandbox";
    this.credits = data?.credits ?? options.credits ?? { total_credits: 0, total_usage: 0 };
    this.defaultId = data?.defaultWorkspaceId ?? "";
  }
  /** Everything, as plain data (see persist.ts). */
  toData() {
    return structuredClone({
      organization_id: this.organizationId,
      credits: this.credits,
      orgMembers: [...this.db.orgMembers.values()],
      defaultWorkspaceId: this.defaultWorkspaceId,
      workspaces: [...this.db.workspaces.values()],
      keys: [...this.db.keys.values()],
      guardrails: [...this.db.guardrails.values()],
      budgets: [...this.db.budgets.values()],
      workspaceMembers: [...this.db.workspaceMembers.values()],
      keyAssignments: [...this.db.keyAssignments.values()],
      memberAssignments: [...this.db.memberAssignments.values()],
      activity: this.db.activity,
      nextSeq: this.seq,
      idCounter: this.ids.position
    });
  }
  timestamp() {
    return this.now().toISOString();
  }
  nextSeq() {
    return this.seq++;
  }
  get defaultWorkspaceId() {
    return this.defaultId;
  }
  /** Once, by the creator of a new organization. */
  setDefaultWorkspace(id) {
    if (this.defaultId !== "") throw new Error("the default workspace is already set");
    this.defaultId = id;
  }
  get defaultWorkspace() {
    return this.db.workspaces.get(this.defaultWorkspaceId);
  }
  /** The management key's owner: the first org admin. Assignments and keys are made by them. */
  get ownerId() {
    for (const m of this.db.orgMembers.values()) if (m.role === "org:admin") return m.id;
    throw new Error("the organization has no org:admin");
  }
  /** `{id}` of /workspaces/{id}: the UUID or the slug. */
  workspaceByRef(ref) {
    const byId = this.db.workspaces.get(ref);
    if (byId) return byId;
    for (const w of this.db.workspaces.values()) if (w.slug === ref) return w;
    return void 0;
  }
  /** An organization member by user id or email. */
  memberByRef(ref) {
    const byId = this.db.orgMembers.get(ref);
    if (byId) return byId;
    for (const m of this.db.orgMembers.values()) if (m.email === ref) return m;
    return void 0;
  }
  /** The workspace whose default guardrail has this id, if any (materialized or not). */
  workspaceOfDefaultGuardrail(guardrailId) {
    for (const w of this.db.workspaces.values()) if (w.default_guardrail_id === guardrailId) return w;
    return void 0;
  }
  /** Every key, newest first; cached because /keys pages through thousands of keys. */
  sortedKeys() {
    this.sortedKeysCache ??= [...this.db.keys.values()].sort(
      (a, b) => a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.seq - a.seq
    );
    return this.sortedKeysCache;
  }
  /** Call after adding or removing keys. */
  touchKeys() {
    this.sortedKeysCache = null;
  }
};

// src/sandbox/state/views.ts
function limitRemaining(k, u) {
  if (k.limit === null) return null;
  const period = k.limit_reset;
  const used = period === null ? u.usage : u[`usage_${period}`];
  const byok = period === null ? u.byok_usage : u[`byok_usage_${period}`];
  return k.limit - used - (k.include_byok_in_limit ? byok : 0);
}
function keyView(k, now) {
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
    external_user: null
  };
}
function commonZdr(g) {
  const first = g[ZDR_FIELDS[0]];
  return first !== null && ZDR_FIELDS.every((f) => g[f] === first) ? first : null;
}
function guardrailView(st, g) {
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
    content_filter_builtins: g.content_filter_builtins && g.content_filter_builtins.map((b) => ({ ...b, label: builtinFilterLabel(b.slug) })),
    include_byok_in_budgets: g.include_byok_in_budgets,
    created_at: g.created_at,
    updated_at: g.updated_at
  };
}
function defaultGuardrailName(st, workspaceId) {
  return `${st.db.workspaces.get(workspaceId)?.name ?? "Workspace"} default guardrail`;
}
function workspaceView(w) {
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
    created_by: w.created_by
  };
}
function budgetView(b) {
  return {
    id: b.id,
    workspace_id: b.workspace_id,
    limit_usd: b.limit_usd,
    // The reference reports the lifetime budget as reset_interval null.
    reset_interval: b.interval === "lifetime" ? null : b.interval,
    created_at: b.created_at,
    updated_at: b.updated_at
  };
}
function workspaceMemberView(m, member) {
  return {
    id: m.id,
    workspace_id: m.workspace_id,
    user_id: m.user_id,
    role: member?.role === "org:admin" ? "admin" : "member",
    created_at: m.created_at
  };
}
function keyAssignmentView(a, key) {
  return {
    id: a.id,
    key_hash: a.key_hash,
    guardrail_id: a.guardrail_id,
    key_name: key.name,
    key_label: key.label,
    assigned_by: a.assigned_by,
    created_at: a.created_at
  };
}
function memberAssignmentView(st, a) {
  return {
    id: a.id,
    user_id: a.user_id,
    organization_id: st.organizationId,
    guardrail_id: a.guardrail_id,
    assigned_by: a.assigned_by,
    created_at: a.created_at
  };
}
function orgMemberView(m) {
  return { id: m.id, email: m.email, first_name: m.first_name, last_name: m.last_name, role: m.role };
}

// src/sandbox/state/workspaces.ts
var DEFAULT_SETTINGS = {
  description: null,
  default_text_model: null,
  default_image_model: null,
  default_provider_sort: null,
  is_observability_io_logging_enabled: false,
  is_observability_broadcast_enabled: false,
  is_data_discount_logging_enabled: false,
  io_logging_sampling_rate: 1,
  io_logging_api_key_ids: null
};
function insertWorkspace(st, input) {
  const { name, slug, created_at, ...settings } = input;
  assertSlugFree(st, slug);
  assertSamplingRate(settings.io_logging_sampling_rate);
  const id = st.ids.uuid();
  const record2 = {
    id,
    slug,
    name,
    default_guardrail_id: uuidV5(`workspace-default-guardrail:${id}`),
    ...DEFAULT_SETTINGS,
    ...definedOnly(settings),
    include_byok_in_budgets: false,
    created_at: created_at === void 0 ? st.timestamp() : new Date(created_at).toISOString(),
    updated_at: null,
    created_by: st.ownerId
  };
  st.db.workspaces.set(id, record2);
  return record2;
}
function updateWorkspace(st, ws, patch) {
  if (patch.slug !== void 0 && patch.slug !== ws.slug) {
    if (ws.id === st.defaultWorkspaceId) throw badRequest("slug: the default workspace's slug cannot be changed");
    assertSlugFree(st, patch.slug);
  }
  assertSamplingRate(patch.io_logging_sampling_rate);
  Object.assign(ws, definedOnly(patch));
  ws.updated_at = st.timestamp();
  return ws;
}
function deleteWorkspace(st, ws) {
  if (ws.id === st.defaultWorkspaceId) {
    throw new ApiError(403, "The default workspace cannot be deleted");
  }
  const keys = [...st.db.keys.values()].filter((k) => k.workspace_id === ws.id);
  const active = keys.filter((k) => !k.disabled);
  if (active.length > 0) {
    throw badRequest(
      `Workspace "${ws.slug}" has ${active.length} active API key(s) (${active.slice(0, 5).map((k) => `"${k.name}"`).join(", ")}${active.length > 5 ? ", ..." : ""}); delete or disable them first`
    );
  }
  for (const key of keys) {
    st.db.keys.delete(key.hash);
    st.db.keyAssignments.delete(key.hash);
  }
  st.touchKeys();
  for (const g of [...st.db.guardrails.values()]) if (g.workspace_id === ws.id) removeGuardrailRecord(st, g.id);
  for (const [k, b] of st.db.budgets) if (b.workspace_id === ws.id) st.db.budgets.delete(k);
  for (const [k, m] of st.db.workspaceMembers) if (m.workspace_id === ws.id) st.db.workspaceMembers.delete(k);
  st.db.workspaces.delete(ws.id);
}
function membersOf(st, ws) {
  if (ws.id !== st.defaultWorkspaceId) {
    return [...st.db.workspaceMembers.values()].filter((m) => m.workspace_id === ws.id);
  }
  return [...st.db.orgMembers.values()].map((m) => ({
    id: uuidV5(`workspace-member:${ws.id}:${m.id}`),
    workspace_id: ws.id,
    user_id: m.id,
    created_at: ws.created_at
  }));
}
function addMembers(st, ws, userIds) {
  assertExplicitMembership(st, ws);
  const added = [];
  for (const userId of new Set(userIds)) {
    const key = workspaceMemberKey(ws.id, userId);
    if (!st.db.orgMembers.has(userId) || st.db.workspaceMembers.has(key)) continue;
    const record2 = { id: st.ids.uuid(), workspace_id: ws.id, user_id: userId, created_at: st.timestamp() };
    st.db.workspaceMembers.set(key, record2);
    added.push(record2);
  }
  return added;
}
function removeMembers(st, ws, userIds) {
  assertExplicitMembership(st, ws);
  const present = [...new Set(userIds)].filter((id) => st.db.workspaceMembers.has(workspaceMemberKey(ws.id, id)));
  for (const userId of present) {
    const member = st.db.orgMembers.get(userId);
    if (member?.scim_managed) {
      throw badRequest(
        `user_ids: member ${describe(member)} is SCIM-managed and cannot be removed; change it in your identity provider`
      );
    }
    const active = [...st.db.keys.values()].filter(
      (k) => k.workspace_id === ws.id && k.creator_user_id === userId && !k.disabled
    );
    if (active.length > 0) {
      throw badRequest(
        `user_ids: member ${member ? describe(member) : userId} has ${active.length} active API key(s) in workspace "${ws.slug}" and cannot be removed; delete or disable the keys first`
      );
    }
  }
  for (const userId of present) st.db.workspaceMembers.delete(workspaceMemberKey(ws.id, userId));
  return present.length;
}
function assertExplicitMembership(st, ws) {
  if (ws.id === st.defaultWorkspaceId) {
    throw badRequest("Membership of the default workspace is implicit (every organization member); it cannot be changed");
  }
}
function assertSlugFree(st, slug) {
  for (const w of st.db.workspaces.values()) {
    if (w.slug === slug) throw badRequest(`slug: a workspace with slug "${slug}" already exists`);
  }
}
function assertSamplingRate(rate) {
  if (rate !== void 0 && !(rate >= 1e-4 && rate <= 1)) {
    throw badRequest(`io_logging_sampling_rate: ${rate} is outside 0.0001..1 (the share of requests logged)`);
  }
}
function describe(m) {
  return `${m.id} (${m.email})`;
}
function definedOnly(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}

// src/sandbox/state/sandbox-state.ts
var DEFAULT_OWNER = {
  id: "user_sandbox_owner",
  email: "owner@example.com",
  first_name: "Sandbox",
  last_name: "Owner",
  role: "org:admin"
};
var SandboxState = class extends Store {
  /** A fresh organization (owner, default workspace), or the one saved in `data`. */
  constructor(options = {}, data) {
    super(options, data);
    if (data) return;
    for (const m of options.orgMembers ?? [DEFAULT_OWNER]) this.addOrgMember(m);
    if (![...this.db.orgMembers.values()].some((m) => m.role === "org:admin")) {
      throw new Error("organization_members: at least one member must have role org:admin (the management key's owner)");
    }
    this.setDefaultWorkspace(insertWorkspace(this, { slug: "default", name: "Default Workspace" }).id);
  }
  // ---- helpers for tests: read ---------------------------------------------------------------
  workspaces() {
    return [...this.db.workspaces.values()].map(workspaceView);
  }
  workspace(ref) {
    const ws = this.workspaceByRef(ref);
    return ws && workspaceView(ws);
  }
  orgMembers() {
    return [...this.db.orgMembers.values()].map(orgMemberView);
  }
  /** All keys of a workspace, disabled ones included, newest first. */
  keysIn(workspace = "default") {
    return keysOf(this, this.requireWorkspace(workspace).id).map((k) => keyView(k, this.now()));
  }
  key(hash) {
    const key = this.db.keys.get(hash);
    return key && keyView(key, this.now());
  }
  /** The newest key with this name in the workspace (names are not unique in the API). */
  findKeyByName(name, workspace = "default") {
    return this.keysIn(workspace).find((k) => k.name === name);
  }
  guardrailsIn(workspace = "default") {
    return guardrailsOf(this, this.requireWorkspace(workspace).id).map((g) => guardrailView(this, g));
  }
  guardrail(id) {
    const g = this.db.guardrails.get(id);
    return g && guardrailView(this, g);
  }
  findGuardrailByName(name, workspace = "default") {
    return this.guardrailsIn(workspace).find((g) => g.name === name);
  }
  keyAssignments() {
    return [...this.db.keyAssignments.values()].map((a) => keyAssignmentView(a, this.db.keys.get(a.key_hash)));
  }
  memberAssignments() {
    return [...this.db.memberAssignments.values()].map((a) => memberAssignmentView(this, a));
  }
  workspaceMembers(workspace) {
    return membersOf(this, this.requireWorkspace(workspace)).map(
      (m) => workspaceMemberView(m, this.db.orgMembers.get(m.user_id))
    );
  }
  budgets(workspace) {
    return budgetsOf(this, this.requireWorkspace(workspace)).map(budgetView);
  }
  // ---- helpers for tests: change out of band (the organization's rules still hold) ----------
  addOrgMember(input) {
    if (this.db.orgMembers.has(input.id)) throw new Error(`organization member ${input.id} already exists`);
    if (this.memberByRef(input.email)) throw new Error(`organization member with email ${input.email} already exists`);
    const record2 = {
      id: input.id,
      email: input.email,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      role: input.role ?? "org:member",
      scim_managed: input.scim_managed ?? false
    };
    this.db.orgMembers.set(record2.id, record2);
    return orgMemberView(record2);
  }
  addWorkspace(input) {
    if (input.name === void 0) throw new Error(`workspace "${input.slug}": name is required`);
    return workspaceView(insertWorkspace(this, { ...input, name: input.name }));
  }
  updateWorkspace(workspace, patch) {
    return workspaceView(updateWorkspace(this, this.requireWorkspace(workspace), patch));
  }
  deleteWorkspace(workspace) {
    deleteWorkspace(this, this.requireWorkspace(workspace));
  }
  /** Creates a key as the seed describes it (any created_at, usage, disabled, past expiry). */
  addKey(input) {
    const { workspace, creator, hash, created_at, ...rest } = input;
    const usage = Object.fromEntries(Object.entries(rest).filter(([f]) => f in NO_USAGE));
    const { record: record2, secret } = insertKey(this, {
      name: rest.name,
      workspace_id: this.requireWorkspace(workspace ?? "default").id,
      limit: rest.limit,
      limit_reset: rest.limit_reset,
      include_byok_in_limit: rest.include_byok_in_limit,
      expires_at: rest.expires_at,
      disabled: rest.disabled,
      creator_user_id: creator == null ? creator : this.requireMember(creator).id,
      usage,
      created_at,
      hash
    });
    return { key: keyView(record2, this.now()), secret };
  }
  updateKey(hash, changes) {
    const { expires_at, ...rest } = changes;
    const record2 = updateKey(this, hash, rest);
    if (expires_at !== void 0) record2.expires_at = expires_at && new Date(expires_at).toISOString();
    return keyView(record2, this.now());
  }
  disableKey(hash) {
    return this.updateKey(hash, { disabled: true });
  }
  deleteKey(hash) {
    deleteKey(this, hash);
  }
  addGuardrail(input) {
    const { name, workspace, created_at, ...fields } = input;
    const record2 = insertGuardrail(this, this.requireWorkspace(workspace ?? "default").id, name, fields, created_at);
    return guardrailView(this, record2);
  }
  /** PATCH semantics; also materializes a workspace's default guardrail. */
  updateGuardrail(id, patch) {
    return guardrailView(this, updateGuardrail(this, id, patch));
  }
  setDefaultGuardrail(workspace, fields) {
    return this.updateGuardrail(this.requireWorkspace(workspace).default_guardrail_id, fields);
  }
  deleteGuardrail(id) {
    deleteGuardrail(this, id);
  }
  /** Binds a key to a guardrail (moving it from another); false when it already was. */
  assignKey(hash, guardrailId) {
    if (!this.db.keys.has(hash)) throw notFound(`API key ${hash} not found`);
    return assignKeys(this, guardrailId, [hash]) === 1;
  }
  unassignKey(hash) {
    const current = this.db.keyAssignments.get(hash);
    return current !== void 0 && unassignKeys(this, current.guardrail_id, [hash]) === 1;
  }
  assignMember(member, guardrailId) {
    return assignMembers(this, guardrailId, [this.requireMember(member).id]) === 1;
  }
  unassignMember(member, guardrailId) {
    return unassignMembers(this, guardrailId, [this.requireMember(member).id]) === 1;
  }
  addWorkspaceMember(workspace, member) {
    return addMembers(this, this.requireWorkspace(workspace), [this.requireMember(member).id]).length === 1;
  }
  removeWorkspaceMember(workspace, member) {
    return removeMembers(this, this.requireWorkspace(workspace), [this.requireMember(member).id]) === 1;
  }
  setBudget(workspace, interval, limitUsd, includeByokInBudgets) {
    return budgetView(upsertBudget(this, this.requireWorkspace(workspace), interval, limitUsd, includeByokInBudgets));
  }
  deleteBudget(workspace, interval) {
    deleteBudget(this, this.requireWorkspace(workspace), interval);
  }
  /**
   * Records a raw activity row as the seed's `activity:` section describes it: `days_ago` counts
   * back from the sandbox's clock now; `key` is a key's name (or hash) in `workspace`, and the
   * member defaults to the key's creator (whose traffic it is); the endpoint id, when not given,
   * is derived from model and provider so that it stays the same across runs.
   */
  addActivity(input) {
    const ws = this.requireWorkspace(input.workspace ?? "default");
    const key = input.key === void 0 ? void 0 : this.requireKeyIn(ws, input.key);
    const member = input.member === void 0 ? void 0 : this.requireMember(input.member);
    const permaslug = input.model_permaslug ?? canonicalSlug(input.model);
    if (permaslug === void 0) {
      throw new Error(`model "${input.model}" is not in the sandbox's catalog: give its model_permaslug`);
    }
    if (input.date === void 0 && input.days_ago === void 0) throw new Error("give date or days_ago");
    const record2 = {
      date: input.date ?? addDays(utcDate(this.now()), -input.days_ago),
      model: input.model,
      model_permaslug: permaslug,
      endpoint_id: input.endpoint_id ?? uuidV5(`activity-endpoint:${input.model}:${input.provider_name}`),
      provider_name: input.provider_name,
      workspace_id: ws.id,
      api_key_hash: key?.hash ?? null,
      user_id: member?.id ?? key?.creator_user_id ?? null,
      usage: input.usage,
      byok_usage_inference: input.byok_usage_inference ?? 0,
      requests: input.requests,
      prompt_tokens: input.prompt_tokens ?? 0,
      completion_tokens: input.completion_tokens ?? 0,
      reasoning_tokens: input.reasoning_tokens ?? 0
    };
    this.db.activity.push(record2);
    return { ...record2 };
  }
  /** The raw activity rows, as recorded (not aggregated). */
  activityRows() {
    return this.db.activity.map((r) => ({ ...r }));
  }
  /** A key by hash, or by a name that exactly one key of the workspace has. */
  requireKeyIn(ws, ref) {
    const byHash = this.db.keys.get(ref);
    if (byHash) return byHash;
    const named = keysOf(this, ws.id).filter((k) => k.name === ref);
    if (named.length === 0) throw new Error(`no key named "${ref}" in workspace "${ws.slug}"`);
    if (named.length > 1) throw new Error(`${named.length} keys are named "${ref}" in workspace "${ws.slug}"; name one uniquely`);
    return named[0];
  }
  requireWorkspace(ref) {
    const ws = this.workspaceByRef(ref);
    if (!ws) throw notFound(`unknown workspace "${ref}"`);
    return ws;
  }
  requireMember(ref) {
    const member = this.memberByRef(ref);
    if (!member) throw notFound(`"${ref}" is not an organization member (by id or email)`);
    return member;
  }
};

// src/sandbox/seed.ts
var SeedError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SeedError";
  }
};
function readSeedFile(path) {
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (err) {
    throw new SeedError(`${path}: cannot read the seed file (${err.message})`);
  }
  try {
    return extname(path).toLowerCase() === ".json" ? JSON.parse(text) : (0, import_yaml.parse)(text, { maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new SeedError(`${path}: invalid ${extname(path).toLowerCase() === ".json" ? "JSON" : "YAML"}: ${err.message}`);
  }
}
function parseSeed(doc, source = "seed") {
  const result = SeedDocument.safeParse(doc);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (i) => `${source}: ${i.path.length > 0 ? `${formatPath(i.path)}: ` : ""}${i.message}`
  );
  throw new SeedError(lines.join("\n"));
}
function createSeededState(seed, options = {}) {
  const source = typeof seed === "string" ? seed : "seed";
  const doc = parseSeed(typeof seed === "string" ? readSeedFile(seed) : seed ?? {}, source);
  const st = attempt(
    source,
    "organization_members",
    () => new SandboxState({
      ...options,
      organizationId: doc.organization_id,
      orgMembers: doc.organization_members,
      credits: doc.credits
    })
  );
  const each = (section, items, apply) => (items ?? []).forEach((item, i) => attempt(source, `${section}[${i}]`, () => apply(item)));
  each("workspaces", doc.workspaces, (w) => {
    if (w.slug !== "default") return st.addWorkspace(w);
    const { slug: _slug, created_at, ...settings } = w;
    st.updateWorkspace("default", settings);
    if (created_at !== void 0) st.defaultWorkspace.created_at = new Date(created_at).toISOString();
    st.defaultWorkspace.updated_at = null;
    return void 0;
  });
  each("workspace_members", doc.workspace_members, (m) => st.addWorkspaceMember(m.workspace, m.member));
  each("budgets", doc.budgets, (b) => st.setBudget(b.workspace, b.interval, b.limit_usd, b.include_byok_in_budgets));
  each("guardrails", doc.guardrails, (g) => st.addGuardrail(g));
  each(
    "default_guardrails",
    Object.entries(doc.default_guardrails ?? {}),
    ([slug, fields]) => st.setDefaultGuardrail(slug, fields)
  );
  each("keys", doc.keys, (k) => st.addKey(k));
  const keysByName = groupBy([...st.db.keys.values()], (k) => nameKey(k.workspace_id, k.name));
  const guardrails = [...st.db.workspaces.values()].flatMap((ws) => st.guardrailsIn(ws.id));
  const guardrailsByName = groupBy(guardrails, (g) => nameKey(g.workspace_id ?? "", g.name));
  const workspaceId = (slug) => {
    const ws = st.workspaceByRef(slug ?? "default");
    if (!ws) throw new Error(`unknown workspace "${slug}"`);
    return ws.id;
  };
  const findKey = (ref, slug) => {
    if (st.db.keys.has(ref)) return ref;
    return only(keysByName.get(nameKey(workspaceId(slug), ref)), "key", ref, slug, (k) => k.hash);
  };
  const findGuardrail = (name, slug) => only(guardrailsByName.get(nameKey(workspaceId(slug), name)), "guardrail", name, slug, (g) => g.id);
  each(
    "key_assignments",
    doc.key_assignments,
    (a) => st.assignKey(findKey(a.key, a.workspace), findGuardrail(a.guardrail, a.workspace))
  );
  each(
    "member_assignments",
    doc.member_assignments,
    (a) => st.assignMember(a.member, findGuardrail(a.guardrail, a.workspace))
  );
  each("activity", doc.activity, (a) => st.addActivity(a));
  return st;
}
function formatPath(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`).join("");
}
function attempt(source, where, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SeedError) throw err;
    throw new SeedError(`${source}: ${where}: ${err.message}`);
  }
}
function nameKey(workspaceId, name) {
  return `${workspaceId}\0${name}`;
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
function only(matches, kind, name, slug, id) {
  const where = `in workspace "${slug ?? "default"}"`;
  if (matches === void 0) throw new Error(`no ${kind} named "${name}" ${where}`);
  if (matches.length > 1) {
    const ids = matches.map(id).join(", ");
    throw new Error(`${matches.length} ${kind}s are named "${name}" ${where} (${ids}); name one uniquely`);
  }
  return id(matches[0]);
}

// src/sandbox/server.ts
import { createHash as createHash2, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// src/sandbox/router.ts
var ok = (body) => ({ status: 200, body });
var created = (body) => ({ status: 201, body });
var Router = class {
  table;
  constructor(routes) {
    this.table = routes.map((route) => ({ route, segments: route.path.split("/").slice(1) }));
  }
  /** Static segments win over `:params`, so /guardrails/assignments/keys is not a guardrail id. */
  match(method, path) {
    const parts = path.split("/").slice(1);
    let best;
    for (const { route, segments } of this.table) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params = {};
      let statics = 0;
      const matches = segments.every((seg, i) => {
        const part = parts[i];
        if (seg.startsWith(":")) {
          if (part === "") return false;
          params[seg.slice(1)] = safeDecode(part);
          return true;
        }
        statics += 1;
        return seg === part;
      });
      if (matches && (!best || statics > best.statics)) best = { match: { route, params }, statics };
    }
    return best?.match;
  }
};
function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// src/sandbox/routes/activity.ts
var activityRoutes = [
  {
    method: "GET",
    path: "/activity",
    operationId: "getUserActivity",
    handler: (ctx) => {
      const q = ctx.query;
      const window = activityWindow(ctx.state.now());
      if (q.date !== void 0) {
        if (!isCalendarDate(q.date)) throw badRequest(`date: "${q.date}" is not a date in YYYY-MM-DD format`);
        if (q.date < window.first || q.date > window.last) {
          throw badRequest(
            `date: ${q.date} is not one of the last 30 completed UTC days (${window.first} to ${window.last})`
          );
        }
      }
      if (q.workspace_id !== void 0 && !ctx.state.db.workspaces.has(q.workspace_id)) {
        throw new ApiError(404, `Workspace ${q.workspace_id} not found`);
      }
      const data = aggregateActivity(
        ctx.state.db.activity,
        { ...q, byWorkspace: q.group_by === "workspace" },
        window
      );
      return ok({ data });
    }
  }
];

// src/sandbox/state/paging.ts
function page(items, offset, limit) {
  return items.slice(offset, offset + limit);
}

// src/sandbox/routes/common.ts
function pagedList(items, paging, view) {
  return { data: page(items, paging.offset ?? 0, paging.limit ?? 50).map(view), total_count: items.length };
}
function pagingOf(ctx) {
  return ctx.query;
}
function workspaceParam(ctx) {
  const ref = ctx.params.id ?? "";
  const ws = ctx.state.workspaceByRef(ref);
  if (!ws) throw notFound(`Workspace "${ref}" not found`);
  return ws;
}
function workspaceFilter(ctx, workspaceId) {
  if (workspaceId === void 0) return ctx.state.defaultWorkspace;
  const ws = ctx.state.db.workspaces.get(workspaceId);
  if (!ws) throw badRequest(`workspace_id: no workspace ${workspaceId} in this organization`);
  return ws;
}

// src/sandbox/routes/guardrails.ts
var guardrailRoutes = [
  {
    method: "GET",
    path: "/guardrails",
    operationId: "listGuardrails",
    // Reference: "By default, guardrails in the default workspace are returned." A materialized
    // default guardrail is listed with the others of its workspace.
    handler: (ctx) => {
      const q = ctx.query;
      const ws = workspaceFilter(ctx, q.workspace_id);
      return ok(pagedList(guardrailsOf(ctx.state, ws.id), q, (g) => guardrailView(ctx.state, g)));
    }
  },
  {
    method: "POST",
    path: "/guardrails",
    operationId: "createGuardrail",
    handler: (ctx) => {
      const { name, workspace_id, ...fields } = ctx.body;
      const record2 = insertGuardrail(ctx.state, workspace_id ?? ctx.state.defaultWorkspaceId, name, fields);
      return created({ data: guardrailView(ctx.state, record2) });
    }
  },
  {
    method: "GET",
    path: "/guardrails/:id",
    operationId: "getGuardrail",
    handler: (ctx) => ok({ data: guardrailView(ctx.state, requireGuardrail(ctx.state, guardrailParam(ctx))) })
  },
  {
    method: "PATCH",
    path: "/guardrails/:id",
    operationId: "updateGuardrail",
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const record2 = updateGuardrail(ctx.state, id, ctx.body);
      return ok({ data: guardrailView(ctx.state, record2) });
    }
  },
  {
    method: "DELETE",
    path: "/guardrails/:id",
    operationId: "deleteGuardrail",
    handler: (ctx) => {
      deleteGuardrail(ctx.state, guardrailParam(ctx));
      return ok({ deleted: true });
    }
  }
];
function guardrailParam(ctx) {
  return ctx.params.id ?? "";
}

// src/sandbox/routes/assignments.ts
var assignmentRoutes = [
  {
    method: "GET",
    path: "/guardrails/:id/assignments/keys",
    operationId: "listGuardrailKeyAssignments",
    handler: (ctx) => {
      const guardrail = requireGuardrail(ctx.state, guardrailParam(ctx));
      const rows = [...ctx.state.db.keyAssignments.values()].filter((a) => a.guardrail_id === guardrail.id);
      return ok(pagedList(rows, pagingOf(ctx), keyRow(ctx)));
    }
  },
  {
    method: "POST",
    path: "/guardrails/:id/assignments/keys",
    operationId: "bulkAssignKeysToGuardrail",
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { key_hashes } = ctx.body;
      return ok({ assigned_count: assignKeys(ctx.state, id, key_hashes) });
    }
  },
  {
    method: "POST",
    path: "/guardrails/:id/assignments/keys/remove",
    operationId: "bulkUnassignKeysFromGuardrail",
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { key_hashes } = ctx.body;
      return ok({ unassigned_count: unassignKeys(ctx.state, id, key_hashes) });
    }
  },
  {
    method: "GET",
    path: "/guardrails/:id/assignments/members",
    operationId: "listGuardrailMemberAssignments",
    handler: (ctx) => {
      const guardrail = requireGuardrail(ctx.state, guardrailParam(ctx));
      const rows = [...ctx.state.db.memberAssignments.values()].filter((a) => a.guardrail_id === guardrail.id);
      return ok(pagedList(rows, pagingOf(ctx), memberRow(ctx)));
    }
  },
  {
    method: "POST",
    path: "/guardrails/:id/assignments/members",
    operationId: "bulkAssignMembersToGuardrail",
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { member_user_ids } = ctx.body;
      return ok({ assigned_count: assignMembers(ctx.state, id, member_user_ids) });
    }
  },
  {
    method: "POST",
    path: "/guardrails/:id/assignments/members/remove",
    operationId: "bulkUnassignMembersFromGuardrail",
    handler: (ctx) => {
      const id = guardrailParam(ctx);
      const { member_user_ids } = ctx.body;
      return ok({ unassigned_count: unassignMembers(ctx.state, id, member_user_ids) });
    }
  },
  {
    method: "GET",
    path: "/guardrails/assignments/keys",
    operationId: "listKeyAssignments",
    // Every key assignment of the organization, across workspaces.
    handler: (ctx) => ok(pagedList([...ctx.state.db.keyAssignments.values()], pagingOf(ctx), keyRow(ctx)))
  },
  {
    method: "GET",
    path: "/guardrails/assignments/members",
    operationId: "listMemberAssignments",
    handler: (ctx) => ok(pagedList([...ctx.state.db.memberAssignments.values()], pagingOf(ctx), memberRow(ctx)))
  }
];
function keyRow(ctx) {
  return (a) => keyAssignmentView(a, ctx.state.db.keys.get(a.key_hash));
}
function memberRow(ctx) {
  return (a) => memberAssignmentView(ctx.state, a);
}

// src/sandbox/routes/keys.ts
var KEYS_PAGE_SIZE = 100;
var keyRoutes = [
  {
    method: "GET",
    path: "/keys",
    operationId: "list",
    // README: a fixed page of 100, newest first, default workspace unless workspace_id,
    // disabled keys only with include_disabled=true, no total_count.
    handler: (ctx) => {
      const q = ctx.query;
      const ws = workspaceFilter(ctx, q.workspace_id);
      const keys = keysOf(ctx.state, ws.id).filter((k) => q.include_disabled === "true" || !k.disabled);
      return ok({ data: page(keys, q.offset ?? 0, KEYS_PAGE_SIZE).map((k) => keyView(k, ctx.state.now())) });
    }
  },
  {
    method: "POST",
    path: "/keys",
    operationId: "createKeys",
    handler: (ctx) => {
      const body = ctx.body;
      if (body.expires_at != null) {
        if (!/(?:Z|z)$/.test(body.expires_at)) {
          throw badRequest(`Invalid request body: expires_at: must be an ISO 8601 UTC timestamp ending in "Z"`);
        }
        if (Date.parse(body.expires_at) <= ctx.state.now().getTime()) {
          throw badRequest(`expires_at: ${body.expires_at} is not in the future`);
        }
      }
      const { record: record2, secret } = insertKey(ctx.state, {
        ...body,
        workspace_id: body.workspace_id ?? ctx.state.defaultWorkspaceId
      });
      return created({ data: keyView(record2, ctx.state.now()), key: secret });
    }
  },
  {
    method: "GET",
    path: "/keys/:hash",
    operationId: "getKey",
    handler: (ctx) => ok({ data: keyView(requireKey(ctx.state, hashParam(ctx)), ctx.state.now()) })
  },
  {
    method: "PATCH",
    path: "/keys/:hash",
    operationId: "updateKeys",
    handler: (ctx) => {
      const hash = hashParam(ctx);
      requireKey(ctx.state, hash);
      return ok({ data: keyView(updateKey(ctx.state, hash, ctx.body), ctx.state.now()) });
    }
  },
  {
    method: "DELETE",
    path: "/keys/:hash",
    operationId: "deleteKeys",
    handler: (ctx) => {
      deleteKey(ctx.state, hashParam(ctx));
      return ok({ deleted: true });
    }
  },
  {
    method: "GET",
    path: "/key",
    operationId: "getCurrentKey",
    handler: (ctx) => ok({ data: currentKey(ctx) })
  }
];
function hashParam(ctx) {
  return ctx.params.hash ?? "";
}
function currentKey(ctx) {
  const st = ctx.state;
  return {
    label: ctx.managementKey.startsWith(SECRET_PREFIX) ? maskSecret(ctx.managementKey) : `${SECRET_PREFIX}***`,
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
    is_free_tier: false,
    is_management_key: true,
    is_provisioning_key: true,
    creator_user_id: st.ownerId,
    expires_at: null,
    // Reference: "Legacy rate limit information about a key. Will always return -1."
    rate_limit: { requests: -1, interval: "10s", note: "This field is deprecated and safe to ignore." },
    // Not in the reference; required by @openrouter/sdk 1.3.x (newer than the reference).
    organization_id: st.organizationId,
    workspace_id: null,
    allowed_data_regions: ["global"],
    free_model_daily_requests: { limit: 0, remaining: 0, used: 0 }
  };
}

// src/sandbox/routes/organization.ts
var organizationRoutes = [
  {
    method: "GET",
    path: "/organization/members",
    operationId: "listOrganizationMembers",
    handler: (ctx) => ok(pagedList([...ctx.state.db.orgMembers.values()], pagingOf(ctx), orgMemberView))
  },
  {
    method: "GET",
    path: "/credits",
    operationId: "getCredits",
    handler: (ctx) => ok({ data: { ...ctx.state.credits } })
  },
  {
    method: "GET",
    path: "/models",
    // Not in the trimmed reference; this is the operationId of OpenRouter's full API description.
    operationId: "getModels",
    public: true,
    handler: () => ok({ data: MODEL_CATALOG.map((m) => ({ ...m })) })
  }
];

// src/sandbox/routes/workspaces.ts
var workspaceRoutes = [
  {
    method: "GET",
    path: "/workspaces",
    operationId: "listWorkspaces",
    handler: (ctx) => ok(pagedList([...ctx.state.db.workspaces.values()], pagingOf(ctx), workspaceView))
  },
  {
    method: "POST",
    path: "/workspaces",
    operationId: "createWorkspace",
    handler: (ctx) => created({ data: workspaceView(insertWorkspace(ctx.state, ctx.body)) })
  },
  {
    method: "GET",
    path: "/workspaces/:id",
    operationId: "getWorkspace",
    handler: (ctx) => ok({ data: workspaceView(workspaceParam(ctx)) })
  },
  {
    method: "PATCH",
    path: "/workspaces/:id",
    operationId: "updateWorkspace",
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok({ data: workspaceView(updateWorkspace(ctx.state, ws, ctx.body)) });
    }
  },
  {
    method: "DELETE",
    path: "/workspaces/:id",
    operationId: "deleteWorkspace",
    handler: (ctx) => {
      deleteWorkspace(ctx.state, workspaceParam(ctx));
      return ok({ deleted: true });
    }
  },
  {
    method: "GET",
    path: "/workspaces/:id/members",
    operationId: "listWorkspaceMembers",
    // Reference: "For the default workspace, returns all organization members (implicit membership)."
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok(pagedList(membersOf(ctx.state, ws), pagingOf(ctx), memberRow2(ctx)));
    }
  },
  {
    method: "POST",
    path: "/workspaces/:id/members/add",
    operationId: "bulkAddWorkspaceMembers",
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const added = addMembers(ctx.state, ws, ctx.body.user_ids);
      return ok({ data: added.map(memberRow2(ctx)), added_count: added.length });
    }
  },
  {
    method: "POST",
    path: "/workspaces/:id/members/remove",
    operationId: "bulkRemoveWorkspaceMembers",
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const userIds = ctx.body.user_ids;
      return ok({ removed_count: removeMembers(ctx.state, ws, userIds) });
    }
  },
  {
    method: "GET",
    path: "/workspaces/:id/budgets",
    operationId: "listWorkspaceBudgets",
    // Not paginated (README, "Listing").
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      return ok({ data: budgetsOf(ctx.state, ws).map(budgetView), include_byok_in_budgets: ws.include_byok_in_budgets });
    }
  },
  {
    method: "GET",
    path: "/workspaces/:id/budgets/:interval",
    operationId: "getWorkspaceBudget",
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const budget = requireBudget(ctx.state, ws, intervalParam(ctx));
      return ok({ data: budgetView(budget), include_byok_in_budgets: ws.include_byok_in_budgets });
    }
  },
  {
    method: "PUT",
    path: "/workspaces/:id/budgets/:interval",
    operationId: "upsertWorkspaceBudget",
    handler: (ctx) => {
      const ws = workspaceParam(ctx);
      const interval = intervalParam(ctx);
      const body = ctx.body;
      const budget = upsertBudget(ctx.state, ws, interval, body.limit_usd, body.include_byok_in_budgets);
      return ok({ data: budgetView(budget), include_byok_in_budgets: ws.include_byok_in_budgets });
    }
  },
  {
    method: "DELETE",
    path: "/workspaces/:id/budgets/:interval",
    operationId: "deleteWorkspaceBudget",
    handler: (ctx) => {
      deleteBudget(ctx.state, workspaceParam(ctx), intervalParam(ctx));
      return ok({ deleted: true });
    }
  }
];
function intervalParam(ctx) {
  return ctx.params.interval;
}
function memberRow2(ctx) {
  return (m) => workspaceMemberView(m, ctx.state.db.orgMembers.get(m.user_id));
}

// src/sandbox/routes/index.ts
var ROUTES = [
  ...keyRoutes,
  ...guardrailRoutes,
  ...assignmentRoutes,
  ...workspaceRoutes,
  ...organizationRoutes,
  ...activityRoutes
];

// src/sandbox/server.ts
var API_PREFIX = "/api/v1";
var MAX_BODY_BYTES = 1024 * 1024;
var SandboxServer = class {
  constructor(settings) {
    this.settings = settings;
    this.http = createServer((req, res) => {
      this.handle(req, res).catch(() => resetConnection(req.socket));
    });
  }
  settings;
  http;
  router = new Router(ROUTES);
  closing = new AbortController();
  async listen(port, host) {
    await new Promise((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => {
        this.http.off("error", reject);
        resolve();
      });
    });
    requestValidator().catch(() => void 0);
    return this.http.address();
  }
  /** Stops at once: pending latencies are cut short and open connections destroyed. */
  async close() {
    this.closing.abort();
    const closed = new Promise((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closed;
  }
  async handle(req, res) {
    const started = performance.now();
    const { log, faults } = this.settings;
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const match = url.pathname.startsWith(`${API_PREFIX}/`) ? this.router.match(method, url.pathname.slice(API_PREFIX.length)) : void 0;
    const operationId = match?.route.operationId ?? null;
    const respond = (result2, headers = {}, injected = false) => {
      const text = send(res, result2, headers);
      const observe = this.settings.onResponse;
      if (text !== null && observe) {
        observe({ operationId, method, path: url.pathname, status: result2.status, body: JSON.parse(text), injected });
      }
    };
    const finish = (status, fault2) => log.record({
      method,
      path: url.pathname,
      operationId,
      status,
      ms: Math.round(performance.now() - started),
      fault: fault2
    });
    if (!await this.delay()) {
      resetConnection(req.socket);
      return;
    }
    const bucket = this.settings.rateLimit?.take();
    if (bucket && !bucket.ok) {
      respond(errorResult(429, "Rate limit exceeded"), { "retry-after": String(bucket.retryAfterSeconds) }, true);
      return finish(429, "rate-limit");
    }
    const fault = faults.pick(operationId);
    if (fault?.kind === "reset") {
      resetConnection(req.socket);
      return finish(null, "reset");
    }
    if (fault) {
      const headers = fault.status === 429 ? { "retry-after": String(faults.config.retryAfterSeconds) } : {};
      respond(errorResult(fault.status, `Injected fault: ${INJECTED_MESSAGES[fault.status]}`), headers, true);
      return finish(fault.status, String(fault.status));
    }
    const result = await this.dispatch(req, url, match);
    if (result.status < 300) {
      if (method !== "GET") this.settings.onCommit?.();
      if (faults.takeDrop(operationId)) {
        resetConnection(req.socket);
        return finish(result.status, "drop-after-commit");
      }
    }
    respond(result);
    finish(result.status, null);
  }
  /** Waits the configured latency; false when the server closed meanwhile. */
  async delay() {
    const { ms, jitterMs } = this.settings.latency;
    const wait = ms + (jitterMs > 0 ? this.settings.jitterRng() * jitterMs : 0);
    if (wait > 0) {
      try {
        await sleep(wait, void 0, { signal: this.closing.signal });
      } catch {
        return false;
      }
    }
    return !this.closing.signal.aborted;
  }
  async dispatch(req, url, match) {
    try {
      if (!match) throw new ApiError(404, `No route for ${req.method} ${url.pathname}`);
      if (!match.route.public) this.authenticate(req.headers.authorization);
      const body = req.method === "GET" || req.method === "DELETE" ? void 0 : await readJson(req);
      const raw = { params: match.params, query: Object.fromEntries(url.searchParams), body };
      const checked = (await requestValidator()).check(match.route.operationId, raw);
      return match.route.handler({ state: this.settings.state, ...checked, managementKey: this.settings.managementKey });
    } catch (err) {
      if (err instanceof ApiError) return errorResult(err.status, err.message);
      return errorResult(500, `Internal sandbox error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  authenticate(header) {
    if (!header) throw new ApiError(401, "Missing Authentication header");
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !sameSecret(match[1], this.settings.managementKey)) {
      throw new ApiError(401, "Invalid credentials: the bearer token is not the management key");
    }
  }
};
var validator;
function requestValidator() {
  validator ??= import("./request-validator-5J7YYGCM.mjs").then((m) => m.requestValidator());
  return validator;
}
var INJECTED_MESSAGES = {
  429: "Rate limit exceeded",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable"
};
function errorResult(status, message) {
  return { status, body: { error: { code: status, message } } };
}
function sameSecret(given, expected) {
  const digest = (s) => createHash2("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return void 0;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, `Malformed JSON body: ${err.message}`);
  }
}
function send(res, result, headers = {}) {
  if (res.destroyed) return null;
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers
  });
  res.end(text);
  return text;
}
function resetConnection(socket) {
  if (!socket.destroyed) socket.resetAndDestroy();
}

// src/sandbox/index.ts
async function startSandbox(options = {}) {
  const stateOptions = { now: options.now, deterministicIds: options.deterministicIds };
  const persistPath = options.persistPath;
  const saved = persistPath === void 0 ? void 0 : loadPersisted(persistPath);
  const state = saved ? new SandboxState(stateOptions, saved) : createSeededState(options.seed, stateOptions);
  const save = persistPath === void 0 ? null : () => savePersisted(persistPath, state.toData());
  save?.();
  const rngSeed = options.rngSeed;
  const settings = {
    state,
    managementKey: options.managementKey ?? randomSecret(),
    faults: new FaultInjector(createRng(rngSeed), options.faults),
    rateLimit: options.rateLimit ? new TokenBucket(options.rateLimit) : null,
    latency: checkedLatency(options.latencyMs ?? 0, options.latencyJitterMs ?? 0),
    // A separate stream, so that changing the jitter does not change which requests fault.
    jitterRng: createRng(rngSeed === void 0 ? void 0 : rngSeed + 1),
    log: new RequestLog(),
    onCommit: save,
    onResponse: options.onResponse ?? null
  };
  const server = new SandboxServer(settings);
  const host = options.host ?? "127.0.0.1";
  const address = await server.listen(options.port ?? 0, host);
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}${API_PREFIX}`,
    managementKey: settings.managementKey,
    state,
    setFaults: (partial) => settings.faults.set(partial),
    setLatency: (ms, jitterMs = 0) => {
      settings.latency = checkedLatency(ms, jitterMs);
    },
    setRateLimit: (config) => {
      settings.rateLimit = config ? new TokenBucket(config) : null;
    },
    dropAfterCommit: (operationId, count = 1) => settings.faults.dropAfterCommit(operationId, count),
    get log() {
      return settings.log.entries;
    },
    counts: () => settings.log.counts(),
    resetLog: () => settings.log.reset(),
    close: async () => {
      await server.close();
      save?.();
    }
  };
}
function checkedLatency(ms, jitterMs) {
  if (!(ms >= 0) || !(jitterMs >= 0)) throw new RangeError("latency and jitter must be >= 0 ms");
  return { ms, jitterMs };
}
export {
  MODEL_CATALOG,
  PersistError,
  SandboxState,
  SeedError,
  createSeededState,
  faultsForRate,
  parseSeed,
  readSeedFile,
  startSandbox
};
