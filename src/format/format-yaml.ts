// `oradmin fmt`: one canonical layout for desired-state files, so that a reviewer's diff shows what
// changed and not how it was typed. Fields in the order the schema lists them (which is the order
// the README and editors show), two-space indentation, one blank line between the top-level
// sections, flow collections without padding — as export writes them — and every comment kept
// with the node it belongs to. Pure: text in, text out.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { fieldOrder } from '../edit/field-order.js';

export interface Formatted {
  text: string;
  /** Why the file was left as it is (it does not parse), or undefined. */
  problem?: string;
}

export function formatYaml(text: string): Formatted {
  const doc = parseDocument(text, { uniqueKeys: true, merge: false });
  if (doc.errors.length > 0) return { text, problem: 'it is not valid YAML (run oradmin validate)' };
  const root = doc.contents as Node | null;
  if (isMap(root)) {
    const first = root.items[0];
    reorder(root, []);
    // A comment above the first key is the file's header, not that section's: it stays on top.
    const now = root.items[0];
    if (first && now && first !== now && isScalar(first.key) && isScalar(now.key) && first.key.commentBefore) {
      now.key.commentBefore = now.key.commentBefore ? `${first.key.commentBefore}\n${now.key.commentBefore}` : first.key.commentBefore;
      first.key.commentBefore = undefined;
    }
    root.items.forEach((pair, i) => {
      if (isScalar(pair.key)) pair.key.spaceBefore = i > 0;
    });
  }
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indent: 2, indentSeq: true });
  // A formatter must never change what the file says.
  if (!isDeepStrictEqual(parseDocument(out, { merge: false }).toJS(), doc.toJS())) {
    return { text, problem: 'formatting would change its meaning (please report this with the file)' };
  }
  return { text: out };
}

/** Sorts each mapping's fields into schema order, at every level the schema knows. */
function reorder(map: YAMLMap, path: (string | number)[]): void {
  const order = fieldOrder(path);
  if (order.length > 0) {
    const rank = (p: Pair) => {
      const i = isScalar(p.key) ? order.indexOf(String(p.key.value)) : -1;
      return i < 0 ? order.length : i;
    };
    // Stable: fields the schema does not know keep their place after the known ones.
    map.items = map.items.map((p, i) => ({ p: p as Pair, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
  }
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value as Node | null;
    if (isMap(value)) reorder(value, [...path, key]);
    else if (isSeq(value)) value.items.forEach((item) => isMap(item) && reorder(item, [...path, key, 0]));
  }
}
