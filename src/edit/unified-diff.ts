// A unified diff of two texts, line by line, in the format of `diff -u` / `git diff` (which `patch`
// and `git apply` accept): Myers' O(ND) shortest edit script between the lines that differ, with
// three lines of context around each change.

export interface DiffOptions {
  /** The name after `---` and `+++`. */
  oldLabel: string;
  newLabel: string;
  context?: number;
}

type Op = { kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number };

/** '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, opts: DiffOptions): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(comparable(a), comparable(b)).map((o) => ({ ...o, line: o.kind === '+' ? b.lines[o.newIndex]! : a.lines[o.oldIndex]! }));
  const context = opts.context ?? 3;
  const out = [`--- ${opts.oldLabel}`, `+++ ${opts.newLabel}`];
  for (const hunk of hunks(ops, context)) {
    const first = hunk[0]!;
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${range(first.oldIndex, oldCount)} +${range(first.newIndex, newCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line}`);
      const unterminated = op.kind === '+' ? op.newIndex === b.lines.length - 1 && !b.finalNewline : op.oldIndex === a.lines.length - 1 && !a.finalNewline;
      if (unterminated) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** A last line without its newline differs from the same line with one, as diff sees it. */
function comparable(t: { lines: string[]; finalNewline: boolean }): string[] {
  if (t.finalNewline || t.lines.length === 0) return t.lines;
  return [...t.lines.slice(0, -1), `${t.lines[t.lines.length - 1]}\u0000`];
}

/** `start,count` as diff writes it: 1-based, `,1` left out, and the line before for an empty range. */
function range(index: number, count: number): string {
  const start = count === 0 ? index : index + 1;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * Every line of both texts in order, kept (' '), removed ('-') or added ('+'), each with the
 * index it has (or would have) in the old and the new text. Common head and tail are trimmed
 * before the search, which then only sees the lines that changed.
 */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i]!, oldIndex: i, newIndex: i });
  for (const m of middle) ops.push({ ...m, oldIndex: m.oldIndex + head, newIndex: m.newIndex + head });
  for (let t = tail; t > 0; t--) {
    ops.push({ kind: ' ', line: a[a.length - t]!, oldIndex: a.length - t, newIndex: b.length - t });
  }
  return ops;
}

/** Myers 1986, "An O(ND) difference algorithm and its variations", with the trace kept to walk back. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back from (n, m) through the saved rounds, collecting the script in reverse.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]!, oldIndex: x, newIndex: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', line: b[y]!, oldIndex: x, newIndex: y });
    } else {
      x--;
      ops.push({ kind: '-', line: a[x]!, oldIndex: x, newIndex: y });
    }
  }
  return ops.reverse();
}

/** Changes grouped with `context` lines around them; changes closer than twice that share a hunk. */
function hunks(ops: readonly Op[], context: number): Op[][] {
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const out: Op[][] = [];
  let start = -1;
  let last = -1;
  for (const i of changed) {
    if (start >= 0 && i - last - 1 > 2 * context) {
      out.push(ops.slice(start, Math.min(ops.length, last + context + 1)));
      start = -1;
    }
    if (start < 0) start = Math.max(0, i - context);
    last = i;
  }
  if (start >= 0) out.push(ops.slice(start, Math.min(ops.length, last + context + 1)));
  return out;
}
