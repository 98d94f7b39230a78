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

function git(args: string[], cwd: string, input?: string): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { cwd, timeout: 30_000 }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        stdout: String(stdout),
        stderr: String(stderr),
        missing: e?.code === 'ENOENT',
      });
    });
    child.stdin?.on('error', () => undefined); // git not started, or gone before reading
    child.stdin?.end(input ?? '');
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
export async function refuseIfCommittable(paths: readonly string[], what: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dir = path.dirname(paths[0]!);
  const walked = findWorkTree(dir);
  // Git finds a repository only by a `.git` above the folder or through GIT_DIR / GIT_WORK_TREE: with
  // neither there is nothing to ask (and plan, which checks the sink, starts no process for it).
  if (!walked && !env.GIT_DIR && !env.GIT_WORK_TREE) return;
  const cannotTell = (why: string) =>
    new OradminError(
      `refusing to write secrets to ${what}: cannot tell whether git would commit it (${why}). ` +
        'Fix git for this folder, or choose a path outside any repository.',
    );
  // One run for every path: with --non-matching --verbose -z each path gets four NUL-terminated
  // fields (source, line, pattern, path), the first three empty when no rule ignores it. Exit 0:
  // some matched; 1: none; anything else: git could not tell.
  const r = await git(['check-ignore', '--non-matching', '--verbose', '-z', '--stdin'], dir, paths.map((p) => `${p}\0`).join(''));
  if (r.missing) throw cannotTell(`${walked ?? 'GIT_DIR'} is a git work tree, but git is not on PATH`);
  if (r.code !== 0 && r.code !== 1) {
    if (/not a git repository/i.test(r.stderr) && !walked) return;
    throw cannotTell(`git check-ignore exited with ${r.code ?? 'a signal'}: ${firstLine(r.stderr) || 'no message'}`);
  }
  const fields = r.stdout.split('\0');
  const notIgnored = new Set<string>();
  for (let i = 0; i + 3 < fields.length; i += 4) if (fields[i] === '') notIgnored.add(fields[i + 3]!);
  if (fields.length < paths.length * 4) throw cannotTell(`git check-ignore answered for ${Math.floor(fields.length / 4)} of ${paths.length} paths`);
  for (const [i, p] of paths.entries()) {
    if (!notIgnored.has(p)) continue;
    throw new OradminError(
      i === 0
        ? `refusing to write secrets to ${what}: it is inside a git work tree and git does not ignore it ` +
            '(add it to .gitignore, or choose a path outside the repository)'
        : `refusing to write secrets to ${what}: git ignores it but not its temporary files such as ${path.basename(p)}, ` +
            'which hold the secrets for a moment before the atomic rename (ignore the folder, or add ' +
            `\`${path.basename(p).replace(/\.[^.]+\.tmp$/, '.*.tmp')}\` to .gitignore)`,
    );
  }
}
