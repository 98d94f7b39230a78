// The one redaction point: registered secrets (any format, URL-encoded too) and any sk-or-… string.
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, redactSecrets } from '../../src/api/redact.js';
import { AmbiguousWriteError, ApiError } from '../../src/api/errors.js';

// Built at run time: a full-length literal secret must never be committed, even a fake one.
const SECRET = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;

describe('Redactor', () => {
  it('removes any sk-or-… string, registered or not', () => {
    expect(redactSecrets(`key ${SECRET} and sk-or-v2-x_y-z.`)).toBe(`key ${REDACTED} and ${REDACTED}.`);
    expect(new Redactor().redact(`"${SECRET}"`)).toBe(`"${REDACTED}"`);
  });

  it('removes registered secrets of any format, and their URL-encoded form', () => {
    const r = new Redactor(['mgmt key/with+odd chars']);
    r.add('plain-token-123');
    expect(r.redact('a mgmt key/with+odd chars b')).toBe(`a ${REDACTED} b`);
    expect(r.redact(`/x?k=${encodeURIComponent('mgmt key/with+odd chars')}`)).toBe(`/x?k=${REDACTED}`);
    expect(r.redact('token plain-token-123 twice plain-token-123')).toBe(`token ${REDACTED} twice ${REDACTED}`);
  });

  it('ignores an empty secret instead of matching everywhere', () => {
    const r = new Redactor(['']);
    expect(r.redact('unchanged')).toBe('unchanged');
  });
});

describe('ApiError message', () => {
  it('reads as one line naming the call, the object and the API message', () => {
    const e = new ApiError({
      operation: 'createKeys',
      method: 'POST',
      path: '/keys',
      status: 400,
      apiMessage: 'expires_at must be in the future',
      address: 'key.default/ci-bot',
    });
    expect(e.message).toBe('POST /keys (createKeys) for key.default/ci-bot failed: 400 expires_at must be in the future');
    expect(e.status).toBe(400);
    expect(e.exitCode).toBe(1);
  });

  it('names transport failures and the attempts made, and is redacted and one line', () => {
    const e = new ApiError({
      operation: 'list',
      method: 'GET',
      path: '/keys?offset=100',
      code: 'ECONNRESET',
      attempts: 5,
      apiMessage: `echo\n${SECRET}`,
    });
    expect(e.message).toBe(
      `GET /keys?offset=100 (list) failed: connection reset by the server (ECONNRESET) echo ${REDACTED} (after 5 attempts)`,
    );
    expect(e.status).toBeUndefined();
    expect(e.apiMessage).toBe(`echo ${REDACTED}`);
  });

  it('an ambiguous write says the server may have committed it', () => {
    const e = new AmbiguousWriteError({ operation: 'createKeys', method: 'POST', path: '/keys', code: 'UND_ERR_SOCKET' });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toMatch(/^POST \/keys \(createKeys\) failed: connection closed by the server \(UND_ERR_SOCKET\) — the server may have committed/);
  });
});
