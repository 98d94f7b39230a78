// The response check that every sandbox test runs (openapi/response-check.ts, wired in by
// helpers.ts): it must catch what the document does not describe.
import { describe, expect, it } from 'vitest';
import type { SentResponse } from '../../src/sandbox/index.js';
import { documentedOperation, schemaAt } from '../../src/sandbox/openapi/operations.js';
import { RESPONSE_EXTENSIONS } from '../../src/sandbox/openapi/sdk-extensions.js';
import { responseProblems } from './openapi/response-check.js';
import { shapeOf, type Shape } from './openapi/schema-shape.js';
import { checkedResponses, sandbox } from './helpers.js';
import { startSandbox } from '../../src/sandbox/index.js';

const credits = (body: unknown, status = 200): SentResponse => ({
  operationId: 'getCredits',
  method: 'GET',
  path: '/api/v1/credits',
  status,
  body,
  injected: false,
});

describe('the response check', () => {
  it('accepts what the document describes', () => {
    expect(responseProblems(credits({ data: { total_credits: 1, total_usage: 0.5 } }))).toEqual([]);
    expect(responseProblems(credits({ error: { code: 401, message: 'Missing Authentication header' } }, 401))).toEqual([]);
  });

  it('finds a wrong type, a missing field, an unknown field, a wrong error code, an undocumented status', () => {
    expect(responseProblems(credits({ data: { total_credits: '1', total_usage: 0 } }))[0]).toContain('data.total_credits: expected number');
    expect(responseProblems(credits({ data: { total_credits: 1 } }))[0]).toContain('data.total_usage: is required');
    expect(responseProblems(credits({ data: { total_credits: 1, total_usage: 0, bonus: 5 } }))[0]).toContain('Unrecognized key: "bonus"');
    expect(responseProblems(credits({ error: { code: 400, message: 'x' } }, 401))[0]).toContain('error.code 400 is not the status');
    expect(responseProblems(credits({ error: { code: 404, message: 'x' } }, 404))[0]).toContain('status not documented for getCredits');
  });

  it('allows the listed SDK fields only where they are listed', () => {
    const key = (extra: Record<string, unknown>) => ({
      operationId: 'getCurrentKey',
      method: 'GET',
      path: '/api/v1/key',
      status: 200,
      injected: false,
      body: { data: { ...extra } },
    });
    const problems = (extra: Record<string, unknown>) => responseProblems(key(extra)).join('\n');
    expect(problems({ organization_id: 'org' })).not.toContain('organization_id');
    expect(problems({ external_user: null })).toContain('Unrecognized key: "external_user"');
  });

  it('lists only SDK fields the document does not have (a field it gains makes its entry stale)', () => {
    const resolve = (ref: string) => schemaAt(ref);
    const stale = RESPONSE_EXTENSIONS.flatMap((x) =>
      x.operations.flatMap((operationId) => {
        const op = documentedOperation(operationId);
        const success = op && [...op.responses.keys()].find((s) => s.startsWith('2'));
        if (!op || !success) return [`${operationId}: no such operation or success response`];
        let shape: Shape | undefined = shapeOf(schemaAt(op.responses.get(success)!), resolve);
        for (const part of x.at.split('/').slice(1)) shape = part === '*' ? shape?.items : shape?.properties.get(part);
        if (!shape) return [`${operationId} ${x.at}: not in the document`];
        return shape.properties.has(x.property) ? [`${operationId} ${x.at}: the document has ${x.property} now`] : [];
      }),
    );
    expect(stale).toEqual([]);
    expect(RESPONSE_EXTENSIONS.length).toBeGreaterThan(0);
  });

  it('allows an undocumented status only for the reasons listed', () => {
    const injected = { ...credits({ error: { code: 503, message: 'Injected fault' } }, 503), injected: true };
    expect(responseProblems(injected)).toEqual([]);
    expect(responseProblems({ ...injected, injected: false })[0]).toContain('status not documented');
  });

  it('runs on the responses of every sandbox started by the test helpers', async () => {
    let seen = 0;
    const { api } = await sandbox({ onResponse: () => void seen++ });
    await api.get('/credits');
    await api.get('/keys?limit=5');
    expect(seen).toBe(2);
    const sb = await startSandbox(checkedResponses());
    await fetch(`${sb.url}/credits`, { headers: { authorization: `Bearer ${sb.managementKey}` } });
    await sb.close();
  });
});
