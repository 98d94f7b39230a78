// Every resource kind, in dependency-rank order. The planner and the executor know kinds only
// through this list: adding a kind is one module and one line here.
import type { Kind } from '../core/types.js';
import { buildPlan as buildCorePlan, type PlanResult } from '../core/plan.js';
import type { PlanInput } from '../core/context.js';
import type { ResourceKind } from './types.js';
import { workspace } from './workspace.js';
import { workspaceBudget } from './workspace-budget.js';
import { workspaceMember } from './workspace-member.js';
import { workspaceDefaultGuardrail } from './workspace-default-guardrail.js';
import { guardrail } from './guardrail.js';
import { guardrailMember } from './guardrail-member.js';
import { key } from './key.js';
import { keyGuardrail } from './key-guardrail.js';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  workspace,
  workspaceBudget,
  workspaceMember,
  workspaceDefaultGuardrail,
  guardrail,
  guardrailMember,
  key,
  keyGuardrail,
];

const byKind = new Map<Kind, ResourceKind>(RESOURCE_KINDS.map((k) => [k.kind, k]));

export function resourceKind(kind: Kind): ResourceKind {
  const k = byKind.get(kind);
  if (!k) throw new Error(`unknown resource kind ${kind}`);
  return k;
}

/** The planner with oradmin's resource kinds: what every command calls to plan. */
export function buildPlan(input: PlanInput): PlanResult {
  return buildCorePlan({ ...input, kinds: RESOURCE_KINDS });
}
