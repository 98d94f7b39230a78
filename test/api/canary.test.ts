// Canary: the client at full verbosity meets faults, 4xx answers that echo its input, and key
// creations; neither the management key nor any created secret may appear in any log line or any
// error it produces (PRODUCT.md section 5).
import { describe, expect, it } from 'vitest';
import { pathOf } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { readLiveState } from '../../src/api/live-state.js';
import { REDACTED } from '../../src/api/redact.js';
import { CreateKeysRequest, CreateKeysResponse } from '../../src/api/schemas.js';
import { clientFor, keys, sandbox } from './helpers.js';

/** Not in `sk-or-` form, so only its registration can remove it. */
const MANAGEMENT_KEY = 'mgmt-CANARY-7f3a9c0e/+=';

describe('canary: secrets never leave the client', () => {
  it('at full verbosity, with faults, echoing 4xx bodies and key creations', async () => {
    const sb = await sandbox({
      managementKey: MANAGEMENT_KEY,
      rngSeed: 11,
      faults: { rate429: 0.1, rate500: 0.05, rate503: 0.05, rateReset: 0.1, retryAfterSeconds: 0 },
      seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(120, 'w') },
    });
    const { client, lines } = clientFor(sb, { retry: { maxAttempts: 3 } });
    const errors: unknown[] = [];
    const attempt = async <T>(p: Promise<T>): Promise<T | undefined> => {
      try {
        return await p;
      } catch (err) {
        errors.push(err);
        return undefined;
      }
    };

    // Key creations; each secret is registered as soon as it is known.
    const secrets: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await attempt(
        client.request({
          operation: 'createKeys',
          method: 'POST',
          path: '/keys',
          body: { name: `canary-${i}` },
          bodySchema: CreateKeysRequest,
          responseSchema: CreateKeysResponse,
          address: `key.default/canary-${i}`,
        }),
      );
      if (created) {
        client.registerSecret(created.key);
        secrets.push(created.key);
      }
    }
    expect(secrets.length).toBeGreaterThan(0);

    // Requests whose path, and whose 404 message, carry the secrets and the management key.
    for (const secret of secrets) {
      await attempt(client.request({ operation: 'getKey', method: 'GET', path: pathOf('/keys/{hash}', { hash: secret }) }));
      await attempt(
        client.request({ operation: 'updateKeys', method: 'PATCH', path: pathOf('/keys/{hash}', { hash: secret }), body: { name: secret } }),
      );
    }
    await attempt(client.request({ operation: 'getWorkspace', method: 'GET', path: pathOf('/workspaces/{id}', { id: MANAGEMENT_KEY }) }));
    await attempt(client.request({ operation: 'list', method: 'GET', path: '/keys', query: { workspace_id: MANAGEMENT_KEY } }));
    // A body the strict schema refuses, carrying a secret.
    await attempt(
      client.request({ operation: 'createKeys', method: 'POST', path: '/keys', body: { name: 'x', [secrets[0]!]: 1 }, bodySchema: CreateKeysRequest }),
    );
    // A whole read under faults, and a read that keeps failing.
    await attempt(readLiveState(client));
    sb.setFaults({ rate503: 1, rate429: 0, rate500: 0, rateReset: 0 });
    await attempt(readLiveState(client));

    // A client whose (wrong) key is rejected: it must not print its own key either.
    const wrong = `${MANAGEMENT_KEY}-wrong`;
    sb.setFaults({ rate503: 0 });
    const other = clientFor(sb, { managementKey: wrong });
    await attempt(other.client.request({ operation: 'listWorkspaces', method: 'GET', path: '/workspaces' }));
    await attempt(other.client.request({ operation: 'getWorkspace', method: 'GET', path: pathOf('/workspaces/{id}', { id: wrong }) }));

    const outputs = [
      ...lines,
      ...other.lines,
      ...errors.flatMap((e) => {
        const err = e as Error & Partial<ApiError>;
        return [err.message, String(err.stack), err.apiMessage ?? '', err.path ?? '', err.address ?? '', JSON.stringify(err)];
      }),
    ];
    const forbidden = [MANAGEMENT_KEY, encodeURIComponent(MANAGEMENT_KEY), wrong, ...secrets, ...secrets.map((s) => s.slice('sk-or-v1-'.length))];
    for (const text of outputs) {
      for (const secret of forbidden) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/sk-or-[A-Za-z0-9]/);
    }

    // The canary did meet what it was meant to: faults, retries, echoed secrets, failures.
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.every((e) => e instanceof ApiError)).toBe(true);
    expect(lines.some((l) => l.startsWith('retry '))).toBe(true);
    expect(lines.some((l) => l.includes(REDACTED))).toBe(true);
    expect(errors.some((e) => (e as ApiError).status === 404 && (e as ApiError).apiMessage?.includes(REDACTED))).toBe(true);
    expect(errors.some((e) => (e as ApiError).status === 401)).toBe(true);
  });

  it('a secret registered at runtime is removed even when it does not look like one', async () => {
    const sb = await sandbox();
    const { client, lines } = clientFor(sb);
    client.registerSecret('plain-looking-secret-42');
    const err = await client
      .request({ operation: 'getWorkspace', method: 'GET', path: pathOf('/workspaces/{id}', { id: 'plain-looking-secret-42' }) })
      .catch((e: unknown) => e as ApiError);
    expect(err.message).toBe(`GET ${sb.url}/workspaces/${REDACTED} (getWorkspace) failed: 404 Workspace "${REDACTED}" not found`);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^GET /workspaces/\\[REDACTED\\] 404 \\d+ms$`))]);
  });
});
