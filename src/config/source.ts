// Reading desired-state files: size limit, YAML parsing with source positions, and mapping a path
// in the parsed data back to the line and column of its node.
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Document, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../errors.js';
import { codeFrame, indentationHint } from './yaml-hints.js';

/** Larger than any real organization's file (10,000 keys is about 1.5 MB); hostile input fails fast. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
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

/** `target` is a file, or a directory whose `*.yaml`/`*.yml` files are read in name order. */
export async function readSources(target: string): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  let info;
  try {
    info = await stat(target);
  } catch {
    diagnostics.push(at(target, 1, 1, `cannot read ${target}: no such file or directory (use -f <file or directory>)`));
    return { docs: [], diagnostics };
  }
  let files: string[];
  if (info.isDirectory()) {
    files = (await readdir(target))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join(target, n));
    if (files.length === 0) {
      diagnostics.push(at(target, 1, 1, `directory ${target} holds no *.yaml files`));
    }
  } else {
    files = [target];
  }
  const docs: SourceDoc[] = [];
  for (const file of files) {
    const read = await readRegularFile(file);
    if (typeof read === 'string') diagnostics.push(at(file, 1, 1, read));
    else docs.push(parseSource(file, read.text, diagnostics));
  }
  return { docs, diagnostics };
}

/**
 * The text of a regular file of at most MAX_FILE_BYTES, or why not. Checking `stat().size` and then
 * reading is not enough: a name linked to /dev/zero reports size 0 and never ends, a FIFO blocks
 * the open until a writer comes, and a file can grow between the two calls. So the file is opened
 * without blocking, checked on the open handle, and read with a hard bound.
 */
async function readRegularFile(file: string): Promise<{ text: string } | string> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return `${file} is ${fileKind(info)}, not a regular file; only regular files are read as desired state`;
    }
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, MAX_FILE_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return tooLarge(total, true);
    }
    return { text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, grew = false): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return grew
    ? `file grew past ${MAX_FILE_BYTES / 1024 / 1024} MB while it was read; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`
    : `file is ${mb(size)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`;
}

function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

export function parseSource(file: string, text: string, diagnostics: Diagnostic[]): SourceDoc {
  const lineCounter = new LineCounter();
  // uniqueKeys: a duplicated mapping key is an error, never a silent "last one wins".
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
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
