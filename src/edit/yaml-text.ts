// Editing a YAML text in place. Each change replaces only the characters of the node it concerns —
// a field's value, a field's lines, a list entry's lines — so that comments, key order, quoting,
// indentation and blank lines of everything else stay byte for byte what they were. (Printing the
// whole `yaml` Document again would reflow flow collections, move comments and drop spacing.)
//
// After every change the text is parsed again and its data compared with what the change should
// have produced; a mismatch (an anchor shared elsewhere, a layout this module does not handle) is a
// YamlEditError, never a wrong file.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { blockLines, inlineText, isPlainObject, itemLines, pairLines, wantsBlock } from './render.js';

export type YamlPath = readonly (string | number)[];

/** The edit cannot be made as asked (the message says why); the text is unchanged. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

export interface SetOptions {
  /**
   * Field order for a field the map does not have yet: it goes right after the last present field
   * that comes before it in this list (e.g. the schema's order). Without it, or for fields not in
   * it, it goes after the last field.
   */
  order?: readonly string[];
}

type AnyNode = Node & { range: [number, number, number] };
type Collection = (YAMLMap | YAMLSeq) & { range: [number, number, number] };

interface Located {
  node: unknown;
  /** The map or list holding the node; undefined at the root. */
  parent?: Collection;
  pair?: Pair;
}

const PARSE_OPTIONS = { uniqueKeys: true, merge: false, prettyErrors: false } as const;
const MAX_ALIAS_COUNT = 100;

export class YamlText {
  private source: string;
  private doc: Document.Parsed;
  private readonly nl: string;
  private data: { value: unknown } | undefined;

  constructor(text: string) {
    this.source = text;
    this.doc = parse(text, 'cannot edit this file: it is not valid YAML');
    this.nl = text.includes('\r\n') ? '\r\n' : '\n';
  }

  get text(): string {
    return this.source;
  }

  /** The text's data, as the loader reads it. Shared until the next change: do not modify it. */
  toJS(): unknown {
    // Cached: finding a declaration reads the data, and a file of 10,000 keys takes a while to convert.
    this.data ??= { value: this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    return this.data.value;
  }

  /** The plain value at `path`, or undefined (shared as toJS's is). */
  get(path: YamlPath): unknown {
    return getPlain(this.toJS(), path);
  }

  has(path: YamlPath): boolean {
    return this.locate(path) !== undefined;
  }

  /** Set the value at `path`, creating the maps on the way; unchanged parts of a map or list value are kept as they are. */
  set(path: YamlPath, value: unknown, opts: SetOptions = {}): void {
    if (path.length === 0) throw new YamlEditError('cannot replace the whole document');
    this.refuseShared(path);
    const expected = structuredClone(this.toJS());
    setPlain(expected, path, value);
    this.setNode(path, value, opts);
    this.verify(expected, path);
  }

  /** Remove a map field or a list entry; false when there was nothing at `path`. */
  delete(path: YamlPath): boolean {
    if (path.length === 0) throw new YamlEditError('cannot remove the whole document');
    if (!this.locate(path)) return false;
    this.refuseShared(path);
    const expected = structuredClone(this.toJS());
    deletePlain(expected, path);
    this.deleteNode(path);
    this.verify(expected, path);
    return true;
  }

  /** Add an entry at the end of the list at `path`, creating the list when there is none. */
  append(path: YamlPath, item: unknown): void {
    const expected = structuredClone(this.toJS());
    const list = getPlain(expected, path);
    if (Array.isArray(list)) list.push(structuredClone(item));
    else setPlain(expected, path, [item]);
    this.appendNode(path, item);
    this.verify(expected, path);
  }

  // --- changes of the tree, one splice each -----------------------------------------------------

  private setNode(path: YamlPath, value: unknown, opts: SetOptions): void {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const parent = this.locate(parentPath);
    const holder = parent?.node;
    if (!isMap(holder) && !isSeq(holder)) {
      // Nothing there yet (or a scalar): the missing maps are written as one value further up.
      if (parentPath.length === 0) return this.setInEmptyDocument(key, value);
      return this.setNode(parentPath, typeof key === 'number' ? fill(key, value) : { [key]: value }, opts);
    }
    if (isSeq(holder)) {
      if (typeof key !== 'number') throw new YamlEditError(`${pathText(parentPath)} is a list; "${key}" is not an index`);
      if (key === holder.items.length) return this.appendNode(parentPath, value);
      if (key > holder.items.length) throw new YamlEditError(`${pathText(parentPath)} has ${holder.items.length} entries; there is no entry ${key}`);
      return this.replaceValue(path, holder.items[key], value);
    }
    const pair = findPair(holder as YAMLMap, key);
    if (pair) return this.replaceValue(path, pair.value, value);
    this.addPair(holder as YAMLMap & Collection, String(key), value, opts);
  }

  /** The old node becomes `value`: maps and lists are edited entry by entry where that keeps more. */
  private replaceValue(path: YamlPath, old: unknown, value: unknown): void {
    if (isDeepStrictEqual(getPlain(this.toJS(), path), value)) return;
    if (isMap(old) && isPlainObject(value) && Object.keys(value).length > 0) {
      for (const pair of [...old.items]) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k !== undefined && !(k in value)) this.deleteNode([...path, k]);
      }
      for (const [k, v] of Object.entries(value)) this.setNode([...path, k], v, { order: Object.keys(value) });
      return;
    }
    if (isSeq(old) && Array.isArray(value) && value.length > 0 && this.editListInPlace(path, old, value)) return;
    this.replaceNodeText(path, value);
  }

  /**
   * A list that keeps some entries in order and gains others only at its end is edited entry by
   * entry (entries removed, then appended); false when that cannot express the change.
   */
  private editListInPlace(path: YamlPath, old: YAMLSeq, value: unknown[]): boolean {
    const before = getPlain(this.toJS(), path);
    if (!Array.isArray(before) || before.length !== old.items.length) return false;
    const kept = commonSubsequence(before, value);
    if (kept.length === 0) return false;
    const lastKeptInNew = kept[kept.length - 1]![1];
    const added = value.map((_, j) => j).filter((j) => !kept.some(([, kj]) => kj === j));
    if (added.some((j) => j < lastKeptInNew)) return false;
    const keptOld = new Set(kept.map(([i]) => i));
    for (let i = before.length - 1; i >= 0; i--) if (!keptOld.has(i)) this.deleteNode([...path, i]);
    for (const j of added) this.appendNode(path, value[j]);
    return true;
  }

  private replaceNodeText(path: YamlPath, value: unknown): void {
    const at = this.locate(path)!;
    const node = at.node as AnyNode | null;
    const parent = at.parent;
    if (!parent) throw new YamlEditError('cannot replace the whole document');
    if (parent.flow) {
      const r = node?.range;
      if (!r || r[0] === r[1]) return this.insertAfterColon(at, ` ${inlineText(value)}`);
      return this.splice(r[0], r[1], inlineText(value));
    }
    if (isMap(parent)) {
      const colon = this.colonAfter(at.pair!);
      const oldEnd = node && isMultiLine(node) ? this.lineStartAfter(node.range[1]) : undefined;
      if (wantsBlock(value)) {
        const end = oldEnd ?? this.lineStartAfter(node?.range?.[1] ?? colon + 1);
        const indent = this.column(this.keyStart(at.pair!));
        return this.splice(colon + 1, end, `${this.nl}${blockLines(value, indent + 2, this.nl)}`);
      }
      if (oldEnd !== undefined) return this.splice(colon + 1, oldEnd, ` ${inlineText(value)}${this.nl}`);
      if (!node?.range || node.range[0] === node.range[1]) return this.splice(colon + 1, colon + 1, ` ${inlineText(value)}`);
      return this.splice(node.range[0], node.range[1], inlineText(value));
    }
    // An entry of a block list: what follows its dash.
    if (!node?.range) throw new YamlEditError(`cannot edit the empty list entry at ${pathText(path)}; edit it by hand`);
    const dash = this.dashBefore(node.range[0]);
    const indent = this.column(dash);
    if (wantsBlock(value) || (isPlainObject(value) && Object.keys(value).length > 0)) {
      const end = this.lineStartAfter(node.range[1]);
      return this.splice(dash, end, itemLines(value, indent, this.nl).slice(indent));
    }
    if (isMultiLine(node)) return this.splice(node.range[0], this.lineStartAfter(node.range[1]), `${inlineText(value)}${this.nl}`);
    return this.splice(node.range[0], node.range[1], inlineText(value));
  }

  private addPair(map: YAMLMap & Collection, key: string, value: unknown, opts: SetOptions): void {
    const pairs = map.items as Pair[];
    const predecessor = findPredecessor(pairs, key, opts.order);
    if (map.flow) {
      if (pairs.length === 0) return this.splice(map.range[0], map.range[1], `{ ${inlineText({ [key]: value }).slice(2, -2)} }`);
      const text = `${inlineText({ [key]: value }).slice(2, -2)}`;
      if (!predecessor) return this.splice(this.keyStart(pairs[0]!), this.keyStart(pairs[0]!), `${text}, `);
      const end = this.pairEnd(predecessor);
      return this.splice(end, end, `, ${text}`);
    }
    const first = pairs[0]!;
    const indent = this.column(this.keyStart(first));
    const lines = pairLines(key, value, indent, this.nl);
    if (!predecessor && this.onlySpacesBefore(this.keyStart(first))) {
      const at = this.lineStart(this.keyStart(first));
      return this.splice(at, at, lines);
    }
    const after = predecessor ?? first;
    const at = this.lineStartAfter(this.pairEnd(after));
    const blank = after === pairs[pairs.length - 1] && this.blankLineBetween(pairs[pairs.length - 2], after) ? this.nl : '';
    this.splice(at, at, `${this.needsNewlineAt(at)}${blank}${lines}`);
  }

  private appendNode(path: YamlPath, item: unknown): void {
    const at = this.locate(path);
    const list = at?.node;
    if (!isSeq(list)) return this.setNode(path, [item], {});
    const seq = list as YAMLSeq & Collection;
    const items = seq.items as AnyNode[];
    if (seq.flow) {
      if (items.length === 0) {
        if (wantsBlock([item]) && at!.parent && !at!.parent.flow) return this.replaceNodeText(path, [item]);
        return this.splice(seq.range[0], seq.range[1], `[${inlineText(item)}]`);
      }
      const end = items[items.length - 1]!.range[1];
      return this.splice(end, end, `, ${inlineText(item)}`);
    }
    const last = items[items.length - 1]!;
    const dash = this.dashBefore(last.range[0]);
    const at2 = this.lineStartAfter(last.range[1]);
    const blank = this.blankLineBetween(items[items.length - 2], last) ? this.nl : '';
    this.splice(at2, at2, `${this.needsNewlineAt(at2)}${blank}${itemLines(item, this.column(dash), this.nl)}`);
  }

  private deleteNode(path: YamlPath): void {
    const at = this.locate(path);
    if (!at) return;
    const parent = at.parent!;
    const node = at.node as AnyNode | null;
    if (isSeq(parent)) {
      const items = parent.items as AnyNode[];
      const i = path[path.length - 1] as number;
      if (items.length === 1) return this.replaceNodeText(path.slice(0, -1), []);
      if (parent.flow) {
        return i < items.length - 1
          ? this.splice(items[i]!.range[0], items[i + 1]!.range[0], '')
          : this.splice(items[i - 1]!.range[1], items[i]!.range[1], '');
      }
      const dash = this.dashBefore(items[i]!.range[0]);
      return this.removeLines(this.lineStart(dash), this.lineStartAfter(items[i]!.range[1]), { firstEntry: i === 0 });
    }
    const pairs = parent.items as Pair[];
    const pair = at.pair!;
    const i = pairs.indexOf(pair);
    if (pairs.length === 1) return this.replaceNodeText(path.slice(0, -1), {});
    if (parent.flow) {
      return i < pairs.length - 1
        ? this.splice(this.keyStart(pair), this.keyStart(pairs[i + 1]!), '')
        : this.splice(this.pairEnd(pairs[i - 1]!), this.pairEnd(pair), '');
    }
    const start = this.keyStart(pair);
    // The first field of a list entry shares the dash's line: the next field moves up to it.
    if (!this.onlySpacesBefore(start)) return this.splice(start, this.keyStart(pairs[i + 1]!), '');
    const end = node?.range && node.range[1] > start ? this.lineStartAfter(node.range[1]) : this.lineStartAfter(start);
    this.removeLines(this.lineStart(start), end);
  }

  private setInEmptyDocument(key: string | number, value: unknown): void {
    if (this.doc.contents !== null && !(isScalar(this.doc.contents) && this.doc.contents.value === null)) {
      throw new YamlEditError('the file is not a YAML mapping (version, workspaces, keys, …)');
    }
    if (typeof key === 'number') throw new YamlEditError('the file must be a YAML mapping, not a list');
    const at = this.source.length;
    this.splice(at, at, `${this.needsNewlineAt(at)}${pairLines(key, value, 0, this.nl)}`);
  }

  /**
   * Remove whole lines [start, end), with the comment lines directly above at the same indentation
   * (a comment above an entry is about it). Entries separated by blank lines stay so: of the two
   * blank lines the removal would bring together, the one above goes; a first entry takes the
   * blank line below it along.
   */
  private removeLines(start: number, end: number, opts: { firstEntry?: boolean } = {}): void {
    const indent = this.column(this.firstNonSpace(start));
    let from = start;
    while (from > 0) {
      const prev = this.lineStart(from - 1);
      const line = this.source.slice(prev, from);
      if (!/^\s*#/.test(line) || this.column(this.firstNonSpace(prev)) !== indent) break;
      from = prev;
    }
    const lineBefore = from > 0 ? this.lineStart(from - 1) : -1;
    const blankBefore = lineBefore >= 0 && this.source.slice(lineBefore, from).trim() === '';
    const newline = this.source.indexOf('\n', end);
    const nextLineEnd = newline < 0 ? this.source.length : newline + 1;
    const blankAfter = end < this.source.length && this.source.slice(end, nextLineEnd).trim() === '';
    let to = end;
    if (blankBefore && (blankAfter || end >= this.source.length)) from = lineBefore;
    else if (opts.firstEntry && blankAfter) to = nextLineEnd;
    this.splice(from, to, '');
  }

  private insertAfterColon(at: Located, text: string): void {
    const colon = this.colonAfter(at.pair!);
    this.splice(colon + 1, colon + 1, text);
  }

  /** A node other places refer to (`&anchor`) changes them too: not edited here. */
  private refuseShared(path: YamlPath): void {
    const node = this.locate(path)?.node;
    if (isNode(node) && !isAlias(node) && node.anchor) {
      throw new YamlEditError(`${pathText(path)} carries the YAML anchor &${node.anchor}, so other places share it; edit it by hand`);
    }
  }

  // --- positions in the text ----------------------------------------------------------------

  private locate(path: YamlPath): Located | undefined {
    let here: Located = { node: this.doc.contents };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const node = here.node;
      if (isAlias(node)) throw new YamlEditError(`${pathText(path.slice(0, i))} is the YAML alias *${node.source}; edit it by hand`);
      if (isNode(node) && node.anchor) {
        throw new YamlEditError(`${pathText(path.slice(0, i))} carries the YAML anchor &${node.anchor}, so other places share it; edit it by hand`);
      }
      if (isMap(node)) {
        const pair = findPair(node, seg);
        if (!pair) return undefined;
        here = { node: pair.value, parent: node as Collection, pair };
      } else if (isSeq(node) && typeof seg === 'number') {
        if (seg < 0 || seg >= node.items.length) return undefined;
        here = { node: node.items[seg], parent: node as Collection };
      } else {
        return undefined;
      }
    }
    return here;
  }

  private splice(start: number, end: number, text: string): void {
    const next = this.source.slice(0, start) + text + this.source.slice(end);
    this.doc = parse(next, 'internal error: an edit produced text that does not parse');
    this.source = next;
    this.data = undefined;
  }

  private verify(expected: unknown, path: YamlPath): void {
    if (!isDeepStrictEqual(this.toJS(), expected)) {
      throw new YamlEditError(`cannot edit ${pathText(path)} in place without changing something else; edit it by hand`);
    }
  }

  private lineStart(pos: number): number {
    return this.source.lastIndexOf('\n', pos - 1) + 1;
  }

  /** The start of the line after the one holding pos - 1: where a node ending at pos is over. */
  private lineStartAfter(pos: number): number {
    if (pos > 0 && this.source[pos - 1] === '\n') return pos;
    const nl = this.source.indexOf('\n', pos);
    return nl < 0 ? this.source.length : nl + 1;
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  private firstNonSpace(lineStart: number): number {
    let p = lineStart;
    while (this.source[p] === ' ') p++;
    return p;
  }

  private onlySpacesBefore(pos: number): boolean {
    return this.source.slice(this.lineStart(pos), pos).trim() === '';
  }

  private needsNewlineAt(pos: number): string {
    return pos > 0 && this.source[pos - 1] !== '\n' ? this.nl : '';
  }

  private keyStart(pair: Pair): number {
    return (pair.key as AnyNode).range[0];
  }

  /** Where a pair's text ends: after its value, or after its key when the value is empty. */
  private pairEnd(pair: Pair): number {
    const v = pair.value as AnyNode | null;
    if (v?.range && v.range[1] > v.range[0]) return v.range[1];
    return this.colonAfter(pair) + 1;
  }

  private colonAfter(pair: Pair): number {
    const keyEnd = (pair.key as AnyNode).range[1];
    const colon = this.source.indexOf(':', keyEnd);
    if (colon < 0) throw new YamlEditError('internal error: no ":" after a mapping key');
    return colon;
  }

  private dashBefore(pos: number): number {
    let p = pos - 1;
    while (p >= 0 && /\s/.test(this.source[p]!)) p--;
    if (this.source[p] !== '-') throw new YamlEditError('internal error: no "-" before a list entry');
    return p;
  }

  /** Whether a blank line separates two consecutive entries (then a new last entry gets one too). */
  private blankLineBetween(a: Pair | AnyNode | undefined, b: Pair | AnyNode): boolean {
    if (!a) return false;
    const end = this.lineStartAfter(isPair(a) ? this.pairEnd(a) : a.range[1]);
    const start = this.lineStart(isPair(b) ? this.keyStart(b) : b.range[0]);
    return end < start && this.source.slice(end, start).split('\n').some((l) => l.trim() === '');
  }
}

function parse(text: string, why: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw new YamlEditError(`${why}: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc;
}

function findPair(map: YAMLMap, key: string | number): Pair | undefined {
  return (map.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

function findPredecessor(pairs: Pair[], key: string, order: readonly string[] | undefined): Pair | undefined {
  const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : '');
  const rank = order?.indexOf(key) ?? -1;
  if (rank < 0) return pairs[pairs.length - 1];
  let best: Pair | undefined;
  for (const p of pairs) {
    const r = order!.indexOf(keyOf(p));
    if (r >= 0 && r < rank) best = p;
  }
  return best;
}

function isMultiLine(node: AnyNode): boolean {
  if ((isMap(node) || isSeq(node)) && !node.flow) return true;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

/** Pairs (i in a, j in b) of a longest common subsequence, by deep equality. */
function commonSubsequence(a: readonly unknown[], b: readonly unknown[]): [number, number][] {
  const len = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i]![j] = isDeepStrictEqual(a[i], b[j]) ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (isDeepStrictEqual(a[i], b[j])) {
      out.push([i, j]);
      i++;
      j++;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function fill(index: number, value: unknown): unknown[] {
  if (index !== 0) throw new YamlEditError(`there is no list to put entry ${index} in`);
  return [value];
}

export function pathText(path: YamlPath): string {
  if (path.length === 0) return 'the document';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

// --- the same changes on plain data, to check the text against --------------------------------

function getPlain(data: unknown, path: YamlPath): unknown {
  let here: unknown = data;
  for (const seg of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[seg];
  }
  return here;
}

function setPlain(data: unknown, path: YamlPath, value: unknown): void {
  let here = data as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) {
    const next = here[seg];
    if (next === null || typeof next !== 'object') here[seg] = {};
    here = here[seg] as Record<string | number, unknown>;
  }
  here[path[path.length - 1]!] = structuredClone(value);
}

function deletePlain(data: unknown, path: YamlPath): void {
  const parent = getPlain(data, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
}
