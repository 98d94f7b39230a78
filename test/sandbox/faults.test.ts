// Fault injection and observation: latency, 429 + Retry-After, 5xx, connection resets,
// "commit, then drop the connection", the server-side rate limit, the request log and counts.
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { expectError, sandbox } from './helpers.js';

describe('latency', () => {
  it('delays every request by the configured time, plus jitter, changeable at runtime', async () => {
    const { sb, api } = await sandbox({ latencyMs: 400 });
    let t = performance.now();
    await api.get('/workspaces');
    expect(performance.now() - t).toBeGreaterThanOrEqual(395);
    sb.setLatency(0, 60);
    t = performance.now();
    // Well under the former 400 ms even on a busy machine: the new latency (0-60 ms) applies.
    await Promise.all([api.get('/workspaces'), api.get('/workspaces'), api.get('/workspaces')]);
    expect(performance.now() - t).toBeLessThan(300);
    expect(sb.log.at(-1)?.fault).toBeNull();
  });

  it('handles a request half-way through its latency and answers at the end of it', async () => {
    // The sandbox's own work happens inside the configured latency instead of after it, as a real
    // server's does inside a round trip (eight pages sent together used to queue for the CPU after
    // it). Seconds, so that the checks sit half a second from either edge on a busy machine.
    const { sb, api } = await sandbox({ latencyMs: 2_000 });
    const t = performance.now();
    const creating = api.post('/keys', { name: 'halfway' });
    let answered = false;
    void creating.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sb.state.keysIn().map((k) => k.name)).toEqual(['halfway']);
    expect(answered).toBe(false);
    expect((await creating).status).toBe(201);
    expect(performance.now() - t).toBeGreaterThanOrEqual(1_995);
  });

  it('does not hold up close()', async () => {
    const sb = await startSandbox({ latencyMs: 10_000 });
    const pending = fetch(`${sb.url}/workspaces`, { headers: { authorization: `Bearer ${sb.managementKey}` } });
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    await sb.close();
    expect(performance.now() - t).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('injected failures happen before the handler: nothing is committed', () => {
  it('429 with Retry-After', async () => {
    const { sb, api } = await sandbox({ faults: { rate429: 1, retryAfterSeconds: 7 } });
    const res = await api.post('/keys', { name: 'k' });
    expectError(res, 429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(sb.state.keysIn()).toEqual([]);
    expect(sb.log[0]).toMatchObject({ operationId: 'createKeys', status: 429, fault: '429' });
  });

  it.each([
    ['rate500', 500],
    ['rate502', 502],
    ['rate503', 503],
  ] as const)('%s answers %i with the API error body', async (field, status) => {
    const { sb, api } = await sandbox({ faults: { [field]: 1 } });
    expectError(await api.post('/workspaces', { name: 'W', slug: 'w' }), status);
    expect(sb.state.workspaces()).toHaveLength(1);
    expect(sb.log[0]?.fault).toBe(String(status));
  });

  it('connection reset: no response at all', async () => {
    const { sb, api } = await sandbox({ faults: { rateReset: 1 } });
    await expect(api.post('/keys', { name: 'k' })).rejects.toThrow();
    expect(sb.state.keysIn()).toEqual([]);
    expect(sb.log[0]).toMatchObject({ operationId: 'createKeys', status: null, fault: 'reset' });
    sb.setFaults({ rateReset: 0 });
    expect((await api.get('/keys')).status).toBe(200);
  });

  it('faults only the listed operations when `operations` is set', async () => {
    const { api } = await sandbox({ faults: { rate500: 1, operations: ['createKeys'] } });
    expect((await api.get('/keys')).status).toBe(200);
    expectError(await api.post('/keys', { name: 'k' }), 500);
  });

  it('is deterministic for a given rngSeed', async () => {
    const outcomes = async () => {
      const { sb, api } = await sandbox({ rngSeed: 42, faults: { rate429: 0.2, rate503: 0.2 } });
      for (let i = 0; i < 30; i++) await api.get('/credits');
      return sb.log.map((e) => e.status);
    };
    const first = await outcomes();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await outcomes()).toEqual(first);
  });

  it('rejects rates outside 0..1 or adding up to more than 1', async () => {
    const { sb } = await sandbox();
    expect(() => sb.setFaults({ rate500: 1.5 })).toThrow(RangeError);
    expect(() => sb.setFaults({ rate500: 0.6, rateReset: 0.6 })).toThrow(RangeError);
  });
});

describe('commit, then drop the connection', () => {
  it('runs and commits the write, then destroys the socket instead of answering', async () => {
    const { sb, api } = await sandbox();
    sb.dropAfterCommit('createKeys');
    await expect(api.post('/keys', { name: 'lost-response' })).rejects.toThrow();
    expect(sb.state.findKeyByName('lost-response')).toBeDefined();
    expect(sb.log[0]).toMatchObject({ operationId: 'createKeys', status: 201, fault: 'drop-after-commit' });
    expect((await api.post('/keys', { name: 'answered' })).status).toBe(201);
  });

  it('counts only successful responses, and can use a probability', async () => {
    const { sb, api } = await sandbox({ rngSeed: 7 });
    sb.dropAfterCommit('updateWorkspace', 2);
    expectError(await api.patch('/workspaces/nope', { name: 'x' }), 404);
    await expect(api.patch('/workspaces/default', { name: 'A' })).rejects.toThrow();
    await expect(api.patch('/workspaces/default', { name: 'B' })).rejects.toThrow();
    expect((await api.patch('/workspaces/default', { name: 'C' })).status).toBe(200);

    sb.setFaults({ dropAfterCommit: { createGuardrail: { probability: 0.5 } } });
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => api.post('/guardrails', { name: `g${i}` })));
    const dropped = settled.filter((s) => s.status === 'rejected').length;
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(20);
    expect(sb.state.guardrailsIn()).toHaveLength(20);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After beyond the token bucket, and refills', async () => {
    const { sb, api } = await sandbox();
    // A first request loads the request validator; after it, five requests take well under the
    // second that one token needs to come back, even on a busy machine.
    await api.get('/credits');
    sb.setRateLimit({ capacity: 3, refillPerSecond: 1 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.get('/credits')).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    const limited = sb.log.find((e) => e.status === 429);
    expect(limited?.fault).toBe('rate-limit');
    sb.setRateLimit({ capacity: 1, refillPerSecond: 0.5 });
    await api.get('/credits');
    const res = await api.get('/credits');
    expectError(res, 429);
    expect(Number(res.headers.get('retry-after'))).toBe(2);
    sb.setRateLimit(null);
    expect((await api.get('/credits')).status).toBe(200);
  });
});

describe('request log', () => {
  it('records method, path without query, operationId, status, ms and fault; counts per operation', async () => {
    const { sb, api } = await sandbox();
    await api.get('/keys?include_disabled=true&offset=0');
    await api.get('/keys');
    await api.post('/keys', { name: 'k' });
    await api.get('/no/such/route');
    expect(sb.log[0]).toEqual({
      method: 'GET',
      path: '/api/v1/keys',
      operationId: 'list',
      status: 200,
      ms: expect.any(Number),
      fault: null,
    });
    expect(sb.log[3]).toMatchObject({ operationId: null, status: 404 });
    expect(sb.counts()).toEqual({ list: 2, createKeys: 1 });
    sb.resetLog();
    expect(sb.log).toEqual([]);
    expect(sb.counts()).toEqual({});
  });
});
