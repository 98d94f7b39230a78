// The import graph of src/, read from the import statements themselves (no dependency): which file
// imports which, and the strongly connected components of that graph (a component of more than one
// node is a cycle). Used by the architecture tests.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ImportGraph {
  root: string;
  /** file (relative to root, with .ts) → files it imports (relative), type-only imports included */
  edges: Map<string, string[]>;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function importGraph(root: string): ImportGraph {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const deps = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      deps.add(path.relative(root, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts'));
    }
    edges.set(path.relative(root, file), [...deps].sort());
  }
  return { root, edges };
}

/** The folder directly under root that holds a file ('.' for files at the root). */
export function folderOf(file: string): string {
  const parts = file.split(path.sep);
  return parts.length > 1 ? parts[0]! : '.';
}

/** Tarjan's algorithm: every strongly connected component with more than one node, or a self-loop. */
export function cycles(nodes: readonly string[], next: (n: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next(v).includes(v)) out.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out;
}

/** Folder-level edges, each with one example import that makes it. */
export function folderEdges(graph: ImportGraph): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [file, deps] of graph.edges) {
    for (const dep of deps) {
      const a = folderOf(file);
      const b = folderOf(dep);
      if (a === b) continue;
      const m = out.get(a) ?? new Map<string, string>();
      out.set(a, m);
      if (!m.has(b)) m.set(b, `${file} imports ${dep}`);
    }
  }
  return out;
}
