// The client-side limits. The bucket's arithmetic is checked on a fake clock (exact, instant);
// against the sandbox, the rate is checked by counting requests over a window with a generous
// tolerance, and the in-flight bound by the sandbox's own view of concurrent requests.
import { describe, expect, it } from 'vitest';
import { Semaphore, TokenBucket } from '../../src/api/rate-limit.js';
import { readAllKeys } from '../../src/api/paginate.js';
import { clientFor, keys, sandbox } from './helpers.js';

function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), get t() { return t; } };
}

describe('TokenBucket', () => {
  it('lets a burst through at once, then spaces takers 1/rate apart', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 3, clock);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await bucket.take();
      times.push(clock.t);
    }
    expect(times).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('refills while idle, up to the burst', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 2, clock);
    await bucket.take();
    await bucket.take();
    await clock.sleep(10_000);
    const start = clock.t;
    await bucket.take();
    await bucket.take();
    expect(clock.t).toBe(start);
    await bucket.take();
    expect(clock.t).toBe(start + 100);
  });

  it('pauseFor holds every taker back', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, 10, clock);
    bucket.pauseFor(1500);
    await bucket.take();
    expect(clock.t).toBe(1500);
  });
});

describe('Semaphore', () => {
  it('never hands out more than its slots, FIFO', async () => {
    const sem = new Semaphore(2);
    const order: number[] = [];
    const r1 = await sem.acquire();
    const r2 = await sem.acquire();
    const third = sem.acquire().then((r) => (order.push(3), r));
    const fourth = sem.acquire().then((r) => (order.push(4), r));
    expect(sem.inFlight).toBe(2);
    r1();
    r1(); // a second release of the same slot is ignored
    const r3 = await third;
    expect(sem.inFlight).toBe(2);
    r2();
    (await fourth)();
    r3();
    expect(order).toEqual([3, 4]);
    expect(sem.inFlight).toBe(0);
    expect(sem.peak).toBe(2);
  });
});

describe('against the sandbox', () => {
  it('holds the configured rate over a window', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb, { rateLimit: { ratePerSecond: 50, burst: 5, maxInFlight: 8 } });
    const started = performance.now();
    const all = Promise.all(
      Array.from({ length: 40 }, () => client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces' })),
    );
    await new Promise((r) => setTimeout(r, 300));
    const sentAt300 = client.stats().requests;
    const windowSeconds = (performance.now() - started) / 1000;
    await all;
    const seconds = (performance.now() - started) / 1000;
    // At most the burst plus rate × time may have been sent within the window (+1 for rounding).
    // Only upper bounds on the count and lower bounds on the time are asserted: a loaded machine
    // can only make them hold more easily, so the test is not flaky.
    expect(sentAt300).toBeLessThanOrEqual(5 + 50 * windowSeconds + 1);
    // 40 requests at 50/s after a burst of 5 take at least (40 - 5) / 50 = 0.7 s.
    expect(seconds).toBeGreaterThanOrEqual(0.69);
    expect(client.stats().requests).toBe(40);
    expect(sb.counts().listWorkspaces).toBe(40);
  });

  it('never has more requests in flight than the bound, however many are started', async () => {
    const latencyMs = 40;
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'big', name: 'Big' }], keys: keys(250, 'big') } });
    const { client } = clientFor(sb, { rateLimit: { maxInFlight: 3 } });
    const ws = sb.state.workspace('big')!;
    sb.setLatency(latencyMs);
    const started = performance.now();
    // Six parallel readers of 3 pages each: 18 requests wanting to go at once.
    await Promise.all(Array.from({ length: 6 }, () => readAllKeys(client, { workspaceId: ws.id })));
    const elapsed = performance.now() - started;
    expect(sb.log).toHaveLength(18);
    expect(client.stats().peakInFlight).toBe(3);
    // The server's side of it: each request takes at least the latency, so 18 requests with at
    // most 3 at a time take at least 6 latencies (with 8 at a time it would be 3).
    expect(elapsed).toBeGreaterThanOrEqual(6 * latencyMs * 0.95);
  });
});
