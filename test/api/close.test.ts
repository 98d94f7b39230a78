// Closing the client (ApiClient.close): reads still in flight — pages asked for ahead past the end of
// a list — are abandoned rather than awaited, without retries or backoff timers keeping the process
// up; a write in flight is always awaited, so closing never loses the answer of a change.
import { describe, expect, it } from 'vitest';
import { clientFor, sandbox } from './helpers.js';

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('ApiClient.close', () => {
  it('abandons a read in flight instead of waiting for its answer', async () => {
    const sb = await sandbox({ latencyMs: 20_000 });
    const { client } = clientFor(sb);
    const read = client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces' });
    read.catch(() => undefined);
    await waitFor(() => client.stats().requests === 1);
    const started = performance.now();
    await client.close();
    // Milliseconds, against the 20 s the answer would take: a busy machine cannot blur the two.
    expect(performance.now() - started).toBeLessThan(10_000);
    await expect(read).rejects.toThrow(/abandoned: the client was closed/);
    // Abandoned, not retried.
    expect(client.stats().retries).toBe(0);
    expect(client.stats().requests).toBe(1);
  });

  it('waits for a write in flight, which completes', async () => {
    const sb = await sandbox({ latencyMs: 300 });
    const { client } = clientFor(sb);
    const write = client.request<{ data: { name: string } }>({ operation: 'createKeys', method: 'POST', path: '/keys', body: { name: 'kept' } });
    await waitFor(() => client.stats().requests === 1);
    await client.close();
    await expect(write).resolves.toMatchObject({ data: { name: 'kept' } });
    expect(sb.state.keysIn('default').map((k) => k.name)).toContain('kept');
  });

  it('refuses requests after it is closed', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    await client.close();
    await expect(client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces' })).rejects.toThrow(/abandoned/);
    expect(sb.log).toHaveLength(0);
  });
});
