// How a create or update request turns into a guardrail's stored policy: the field rules of
// CreateGuardrailRequest / UpdateGuardrailRequest in the reference.
import { badRequest } from '../api-error.js';
import { canonicalSlug } from '../models.js';
import type { GuardrailFields } from '../wire/requests.js';
import { ZDR_FIELDS, type GuardrailPolicy } from './records.js';

export type { GuardrailFields };

/** A guardrail created from an empty request: every nullable field null, BYOK excluded. */
export const BLANK_POLICY: GuardrailPolicy = {
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
  include_byok_in_budgets: false,
};

/**
 * The policy after a request: fields not sent keep their value (PATCH) — on create `current` is
 * BLANK_POLICY — and list fields sent replace the whole list (reference: "replace semantics").
 */
export function applyGuardrailFields(current: GuardrailPolicy, input: GuardrailFields): GuardrailPolicy {
  const next: GuardrailPolicy = { ...current };
  const { enforce_zdr, allowed_models, ignored_models, content_filters, content_filter_builtins, ...plain } = input;
  for (const [field, value] of Object.entries(plain)) {
    if (value !== undefined) Object.assign(next, { [field]: Array.isArray(value) ? [...value] : value });
  }
  if (allowed_models !== undefined) next.allowed_models = canonicalModels('allowed_models', allowed_models);
  if (ignored_models !== undefined) next.ignored_models = canonicalModels('ignored_models', ignored_models);
  if (content_filters !== undefined) next.content_filters = checkedContentFilters(content_filters);
  if (content_filter_builtins !== undefined) {
    // Reference: the builtin `label` "is accepted for backward compatibility but silently ignored".
    next.content_filter_builtins = content_filter_builtins && content_filter_builtins.map(({ label: _label, ...b }) => b);
  }
  // Reference: enforce_zdr "is copied into any of those per-provider fields that are not
  // explicitly specified on the request".
  if (enforce_zdr !== undefined) {
    for (const field of ZDR_FIELDS) if (input[field] === undefined) next[field] = enforce_zdr;
  }
  // README: "limit_usd and reset_interval go together".
  if (next.reset_interval !== null && next.limit_usd === null) {
    throw badRequest(`reset_interval: "${next.reset_interval}" requires limit_usd (a reset interval without a spending limit)`);
  }
  return next;
}

/**
 * Reference: "slug or canonical_slug accepted", returned as "model canonical_slugs"; an unknown
 * model is rejected. Duplicates collapse, first occurrence wins the order.
 */
function canonicalModels(field: string, models: string[] | null): string[] | null {
  if (models === null) return null;
  const out: string[] = [];
  models.forEach((model, i) => {
    const canonical = canonicalSlug(model);
    if (canonical === undefined) throw badRequest(`${field}[${i}]: unknown model "${model}" (see GET /models)`);
    if (!out.includes(canonical)) out.push(canonical);
  });
  return out;
}

/**
 * Reference: `pattern` is "A regex pattern to match against request content"; a pattern that is
 * not a regular expression is refused (beyond the schema, which asks only for a non-empty string).
 */
function checkedContentFilters(filters: GuardrailPolicy['content_filters']): GuardrailPolicy['content_filters'] {
  if (filters === null) return null;
  return filters.map((f, i) => {
    try {
      new RegExp(f.pattern);
    } catch (err) {
      throw badRequest(`content_filters[${i}].pattern: not a valid regular expression (${(err as Error).message})`);
    }
    return { ...f };
  });
}

/** Reference: the builtin filter label is "system-assigned ... derived from the slug (e.g. "[EMAIL]")". */
export function builtinFilterLabel(slug: string): string {
  return `[${slug.toUpperCase().replace(/-/g, '_')}]`;
}
