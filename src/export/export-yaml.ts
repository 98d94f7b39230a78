// The exported file as YAML a person will review and edit: a header saying where it came from and
// what to do before the first apply, short lists on one line, a blank line between sections.
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { hasUnsafeText, terminalText } from '../untrusted.js';
import { VERSION } from '../version.js';

/**
 * The schema of this version, where it resolves from any repository: the published package on a
 * CDN. A local copy beside the file (`oradmin init` writes one) is preferred when there is one.
 */
export const SCHEMA_URL = `https://unpkg.com/oradmin@${VERSION}/schemas/openrouter.admin.schema.json`;
export const DEFAULT_SCHEMA_PATH = SCHEMA_URL;

/** Lists of scalars up to this many characters (providers, members, budgets) read best on one line. */
const FLOW_MAX_CHARS = 72;
/** Small mappings of scalars that read best inline. */
const FLOW_MAPS = new Set(['budgets', 'unmanaged']);

export function exportYaml(body: Record<string, unknown>, header: readonly string[]): string {
  const doc = new Document(body);
  // The schema line must come first: editors (yaml-language-server) look for it there.
  doc.commentBefore = header.map((line) => (line === '' ? '' : ` ${line}`)).join('\n');
  const root = doc.contents as Node;
  if (isMap(root)) {
    root.items.forEach((pair, i) => {
      if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  flowShortCollections(root);
  quoteUnsafeStrings(doc);
  return escapeUnsafe(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}

/**
 * Names from the live organization may hold control or bidi characters (PRODUCT.md section 11).
 * Such strings are written double-quoted, where YAML has escapes (`\x1b`, `\u202e`, `\n`) that
 * read back as the same string — so the file stays exact and the terminal that shows it stays
 * clean. The yaml library escapes some of them itself; the rest are escaped here, and since every
 * string holding one is double-quoted (and comments are escaped where they are written), every raw
 * occurrence left is inside double quotes.
 */
function quoteUnsafeStrings(doc: Document): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && hasUnsafeText(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && hasUnsafeText(pair.key.value)) pair.key.type = 'QUOTE_DOUBLE';
    },
  });
}

function escapeUnsafe(text: string): string {
  // Line breaks are structure here; the yaml library never writes a raw one inside double quotes
  // with lineWidth 0, and names cannot reach a comment unescaped.
  return text.replace(/[^\n]+/g, (line) => (hasUnsafeText(line) ? terminalText(line) : line));
}

function flowShortCollections(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (isSeq(value) && value.items.every(isScalar) && scalarChars(value.items) <= FLOW_MAX_CHARS) value.flow = true;
      else if (isMap(value) && FLOW_MAPS.has(key) && value.items.every((p) => isScalar(p.value))) value.flow = true;
      else flowShortCollections(value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) flowShortCollections(item);
  }
}

function scalarChars(items: readonly unknown[]): number {
  return items.reduce<number>((n, i) => n + String(isScalar(i) ? i.value : '').length + 2, 0);
}
