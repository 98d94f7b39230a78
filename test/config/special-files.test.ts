// Only regular files are read as desired state, and never more than the size limit: a directory
// entry linked to /dev/zero (size 0, endless) or a FIFO (an open that blocks until a writer comes)
// is refused at once with a message naming the file, through the real CLI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function dirWithValidFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-special-'));
  writeFileSync(path.join(dir, 'a.yaml'), 'version: 1\nkeys:\n  - { name: bot }\n');
  return dir;
}

describe('desired-state files that are not regular files', () => {
  it('a directory entry linked to /dev/zero is refused without reading it', async () => {
    const dir = dirWithValidFile();
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const started = Date.now();
    const r = await runCli(['validate', '-f', dir], { timeoutMs: 20_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, 'zero.yaml')}:1:1: ${path.join(dir, 'zero.yaml')} is a character device, not a regular file`);
    expect(r.stderr).not.toContain('internal error');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a FIFO is refused instead of hanging, as a directory entry and as -f', async () => {
    const dir = dirWithValidFile();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const target of [dir, fifo]) {
      const r = await runCli(['validate', '-f', target], { timeoutMs: 20_000 });
      expect(r.signal, 'validate did not hang').toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${fifo} is a named pipe (FIFO), not a regular file`);
    }
  });

  it('a symbolic link to a regular file is read as that file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-special-'));
    const real = path.join(dir, 'real.txt');
    writeFileSync(real, 'version: 1\n');
    symlinkSync(real, path.join(dir, 'linked.yaml'));
    const r = await runCli(['validate', '-f', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
