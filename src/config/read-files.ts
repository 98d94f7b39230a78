// Reading the desired-state files from disk, without parsing them: a file, or the `*.yaml`/`*.yml`
// files of a directory in name order, each checked to be a regular file of bounded size. Apart from
// source.ts (and free of the YAML library) so that plan can read them, and try the fast parser on
// them, before the rest of its modules are loaded (cli/early-reads.ts).
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { parseFastYaml } from './fast-yaml.js';

/** Larger than any real organization's file (10,000 keys is about 1.5 MB); hostile input fails fast. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** What the fast parser made of a text: its value, or null when the text needs the YAML library. */
export type FastParse = { value: unknown } | null;

export interface ReadTexts {
  texts: { file: string; text: string; fast?: FastParse }[];
  diagnostics: Diagnostic[];
}

export async function readTexts(target: string, options: { parse?: boolean } = {}): Promise<ReadTexts> {
  const diagnostics: Diagnostic[] = [];
  let info;
  try {
    info = await stat(target);
  } catch {
    diagnostics.push(at(target, 1, 1, `cannot read ${target}: no such file or directory (use -f <file or directory>)`));
    return { texts: [], diagnostics };
  }
  let files: string[];
  if (info.isDirectory()) {
    files = (await readdir(target))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()
      .map((n) => path.join(target, n));
    if (files.length === 0) {
      diagnostics.push(at(target, 1, 1, `directory ${target} holds no *.yaml files`));
    }
  } else {
    files = [target];
  }
  const texts: ReadTexts['texts'] = [];
  for (const file of files) {
    const read = await readRegularFile(file);
    if (typeof read === 'string') diagnostics.push(at(file, 1, 1, read));
    else texts.push(options.parse ? { file, text: read.text, fast: parseFastYaml(read.text) ?? null } : { file, text: read.text });
  }
  return { texts, diagnostics };
}

/**
 * The text of a regular file of at most MAX_FILE_BYTES, or why not. Checking `stat().size` and then
 * reading is not enough: a name linked to /dev/zero reports size 0 and never ends, a FIFO blocks
 * the open until a writer comes, and a file can grow between the two calls. So the file is opened
 * without blocking, checked on the open handle, and read with a hard bound.
 */
async function readRegularFile(file: string): Promise<{ text: string } | string> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return `${file} is ${fileKind(info)}, not a regular file; only regular files are read as desired state`;
    }
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, MAX_FILE_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return tooLarge(total, true);
    }
    return { text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    return `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, grew = false): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return grew
    ? `file grew past ${MAX_FILE_BYTES / 1024 / 1024} MB while it was read; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`
    : `file is ${mb(size)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`;
}

function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}


function at(file: string, line: number, col: number, message: string): Diagnostic {
  return { severity: 'error', file, line, col, message };
}
