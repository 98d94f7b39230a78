// What the text and markdown plans say the same way.
import { issuesSecret, type Plan } from '../core/types.js';
import { terminalText } from '../untrusted.js';

/** Whether the plan makes a new secret (a key created, replaced or rotated): then it says where it goes. */
export function makesSecrets(plan: Plan): boolean {
  return plan.operations.some(issuesSecret);
}

/**
 * Predecessors inside their overlap (PRODUCT.md section 8): expected state, no change, listed so that
 * a reviewer knows which old secrets still work and until when. Escaped for a terminal (and so for
 * a markdown code block).
 */
export function retiringLines(plan: Plan): string[] {
  // A plan document from before rotations has no `retiring`.
  const retiring = plan.retiring ?? [];
  if (retiring.length === 0) return [];
  const n = retiring.length;
  const out = [`Retiring: ${n} predecessor${n === 1 ? '' : 's'} of rotated keys, still valid by design (expected, not drift):`];
  for (const r of retiring) {
    const when = r.retires_at === null ? `kept until ${r.successor} has a successor again (an interrupted rotation)` : `${r.retire === 'delete' ? 'deleted' : 'disabled'} from ${r.retires_at}`;
    out.push(`  ${terminalText(r.address)}  ${terminalText(when)}`);
  }
  out.push('');
  return out;
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
