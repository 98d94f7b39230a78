// Addresses name every object in plans, errors and --target (PRODUCT.md section 2).
import type { BudgetInterval } from './live.js';

export const address = {
  workspace: (slug: string) => `workspace.${slug}`,
  budget: (slug: string, interval: BudgetInterval) => `workspace_budget.${slug}/${interval}`,
  workspaceMember: (slug: string, member: string) => `workspace_member.${slug}/${member}`,
  defaultGuardrail: (slug: string) => `workspace_default_guardrail.${slug}`,
  guardrail: (slug: string, name: string) => `guardrail.${slug}/${name}`,
  guardrailMember: (slug: string, guardrail: string, member: string) => `guardrail_member.${slug}/${guardrail}/${member}`,
  key: (slug: string, name: string) => `key.${slug}/${name}`,
  keyGuardrail: (slug: string, key: string) => `key_guardrail.${slug}/${key}`,
};

/** Does `target` (an address, or a glob with *) select `addr`? */
export function matchesTarget(addr: string, target: string): boolean {
  if (!target.includes('*')) return addr === target;
  const re = new RegExp(`^${target.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(addr);
}
