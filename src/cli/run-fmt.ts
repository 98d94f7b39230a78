// `oradmin fmt [--check]`: the desired-state file(s) in the canonical layout (format/format-yaml.ts).
// With --check nothing is written and the command fails when a file is not formatted — a PR check.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFilesAtomically } from '../edit/write-files.js';
import { OradminError } from '../errors.js';
import { formatYaml } from '../format/format-yaml.js';
import { terminalText } from '../untrusted.js';
import type { Io } from './context.js';

export async function runFmt(io: Io, target: string, check: boolean): Promise<number> {
  const files = await filesOf(target);
  const writes = [];
  const unformatted: string[] = [];
  let problems = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');
    const result = formatYaml(text);
    if (result.problem) {
      io.stderr.write(`${terminalText(file)}: left as it is: ${result.problem}\n`);
      problems++;
      continue;
    }
    if (result.text === text) continue;
    unformatted.push(file);
    writes.push({ file, expected: bytes, text: result.text });
  }
  if (check) {
    for (const f of unformatted) io.stderr.write(`${terminalText(f)} is not formatted (run oradmin fmt)\n`);
    return unformatted.length > 0 || problems > 0 ? 1 : 0;
  }
  await writeFilesAtomically(writes);
  for (const f of unformatted) io.stderr.write(`formatted ${terminalText(f)}\n`);
  return problems > 0 ? 1 : 0;
}

async function filesOf(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new OradminError(`cannot read ${target}: no such file or directory (use -f <file or directory>)`);
  }
  if (!info.isDirectory()) return [target];
  return (await readdir(target))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => path.join(target, n));
}
