// The settings a named guardrail and a workspace's default guardrail share, normalized the same
// way on both sides so that what apply wrote reads back equal (PATCH replaces lists whole).
import type { PlanContext } from '../core/context.js';
import type { ContentFilter, ContentFilterBuiltin, LiveGuardrail } from '../core/live.js';
import { canonicalJson, normalizeObjectSet, normalizeSet, orNull } from '../core/normalize.js';
import { allowListWidens, denyListWidens, limitWidens, permissionWidens, protectionWidens, resetWidens } from '../core/effect.js';
import type { DefaultGuardrailDecl } from '../config/schema.js';
import type { PathSegment } from '../config/source.js';
import type { Operation } from '../core/types.js';

export const ZDR_FIELDS = [
  'enforce_zdr_anthropic',
  'enforce_zdr_openai',
  'enforce_zdr_google',
  'enforce_zdr_xai',
  'enforce_zdr_other',
] as const;

export const GUARDRAIL_FIELDS = [
  'description',
  'limit_usd',
  'reset_interval',
  'allowed_providers',
  'allowed_models',
  'ignored_providers',
  'ignored_models',
  ...ZDR_FIELDS,
  'enable_free_model_publication',
  'enable_free_model_training',
  'enable_paid_model_training',
  'include_byok_in_budgets',
  'content_filters',
  'content_filter_builtins',
] as const;

/** What the API reports for a guardrail that sets nothing (CreateGuardrailRequest: all nullable; include_byok_in_budgets false). */
export const GUARDRAIL_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  GUARDRAIL_FIELDS.map((f) => [f, f === 'include_byok_in_budgets' ? false : null]),
);

const PROMPT_INJECTION = 'regex-prompt-injection';

function cleanFilter(f: ContentFilter): ContentFilter {
  return { pattern: f.pattern, action: f.action, label: f.label ?? null };
}

/** `label` is system-assigned and `scan_scope` only applies to the prompt-injection detector (default all_messages). */
function cleanBuiltin(b: ContentFilterBuiltin): ContentFilterBuiltin {
  return b.slug === PROMPT_INJECTION
    ? { slug: b.slug, action: b.action, scan_scope: b.scan_scope ?? 'all_messages' }
    : { slug: b.slug, action: b.action };
}

type Settings = Partial<Record<(typeof GUARDRAIL_FIELDS)[number] | 'enforce_zdr', unknown>> & DefaultGuardrailDecl;

/** Declared settings → comparable fields. `enforce_zdr` is shorthand for the per-provider fields not given. */
export function desiredGuardrailFields(decl: Settings, ctx: PlanContext, path: readonly PathSegment[]): Record<string, unknown> {
  const zdr = decl.enforce_zdr;
  const fields: Record<string, unknown> = {
    description: orNull(decl.description),
    limit_usd: orNull(decl.limit_usd),
    reset_interval: orNull(decl.reset_interval),
    allowed_providers: normalizeSet(decl.allowed_providers),
    allowed_models: normalizeSet(ctx.canonicalModels(decl.allowed_models, [...path, 'allowed_models'])),
    ignored_providers: normalizeSet(decl.ignored_providers),
    ignored_models: normalizeSet(ctx.canonicalModels(decl.ignored_models, [...path, 'ignored_models'])),
  };
  for (const f of ZDR_FIELDS) fields[f] = decl[f] !== undefined ? decl[f] : orNull(zdr);
  fields.enable_free_model_publication = orNull(decl.enable_free_model_publication);
  fields.enable_free_model_training = orNull(decl.enable_free_model_training);
  fields.enable_paid_model_training = orNull(decl.enable_paid_model_training);
  fields.include_byok_in_budgets = decl.include_byok_in_budgets ?? false;
  fields.content_filters = normalizeObjectSet(decl.content_filters as ContentFilter[] | null | undefined, cleanFilter);
  fields.content_filter_builtins = normalizeObjectSet(
    decl.content_filter_builtins as ContentFilterBuiltin[] | null | undefined,
    cleanBuiltin,
  );
  return fields;
}

/** Live guardrail → comparable fields. Older responses without per-provider ZDR fall back to enforce_zdr. */
export function liveGuardrailFields(g: LiveGuardrail): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    description: orNull(g.description),
    limit_usd: orNull(g.limit_usd),
    reset_interval: orNull(g.reset_interval),
    allowed_providers: normalizeSet(g.allowed_providers),
    allowed_models: normalizeSet(g.allowed_models),
    ignored_providers: normalizeSet(g.ignored_providers),
    ignored_models: normalizeSet(g.ignored_models),
  };
  for (const f of ZDR_FIELDS) fields[f] = g[f] !== undefined ? g[f] : orNull(g.enforce_zdr);
  fields.enable_free_model_publication = orNull(g.enable_free_model_publication);
  fields.enable_free_model_training = orNull(g.enable_free_model_training);
  fields.enable_paid_model_training = orNull(g.enable_paid_model_training);
  fields.include_byok_in_budgets = g.include_byok_in_budgets ?? false;
  fields.content_filters = normalizeObjectSet(g.content_filters, cleanFilter);
  fields.content_filter_builtins = normalizeObjectSet(g.content_filter_builtins, cleanBuiltin);
  return fields;
}

/**
 * The request body that sets every setting explicitly (creation never relies on server defaults,
 * PRODUCT.md section 3). Empty lists go as null: the API takes lists with at least one item.
 */
export function guardrailSettingsBody(fields: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of GUARDRAIL_FIELDS) body[f] = fields[f] ?? GUARDRAIL_DEFAULTS[f];
  return body;
}

/**
 * The PATCH body of an update: the changed settings (lists whole — PATCH replaces them), with
 * limit_usd and reset_interval always together (the API takes them as a pair).
 */
export function changedSettingsBody(op: Operation): Record<string, unknown> {
  const desired = op.exec.fields as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  // The desired values as compared (canonical model slugs), not as the plan shows them.
  for (const c of op.changes ?? []) body[c.field] = c.field in desired ? desired[c.field] : c.after;
  if ('limit_usd' in body || 'reset_interval' in body) {
    body.limit_usd = desired.limit_usd ?? null;
    body.reset_interval = desired.reset_interval ?? null;
  }
  return body;
}

/** Content filters are protections: removing any of them widens what gets through. */
function filtersWiden(before: unknown, after: unknown): boolean {
  const kept = new Set((Array.isArray(after) ? after : []).map((f) => canonicalJson(f)));
  return (Array.isArray(before) ? before : []).some((f) => !kept.has(canonicalJson(f)));
}

/** Which guardrail setting changes widen access or spend (core/effect.ts); description is neither. */
export const GUARDRAIL_WIDENING: Readonly<Record<string, (before: unknown, after: unknown) => boolean>> = {
  limit_usd: limitWidens,
  reset_interval: resetWidens,
  allowed_providers: allowListWidens,
  allowed_models: allowListWidens,
  ignored_providers: denyListWidens,
  ignored_models: denyListWidens,
  ...Object.fromEntries(ZDR_FIELDS.map((f) => [f, protectionWidens])),
  enable_free_model_publication: permissionWidens,
  enable_free_model_training: permissionWidens,
  enable_paid_model_training: permissionWidens,
  include_byok_in_budgets: protectionWidens,
  content_filters: filtersWiden,
  content_filter_builtins: filtersWiden,
};

/** Model lists are compared canonical and shown as the file spells them (PlanContext.displayModel). */
export function displayGuardrailField(field: string, value: unknown, ctx: PlanContext): unknown {
  if ((field === 'allowed_models' || field === 'ignored_models') && Array.isArray(value)) {
    return value.map((m) => (typeof m === 'string' ? ctx.displayModel(m) : m));
  }
  return value;
}
