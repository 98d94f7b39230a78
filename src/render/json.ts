// Exactly one JSON document on stdout (PRODUCT.md section 2).
import { planJson } from '../core/plan-json.js';
import type { Plan } from '../core/types.js';
import { jsonText } from '../untrusted.js';

export function renderJson(plan: Plan): string {
  return `${jsonText(JSON.stringify(planJson(plan), null, 2))}\n`;
}
