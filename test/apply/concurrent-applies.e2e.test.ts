// Two applies at once, as two real processes. Sharing one secrets file, neither loses the other's
// secrets (the file lock) nor deletes the other's in-flight `oradmin-pending:` keys (pending keys
// carry their run, and a run still holding its lease is left alone). With their own sinks and the
// same new key, the lease serializes them: one creates it, the other waits and finds nothing to do.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { expectKeysSecured, liveKeyNames, readSecrets } from '../helpers/secrets.js';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `  - { name: ${prefix}-${i}, limit: ${i + 1} }`).join('\n');
const file = (prefix: string, n: number) => `version: 1\nsecrets: { file: secrets.json }\nunmanaged: { keys: ignore }\nkeys:\n${keys(prefix, n)}\n`;

describe('concurrent applies', () => {
  it('two applies of 40 new keys each into one secrets file: every secret kept, nothing of the other deleted', async () => {
    const o = await org({}, { latencyMs: 2 });
    o.write('a.yaml', file('a', 40));
    o.write('b.yaml', file('b', 40));
    const [a, b] = await Promise.all([
      o.run(['-f', 'a.yaml', 'apply', '--auto-approve', '--lock=false']),
      o.run(['-f', 'b.yaml', 'apply', '--auto-approve', '--lock=false']),
    ]);
    expect(a.stderr).not.toMatch(/error|failed/i);
    expect(b.stderr).not.toMatch(/error|failed/i);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(o.sb.counts().deleteKeys ?? 0, 'neither apply deleted a key').toBe(0);
    const created = [...Array.from({ length: 40 }, (_, i) => `default/a-${i}`), ...Array.from({ length: 40 }, (_, i) => `default/b-${i}`)];
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), created);
    expect(Object.keys(readSecrets(path.join(o.dir, 'secrets.json')))).toHaveLength(80);
    expect(liveKeyNames(o.sb).size).toBe(80);
  });
});
