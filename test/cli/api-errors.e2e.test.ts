// API failures name the URL, the operation and the common cause (issue 15): a wrong port, a base URL
// without /api/v1, a key that is not accepted — each with the variable or flag to fix.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('API errors for humans', () => {
  it('a wrong port names the URL and where it came from', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const port = await closedPort();
    const r = await o.run(['plan', '--api-url', `http://127.0.0.1:${port}/api/v1`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: GET http://127\\.0\\.0\\.1:${port}/api/v1/\\S+ \\(\\w+\\) failed: connection refused \\(ECONNREFUSED\\)`));
    expect(r.stderr).toContain(`Hint: nothing answered at http://127.0.0.1:${port}/api/v1 (from --api-url)`);
    expect(r.stderr).not.toContain(o.sb.managementKey);
  });

  it('-o json prints one JSON error document on stdout, and the message on stderr', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const port = await closedPort();
    const r = await o.run(['plan', '-o', 'json', '--api-url', `http://127.0.0.1:${port}/api/v1`]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format_version: 1, error: { kind: 'api', method: 'GET', code: 'ECONNREFUSED' } });
    expect(doc.error.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/api/v1/`));
    expect(doc.error.hint).toContain('nothing answered');
    expect(r.stderr).toContain(doc.error.message);
    // A mistake of the user's is a document too.
    const target = await o.run(['plan', '-o', 'json', '--target', 'nope']);
    expect(JSON.parse(target.stdout).error).toMatchObject({ kind: 'usage', message: expect.stringContaining('--target nope names nothing') });
  });

  it('a base URL without /api/v1 says so', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const base = o.sb.url.replace(/\/api\/v1$/, '');
    const r = await o.run(['plan'], { env: { OPENROUTER_API_URL: base } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Hint: the base URL ${base} (from OPENROUTER_API_URL) does not end in /api/v1`);
  });

  it('a key that is not accepted names the variable it came from', async () => {
    const o = await org();
    o.write('openrouter.admin.yaml', 'version: 1\n');
    const main = await o.run(['plan'], { env: { OPENROUTER_MANAGEMENT_KEY: 'not-the-key' } });
    expect(main.code).toBe(1);
    expect(main.stderr).toMatch(/failed: 401 .*Hint: the key in OPENROUTER_MANAGEMENT_KEY was not accepted by http:\/\/127\.0\.0\.1:\d+\/api\/v1: it must be a management key/);
    const alias = await o.run(['plan'], { env: { OPENROUTER_MANAGEMENT_KEY: undefined, OPENROUTER_PROVISIONING_KEY: 'not-the-key' } });
    expect(alias.stderr).toContain('Hint: the key in OPENROUTER_PROVISIONING_KEY was not accepted');
    expect(main.stderr + alias.stderr).not.toContain('not-the-key');
  });
});
