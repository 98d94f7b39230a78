// Atomic writes that keep the file's mode and never overwrite a file changed since it was read.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileChangedError, writeFilesAtomically } from '../../src/edit/write-files.js';

function fixture(content: string, mode = 0o640): { dir: string; file: string; bytes: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'oradmin-write-'));
  const file = path.join(dir, 'openrouter.admin.yaml');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return { dir, file, bytes: readFileSync(file) };
}

describe('writeFilesAtomically', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', async () => {
    const { dir, file, bytes } = fixture('version: 1\n', 0o640);
    await writeFilesAtomically([{ file, expected: bytes, text: 'version: 1\nkeys: []\n' }]);
    expect(readFileSync(file, 'utf8')).toBe('version: 1\nkeys: []\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['openrouter.admin.yaml']);
  });

  it('refuses when the bytes changed since they were read, and writes none of the files', async () => {
    const a = fixture('version: 1\n');
    const b = fixture('version: 1\n');
    writeFileSync(b.file, 'version: 1\n# edited by someone else\n');
    await expect(
      writeFilesAtomically([
        { file: a.file, expected: a.bytes, text: 'a\n' },
        { file: b.file, expected: b.bytes, text: 'b\n' },
      ]),
    ).rejects.toThrow(FileChangedError);
    expect(readFileSync(a.file, 'utf8')).toBe('version: 1\n');
    expect(readFileSync(b.file, 'utf8')).toBe('version: 1\n# edited by someone else\n');
    expect(readdirSync(a.dir)).toEqual(['openrouter.admin.yaml']);
  });
});
