// scripts/action/run.sh on its own, for what the workflows do not vary: how `args` are split and
// which variables hold the management key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

function runScript(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-run-sh-'));
  writeFileSync(path.join(dir, 'openrouter.admin.yaml'), 'version: 1\nkeys:\n  - { name: bot, limit: 5 }\n');
  return spawnSync('bash', [path.join(REPO, 'scripts/action/run.sh')], {
    cwd: dir,
    // CI-like, but with nothing inherited: no key unless a test gives one.
    env: { PATH: process.env.PATH ?? '', HOME: dir, RUNNER_TEMP: dir, GITHUB_ACTION_PATH: REPO, ORADMIN_FILE: 'openrouter.admin.yaml', NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
}

describe('scripts/action/run.sh', () => {
  it('splits args on any whitespace, newlines included (args: | over several lines)', () => {
    const r = runScript({ ORADMIN_COMMAND: 'validate', ORADMIN_ARGS: '-o\njson\n' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('"errors": []');
  });

  it('takes the management key from its alias too; without either it says why, once', () => {
    const none = runScript({ ORADMIN_COMMAND: 'plan' });
    expect(none.status).toBe(1);
    expect(none.stdout).toMatch(/^::error title=oradmin plan::OPENROUTER_MANAGEMENT_KEY \(or its alias OPENROUTER_PROVISIONING_KEY\) is empty/m);
    // With the alias set, the plan is attempted (and fails here on the unreachable API instead).
    const alias = runScript({ ORADMIN_COMMAND: 'plan', OPENROUTER_PROVISIONING_KEY: 'sk-or-v1-test', OPENROUTER_API_URL: 'http://127.0.0.1:9/api/v1' });
    expect(alias.status).toBe(1);
    expect(alias.stdout).not.toContain('is empty');
    expect(alias.stdout).toMatch(/127\.0\.0\.1:9/);
  });
});
