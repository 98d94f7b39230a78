// The plan for a terminal: what widens access first, then one block per operation in execution
// order, unmanaged objects apart, why apply would refuse, and a summary line. Colour only when
// asked (kleur, disabled otherwise).
import kleur from 'kleur';
import type { Action, Plan } from '../core/types.js';
import { wideningOperations } from '../core/effect.js';
import { detailLines, headline, summaryLine } from './values.js';
import { terminalText } from '../untrusted.js';
import { makesSecrets, noChangesLine, retiringLines, type RenderOptions } from './plan-words.js';

export function renderText(plan: Plan, opts: RenderOptions & { color: boolean }): string {
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
    rotate: k.magenta,
    retire: k.red,
  };
  const out: string[] = [];
  if (plan.operations.length === 0) {
    out.push(terminalText(noChangesLine(plan, opts.file)));
  } else {
    const widening = wideningOperations(plan.operations);
    if (widening.length > 0) {
      out.push(k.bold(`${widening.length} change${widening.length === 1 ? ' widens' : 's widen'} access or spend — review ${widening.length === 1 ? 'it' : 'these'} first:`));
      for (const op of widening) out.push(`  ${paint[op.action](headline(op))}`);
      out.push('');
    }
    out.push('oradmin will perform these operations, in this order:', '');
    for (const op of plan.operations) {
      out.push(`  ${paint[op.action](headline(op))}${op.reason ? k.dim(`  (${terminalText(op.reason)})`) : ''}`);
      for (const line of detailLines(op)) out.push(`      ${line}`);
      if (op.blocked) out.push(`      ${k.red().bold('blocked:')} ${terminalText(op.blocked)}`);
    }
    out.push('');
  }
  if (plan.unmanaged.length > 0) {
    const n = plan.unmanaged.length;
    out.push(
      k.bold(
        `Unmanaged: ${n} live object${n === 1 ? '' : 's'} not in the file — apply leaves ${n === 1 ? 'it' : 'them'} alone; ` +
          `plan --detailed-exitcode reports ${n === 1 ? 'it' : 'them'} as drift (declare, delete with absent: true, or ignore:)`,
      ),
    );
    for (const u of plan.unmanaged) out.push(`  ${k.dim('?')} ${terminalText(u.address)}${u.reason ? k.dim(`  (${terminalText(u.reason)})`) : ''}`);
    out.push('');
  }
  out.push(...retiringLines(plan));
  const refusals = opts.refusals ?? [];
  if (refusals.length > 0) {
    out.push(k.red().bold('Apply will refuse this plan:'));
    for (const r of refusals) out.push(`  - ${terminalText(r)}`);
    out.push('');
  }
  if (makesSecrets(plan)) {
    // Where new secrets go is part of what is reviewed (PRODUCT.md section 2; apply binds to it).
    const s = plan.secrets_sink;
    out.push(
      s === null
        ? 'No secrets sink: apply will refuse to create keys (add secrets: to the file or pass --secrets-out <path>).'
        : `New secrets go to ${s.type === 'file' ? `the file ${terminalText(s.path)}` : `the command ${terminalText(s.command.join(' '))}`}.`,
      '',
    );
  }
  out.push(k.bold(summaryLine(plan.summary as unknown as Record<string, number>)));
  return `${out.join('\n')}\n`;
}
