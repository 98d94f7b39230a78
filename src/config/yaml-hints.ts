// YAML syntax errors a person can act on (issue 15). The parser reports an indentation mistake
// where it gave up ("Implicit keys need to be on a single line" at the end of the line above),
// which is rarely where the mistake is. For the indentation class of errors we look for the line
// whose indentation fits nothing above it and say what would fit; every syntax error gets a short
// code frame of the lines around it.

/** Parser error codes (yaml 2) that come from indentation. */
const INDENTATION_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

export interface YamlHint {
  /** 1-based line and column of the mistake. */
  line: number;
  col: number;
  message: string;
}

interface LineInfo {
  /** Leading spaces. */
  indent: number;
  /** Column (0-based) where a key at this line starts: after `- ` for a list item. */
  keyColumn: number;
  /** The line ends where a nested block must follow (`key:`, `-`, `key: |`). */
  opens: boolean;
  content: boolean;
}

function infoOf(line: string): LineInfo {
  const indent = line.length - line.trimStart().length;
  const body = line.trim();
  const content = body !== '' && !body.startsWith('#');
  const code = body.replace(/\s+#.*$/, '');
  const item = /^-(\s+|$)/.exec(code);
  const keyColumn = item ? indent + item[0].length : indent;
  const opens = /:$|^-$|[:-]\s*[|>][-+0-9]*$/.test(code) || /^-\s+[^:]+:$/.test(code);
  return { indent, keyColumn, opens, content };
}

/**
 * The line (from `from` on, at most two lines further) whose indentation lines up with nothing it
 * could belong to, and what would.
 */
export function indentationHint(text: string, code: string, errorLine: number): YamlHint | undefined {
  if (!INDENTATION_CODES.has(code)) return undefined;
  const lines = text.split('\n');
  const infos = lines.map(infoOf);
  for (let l = Math.max(1, errorLine - 1); l <= Math.min(lines.length - 1, errorLine + 1); l++) {
    const cur = infos[l]!;
    if (!cur.content) continue;
    let p = l - 1;
    while (p >= 0 && !infos[p]!.content) p--;
    if (p < 0) continue;
    const prev = infos[p]!;
    const n = l + 1;
    if (cur.indent > prev.keyColumn && !prev.opens) {
      return {
        line: n,
        col: cur.indent + 1,
        message:
          `line ${n} is indented ${cur.indent} spaces, deeper than line ${p + 1} (${prev.keyColumn}), whose value is on that line, so nothing can nest ` +
          `under it: indent line ${n} by ${prev.keyColumn} spaces to put it beside it`,
      };
    }
    if (cur.indent < prev.keyColumn) {
      // The columns it could line up with: the keys of the enclosing blocks, and for a list item
      // also the dashes of the enclosing lists.
      const isItem = /^\s*-(\s|$)/.test(lines[l]!);
      const fits = new Set<number>([0, prev.keyColumn]);
      if (isItem && prev.keyColumn !== prev.indent) fits.add(prev.indent);
      let min = prev.indent;
      for (let q = p - 1; q >= 0; q--) {
        const info = infos[q]!;
        if (!info.content || info.indent >= min) continue;
        min = info.indent;
        fits.add(info.keyColumn);
        if (isItem && info.keyColumn !== info.indent) fits.add(info.indent);
      }
      if (!fits.has(cur.indent)) {
        const sorted = [...fits].sort((a, b) => a - b);
        const nearest = [...fits].sort((a, b) => Math.abs(a - cur.indent) - Math.abs(b - cur.indent) || b - a)[0]!;
        return {
          line: n,
          col: cur.indent + 1,
          message:
            `line ${n} is indented ${cur.indent} spaces, which lines up with nothing above it ` +
            `(${isItem ? 'lists and keys' : 'keys'} there start at ${sorted.join(', ')}): indent it by ${nearest} spaces`,
        };
      }
    }
  }
  return undefined;
}

/** Up to two lines before the mistake, its line and a caret under its column, numbered. */
export function codeFrame(text: string, line: number, col: number): string[] {
  const lines = text.split('\n');
  const first = Math.max(1, line - 2);
  const width = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= Math.min(line, lines.length); n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, col - 1))}^`);
  return out;
}
