// The file sink: one JSON object keyed by "<workspace>/<name>" holding each new key's secret, hash
// and creation time. Written after every key, atomically (temporary file, fsync, rename, fsync of
// the directory) with mode 0600, so a crash never leaves a half-written file and a delivered
// secret is on disk before oradmin moves on. Refused inside a git work tree unless git ignores it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OradminError } from '../../errors.js';
import type { DeliveredSecret, SecretSink } from './types.js';

const run = promisify(execFile);

interface Entry {
  secret: string;
  hash: string;
  created_at: string;
}

export class FileSink implements SecretSink {
  readonly description: string;
  private readonly file: string;
  // Deliveries run concurrently; the read-modify-write of the file must not interleave.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.file = path.resolve(file);
    this.description = `the secrets file ${file}`;
  }

  async check(): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const inside = await run('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree']).then(
      (r) => r.stdout.trim() === 'true',
      () => false,
    );
    if (!inside) return;
    const ignored = await run('git', ['-C', dir, 'check-ignore', '-q', this.file]).then(
      () => true,
      () => false,
    );
    if (!ignored) {
      throw new OradminError(
        `refusing to write secrets to ${this.file}: it is inside a git work tree and git does not ignore it ` +
          '(add it to .gitignore, or choose a path outside the repository)',
      );
    }
  }

  deliver(entry: DeliveredSecret): Promise<void> {
    const next = this.queue.then(() => this.write(entry));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async holds(hash: string): Promise<boolean> {
    await this.queue;
    const all = await this.read();
    return Object.values(all).some((e) => e.hash === hash);
  }

  private async read(): Promise<Record<string, Entry>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, Entry>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new OradminError(`cannot read the secrets file ${this.file}: ${(err as Error).message.split('\n')[0]}`);
    }
  }

  private async write(entry: DeliveredSecret): Promise<void> {
    const all = await this.read();
    all[`${entry.workspace}/${entry.name}`] = { secret: entry.secret, hash: entry.hash, created_at: entry.created_at };
    const dir = path.dirname(this.file);
    const tmp = path.join(dir, `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(all, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}
