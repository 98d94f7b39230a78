// `oradmin init` in an empty repository: a file that validates, its schema beside it, the secrets
// path git-ignored, the workflows — and nothing overwritten on a second run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

describe('oradmin init', () => {
  it('writes a starter that validates, keeps the secrets file out of git, and never overwrites', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'oradmin-init-'));
    git(repo, 'init', '-q');
    const r = await runCli(['init'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    for (const f of ['openrouter.admin.yaml', 'openrouter.admin.schema.json', '.gitignore', '.github/workflows/oradmin-plan.yml', '.github/workflows/oradmin-apply.yml', '.github/workflows/oradmin-drift.yml']) {
      expect(existsSync(path.join(repo, f)), f).toBe(true);
    }
    const file = readFileSync(path.join(repo, 'openrouter.admin.yaml'), 'utf8');
    expect(file.startsWith('# yaml-language-server: $schema=./openrouter.admin.schema.json\n')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(repo, 'openrouter.admin.schema.json'), 'utf8')).title).toContain('oradmin');

    const v = await runCli(['validate'], { cwd: repo });
    expect(v.code, v.stderr).toBe(0);
    // The secrets file the starter names is ignored: git status does not list it.
    mkdirSync(path.join(repo, '.oradmin'));
    writeFileSync(path.join(repo, '.oradmin', 'secrets.json'), '{}');
    expect(git(repo, 'status', '--porcelain', '--untracked-files=all')).not.toContain('.oradmin');

    // Again: everything is kept, .gitignore gains nothing twice.
    writeFileSync(path.join(repo, 'openrouter.admin.yaml'), `${file}# mine\n`);
    const again = await runCli(['init'], { cwd: repo });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('kept openrouter.admin.yaml (it exists; init never overwrites)');
    expect(readFileSync(path.join(repo, 'openrouter.admin.yaml'), 'utf8')).toContain('# mine');
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8').match(/^\.oradmin\/$/gm)).toHaveLength(1);
  });

  it('-f puts the file elsewhere; --no-workflows leaves .github alone', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'oradmin-init-'));
    const r = await runCli(['-f', 'config/org.yaml', 'init', '--no-workflows'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(repo, 'config', 'org.yaml'))).toBe(true);
    expect(existsSync(path.join(repo, 'config', 'openrouter.admin.schema.json'))).toBe(true);
    expect(existsSync(path.join(repo, '.github'))).toBe(false);
    expect((await runCli(['-f', 'config/org.yaml', 'validate'], { cwd: repo })).code).toBe(0);
  });
});
