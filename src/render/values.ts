// How values and operations read in the text and markdown plans. Every string that can come from
// the live organization or the file (addresses carry names, values carry descriptions and model
// ids, reasons quote names) passes through `terminalText` here, so what these helpers return is
// safe for a terminal and for a markdown code block (PRODUCT.md section 11).
import type { Action, Operation } from '../core/types.js';
import { terminalText } from '../untrusted.js';

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  // JSON quoting escapes C0 controls; terminalText also catches DEL, C1 and bidi characters.
  if (typeof v === 'string') return terminalText(JSON.stringify(v));
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'object') {
    return `{ ${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null)
      .map(([k, x]) => `${terminalText(k)}: ${formatValue(x)}`)
      .join(', ')} }`;
  }
  return terminalText(String(v));
}

export const SYMBOL: Record<Action, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  disable: '~',
  assign: '±',
  unassign: '±',
  rotate: '↻',
  retire: '-',
};

/** The lines under an operation's address: what it sets or changes. */
export function detailLines(op: Operation): string[] {
  const lines: string[] = [];
  if (op.action === 'disable') lines.push('disabled: false → true');
  if (op.action === 'assign' && !op.changes && op.after?.guardrail !== undefined) {
    lines.push(`guardrail: ${formatValue(op.after.guardrail)}`);
  }
  if (op.action === 'create' || op.action === 'replace' || op.action === 'rotate') {
    const changed = new Set(op.changes?.map((c) => c.field) ?? []);
    for (const [k, v] of Object.entries(op.after ?? {})) if (!changed.has(k)) lines.push(`${terminalText(k)}: ${formatValue(v)}`);
  }
  // What a deletion removes, so that a reviewer sees it go as a creation is seen to come.
  for (const [k, v] of Object.entries(op.before ?? {})) lines.push(`${terminalText(k)}: ${formatValue(v)}`);
  for (const c of op.changes ?? []) lines.push(`${terminalText(c.field)}: ${formatValue(c.before)} → ${formatValue(c.after)}`);
  return lines;
}

/** The operation's first line: symbol, address (escaped), and the verb where the symbol is shared. */
export function headline(op: Operation): string {
  const verb =
    op.action === 'disable' ? ' (disable)' : op.action === 'unassign' ? ' (unassign)' : op.action === 'assign' ? ' (assign)' : op.action === 'retire' ? ' (retire)' : op.action === 'rotate' ? ' (rotate)' : '';
  return `${SYMBOL[op.action]} ${terminalText(op.address)}${verb}`;
}

export function summaryLine(s: Record<string, number>): string {
  const parts = [
    `${s.create} to create`,
    `${s.update} to update`,
    `${s.replace} to replace`,
    `${s.delete} to delete`,
  ];
  if (s.disable) parts.push(`${s.disable} to disable`);
  parts.push(`${s.assign} to assign`, `${s.unassign} to unassign`);
  // The key lifecycle's actions (PRODUCT.md section 8), when the plan has them.
  if (s.rotate) parts.push(`${s.rotate} to rotate`);
  if (s.retire) parts.push(`${s.retire} to retire`);
  return `Plan: ${parts.join(', ')}; ${s.unmanaged} unmanaged.`;
}
