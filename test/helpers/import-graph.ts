// The import graph of a directory of TypeScript files, parsed from the source text (no
// dependency): every `import … from`, side-effect `import '…'`, `export … from` and dynamic
// `import('…')`, type-only imports included. Comments are removed first, strings are kept.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The source without its comments (string and template literals left as they are). */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const STATIC = /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source file imports, in order of appearance. */
export function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found: { at: number; spec: string }[] = [];
  for (const re of [STATIC, DYNAMIC]) {
    for (const m of code.matchAll(re)) found.push({ at: m.index ?? 0, spec: m[1] as string });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.spec);
}

export interface ImportGraph {
  /** Files, relative to the root directory, with `/` separators. */
  files: string[];
  /** File → files it imports inside the directory. */
  internal: Map<string, string[]>;
  /** File → specifiers that leave the directory (relative paths resolved, packages as written). */
  external: Map<string, string[]>;
}

function listTs(dir: string, root: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listTs(full, root);
    return e.name.endsWith('.ts') ? [path.relative(root, full).split(path.sep).join('/')] : [];
  });
}

/** The graph of every .ts file under `root`. Relative `.js` specifiers name the `.ts` source. */
export function importGraph(root: string): ImportGraph {
  const files = listTs(root, root).sort();
  const internal = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  for (const file of files) {
    const inside: string[] = [];
    const outside: string[] = [];
    for (const spec of importSpecifiers(readFileSync(path.join(root, file), 'utf8'))) {
      if (!spec.startsWith('.')) {
        outside.push(spec);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (target.startsWith('../')) outside.push(target);
      else inside.push(target);
    }
    internal.set(file, inside);
    external.set(file, outside);
  }
  return { files, internal, external };
}

/** Every cycle, each as the files along it (first file repeated at the end); [] when none. */
export function cycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components; a component of several files, or a file importing
  // itself, contains a cycle, reported as one path through it.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(pathThrough(graph, new Set(component), v));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** A cycle from `start` back to it, staying inside the component. */
function pathThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const cycle = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
