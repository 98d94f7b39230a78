// What the text and markdown plans say the same way.
import type { Plan } from '../core/types.js';

/** Whether the plan makes a new secret (a key created or replaced): then it says where it goes. */
export function makesSecrets(plan: Plan): boolean {
  return plan.operations.some((o) => o.kind === 'key' && (o.action === 'create' || o.action === 'replace'));
}

export interface RenderOptions {
  /** The desired-state file, as given. */
  file?: string;
  /** Everything apply would refuse for this plan here (cli/refusals.ts); none when omitted. */
  refusals?: readonly string[];
  /**
   * Markdown only: the most characters the document may have (GitHub: 65,536 per comment, 1 MiB per
   * job summary). Beyond it the summary, every refusal and every widening change are kept, and the
   * document says where the whole plan is (`wholePlanAt`).
   */
  maxChars?: number;
  wholePlanAt?: string;
}

/**
 * The first line of a plan without operations. Unmanaged objects under `report` are drift
 * (PRODUCT.md section 2: `--detailed-exitcode` exits 2 for them), so the plan does not say the
 * organization matches when they exist.
 */
export function noChangesLine(plan: Plan, file: string | undefined): string {
  const n = plan.unmanaged.length;
  if (n === 0) return `No changes. The organization matches ${file ?? 'the file'}.`;
  return `No changes to make, but ${n} live object${n === 1 ? ' is' : 's are'} not in the file.`;
}
