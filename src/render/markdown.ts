// The plan for a pull request comment or a job summary: a marker line so a workflow can find and
// update its own comment, a summary table, and a collapsible section per kind. No ANSI codes.
import { KINDS, type Plan } from '../core/types.js';
import { detailLines, headline, summaryLine } from './values.js';
import { mdCode, mdText, terminalText } from '../untrusted.js';
import { wideningOperations } from '../core/effect.js';
import { makesSecrets, noChangesLine, retiringLines, type RenderOptions } from './plan-words.js';

export const MARKDOWN_MARKER = '<!-- oradmin-plan -->';

export function renderMarkdown(plan: Plan, opts: RenderOptions = {}): string {
  const s = plan.summary;
  const head: string[] = [MARKDOWN_MARKER, `### oradmin plan${opts.file ? ` for ${mdCode(opts.file)}` : ''}`, ''];
  if (plan.operations.length === 0) {
    head.push(`**${mdText(noChangesLine(plan, opts.file))}**`, '');
  }
  // The key lifecycle's columns only when the plan rotates or retires keys.
  const lifecycle = s.rotate + s.retire > 0;
  head.push(
    `| create | update | replace | delete | disable | assign | unassign |${lifecycle ? ' rotate | retire |' : ''} unmanaged |`,
    `|---:|---:|---:|---:|---:|---:|---:|${lifecycle ? '---:|---:|' : ''}---:|`,
    `| ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.disable} | ${s.assign} | ${s.unassign} |${lifecycle ? ` ${s.rotate} | ${s.retire} |` : ''} ${s.unmanaged} |`,
    '',
  );
  const refusals = (opts.refusals ?? []).map((r) => `> - ${mdText(r)}`);
  const refusalHead = ['> [!WARNING]', '> **Apply will refuse this plan:**'];
  const widening = wideningOperations(plan.operations).map((o) => `> - ${o.action} ${mdCode(o.address)}`);
  const n = widening.length;
  const wideningHead = ['> [!IMPORTANT]', `> **${n} change${n === 1 ? ' widens' : 's widen'} access or spend** — review ${n === 1 ? 'it' : 'these'} first:`];
  const tail: string[] = [];
  if (makesSecrets(plan)) {
    const sink = plan.secrets_sink;
    tail.push(
      sink === null
        ? '**No secrets sink:** apply will refuse to create keys (add `secrets:` to the file or pass `--secrets-out <path>`).'
        : `**New secrets go to** ${sink.type === 'file' ? `the file ${mdCode(sink.path)}` : `the command ${mdCode(sink.command.join(' '))}`}.`,
      '',
    );
  }
  tail.push(summaryLine(s as unknown as Record<string, number>), '');

  const block = (title: string[], lines: string[]) => (lines.length > 0 ? [...title, ...lines, ''] : []);
  const full = [...head, ...block(refusalHead, refusals), ...block(wideningHead, widening), ...detailSections(plan), ...tail].join('\n');
  if (opts.maxChars === undefined || full.length <= opts.maxChars) return full;

  // Too long for where it goes: what a reviewer must see first, and where the rest is.
  const note = [
    `**The whole plan is ${full.length.toLocaleString('en-US')} characters, more than fits here;** ` +
      `${opts.wholePlanAt ? `it is in ${mdText(opts.wholePlanAt)}` : 'see `oradmin show` of the saved plan'}.`,
    '',
  ];
  let budget = opts.maxChars - [...head, ...note, ...tail].join('\n').length - 200;
  const fit = (lines: string[], what: string): string[] => {
    const kept: string[] = [];
    for (const line of lines) {
      if (line.length + 1 > budget) break;
      kept.push(line);
      budget -= line.length + 1;
    }
    if (kept.length < lines.length) kept.push(`> - … and ${lines.length - kept.length} more ${what} (in the whole plan)`);
    return kept;
  };
  const keptRefusals = fit(refusals, 'refusals');
  const keptWidening = fit(widening, 'widening changes');
  return [...head, ...block(refusalHead, keptRefusals), ...block(wideningHead, keptWidening), ...note, ...tail].join('\n');
}

/** One collapsible section per kind, then the unmanaged objects. */
function detailSections(plan: Plan): string[] {
  const out: string[] = [];
  for (const kind of KINDS) {
    const ops = plan.operations.filter((o) => o.kind === kind);
    if (ops.length === 0) continue;
    out.push(`<details><summary><code>${kind}</code> — ${ops.length} change${ops.length === 1 ? '' : 's'}</summary>`, '', '```diff');
    for (const op of ops) {
      // diff fences colour lines by their first character: + green, - red, ! orange. Inside the
      // fence text is literal; terminal escaping keeps each value on its line, so nothing can close
      // the fence (which needs a line of its own) or the <details> around it.
      const lead = op.action === 'create' ? '+' : op.action === 'delete' || op.action === 'unassign' || op.action === 'retire' ? '-' : '!';
      // Say the symbol once: "+ key.x", "- key.y", "! ~ guardrail.z".
      const head = headline(op);
      out.push(`${head.startsWith(`${lead} `) ? head : `${lead} ${head.replace(/^[-+] /, '')}`}${op.reason ? `  (${terminalText(op.reason)})` : ''}`);
      for (const line of detailLines(op)) out.push(`${lead}     ${line}`);
    }
    out.push('```', '', '</details>', '');
  }
  if (plan.unmanaged.length > 0) {
    out.push(`<details><summary>Unmanaged — ${plan.unmanaged.length} live object${plan.unmanaged.length === 1 ? '' : 's'} not in the file (drift; apply leaves them alone)</summary>`, '');
    for (const u of plan.unmanaged) out.push(`- ${mdCode(u.address)}${u.reason ? ` — ${mdText(u.reason)}` : ''}`);
    out.push('', '</details>', '');
  }
  const retiring = retiringLines(plan);
  if (retiring.length > 0) {
    const n = retiring.length - 2;
    out.push(`<details><summary>Retiring — ${n} predecessor${n === 1 ? '' : 's'} of rotated keys, still valid by design (not drift)</summary>`, '', '```');
    out.push(...retiring.slice(1, -1), '```', '', '</details>', '');
  }
  return out;
}
