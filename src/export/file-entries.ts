// Live objects (already in the file's shape, see live-inventory.ts) as entries of the desired-state
// file. What is left out means the same as what is written: a field equal to its API default (the
// resource kind's `defaults`) is omitted, because an omitted field means that default.
import { BUDGET_INTERVALS, DEFAULT_WORKSPACE } from '../config/schema.js';
import { canonicalJson } from '../core/normalize.js';
import { GUARDRAIL_DEFAULTS, ZDR_FIELDS } from '../resources/guardrail-settings.js';
import type { LiveObject } from '../resources/types.js';
import { compare } from './live-inventory.js';

export type Entry = Record<string, unknown>;

export function withoutDefaults(fields: Entry, defaults: Readonly<Entry>): Entry {
  const out: Entry = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k in defaults && canonicalJson(v) === canonicalJson(defaults[k])) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Guardrail settings as a person would write them: API defaults left out, five equal per-provider
 * ZDR settings as the `enforce_zdr` shorthand, content filters without `label: null`, and filter
 * lists (sets to the planner) by pattern and by builtin slug.
 */
export function guardrailSettings(fields: Entry): Entry {
  const settings = withoutDefaults(fields, GUARDRAIL_DEFAULTS);
  const zdr = ZDR_FIELDS.map((f) => settings[f]);
  const shorthand = zdr.every((v) => v !== undefined && v === zdr[0]);
  const out: Entry = {};
  for (const [k, v] of Object.entries(settings)) {
    if ((ZDR_FIELDS as readonly string[]).includes(k) && shorthand) {
      if (k === ZDR_FIELDS[0]) out.enforce_zdr = v;
    } else if (k === 'content_filters' && Array.isArray(v)) {
      out[k] = sortedBy(v as Entry[], 'pattern').map((f) => withoutDefaults(f, { label: null }));
    } else if (k === 'content_filter_builtins' && Array.isArray(v)) {
      out[k] = sortedBy(v as Entry[], 'slug');
    } else {
      out[k] = v;
    }
  }
  return out;
}

function sortedBy(list: readonly Entry[], field: string): Entry[] {
  return [...list].sort((a, b) => compare(String(a[field]), String(b[field])));
}

/**
 * Every setting the API reports: workspace settings have no API default, so an omitted one would
 * not be managed (PRODUCT.md section 3); written, the file manages them all. Budgets and members
 * are written even when empty, so that the file manages those sets completely too.
 */
export function workspaceEntry(
  ws: LiveObject,
  budgets: readonly LiveObject[],
  members: readonly string[],
  defaultGuardrail: LiveObject | undefined,
): Entry {
  const slug = ws.name;
  const out: Entry = { slug, ...ws.fields };
  const limits: Entry = {};
  for (const interval of BUDGET_INTERVALS) {
    const b = budgets.find((o) => o.name === interval);
    if (b) limits[interval] = b.fields.limit_usd;
  }
  // Only the budget endpoints set this flag, so the file allows it only beside a budget (config/rules.ts).
  if (Object.keys(limits).length === 0) delete out.include_byok_in_budgets;
  out.budgets = limits;
  // The default workspace's membership is implicit: the file does not allow members on it.
  if (slug !== DEFAULT_WORKSPACE) out.members = [...members];
  // Materialized only: an absent default guardrail is left unmanaged, which is what the API has.
  if (defaultGuardrail) out.default_guardrail = guardrailSettings(defaultGuardrail.fields);
  return out;
}

export function guardrailEntry(g: LiveObject, members: readonly string[]): Entry {
  const out: Entry = { name: g.name };
  if (g.workspace !== DEFAULT_WORKSPACE) out.workspace = g.workspace;
  return { ...out, ...guardrailSettings(g.fields), members: [...members] };
}

/**
 * A key with its guardrail. `creator_user_id` is written by e-mail when the creator is a member;
 * otherwise it is left out, which the file reads as "not managed" (resources/key.ts) — exact, as
 * the creator never changes.
 */
export function keyEntry(k: LiveObject, defaults: Readonly<Entry>, guardrail: string | null, isMemberEmail: (s: string) => boolean): Entry {
  const out: Entry = { name: k.name };
  if (k.workspace !== DEFAULT_WORKSPACE) out.workspace = k.workspace;
  const { creator_user_id: creator, ...fields } = withoutDefaults(k.fields, defaults);
  Object.assign(out, fields);
  if (guardrail !== null) out.guardrail = guardrail;
  if (typeof creator === 'string' && isMemberEmail(creator)) out.creator_user_id = creator;
  return out;
}
