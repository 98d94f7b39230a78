// The file sink: one JSON object keyed by "<workspace>/<name>" holding each new key's secret, hash
// and creation time — and, for a rotation's successor, `predecessor: { hash, retires_at }`: the key
// it replaced in that entry, and from when that key stops working (PRODUCT.md section 8). The entry
// is replaced whole, in the same atomic write, so a reader sees the old secret or the new one. Written after every key, atomically (temporary file, fsync, rename, fsync of
// the directory) with mode 0600, so a crash never leaves a half-written file and a delivered
// secret is on disk before oradmin moves on. Every read-modify-write holds an exclusive lock file
// (file-lock.ts), so that concurrent applies into one file lose no entry, and is read back after
// the rename. The temporary file is removed on every failure (a full disk would otherwise leave a
// copy of every secret beside the file). Refused inside a git work tree unless git ignores both the
// file and its temporary files (git-ignore-check.ts, which fails closed).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OradminError } from '../../errors.js';
import { withFileLock } from './file-lock.js';
import { refuseIfCommittable } from './git-ignore-check.js';
import type { DeliveredSecret, SecretSink } from './types.js';

interface Entry {
  secret: string;
  hash: string;
  created_at: string;
  /** A rotation's successor: the predecessor's hash and when it retires (its secret is not kept). */
  predecessor?: { hash: string; retires_at: string };
}

export class FileSink implements SecretSink {
  readonly description: string;
  private readonly file: string;
  // Deliveries of one apply run concurrently; they take turns here before contending for the lock.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.file = path.resolve(file);
    this.description = `the secrets file ${file}`;
  }

  private get dir(): string {
    return path.dirname(this.file);
  }

  private tempName(suffix: string): string {
    return path.join(this.dir, `.${path.basename(this.file)}.${suffix}.tmp`);
  }

  private get lockName(): string {
    return path.join(this.dir, `.${path.basename(this.file)}.lock`);
  }

  async check(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await refuseIfCommittable([this.file, this.tempName('0123456789ab')], this.file);
  }

  deliver(entry: DeliveredSecret): Promise<void> {
    const next = this.queue.then(() => withFileLock(this.lockName, () => this.write(entry)));
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
    const name = `${entry.workspace}/${entry.name}`;
    const all = await this.read();
    all[name] = {
      secret: entry.secret,
      hash: entry.hash,
      created_at: entry.created_at,
      ...(entry.rotation ? { predecessor: { hash: entry.rotation.predecessor_hash, retires_at: entry.rotation.predecessor_retires_at } } : {}),
    };
    await this.replaceFile(`${JSON.stringify(all, null, 2)}\n`, entry.address);
    // Read back: a writer that broke our lock as stale could have renamed its version over ours.
    if ((await this.read())[name]?.hash !== entry.hash) {
      throw new OradminError(`the secrets file ${this.file} changed while the secret of ${entry.address} was written to it; it was not kept`);
    }
  }

  private async replaceFile(text: string, address: string): Promise<void> {
    const tmp = this.tempName(randomBytes(6).toString('hex'));
    try {
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      const code = (err as NodeJS.ErrnoException).code;
      throw new OradminError(
        `cannot write the secret of ${address} to ${this.file}: ${code ?? (err as Error).message.split('\n')[0]}` +
          (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' ? ' (the disk or the file size limit is full)' : ''),
      );
    }
    const dirHandle = await open(this.dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }
}
