// Reading desired-state files: size limit, YAML parsing with source positions, and mapping a path
// in the parsed data back to the line and column of its node.
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

type Yaml = typeof import('yaml');
// The library's node tests, through its lazy loader: they only ever see nodes the library made.
const isAlias = ((node: unknown) => yamlLibrary().isAlias(node)) as Yaml['isAlias'];
const isMap = ((node: unknown) => yamlLibrary().isMap(node)) as Yaml['isMap'];
const isPair = ((node: unknown) => yamlLibrary().isPair(node)) as Yaml['isPair'];
const isScalar = ((node: unknown) => yamlLibrary().isScalar(node)) as Yaml['isScalar'];
const isSeq = ((node: unknown) => yamlLibrary().isSeq(node)) as Yaml['isSeq'];
import type { Diagnostic } from '../errors.js';
import { codeFrame, indentationHint } from './yaml-hints.js';
import { parseFastYaml } from './fast-yaml.js';
import { readTexts, type FastParse, type ReadTexts } from './read-files.js';

export { MAX_FILE_BYTES } from './read-files.js';

/** YAML anchors are handy for shared lists; beyond this many alias expansions it is an attack. */
export const MAX_ALIAS_COUNT = 100;

export type PathSegment = string | number;

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

export interface SourceDoc {
  /** As given by the user (relative paths stay relative), used in every message. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML could not be turned into data. */
  data: unknown;
}

export interface ReadResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/**
 * `target` is a file, or a directory whose `*.yaml`/`*.yml` files are read in name order. Plan reads
 * the files early (cli/early-reads.ts) and hands them in as `preread`, parsed where the fast path could.
 */
export async function readSources(target: string, preread?: Promise<ReadTexts>): Promise<ReadResult> {
  const { texts, diagnostics } = await (preread ?? readTexts(target));
  const docs = texts.map((t) => parseSource(t.file, t.text, diagnostics, t.fast));
  return { docs, diagnostics };
}

export function parseSource(file: string, text: string, diagnostics: Diagnostic[], parsed?: FastParse): SourceDoc {
  // Most files are plain block YAML, which fast-yaml.ts reads many times faster than the library;
  // the library's Document (positions, for messages only) is then made on first use. Anything
  // outside that subset, every error included, takes the library's path below.
  const fast = parsed === undefined ? parseFastYaml(text) : parsed;
  if (fast) return lazySource(file, text, fast.value);
  const yaml = yamlLibrary();
  const lineCounter = new yaml.LineCounter();
  // uniqueKeys: a duplicated mapping key is an error, never a silent "last one wins".
  const doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const source: SourceDoc = { file, text, doc, lineCounter, data: undefined };
  const seen = new Set<string>();
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    // An indentation mistake is reported where the parser gave up; point at the line that is off.
    const hint = indentationHint(text, err.code, pos.line);
    const d = hint
      ? at(file, hint.line, hint.col, `YAML indentation error: ${hint.message}`)
      : at(file, pos.line, pos.col, yamlMessage(err.code, err.message));
    // One mistake often makes the parser report two errors at one place: say it once.
    const key = `${d.line}:${d.col}:${hint ? 'indent' : d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    d.frame = codeFrame(text, d.line, d.col);
    diagnostics.push(d);
  }
  if (doc.errors.length > 0) return source;
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const firstAlias = findFirstAlias(doc.contents);
    const pos = firstAlias?.range ? lineCounter.linePos(firstAlias.range[0]) : { line: 1, col: 1 };
    const why =
      err instanceof ReferenceError && /alias/i.test(err.message)
        ? `too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb — write the values out instead`
        : `cannot read YAML: ${(err as Error).message}`;
    diagnostics.push(at(file, pos.line, pos.col, why));
  }
  return source;
}

/** A source whose data came from the fast path: the YAML Document is parsed when a position is asked for. */
function lazySource(file: string, text: string, data: unknown): SourceDoc {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const yaml = yamlLibrary();
      const lineCounter = new yaml.LineCounter();
      parsed = { doc: yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false }), lineCounter };
    }
    return parsed;
  };
  return {
    file,
    text,
    data,
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // The parser is recursive; hostile nesting exhausts the stack, which it reports as an error.
  if (/Maximum call stack size exceeded/.test(first)) {
    return 'YAML nested too deeply to read (a desired-state file needs only a few levels of nesting)';
  }
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key in this mapping; each key may appear only once';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML needs spaces';
    default:
      return `YAML syntax error: ${first}`;
  }
}

function findFirstAlias(node: unknown): Node | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? (findFirstAlias(item.key) ?? findFirstAlias(item.value)) : findFirstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

function at(file: string, line: number, col: number, message: string): Diagnostic {
  return { severity: 'error', file, line, col, message };
}

/**
 * The position of the node at `dataPath`, or of its nearest existing ancestor.
 * With `key: true` the position of the mapping key rather than its value (for unknown fields).
 */
export function positionOf(source: SourceDoc, dataPath: readonly PathSegment[], opts: { key?: boolean } = {}): SourcePosition {
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (let i = 0; i < dataPath.length; i++) {
    const seg = dataPath[i]!;
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const last = i === dataPath.length - 1;
      if (last && opts.key && isNodeWithRange(pair.key)) {
        best = pair.key;
        break;
      }
      node = pair.value;
      if (isNodeWithRange(node)) best = node;
      else if (isNodeWithRange(pair.key)) best = pair.key; // `key:` with an empty value
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (isNodeWithRange(node)) best = node;
      else break;
    } else {
      break;
    }
  }
  const offset = best?.range ? best.range[0] : 0;
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, col: pos.col };
}

function isNodeWithRange(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n && Array.isArray((n as Node).range);
}
