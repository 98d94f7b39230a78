// Where the client connects and with what: PRODUCT.md section 2 (--api-url, OPENROUTER_API_URL,
// http:// only to loopback, credentials only from the environment, one-line errors).
import { describe, expect, it } from 'vitest';
import { createClientFromEnv, DEFAULT_API_URL, isLoopbackHost, resolveBaseUrl } from '../../src/api/client.js';
import { OradminError } from '../../src/errors.js';

describe('resolveBaseUrl', () => {
  it('takes the flag, else OPENROUTER_API_URL, else OpenRouter', () => {
    const env = { OPENROUTER_API_URL: 'https://proxy.example/api/v1' };
    expect(resolveBaseUrl('https://flag.example/v1', env).href).toBe('https://flag.example/v1');
    expect(resolveBaseUrl(undefined, env).href).toBe('https://proxy.example/api/v1');
    expect(resolveBaseUrl(undefined, {}).href).toBe(DEFAULT_API_URL);
    expect(resolveBaseUrl(undefined, { OPENROUTER_API_URL: '' }).href).toBe(DEFAULT_API_URL);
  });

  it('refuses http:// to a non-loopback host, with a message that says why and what to do', () => {
    expect(() => resolveBaseUrl('http://openrouter.ai/api/v1', {})).toThrow(OradminError);
    expect(() => resolveBaseUrl('http://openrouter.ai/api/v1', {})).toThrow(
      /^--api-url "http:\/\/openrouter\.ai\/api\/v1" uses plain http:\/\/ to a non-loopback host, which would send the management key unencrypted; use https:\/\//,
    );
    expect(() => resolveBaseUrl(undefined, { OPENROUTER_API_URL: 'http://10.0.0.1:8080' })).toThrow(/^OPENROUTER_API_URL /);
    // Not fooled by a host that merely starts like a loopback address.
    expect(() => resolveBaseUrl('http://127.0.0.1.evil.example/', {})).toThrow(/non-loopback/);
    expect(() => resolveBaseUrl('http://localhost.evil.example/', {})).toThrow(/non-loopback/);
  });

  it('allows http:// to localhost, 127.0.0.0/8 and [::1]', () => {
    for (const url of ['http://localhost:8080/api/v1', 'http://127.0.0.1:1/api/v1', 'http://127.1.2.3/', 'http://[::1]:9/api/v1']) {
      expect(resolveBaseUrl(url, {}).protocol).toBe('http:');
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('refuses other schemes, credentials in the URL and text that is not a URL', () => {
    expect(() => resolveBaseUrl('ftp://openrouter.ai/', {})).toThrow(/must be an https:\/\/ URL/);
    expect(() => resolveBaseUrl('https://user:pw@openrouter.ai/', {})).toThrow(/must not contain credentials/);
    expect(() => resolveBaseUrl('openrouter.ai', {})).toThrow(/is not a URL/);
  });
});

describe('createClientFromEnv', () => {
  it('a missing credential is a one-line error naming the variable', () => {
    for (const env of [{}, { OPENROUTER_MANAGEMENT_KEY: '' }, { OPENROUTER_MANAGEMENT_KEY: '  ' }]) {
      let caught: unknown;
      try {
        createClientFromEnv({ env });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(OradminError);
      const message = (caught as Error).message;
      expect(message).toMatch(/^OPENROUTER_MANAGEMENT_KEY is not set/);
      expect(message).toContain('OPENROUTER_PROVISIONING_KEY');
      expect(message).not.toContain('\n');
    }
  });

  it('accepts the provisioning-key alias', async () => {
    const client = createClientFromEnv({ env: { OPENROUTER_PROVISIONING_KEY: 'sk-or-v1-abc' } });
    expect(client.baseUrl.href).toBe(DEFAULT_API_URL);
    await client.close();
  });

  it('checks the URL before anything else', () => {
    expect(() => createClientFromEnv({ apiUrl: 'http://example.com', env: { OPENROUTER_MANAGEMENT_KEY: 'k' } })).toThrow(/non-loopback/);
  });
});
