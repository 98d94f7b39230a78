// A server that is not a believable management API cannot make oradmin exhaust its memory: a
// `total_count` of 1e12 (which would mean ten billion page offsets) and a response body larger than
// any real answer are clear errors, fast, with nothing planned.
import { createServer, type Server } from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ApiClient } from '../../src/api/client.js';
import { runCli } from '../helpers/cli.js';

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const addr = server.address() as { port: number };
  return `http://127.0.0.1:${addr.port}/api/v1`;
}

describe('a hostile or broken server', () => {
  it('a total_count of 1e12 is refused, not trusted (real CLI)', async () => {
    const url = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: [], total_count: 1e12 }));
    });
    const started = Date.now();
    const r = await runCli(['plan', '-f', 'examples/minimal.yaml'], {
      env: { OPENROUTER_API_URL: url, OPENROUTER_MANAGEMENT_KEY: 'sk-or-v1-hostile-test' },
      timeoutMs: 30_000,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the server reports total_count 1000000000000, which is not a believable list \(oradmin reads at most 100000 items from one list\)/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a response body past the limit is refused while it is read', async () => {
    let sent = 0;
    const url = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const push = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      push();
    });
    const client = new ApiClient({ baseUrl: new URL(url), managementKey: 'sk-or-v1-hostile-test', maxResponseBytes: 1024 * 1024 });
    onTestFinished(() => client.close());
    await expect(client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces' })).rejects.toThrow(
      `GET ${url.replace(/\/$/, '')}/workspaces (listWorkspaces) failed: the response is larger than 1048576 bytes, more than any answer of the management API; it was not read`,
    );
  });
});
