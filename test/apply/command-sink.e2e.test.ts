// The command sink, through the real CLI: a hanging command is stopped at secrets.timeout with its
// whole process group, and the new key deleted as for any failed delivery; whatever the command
// prints — the secret without its prefix, base64 — never reaches oradmin's output or --log-file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { liveKeyNames } from '../helpers/secrets.js';

/** Running, not just not yet reaped: an orphan killed in a container may linger as a zombie. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

describe('the command sink', () => {
  it('stops a hanging command at the timeout, kills its process group, and deletes the key', async () => {
    const o = await org();
    o.write('hang.sh', '#!/bin/sh\ncat > /dev/null\nsleep 300 &\necho $! > child.pid\nwait\n');
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { command: ["sh", "hang.sh"], timeout: 1s }\nkeys:\n  - { name: bot }\n');
    const started = Date.now();
    const r = await o.run(['apply', '--auto-approve'], { timeoutMs: 30_000 });
    expect(r.signal, 'apply did not hang').toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('secrets command for key.default/bot did not finish within 1 s and was stopped (its process group was killed)');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect([...liveKeyNames(o.sb).keys()], 'no key is left without its secret').toEqual([]);
    const child = Number(o.read('child.pid').trim());
    expect(alive(child), 'the command\u2019s own child was killed too').toBe(false);
  });

  it('never shows what the command printed, in any encoding of the secret', async () => {
    const o = await org();
    o.write(
      'leak.sh',
      [
        '#!/bin/sh',
        'payload=$(cat)',
        'secret=$(printf "%s" "$payload" | sed -e \'s/.*"secret":"\\([^"]*\\)".*/\\1/\')',
        'printf "%s" "$secret" > got-secret',
        'body=${secret#sk-or-v1-}',
        'echo "failed to store $body" >&2',
        'printf "%s" "$secret" | base64 >&2',
        'echo "stdout $body"',
        'exit 4',
      ].join('\n'),
    );
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { command: ["sh", "leak.sh"] }\nkeys:\n  - { name: bot }\n');
    const r = await o.run(['apply', '--auto-approve', '--log-file', 'audit.jsonl', '--verbose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('secrets command for key.default/bot exited with 4 (its output is not shown, as it could hold the secret)');
    const secret = o.read('got-secret');
    expect(secret).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    const forms = [secret, secret.slice('sk-or-v1-'.length), Buffer.from(secret).toString('base64').slice(0, 40)];
    const everything = r.stdout + r.stderr + readFileSync(path.join(o.dir, 'audit.jsonl'), 'utf8');
    for (const form of forms) expect(everything).not.toContain(form);
  });
});
