// The route table and the document agree: each route's operationId names an operation of the
// document with the same method and path, since that operation's schemas validate the request.
import { describe, expect, it } from 'vitest';
import { documentedOperation } from '../../src/sandbox/openapi/operations.js';
import { ROUTES } from '../../src/sandbox/routes/index.js';

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
