// The plan for a pull request comment or a job summary: a marker line so a workflow can find and
// update its own comment, a summary table, and a collapsible section per kind. No ANSI codes.
import { KINDS, type Plan } from '../core/types.js';
import { detailLines, headline, summaryLine } from './values.js';
import { mdCode, mdText, terminalText } from '../untrusted.js';

export const MARKDOWN_MARKER = '<!-- oradmin-plan -->';

export function renderMarkdown(plan: Plan, opts: { file?: string } = {}): string {
  const s = plan.summary;
  const out: string[] = [MARKDOWN_MARKER, `### oradmin plan${opts.file ? ` for ${mdCode(opts.file)}` : ''}`, ''];
  if (plan.operations.length === 0) {
    out.push('**No changes.** The organization matches the file.', '');
  }
  out.push(
    '| create | update | replace | delete | disable | assign | unassign | unmanaged |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.disable} | ${s.assign} | ${s.unassign} | ${s.unmanaged} |`,
    '',
  );
  const blocked = plan.operations.filter((o) => o.blocked);
  if (!plan.safety.ok || blocked.length > 0) {
    out.push('> [!WARNING]', '> **Apply will refuse this plan:**');
    for (const r of plan.safety.reasons) out.push(`> - ${mdText(r)} (needs \`--force\`)`);
    for (const o of blocked) out.push(`> - ${mdCode(o.address)}: ${mdText(o.blocked!)}`);
    out.push('');
  }
  for (const kind of KINDS) {
    const ops = plan.operations.filter((o) => o.kind === kind);
    if (ops.length === 0) continue;
    out.push(`<details><summary><code>${kind}</code> — ${ops.length} change${ops.length === 1 ? '' : 's'}</summary>`, '', '```diff');
    for (const op of ops) {
      // diff fences colour lines by their first character: + green, - red, ! orange. Inside the
      // fence text is literal; terminal escaping keeps each value on its line, so nothing can close
      // the fence (which needs a line of its own) or the <details> around it.
      const lead = op.action === 'create' ? '+' : op.action === 'delete' || op.action === 'unassign' ? '-' : '!';
      // Say the symbol once: "+ key.x", "- key.y", "! ~ guardrail.z".
      const head = headline(op);
      out.push(`${head.startsWith(`${lead} `) ? head : `${lead} ${head.replace(/^[-+] /, '')}`}${op.reason ? `  (${terminalText(op.reason)})` : ''}`);
      for (const line of detailLines(op)) out.push(`${lead}     ${line}`);
    }
    out.push('```', '', '</details>', '');
  }
  if (plan.unmanaged.length > 0) {
    out.push(`<details><summary>Unmanaged — ${plan.unmanaged.length} live object${plan.unmanaged.length === 1 ? '' : 's'} not in the file</summary>`, '');
    for (const u of plan.unmanaged) out.push(`- ${mdCode(u.address)}`);
    out.push('', '</details>', '');
  }
  out.push(summaryLine(s as unknown as Record<string, number>), '');
  return out.join('\n');
}
