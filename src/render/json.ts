// Exactly one JSON document on stdout (PRODUCT.md section 2).
import { planJson } from '../core/plan-json.js';
import type { Plan } from '../core/types.js';
import { jsonText } from '../untrusted.js';

/**
 * The plan document, plus `refusals`: what apply would refuse here (cli/refusals.ts). Refusals
 * depend on the environment and the flags, not on the plan, so the checksum does not cover them.
 */
export function renderJson(plan: Plan, refusals: readonly string[] = []): string {
  const { checksum, ...body } = planJson(plan);
  return `${jsonText(JSON.stringify({ ...body, refusals, checksum }, null, 2))}\n`;
}
