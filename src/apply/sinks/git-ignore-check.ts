// Whether git could commit a file that will hold secrets. Fails closed: only a clear "not a git
// repository" (with no `.git` above the folder either) counts as outside a work tree; any other git
// failure — a repository owned by another user ("dubious ownership", exit 128), git missing from
// PATH beside a `.git`, an unreadable index — refuses with git's own reason, because "could not
// tell" must never mean "safe to write secrets here".
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OradminError } from '../../errors.js';

interface GitRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** git itself could not be started (ENOENT: not on PATH). */
  missing: boolean;
}

function git(args: string[], cwd: string): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 30_000 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        stdout: String(stdout),
        stderr: String(stderr),
        missing: e?.code === 'ENOENT',
      });
    });
  });
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file for worktrees and submodules). */
export function findWorkTree(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}

/**
 * Refuses unless every path in `paths` (the secrets file and a sample of its temporary files)
 * is outside any git work tree or ignored by git. `what` names the sink in messages.
 */
export async function refuseIfCommittable(paths: readonly string[], what: string): Promise<void> {
  const dir = path.dirname(paths[0]!);
  const walked = findWorkTree(dir);
  const probe = await git(['rev-parse', '--is-inside-work-tree'], dir);
  const cannotTell = (why: string) =>
    new OradminError(
      `refusing to write secrets to ${what}: cannot tell whether git would commit it (${why}). ` +
        'Fix git for this folder, or choose a path outside any repository.',
    );
  let inside: boolean;
  if (probe.missing) {
    if (walked) throw cannotTell(`${walked} is a git work tree, but git is not on PATH`);
    inside = false;
  } else if (probe.code === 0) {
    inside = probe.stdout.trim() === 'true' || walked !== undefined;
  } else if (/not a git repository/i.test(probe.stderr) && !walked) {
    inside = false;
  } else {
    throw cannotTell(`git rev-parse exited with ${probe.code ?? 'a signal'}: ${firstLine(probe.stderr) || 'no message'}`);
  }
  if (!inside) return;

  for (const [i, p] of paths.entries()) {
    const r = await git(['check-ignore', '-q', '--', p], dir);
    if (r.code === 0) continue;
    if (r.code === 1) {
      throw new OradminError(
        i === 0
          ? `refusing to write secrets to ${what}: it is inside a git work tree and git does not ignore it ` +
              '(add it to .gitignore, or choose a path outside the repository)'
          : `refusing to write secrets to ${what}: git ignores it but not its temporary files such as ${path.basename(p)}, ` +
              'which hold the secrets for a moment before the atomic rename (ignore the folder, or add ' +
              `\`${path.basename(p).replace(/\.[^.]+\.tmp$/, '.*.tmp')}\` to .gitignore)`,
      );
    }
    throw cannotTell(`git check-ignore exited with ${r.code ?? 'a signal'}: ${firstLine(r.stderr) || 'no message'}`);
  }
}
