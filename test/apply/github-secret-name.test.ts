// scripts/action/bin/oradmin-github-secret (the action's command sink) names each GitHub secret after the key's address without
// collisions: key.a/b-c and key.a-b/c (one name before) and Bot/bot (GitHub ignores case) all differ.
// Run for real with a stand-in `gh` on PATH that records its arguments and stdin.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const SCRIPT = path.join(REPO, 'scripts/action/bin/oradmin-github-secret');

const run = promisify(execFile);

async function store(workspace: string, name: string): Promise<{ secretName: string; stdin: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-gh-'));
  const gh = path.join(dir, 'gh');
  writeFileSync(gh, `#!/bin/sh\nprintf '%s' "$3" > "${dir}/name"\ncat > "${dir}/stdin"\n`);
  chmodSync(gh, 0o755);
  const payload = { address: `key.${workspace}/${name}`, workspace, name, secret: 'sk-or-v1-test', hash: 'h', created_at: 'now' };
  const child = run('bash', [SCRIPT], { env: { PATH: `${dir}:${process.env.PATH}`, GITHUB_REPOSITORY: 'acme/infra' } });
  child.child.stdin!.end(JSON.stringify(payload));
  await child;
  return { secretName: readFileSync(path.join(dir, 'name'), 'utf8'), stdin: readFileSync(path.join(dir, 'stdin'), 'utf8') };
}

describe('oradmin-github-secret', () => {
  it('gives every address its own valid GitHub secret name', async () => {
    const addresses: [string, string][] = [
      ['a', 'b-c'],
      ['a-b', 'c'],
      ['default', 'Bot'],
      ['default', 'bot'],
      ['default', 'ci-bot'],
      ['default', 'ci_bot ✓'],
    ];
    const names = (await Promise.all(addresses.map(([w, n]) => store(w, n)))).map((r) => r.secretName);
    expect(new Set(names).size).toBe(addresses.length);
    for (const n of names) expect(n).toMatch(/^OPENROUTER_KEY_[A-Z0-9_]+$/);
    expect(names[4]).toBe('OPENROUTER_KEY_DEFAULT__CI_2DBOT');
  });

  it('passes the secret on through stdin', async () => {
    expect((await store('default', 'bot')).stdin).toBe('sk-or-v1-test');
  });
});
