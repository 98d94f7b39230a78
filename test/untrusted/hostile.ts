// Hostile strings and the checks that output stays intact (PRODUCT.md section 11), shared by the
// renderer tests and the end-to-end tests.
import { expect } from 'vitest';

export const HOSTILE = {
  erase: 'term\u001b[2K\u001b[1A\u001b[2K\rPlan: 0 to create, 0 to delete',
  markdown: 'evil` **x** `\n```\n</details>\n\n## ✅ Security review: approved\n\n<details><summary>',
  workflow: 'evil\n::add-mask::Plan\n::stop-commands::tok123\n::error title=x::pwned',
  bidi: 'invoice\u202egnp.exe\u2066x\u2069',
  bell: 'ring\u0007\u007f\u0085',
  backticks: '`'.repeat(10_000),
};

/** Raw controls a terminal acts on; a plain newline is output structure and checked apart. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function expectClean(label: string, text: string, opts: { ownCommands?: RegExp } = {}): void {
  const raw = RAW_CONTROL.exec(text);
  expect(raw, `${label}: raw control U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${raw?.index}`).toBeNull();
  for (const line of text.split('\n')) {
    if (opts.ownCommands?.test(line)) continue;
    expect(line.startsWith('::'), `${label}: a line starts a workflow command: ${line.slice(0, 80)}`).toBe(false);
    expect(/^Plan: 0 to create, 0 to delete/.test(line) && !/; \d+ unmanaged\.$/.test(line), `${label}: forged summary line`).toBe(false);
  }
}

/** Our markdown: balanced <details>, no heading but ours, no HTML tag from a name. */
export function expectMarkdownIntact(label: string, md: string, ownHeadings: RegExp): void {
  const opens = md.match(/<details>/g)?.length ?? 0;
  const closes = md.match(/<\/details>/g)?.length ?? 0;
  expect(opens, `${label}: <details> balanced`).toBe(closes);
  let fenced = false;
  for (const line of md.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    if (/^#{1,6} /.test(line)) expect(line, `${label}: a heading that is not ours`).toMatch(ownHeadings);
    expect(line, `${label}: forged heading`).not.toMatch(/^#+ ✅/);
    // Tags we write ourselves; any other `<tag` outside a code span and not escaped would be HTML
    // from a name.
    const tags = withoutCodeSpans(line)
      .replace(/\\</g, '')
      .replace(/<\/?(details|summary|code)>|<!-- oradmin-plan -->/g, '');
    expect(tags, `${label}: raw HTML`).not.toMatch(/<\/?[a-zA-Z!]/);
  }
}

/** A line without its inline code spans (CommonMark: a run of n backticks up to the next run of exactly n). */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = /`+/.exec(line.slice(i));
    if (!open) return out + line.slice(i);
    out += line.slice(i, i + open.index);
    const fence = open[0];
    const rest = line.slice(i + open.index + fence.length);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(rest);
    if (!close) return out + fence + rest;
    i += open.index + fence.length + close.index + fence.length;
  }
  return out;
}
