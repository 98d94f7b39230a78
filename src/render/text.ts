// The plan for a terminal: one block per operation in execution order, a summary line, unmanaged
// objects apart, and why apply would refuse. Colour only when asked (kleur, disabled otherwise).
import kleur from 'kleur';
import type { Action, Plan } from '../core/types.js';
import { detailLines, headline, summaryLine } from './values.js';
import { terminalText } from '../untrusted.js';

export function renderText(plan: Plan, opts: { color: boolean; file?: string }): string {
  const k = kleur;
  k.enabled = opts.color;
  const paint: Record<Action, (s: string) => string> = {
    create: k.green,
    update: k.yellow,
    disable: k.yellow,
    replace: k.magenta,
    delete: k.red,
    assign: k.cyan,
    unassign: k.cyan,
  };
  const out: string[] = [];
  if (plan.operations.length === 0) {
    out.push(`No changes. The organization matches ${terminalText(opts.file ?? 'the file')}.`);
  } else {
    out.push('oradmin will perform these operations, in this order:', '');
    for (const op of plan.operations) {
      out.push(`  ${paint[op.action](headline(op))}${op.reason ? k.dim(`  (${terminalText(op.reason)})`) : ''}`);
      for (const line of detailLines(op)) out.push(`      ${line}`);
      if (op.blocked) out.push(`      ${k.red().bold('blocked:')} ${terminalText(op.blocked)}`);
    }
    out.push('');
  }
  if (plan.unmanaged.length > 0) {
    out.push(k.bold(`Unmanaged: ${plan.unmanaged.length} live object${plan.unmanaged.length === 1 ? '' : 's'} not in the file (left alone; see unmanaged: and ignore:)`));
    for (const u of plan.unmanaged) out.push(`  ${k.dim('?')} ${terminalText(u.address)}`);
    out.push('');
  }
  const blocked = plan.operations.filter((o) => o.blocked);
  if (!plan.safety.ok || blocked.length > 0) {
    out.push(k.red().bold('Apply will refuse this plan:'));
    for (const r of plan.safety.reasons) out.push(`  - ${terminalText(r)} (use --force to proceed)`);
    for (const o of blocked) out.push(`  - ${terminalText(o.address)}: ${terminalText(o.blocked!)}`);
    out.push('');
  }
  out.push(k.bold(summaryLine(plan.summary as unknown as Record<string, number>)));
  return `${out.join('\n')}\n`;
}
