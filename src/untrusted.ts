// Untrusted text stays data (PRODUCT.md section 11). Names, descriptions, e-mails, model ids and the
// API's own error messages come from the live organization — anyone with dashboard access can name a
// key — or from a pull request. One function per medium neutralizes them before they are printed:
//
// - terminal, stderr, logs: `terminalText` shows every C0 and C1 control character, DEL, the bidi
//   overrides and isolates (and the other invisible direction marks and line separators) escaped, so
//   a name can neither move the cursor, erase a line, reorder what is shown nor start a line;
// - markdown (PR comments, job summaries, issues): `mdText`, `mdCode`, `mdCell*` keep a string inside
//   its paragraph, code span or table cell, with no raw HTML and no way to close a `<details>`.
//
// Renderers build their lines with the tagged templates `term` and `md`, which escape every
// interpolated string for their medium unless it is already a `Safe` fragment of that medium, so a
// new renderer escapes by default instead of by remembering (test/render/untrusted-lint.test.ts
// checks that renderers use them).

/**
 * Characters a terminal or a log viewer acts on instead of showing: C0 controls (newline included —
 * a newline inside a name must not start a line of a job log), DEL, C1 controls, the Arabic letter
 * mark, LRM/RLM, the line and paragraph separators, bidi embeddings/overrides (U+202A–U+202E) and
 * isolates (U+2066–U+2069).
 */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A string as plain visible text for a terminal or log: unsafe characters shown as escapes
 * (`\n`, `\x1b`, `\u202e`). C0 controls use `\xHH` and everything from DEL up `\uHHHH`, which is
 * also a valid JSON escape, so the result can sit inside JSON text unchanged in meaning.
 */
export function terminalText(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** What JSON.stringify leaves raw among the unsafe characters (it escapes C0 controls itself). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from JSON.stringify) with DEL, C1 and bidi characters written as `\uHHHH` escapes:
 * the same document for a parser, and nothing a terminal acts on when someone reads it there.
 */
export function jsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a string holds anything `terminalText` would escape. */
export function hasUnsafeText(s: string): boolean {
  TERMINAL_UNSAFE.lastIndex = 0;
  const found = TERMINAL_UNSAFE.test(s);
  TERMINAL_UNSAFE.lastIndex = 0;
  return found;
}

/**
 * The characters that make inline markdown structure where our text sits (never at the start of a
 * line — every fragment follows a prefix of ours — so `#`, `-`, `+`, `>` and digits cannot start a
 * heading, list or quote): code, emphasis, links and images, HTML and entities, table pipes,
 * strikethrough. CommonMark lets any ASCII punctuation be backslash-escaped, which makes it literal.
 */
const MD_INLINE = /[\\`*_[\]<>&|~!]/g;

/**
 * A string as literal markdown text (a table cell, a list item, a heading's tail): no emphasis,
 * link, image, HTML tag or entity can come out of it, no bare URL becomes a link (GFM autolinks
 * `scheme://` and `www.`), and it stays on its line.
 */
export function mdText(s: string): string {
  return terminalText(s)
    .replace(MD_INLINE, '\\$&')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/**
 * A string as an inline code span. The fence is one backtick longer than the longest run of
 * backticks inside, so no run can close it (CommonMark 6.1), whatever its length; newlines are
 * already escaped, so the span cannot reach a new line either.
 */
export function mdCode(s: string): string {
  const text = terminalText(s);
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick or a space needs one space of padding on each side,
  // which CommonMark strips again.
  const pad = /^[` ]|[` ]$/.test(text) || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A string as literal text in a GFM table cell: as `mdText`, pipes included (already escaped). */
export function mdCellText(s: string): string {
  return mdText(s);
}

/** A string as a code span in a GFM table cell: a pipe would end the cell even inside the span. */
export function mdCellCode(s: string): string {
  return mdCode(s).replace(/\|/g, '\\|');
}

/** Text inside an HTML element of a markdown document (e.g. `<summary>`). */
export function htmlText(s: string): string {
  return terminalText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// --- fragments that are already safe for a medium -------------------------------------------

declare const medium: unique symbol;

/** A piece of output already safe for its medium: written by oradmin, or escaped for it. */
export interface Safe<M extends 'terminal' | 'markdown'> {
  readonly [medium]: M;
  readonly text: string;
  toString(): string;
}

class Fragment<M extends 'terminal' | 'markdown'> {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type TerminalSafe = Safe<'terminal'>;
export type MarkdownSafe = Safe<'markdown'>;

/** Marks text oradmin itself wrote (no untrusted part) as safe for the terminal. */
export function trustedTerminal(text: string): TerminalSafe {
  return new Fragment<'terminal'>(text) as unknown as TerminalSafe;
}

/** Marks markdown oradmin itself wrote (or built from escaped parts) as safe. */
export function trustedMarkdown(text: string): MarkdownSafe {
  return new Fragment<'markdown'>(text) as unknown as MarkdownSafe;
}

type Interpolated<M extends 'terminal' | 'markdown'> = Safe<M> | string | number | boolean | null | undefined;

function isFragment(v: unknown): v is Fragment<'terminal' | 'markdown'> {
  return v instanceof Fragment;
}

/**
 * A line for the terminal: every interpolated string is shown with `terminalText`; numbers as
 * they are; fragments already safe (nested `term`, colour from kleur wrapped by `trustedTerminal`)
 * pass through.
 */
export function term(strings: TemplateStringsArray, ...values: Interpolated<'terminal'>[]): string {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += isFragment(v) ? v.text : terminalText(String(v));
    out += strings[i + 1]!;
  });
  return out;
}

/** As `term`, but the result is a fragment that can be interpolated again without re-escaping. */
export function termSafe(strings: TemplateStringsArray, ...values: Interpolated<'terminal'>[]): TerminalSafe {
  return trustedTerminal(term(strings, ...values));
}

/**
 * A line of markdown: every interpolated string is literal text (`mdText`); use `code(x)` for a
 * code span and `cell(x)`/`cellCode(x)` inside a table row.
 */
export function md(strings: TemplateStringsArray, ...values: Interpolated<'markdown'>[]): string {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += isFragment(v) ? v.text : typeof v === 'number' ? String(v) : mdText(String(v));
    out += strings[i + 1]!;
  });
  return out;
}

/** An inline code span of an untrusted string, for `md`. */
export function code(s: string): MarkdownSafe {
  return trustedMarkdown(mdCode(s));
}

/** A table-cell code span of an untrusted string, for `md`. */
export function cellCode(s: string): MarkdownSafe {
  return trustedMarkdown(mdCellCode(s));
}
