// How a new value is written into an existing YAML text: short collections in flow style on one
// line (`members: [a, b]`, `budgets: { monthly: 100 }`), as the example files write them, and
// collections that hold maps in block style (a new entry of `keys:`), indented to where they go.
import { stringify } from 'yaml';

/**
 * Characters that must never appear raw in the file: controls (a newline would break a flow
 * collection or a line) and the invisible direction marks of "trojan source" text. A string holding
 * one is written double-quoted with escapes, which is JSON's syntax and also YAML's.
 */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NEEDS_ESCAPE_ALL = new RegExp(NEEDS_ESCAPE.source, 'g');

/** A scalar as YAML text that reads back as the same value, in a flow collection as much as in a block. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string' && NEEDS_ESCAPE.test(value)) {
    return JSON.stringify(value).replace(NEEDS_ESCAPE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  // Rendered as the item of a flow sequence, so that flow indicators (`,`, `[`, `{`) get quoted too.
  const inList = stringify([value], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
  return inList.slice(1, -1);
}

/** A value on one line: `[a, b]`, `{ every: 21d, overlap: 3d }`, `50`. */
export function inlineText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineText).join(', ')}]`;
  if (isPlainObject(value)) {
    const pairs = Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${inlineText(v)}`);
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  return scalarText(value);
}

/** Whether a value reads better over several lines: a list of maps, or a map holding a map or such a list. */
export function wantsBlock(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isPlainObject);
  if (isPlainObject(value)) return Object.values(value).some((v) => isPlainObject(v) || wantsBlock(v));
  return false;
}

/**
 * `key: value` as lines at `indent` columns: one line, or `key:` followed by the value in block
 * style two columns deeper. Lines end with `nl`.
 */
export function pairLines(key: string, value: unknown, indent: number, nl: string): string {
  const pad = ' '.repeat(indent);
  if (!wantsBlock(value)) return `${pad}${scalarText(key)}: ${inlineText(value)}${nl}`;
  return `${pad}${scalarText(key)}:${nl}${blockLines(value, indent + 2, nl)}`;
}

/** A map or a list in block style at `indent` columns (its entries one per line). */
export function blockLines(value: unknown, indent: number, nl: string): string {
  if (Array.isArray(value)) return value.map((item) => itemLines(item, indent, nl)).join('');
  if (isPlainObject(value)) return Object.entries(value).map(([k, v]) => pairLines(k, v, indent, nl)).join('');
  return `${' '.repeat(indent)}${inlineText(value)}${nl}`;
}

/**
 * A list entry `- …` whose dash is at `indent`: a map entry is written in block style with its
 * first field on the dash's line, whatever it holds (a new declaration of `keys:` reads as the
 * others do); anything else on one line.
 */
export function itemLines(item: unknown, indent: number, nl: string): string {
  const pad = ' '.repeat(indent);
  if (isPlainObject(item) && Object.keys(item).length > 0) {
    const lines = Object.entries(item).map(([k, v]) => pairLines(k, v, indent + 2, nl));
    return `${pad}- ${lines.join('').slice(indent + 2)}`;
  }
  if (Array.isArray(item) && wantsBlock(item)) return `${pad}-${nl}${blockLines(item, indent + 2, nl)}`;
  return `${pad}- ${inlineText(item)}${nl}`;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
