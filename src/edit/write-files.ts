// Writing edited files: each one replaced atomically (a temporary file in the same directory, synced,
// then renamed over it, so a reader sees the old or the new file and never half of one), keeping the
// file's mode, and only if its bytes are still the ones the edit started from — a file changed in
// the meantime (an editor, a git checkout) is never overwritten.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OradminError } from '../errors.js';

export interface FileWrite {
  file: string;
  /** The bytes the edit was made from. */
  expected: Buffer;
  text: string;
}

export class FileChangedError extends OradminError {}

export async function writeFilesAtomically(writes: readonly FileWrite[]): Promise<void> {
  await refuseChanged(writes);
  const temps: { temp: string; file: string }[] = [];
  try {
    for (const w of writes) {
      const { mode } = await stat(w.file);
      const temp = path.join(path.dirname(w.file), `.${path.basename(w.file)}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push({ temp, file: w.file });
      const handle = await open(temp, 'wx', mode & 0o7777);
      try {
        await handle.writeFile(w.text, 'utf8');
        // The mode given to open() is reduced by the umask; set it exactly.
        await handle.chmod(mode & 0o7777);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    // Checked again right before the renames: the window left is the renames themselves.
    await refuseChanged(writes);
    while (temps.length > 0) {
      const { temp, file } = temps[0]!;
      await rename(temp, file);
      temps.shift();
    }
  } finally {
    await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
  }
}

async function refuseChanged(writes: readonly FileWrite[]): Promise<void> {
  for (const w of writes) {
    const now = await readFile(w.file).catch(() => undefined);
    if (!now || !now.equals(w.expected)) {
      throw new FileChangedError(`${w.file} changed while the edit was being prepared; nothing was written — ask again to edit the current file`);
    }
  }
}
