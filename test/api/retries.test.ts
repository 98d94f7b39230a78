// Recovery from 429, 5xx and connection resets against the sandbox over real HTTP; creations whose
// response is lost are reported as ambiguous and not repeated; a read that keeps failing fails.
import { describe, expect, it } from 'vitest';
import { AmbiguousWriteError, ApiError } from '../../src/api/errors.js';
import { readLiveState } from '../../src/api/live-state.js';
import { CreateKeysRequest, CreateKeysResponse, ListWorkspacesResponse } from '../../src/api/schemas.js';
import type { Sandbox } from '../../src/sandbox/index.js';
import { clientFor, sandbox } from './helpers.js';

const listWorkspaces = { operation: 'listWorkspaces', method: 'GET', path: '/workspaces', responseSchema: ListWorkspacesResponse } as const;

/** Turns the sandbox's faults off once the client has logged its first attempt: a fault that happens once. */
function faultOnce(sb: Sandbox) {
  let first = true;
  return () => {
    if (first) {
      first = false;
      sb.setFaults({ rate429: 0, rate500: 0, rate502: 0, rate503: 0, rateReset: 0 });
    }
  };
}

describe('retries', () => {
  it('recovers from a 429 and waits the Retry-After it was given', async () => {
    const sb = await sandbox({ faults: { rate429: 1, retryAfterSeconds: 1 } });
    const at: number[] = [];
    const once = faultOnce(sb);
    const { client, lines } = clientFor(sb, {
      onLine: (line) => {
        if (!line.startsWith('retry')) at.push(performance.now());
        once();
      },
    });
    const res = await client.request(listWorkspaces);
    expect(res.data).toHaveLength(1);
    expect(sb.log.map((e) => e.status)).toEqual([429, 200]);
    expect(lines[0]).toMatch(/^GET \/workspaces 429 \d+ms$/);
    expect(lines[1]).toMatch(/^retry 1 of GET \/workspaces after (\d+)ms \(429, Retry-After 1\)$/);
    expect(Number(/after (\d+)ms/.exec(lines[1]!)![1])).toBeGreaterThanOrEqual(1000);
    // The second attempt finished at least Retry-After after the first one did.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, byOperation: { listWorkspaces: 2 } });
  });

  it.each([
    ['rate500', 500],
    ['rate502', 502],
    ['rate503', 503],
  ] as const)('recovers from %s', async (fault, status) => {
    const sb = await sandbox({ faults: { [fault]: 1 } });
    const { client } = clientFor(sb, { onLine: faultOnce(sb) });
    await expect(client.request(listWorkspaces)).resolves.toMatchObject({ total_count: 1 });
    expect(sb.log.map((e) => e.status)).toEqual([status, 200]);
  });

  it('recovers from connection resets, on GET and on an idempotent write', async () => {
    const sb = await sandbox({ faults: { rateReset: 1 } });
    const { client, lines } = clientFor(sb, { onLine: faultOnce(sb) });
    await expect(client.request(listWorkspaces)).resolves.toMatchObject({ total_count: 1 });
    expect(sb.log.map((e) => e.fault)).toEqual(['reset', null]);
    expect(lines[0]).toMatch(/^GET \/workspaces (ECONNRESET|UND_ERR_SOCKET) \d+ms$/);

    sb.resetLog();
    sb.setFaults({ rateReset: 1 });
    const { client: c2 } = clientFor(sb, { onLine: faultOnce(sb) });
    await c2.request({
      operation: 'upsertWorkspaceBudget',
      method: 'PUT',
      path: '/workspaces/default/budgets/monthly',
      body: { limit_usd: 100 },
    });
    expect(sb.log.map((e) => e.fault)).toEqual(['reset', null]);
    expect(sb.state.budgets('default')).toHaveLength(1);
  });

  it('recovers under random faults on every read (20%)', async () => {
    const sb = await sandbox({
      rngSeed: 7,
      faults: { rate429: 0.07, rate500: 0.03, rate503: 0.03, rateReset: 0.07, retryAfterSeconds: 0 },
      seed: { workspaces: [{ slug: 'w', name: 'W' }] },
    });
    const { client } = clientFor(sb, { retry: { maxAttempts: 8 } });
    const state = await readLiveState(client);
    expect(state.workspaces.map((w) => w.slug).sort()).toEqual(['default', 'w']);
    expect(sb.log.some((e) => e.fault !== null)).toBe(true);
  });

  it('a 429 on a creation is retried: the server refused it, nothing was committed', async () => {
    const sb = await sandbox({ faults: { rate429: 1, retryAfterSeconds: 0 } });
    const { client } = clientFor(sb, { onLine: faultOnce(sb) });
    const res = await client.request({
      operation: 'createKeys',
      method: 'POST',
      path: '/keys',
      body: { name: 'ci-bot' },
      bodySchema: CreateKeysRequest,
      responseSchema: CreateKeysResponse,
    });
    expect(res.data.name).toBe('ci-bot');
    expect(sb.counts()).toEqual({ createKeys: 2 });
    expect(sb.state.keysIn()).toHaveLength(1);
  });

  it('a creation whose response is lost after commit is ambiguous and not repeated', async () => {
    const sb = await sandbox();
    sb.dropAfterCommit('createKeys', 1);
    const { client } = clientFor(sb);
    const err = await client
      .request({
        operation: 'createKeys',
        method: 'POST',
        path: '/keys',
        body: { name: 'ci-bot' },
        bodySchema: CreateKeysRequest,
        responseSchema: CreateKeysResponse,
        address: 'key.default/ci-bot',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AmbiguousWriteError);
    const e = err as AmbiguousWriteError;
    expect(e.operation).toBe('createKeys');
    expect(e.status).toBeUndefined();
    expect(e.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/keys \(createKeys\) for key\.default\/ci-bot failed: .* the server may have committed/);
    expect(sb.counts()).toEqual({ createKeys: 1 });
    // It was committed: the caller has to resolve it.
    expect(sb.state.keysIn().map((k) => k.name)).toEqual(['ci-bot']);
    expect(client.stats().retries).toBe(0);
  });

  it.each(['createGuardrail', 'createWorkspace'] as const)('%s with a 5xx is ambiguous and not repeated', async (operation) => {
    const sb = await sandbox({ faults: { rate502: 1, operations: [operation] } });
    const { client } = clientFor(sb);
    const spec =
      operation === 'createGuardrail'
        ? { path: '/guardrails', body: { name: 'g' } }
        : { path: '/workspaces', body: { name: 'W', slug: 'w' } };
    await expect(client.request({ operation, method: 'POST', ...spec })).rejects.toBeInstanceOf(AmbiguousWriteError);
    expect(sb.counts()).toEqual({ [operation]: 1 });
  });

  it('a 4xx is not retried and carries the API message', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    const err = await client
      .request({ operation: 'getKey', method: 'GET', path: '/keys/nope', address: 'key.default/x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).not.toBeInstanceOf(AmbiguousWriteError);
    const e = err as ApiError;
    expect(e.status).toBe(404);
    expect(e.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/keys\/nope \(getKey\) for key\.default\/x failed: 404 \S/);
    expect(e.apiMessage).toBeTruthy();
    expect(sb.counts()).toEqual({ getKey: 1 });
  });

  it('a body that breaks the strict request schema is not sent', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    await expect(
      client.request({ operation: 'createKeys', method: 'POST', path: '/keys', body: { name: 'x', colour: 'red' }, bodySchema: CreateKeysRequest }),
    ).rejects.toThrow(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/keys \(createKeys\) failed: request not sent, its body is invalid: /);
    expect(sb.log).toHaveLength(0);
  });

  it('a response missing a required field is an error naming the endpoint', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    const { z } = await import('zod');
    const strictish = z.looseObject({ data: z.array(z.looseObject({ not_there: z.string() })) });
    await expect(client.request({ ...listWorkspaces, responseSchema: strictish })).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/workspaces \(listWorkspaces\) failed: the response does not match the API reference: data\.0\.not_there: /,
    );
  });

  it('times out a request that hangs, and retries it', async () => {
    const sb = await sandbox({ latencyMs: 300 });
    const { client, lines } = clientFor(sb, { timeoutMs: 100, retry: { maxAttempts: 2 } });
    const err = await client.request(listWorkspaces).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe(`GET ${sb.url}/workspaces (listWorkspaces) failed: request timed out (TIMEOUT) (after 2 attempts)`);
    expect(lines.filter((l) => l.startsWith('GET'))).toHaveLength(2);
  });
});

describe('a read that keeps failing fails the run', () => {
  it('readLiveState throws an ApiError naming the operation', async () => {
    const sb = await sandbox({ faults: { rate503: 1, operations: ['listWorkspaceBudgets'] }, seed: { workspaces: [{ slug: 'w', name: 'W' }] } });
    const { client } = clientFor(sb, { retry: { maxAttempts: 3 } });
    const err = await readLiveState(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.operation).toBe('listWorkspaceBudgets');
    expect(e.status).toBe(503);
    expect(e.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/workspaces\/([0-9a-f-]+|default)\/budgets \(listWorkspaceBudgets\) for workspace\.(default|w) failed: 503 .*\(after 3 attempts\)$/);
  });

  it('and so do connection resets that do not stop, on a list page', async () => {
    const sb = await sandbox({ faults: { rateReset: 1, operations: ['listOrganizationMembers'] } });
    const { client } = clientFor(sb, { retry: { maxAttempts: 2 } });
    await expect(readLiveState(client)).rejects.toMatchObject({ operation: 'listOrganizationMembers', status: undefined });
    expect(sb.counts().listOrganizationMembers).toBe(2);
  });
});
