// The sandbox is an independent implementation (PRODUCT.md section 6): nothing under src/sandbox/
// imports the client, the core or any other part of oradmin, so that a wrong idea of the API
// cannot pass on both sides; its files depend on each other one way, without cycles; and its
// routes are the document's operations.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentedOperation } from '../../src/sandbox/openapi/operations.js';
import { ROUTES } from '../../src/sandbox/routes/index.js';
import { cycles, importGraph, importSpecifiers } from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../../src/sandbox/', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** `ajv/dist/2020.js` → `ajv`, `@scope/pkg/x` → `@scope/pkg`. */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);

describe('the import parser', () => {
  it('finds every form of import and ignores comments', () => {
    const source = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import {\n  c,\n  type D,\n} from '../c.js';",
      "import './side-effect.js';",
      "export { e } from './e.js';",
      "export * from 'pkg/sub';",
      "export const f = 'from nowhere';",
      "const g = await import('./g.js');",
      "// import h from './h.js';",
      "/* import i from './i.js'; */",
      "const url = 'http://example.com'; import j from './j.js';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.js', './b.js', '../c.js', './side-effect.js', './e.js', 'pkg/sub', './g.js', './j.js']);
  });

  it('finds cycles, and only cycles', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cycles(graph)).toEqual(expect.arrayContaining([['a', 'b', 'c', 'a'], ['e', 'e']]));
    expect(cycles(graph)).toHaveLength(2);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});

describe('src/sandbox/', () => {
  const graph = importGraph(ROOT);

  it('is read whole (a parser that finds nothing would pass everything)', () => {
    expect(graph.files.length).toBeGreaterThan(30);
    expect(graph.internal.get('server.ts')).toContain('router.ts');
    expect(graph.internal.get('index.ts')).toContain('server.ts');
  });

  it('imports nothing from outside src/sandbox/ but node built-ins and runtime dependencies', () => {
    const offending = [...graph.external].flatMap(([file, specs]) =>
      specs.filter((s) => !isBuiltin(s) && (s.startsWith('.') || !(packageOf(s) in PACKAGE.dependencies))).map((s) => `${file} → ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('has no import cycle between its files', () => {
    expect(cycles(graph.internal).map((c) => c.join(' → '))).toEqual([]);
  });
});

// The route table and the document agree: each route's operationId names an operation of the
// document with the same method and path, since that operation's schemas validate the request.
describe('routes', () => {
  it('are the document\'s operations, by method and path', () => {
    const mismatches = ROUTES.flatMap((route) => {
      if (route.operationId === 'getModels') return []; // not in the trimmed document (organization.ts)
      const op = documentedOperation(route.operationId);
      const template = route.path.replace(/:(\w+)/g, '{$1}');
      if (!op) return [`${route.operationId}: not in the document`];
      return op.method === route.method && op.path === template ? [] : [`${route.operationId}: ${route.method} ${template}, the document has ${op.method} ${op.path}`];
    });
    expect(mismatches).toEqual([]);
    expect(ROUTES.length).toBeGreaterThan(30);
  });

  it('have one operationId each', () => {
    const ids = ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
