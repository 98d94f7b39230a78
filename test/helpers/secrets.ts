// Checks on the secrets file and the live keys after an apply: every declared key has exactly one
// live key, whose secret is in the file and hashes to the live hash; nothing pending is left.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { expect } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';

export interface SecretEntry {
  secret: string;
  hash: string;
  created_at: string;
}

export function readSecrets(file: string): Record<string, SecretEntry> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, SecretEntry>;
}

/** Every key of every workspace, as workspace/name → hashes. */
export function liveKeyNames(sb: Sandbox): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ws of sb.state.workspaces()) {
    for (const k of sb.state.keysIn(ws.slug)) out.set(`${ws.slug}/${k.name}`, [...(out.get(`${ws.slug}/${k.name}`) ?? []), k.hash]);
  }
  return out;
}

/**
 * The invariants of key creation: no duplicate, no pending key, and for each created key its
 * secret is in the file (mode 0600) and is the live key's.
 */
export function expectKeysSecured(sb: Sandbox, secretsFile: string, created: readonly string[]): void {
  const live = liveKeyNames(sb);
  for (const [name, hashes] of live) {
    expect(name, 'no key is left in the middle of the creation protocol').not.toMatch(/oradmin-pending:/);
    expect(hashes, `exactly one live key named ${name}`).toHaveLength(1);
  }
  expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
  const secrets = readSecrets(secretsFile);
  for (const name of created) {
    const entry = secrets[name];
    expect(entry, `the secret of ${name} was delivered`).toBeDefined();
    expect(createHash('sha256').update(entry!.secret).digest('hex')).toBe(entry!.hash);
    expect(live.get(name), `${name} exists live with the delivered secret`).toEqual([entry!.hash]);
  }
}
