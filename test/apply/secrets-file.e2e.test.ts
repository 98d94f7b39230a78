// The secrets file under adverse conditions, through the real CLI: git that cannot answer (missing
// from PATH, a repository owned by another user) refuses instead of writing secrets into a work
// tree; temporary files need ignoring too; a full disk (RLIMIT_FSIZE via `ulimit -f`: Node ignores
// SIGXFSZ, so the write fails with EFBIG) leaves no temporary copy of the secrets behind.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { org, type Org } from '../helpers/org.js';
import { liveKeyNames } from '../helpers/secrets.js';
import { expectOnlyLeaseWrites } from '../helpers/lease.js';

const DESIRED = 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: bot }\n';

function gitInit(o: Org, ignore: string): void {
  execFileSync('git', ['init', '-q'], { cwd: o.dir });
  o.write('.gitignore', ignore);
}

describe('the secrets file', () => {
  it('refuses when git is not on PATH beside a .git, even if .gitignore would ignore the file', async () => {
    const o = await org();
    gitInit(o, 'secrets.json\n.secrets.json.*.tmp\n');
    o.write('openrouter.admin.yaml', DESIRED);
    const r = await o.run(['apply', '--auto-approve'], { env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot tell whether git would commit it (${o.dir} is a git work tree, but git is not on PATH)`);
    expectOnlyLeaseWrites(o);
    expect(readdirSync(o.dir)).not.toContain('secrets.json');
  });

  it('refuses when git fails for another reason (a repository owned by another user)', async () => {
    const o = await org();
    gitInit(o, 'secrets.json\n.secrets.json.*.tmp\n');
    o.write('openrouter.admin.yaml', DESIRED);
    execFileSync('chown', ['-R', '65534:65534', o.dir]);
    const r = await o.run(['apply', '--auto-approve'], { env: { HOME: o.dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot tell whether git would commit it \(git check-ignore exited with 128: fatal: detected dubious ownership in repository/);
    expectOnlyLeaseWrites(o);
    chownSync(o.dir, 0, 0);
  });

  it('requires the temporary files to be ignored too, and names the pattern to add', async () => {
    const o = await org();
    gitInit(o, 'secrets.json\n');
    o.write('openrouter.admin.yaml', DESIRED);
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('git ignores it but not its temporary files such as .secrets.json.0123456789ab.tmp');
    expect(r.stderr).toContain('add `.secrets.json.*.tmp` to .gitignore');
    expectOnlyLeaseWrites(o);
    o.write('.gitignore', 'secrets.json\n.secrets.json.*.tmp\n');
    expect((await o.run(['apply', '--auto-approve'])).code).toBe(0);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: o.dir }).toString()).not.toContain('secrets');
  });

  it('a full disk leaves no temporary file and no key behind, and the file as it was', async () => {
    const o = await org();
    const earlier = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`default/old-${i}`, { secret: `sk-or-v1-${'0'.repeat(63)}${i % 10}`, hash: `h${i}`, created_at: '2026-01-01T00:00:00.000Z' }]),
    );
    const before = `${JSON.stringify(earlier, null, 2)}\n`;
    o.write('secrets.json', before);
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: secrets.json }\nunmanaged: { keys: ignore }\nkeys:\n  - { name: bot }\n');
    expect(before.length).toBeGreaterThan(8 * 1024);
    // 8 KiB: the existing file can be read, the new version cannot be written.
    const r = await runUnderFileLimit(o, 8, ['apply', '--auto-approve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the secret of key\.default\/bot to \S+secrets\.json: EFBIG \(the disk or the file size limit is full\)/);
    expect(readdirSync(o.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(path.join(o.dir, 'secrets.json'), 'utf8')).toBe(before);
    expect([...liveKeyNames(o.sb).keys()]).toEqual([]);
  });
});

function runUnderFileLimit(o: Org, kib: number, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd: o.dir,
      env: { PATH: process.env.PATH ?? '', HOME: o.dir, NO_COLOR: '1', ...o.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
