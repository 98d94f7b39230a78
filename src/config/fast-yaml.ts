// A fast path for loading desired-state files: a parser for the small, line-oriented part of
// YAML that configuration files use. The contract is one-sided: when it returns `{ value }`,
// the `yaml` library (parseDocument with uniqueKeys, merge: false, then toJS) reports no
// errors or warnings and produces a deeply equal value; for anything it is not certain about
// it returns undefined and the caller parses with the library, which then owns every
// diagnostic and position. So every rule below errs towards undefined.

/** Thrown to abandon the fast path; never escapes this module. */
const BAIL = new Error('fast-yaml: unsupported input');

// Nesting beyond this is not a config file: give up long before any stack could be at risk.
const MAX_DEPTH = 64;
const MAX_FLOW_DEPTH = 16;
// The library rejects implicit keys longer than 1024 characters; stay well below that.
const MAX_KEY_LENGTH = 1000;

// Characters the library may treat specially or report: C0/C1 controls (tab and CR included),
// a BOM or other non-characters, line/paragraph separators and unpaired surrogates.
const SUSPECT_CHARS =
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// The YAML 1.2 core schema's tests for plain scalars, exactly as `yaml` v2 writes them.
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

// Double-quoted escapes exactly as the library resolves them (tab-escape left out: no tabs here).
const ESCAPES = new Map<string, string>(Object.entries({
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
}));
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

// The shape of nearly every line of a generated or hand-written config file: a plain key
// and a plain value made of characters that mean nothing to YAML, after indentation and
// `- ` indicators. Matched in place with test(): on cold code, building a match array costs
// far more than the matching. Each repetition starts with a distinct character, so matching
// is linear. Values starting with `--`, a lone `-` or `...`, and values with a `:` not followed
// by a value character, go the general way.
const SIMPLE_KEY = /[A-Za-z_][\w.\/-]*(?=:(?: |$))/my;
const SIMPLE_VALUE = /(?!-(?:-|$)|\.\.\.)[\w.\/+-](?:[\w.\/@+-]|:(?=[\w.\/@+-]))*$/my;
// lexSimple's answer for a line it leaves to the general lexer.
const NOT_SIMPLE = -2;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

type Frame =
  | { readonly seq: true; readonly indent: number; readonly items: unknown[] }
  | { readonly seq: false; readonly indent: number; readonly map: Record<string, unknown> };

/** A `key:` or `-` whose value, if any, is on the following lines. */
interface Pending {
  readonly frame: Frame;
  readonly key: string;
}

/** A value read from inside one line, and where the line continues after it. */
interface Inline {
  readonly value: unknown;
  readonly next: number;
}

export function parseFastYaml(text: string): { value: unknown } | undefined {
  if (SUSPECT_CHARS.test(text)) return undefined;
  try {
    return { value: new Parser(text).parse() };
  } catch {
    // Any failure, including a bug here, only costs the slow path; the library then decides.
    return undefined;
  }
}

/**
 * parseFastYaml, awaiting `pause()` after every `linesPerSlice` lines: the same parser over the
 * same lines (its state is its own between lines), for a caller whose thread has other work
 * meanwhile — plan reads the organization while it parses (config/load-for-plan.ts).
 */
export async function parseFastYamlInSlices(
  text: string,
  pause: () => Promise<void>,
  linesPerSlice: number,
): Promise<{ value: unknown } | undefined> {
  if (SUSPECT_CHARS.test(text)) return undefined;
  const parser = new Parser(text);
  let start = 0;
  let lines = 0;
  while (start <= text.length) {
    try {
      start = parser.step(start);
    } catch {
      return undefined;
    }
    if (++lines % linesPerSlice === 0) await pause();
  }
  return { value: parser.result() };
}

function bail(): never {
  throw BAIL;
}

class Parser {
  private readonly text: string;
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;
  private root: unknown = null;
  private hasRoot = false;
  private seenContent = false;
  private lineEnd = 0;
  // The current line, split into its parts: columns of its `- ` indicators (consumed from
  // `dash` on), an optional `key:` (consumed by its mapping) and an optional one-line value.
  private readonly dashCols: number[] = [];
  private dashCount = 0;
  private dash = 0;
  private keyCol = -1;
  private keyName = '';
  private hasValue = false;
  private value: unknown = null;

  constructor(text: string) {
    this.text = text;
  }

  parse(): unknown {
    let start = 0;
    while (start <= this.text.length) start = this.step(start);
    return this.result();
  }

  /** Reads the line that starts at `start`; returns where the next one starts. */
  step(start: number): number {
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    this.lineEnd = end;
    this.line(start);
    return end + 1;
  }

  /** The document, once every line is read. */
  result(): unknown {
    return this.root;
  }

  private line(start: number): void {
    const indent = this.lex(start);
    if (indent < 0) return;
    this.seenContent = true;
    if (!this.hasRoot) return this.startRoot(indent);
    if (this.pending && this.fillPending(indent)) return;
    this.pending = undefined;
    this.continueFrame(indent);
  }

  /** Splits the line into its parts and returns its indentation, or -1 for a line without content. */
  private lex(start: number): number {
    this.reset();
    const indent = this.lexSimple(start);
    if (indent !== NOT_SIMPLE) return indent;
    this.reset();
    return this.lexGeneral(start);
  }

  private reset(): void {
    this.dashCount = 0;
    this.dash = 0;
    this.keyCol = -1;
    this.hasValue = false;
  }

  private lexSimple(start: number): number {
    const { text } = this;
    let p = this.skipSpaces(start);
    if (p === this.lineEnd) return -1;
    const indent = p - start;
    while (this.isDash(p)) {
      this.addDash(p - start);
      p = this.skipSpaces(p + 1);
    }
    if (p === this.lineEnd) return indent;
    SIMPLE_KEY.lastIndex = p;
    if (SIMPLE_KEY.test(text)) {
      const colon = SIMPLE_KEY.lastIndex;
      this.setKey(p - start, colon - p, resolvePlain(text.slice(p, colon)));
      p = this.skipSpaces(colon + 1);
      if (p === this.lineEnd) return indent;
    }
    SIMPLE_VALUE.lastIndex = p;
    if (!SIMPLE_VALUE.test(text)) return NOT_SIMPLE;
    this.hasValue = true;
    this.value = resolvePlain(text.slice(p, this.lineEnd));
    return indent;
  }

  private lexGeneral(start: number): number {
    const { text } = this;
    let p = this.skipSpaces(start);
    if (p === this.lineEnd || text.charCodeAt(p) === HASH) return -1;
    const indent = p - start;
    if (indent === 0 && this.documentMarker(p)) return -1;
    while (this.isDash(p)) {
      this.addDash(p - start);
      p = this.skipSpaces(p + 1);
    }
    if (p === this.lineEnd || text.charCodeAt(p) === HASH) return indent;
    const key = this.key(p);
    if (key !== undefined) {
      this.setKey(p - start, key.next - 1 - p, key.value);
      p = this.skipSpaces(key.next);
      if (p === this.lineEnd || text.charCodeAt(p) === HASH) return indent;
    }
    // A value on the key's line is a scalar or flow collection; a nested block there is an error.
    const { value, next } = this.inlineValue(p);
    this.expectLineEnd(next);
    this.hasValue = true;
    this.value = value;
    return indent;
  }

  private addDash(col: number): void {
    if (this.dashCount >= MAX_DEPTH) bail();
    this.dashCols[this.dashCount++] = col;
  }

  private setKey(col: number, length: number, key: unknown): void {
    // Keys must come out of the library as the same plain-object property, unambiguously.
    if (typeof key !== 'string' || key === '__proto__' || key === '<<' || length > MAX_KEY_LENGTH) bail();
    this.keyCol = col;
    this.keyName = key;
  }

  /** `---` may open the file; any other marker or directive means more than one document. */
  private documentMarker(p: number): boolean {
    const { text } = this;
    const head = text.slice(p, p + 3);
    if (head !== '---' && head !== '...') return false;
    const after = p + 3;
    if (after < this.lineEnd && text.charCodeAt(after) !== SPACE) return false;
    if (head === '---' && !this.seenContent) {
      this.seenContent = true;
      this.expectLineEnd(after);
      return true;
    }
    return bail();
  }

  private startRoot(indent: number): void {
    if (indent !== 0) bail();
    this.hasRoot = true;
    this.root = this.node(indent);
  }

  /** A `key:` or `-` left open takes a more-indented node, or a sequence level with its key. */
  private fillPending(indent: number): boolean {
    const { frame, key } = this.pending!;
    const deeper = indent > frame.indent;
    const compactSeq = !frame.seq && indent === frame.indent && this.dashCount > 0;
    if (!deeper && !compactSeq) return false;
    this.pending = undefined;
    const value = this.node(indent);
    if (frame.seq) frame.items[frame.items.length - 1] = value;
    else frame.map[key] = value;
    return true;
  }

  private continueFrame(indent: number): void {
    const { stack } = this;
    // No open collection: the root was a lone scalar or flow collection.
    let top = stack[stack.length - 1] ?? bail();
    while (top.indent > indent) {
      stack.pop();
      top = stack[stack.length - 1] ?? bail();
    }
    // Between two levels, or deeper than the innermost one, which would continue a scalar.
    if (top.indent !== indent) bail();
    const dash = this.dashCount > 0;
    if (top.seq && !dash) {
      // A sequence written at its key's column ends where the next key of that mapping starts.
      stack.pop();
      top = stack[stack.length - 1] ?? bail();
      if (top.seq || top.indent !== indent) bail();
    }
    if (top.seq) this.seqItem(top);
    else this.mapEntry(top);
  }

  /** The node starting at column `indent`: a block sequence, a block mapping or a one-line value. */
  private node(indent: number): unknown {
    if (this.dash < this.dashCount) {
      const frame = this.push({ seq: true, indent, items: [] });
      this.seqItem(frame);
      return frame.items;
    }
    if (this.keyCol >= 0) {
      const frame = this.push({ seq: false, indent, map: {} });
      this.mapEntry(frame);
      return frame.map;
    }
    if (!this.hasValue) bail();
    return this.value;
  }

  private push<F extends Frame>(frame: F): F {
    if (this.stack.length >= MAX_DEPTH) bail();
    this.stack.push(frame);
    return frame;
  }

  private seqItem(frame: Frame & { seq: true }): void {
    if (this.dash >= this.dashCount) bail();
    this.dash++;
    const col = this.dash < this.dashCount ? this.dashCols[this.dash]! : this.keyCol;
    if (col < 0 && !this.hasValue) {
      frame.items.push(null);
      this.pending = { frame, key: '' };
      return;
    }
    frame.items.push(this.node(col));
  }

  private mapEntry(frame: Frame & { seq: false }): void {
    // A `- ` where a key belongs, or a line with no key at all: the library's business.
    if (this.dash < this.dashCount || this.keyCol < 0) bail();
    const name = this.keyName;
    this.keyCol = -1;
    if (Object.hasOwn(frame.map, name)) bail();
    if (this.hasValue) {
      frame.map[name] = this.value;
      return;
    }
    frame.map[name] = null;
    this.pending = { frame, key: name };
  }

  /** A mapping key and the position after its `:`, or undefined when the line holds no key. */
  private key(p: number): Inline | undefined {
    const { text } = this;
    const c = text.charCodeAt(p);
    let value: unknown;
    let after: number;
    if (c === 0x22 || c === 0x27) {
      ({ value, next: after } = this.quoted(p));
      while (after < this.lineEnd && text.charCodeAt(after) === SPACE) after++;
      if (text.charCodeAt(after) !== COLON) return undefined;
      // `"a":b` is a JSON-style flow key; in a block it is the library's call.
      if (after + 1 < this.lineEnd && text.charCodeAt(after + 1) !== SPACE) bail();
    } else {
      after = this.plainKeyEnd(p);
      if (after === -1) return undefined;
      value = resolvePlain(plainText(text.slice(p, after)));
    }
    return { value, next: after + 1 };
  }

  /** Position of the `: ` ending a plain key, or -1 when a comment or the line end comes first. */
  private plainKeyEnd(p: number): number {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 0x5b || c === 0x7b) return -1;
    if (!plainStartAllowed(text, p, this.lineEnd, false)) bail();
    for (let i = p + 1; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE)) return i;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private inlineValue(p: number): Inline {
    const c = this.text.charCodeAt(p);
    if (c === 0x5b || c === 0x7b) return this.flow(p, 0);
    if (c === 0x22 || c === 0x27) return this.quoted(p);
    return this.blockPlain(p);
  }

  /** A plain scalar outside flow context: it ends at a comment or the end of the line. */
  private blockPlain(p: number): Inline {
    const { text } = this;
    if (!plainStartAllowed(text, p, this.lineEnd, false)) bail();
    let end = this.lineEnd;
    for (let i = p + 1; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      // `a: b: c` or a value ending in `:` would be a nested mapping: an error for the library.
      if (ch === COLON && (i + 1 === this.lineEnd || text.charCodeAt(i + 1) === SPACE)) bail();
    }
    // The comment, if any, belongs to the line: nothing is left after this value.
    return { value: resolvePlain(plainText(text.slice(p, end))), next: this.lineEnd };
  }

  private quoted(p: number): Inline {
    return this.text.charCodeAt(p) === 0x22 ? this.doubleQuoted(p) : this.singleQuoted(p);
  }

  private singleQuoted(p: number): Inline {
    const { text } = this;
    let out = '';
    let from = p + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      // No closing quote on this line: a multi-line scalar or an error, both the library's.
      if (close === -1 || close >= this.lineEnd) bail();
      out += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== 0x27) return { value: out, next: close + 1 };
      out += "'";
      from = close + 2;
    }
  }

  private doubleQuoted(p: number): Inline {
    const { text } = this;
    let out = '';
    let from = p + 1;
    for (let i = from; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) return { value: out + text.slice(from, i), next: i + 1 };
      if (ch !== 0x5c) continue;
      out += text.slice(from, i);
      const { value, next } = this.escape(i + 1);
      out += value;
      i = next - 1;
      from = next;
    }
    return bail();
  }

  private escape(p: number): { value: string; next: number } {
    const e = this.text[p];
    if (e === undefined || p >= this.lineEnd) bail();
    const simple = ESCAPES.get(e);
    if (simple !== undefined) return { value: simple, next: p + 1 };
    const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : bail();
    const digits = this.text.slice(p + 1, p + 1 + length);
    if (digits.length !== length || p + 1 + length > this.lineEnd || !HEX_DIGITS.test(digits)) bail();
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) bail();
    return { value: String.fromCodePoint(code), next: p + 1 + length };
  }

  /** `[...]` or `{...}` closed on the same line, holding scalars and small nested collections. */
  private flow(p: number, depth: number): Inline {
    if (depth >= MAX_FLOW_DEPTH) bail();
    const isSeq = this.text.charCodeAt(p) === 0x5b;
    const close = isSeq ? 0x5d : 0x7d;
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    let q = this.skipSpaces(p + 1);
    while (this.text.charCodeAt(q) !== close) {
      if (q >= this.lineEnd) bail();
      q = isSeq ? this.flowSeqEntry(q, depth, items) : this.flowMapEntry(q, depth, map);
      q = this.skipSpaces(q);
      const c = this.text.charCodeAt(q);
      if (c === 0x2c) q = this.skipSpaces(q + 1);
      else if (c !== close) bail();
    }
    return { value: isSeq ? items : map, next: q + 1 };
  }

  private flowSeqEntry(p: number, depth: number, items: unknown[]): number {
    const { value, next } = this.flowValue(p, depth);
    items.push(value);
    return next;
  }

  private flowMapEntry(p: number, depth: number, map: Record<string, unknown>): number {
    const key = this.flowKey(p);
    const name = key.value as string;
    if (Object.hasOwn(map, name)) bail();
    const { value, next } = this.flowValue(this.skipSpaces(key.next), depth);
    map[name] = value;
    return next;
  }

  private flowKey(p: number): Inline {
    const { text } = this;
    const c = text.charCodeAt(p);
    let value: unknown;
    let after: number;
    if (c === 0x22 || c === 0x27) {
      ({ value, next: after } = this.quoted(p));
      after = this.skipSpaces(after);
    } else {
      if (!plainStartAllowed(text, p, this.lineEnd, true)) bail();
      after = p + 1;
      while (after < this.lineEnd && !isFlowIndicator(text.charCodeAt(after))) {
        if (text.charCodeAt(after) === COLON && text.charCodeAt(after + 1) === SPACE) break;
        if (text.charCodeAt(after) === HASH && text.charCodeAt(after - 1) === SPACE) bail();
        after++;
      }
      value = resolvePlain(plainText(text.slice(p, after)));
    }
    if (text.charCodeAt(after) !== COLON || after - p > MAX_KEY_LENGTH) bail();
    if (typeof value !== 'string' || value === '__proto__' || value === '<<') bail();
    return { value, next: after + 1 };
  }

  private flowValue(p: number, depth: number): Inline {
    const c = this.text.charCodeAt(p);
    if (c === 0x5b || c === 0x7b) return this.flow(p, depth + 1);
    if (c === 0x22 || c === 0x27) return this.quoted(p);
    return this.flowPlain(p);
  }

  /** A plain scalar inside `[]`/`{}`: flow indicators end it; `: ` or ` #` inside → library. */
  private flowPlain(p: number): Inline {
    const { text } = this;
    if (!plainStartAllowed(text, p, this.lineEnd, true)) bail();
    let end = p + 1;
    for (; end < this.lineEnd; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 0x2c || ch === 0x5d || ch === 0x7d) break;
      if (ch === 0x5b || ch === 0x7b) bail();
      if (ch === HASH && text.charCodeAt(end - 1) === SPACE) bail();
      if (ch === COLON) {
        const next = text.charCodeAt(end + 1);
        if (end + 1 >= this.lineEnd || next === SPACE || isFlowIndicator(next)) bail();
      }
    }
    if (end >= this.lineEnd) bail();
    return { value: resolvePlain(plainText(text.slice(p, end))), next: end };
  }

  private skipSpaces(p: number): number {
    while (p < this.lineEnd && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** Only spaces, optionally followed by a comment that is separated from the value by a space. */
  private expectLineEnd(p: number): void {
    const q = this.skipSpaces(p);
    if (q === this.lineEnd) return;
    if (q > p && this.text.charCodeAt(q) === HASH) return;
    bail();
  }

  private isDash(p: number): boolean {
    const { text } = this;
    return text.charCodeAt(p) === DASH && (p + 1 === this.lineEnd || text.charCodeAt(p + 1) === SPACE);
  }
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/**
 * Whether a plain scalar may start at `p`. Indicator characters start other syntax (or are
 * errors); `-`, `?` and `:` are plain only when followed by a character that is plain itself.
 */
function plainStartAllowed(text: string, p: number, lineEnd: number, inFlow: boolean): boolean {
  const c = text.charCodeAt(p);
  if (c === DASH || c === 0x3f || c === COLON) {
    if (p + 1 >= lineEnd) return false;
    const next = text.charCodeAt(p + 1);
    if (next === SPACE || (inFlow && isFlowIndicator(next))) return false;
    // `---` and `...` read as document markers in some positions: not worth the risk.
    return !text.startsWith('---', p);
  }
  if (c === 0x2e && text.startsWith('...', p)) return false;
  return !'#,[]{}&*!|>\'"%@`'.includes(String.fromCharCode(c));
}

/** The scalar without the spaces before a comment or the end of the line. */
function plainText(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === SPACE) end--;
  return end === raw.length ? raw : raw.slice(0, end);
}

function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e) return resolveNumber(s);
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  return s;
}

// The library's own conversions (parseInt/parseFloat), so lossy large integers, -0 and NaN agree.
// The patterns are mutually exclusive, so testing the common decimal form first changes nothing.
function resolveNumber(s: string): unknown {
  if (INT_DEC.test(s)) return parseInt(s, 10);
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) {
    if (s.slice(-3).toLowerCase() === 'nan') return NaN;
    return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
